// GET /demandes/{token}: the teacher's private page, reached by the e-mailed link: status in words, what she
// asked, the days, the ambassadors once confirmed, and the forms to confirm (a POST: mail scanners follow links),
// edit or cancel it. Unknown tokens are 404.
#include "store/requests.hpp"
#include "web/handlers.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

http::Response request_public_show(Ctx& c) {
  auto r = store::request_by_token(c.app.store, c.req.params.at("token"));
  if (!r) return request_private(c.not_found());
  return request_private_page(c, *r, {}, 200, c.req.query("etat"), c.req.query("confirmer") == "1");
}

}  // namespace passerelles::web
