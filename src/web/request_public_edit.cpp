// GET /demandes/{token}/modifier: the edit form of a request still waiting (unconfirmed or open); otherwise the
// private page says why it cannot change.
#include "store/requests.hpp"
#include "web/handlers.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

http::Response request_public_edit(Ctx& c) {
  auto r = store::request_by_token(c.app.store, c.req.params.at("token"));
  if (!r) return request_private(c.not_found());
  if (r->anonymised || (r->status != "unconfirmed" && r->status != "open"))
    return request_private_page(
        c, *r, {{"status", "Cette demande ne peut plus être modifiée : écrivez à la coordination si besoin."}}, 409, "",
        false);
  return request_edit_page(c, *r, request_form_of(*r), {}, 200);
}

}  // namespace passerelles::web
