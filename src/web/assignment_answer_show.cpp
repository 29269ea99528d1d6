// GET /reponse/{token}: the one-click answer page the invitation e-mail links to, without signing in: what is
// proposed, and two buttons (accept; decline with a reason). A GET never changes anything (mail scanners follow
// links).
#include "web/assignment_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_answer_show(Ctx& c) {
  auto a = store::assignment_by_token(c.app.store, c.req.params.at("token"));
  if (!a) return private_not_found(c);
  return assignment_answer_page(c, *a, {}, 200);
}

}  // namespace passerelles::web
