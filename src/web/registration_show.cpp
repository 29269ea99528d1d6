// GET /inscriptions/{token}: the private page of a registration, reached by the e-mailed link: status, counts,
// check-in code, and the forms to confirm (a POST: mail scanners follow links), change or cancel it.
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response registration_show(Ctx& c) {
  auto v = store::registration_by_token(c.app.store, c.req.params.at("token"));
  if (!v) return private_response(c.not_found());
  return registration_page(c, *v, nullptr, {}, 200, c.req.query("etat"));
}

}  // namespace passerelles::web
