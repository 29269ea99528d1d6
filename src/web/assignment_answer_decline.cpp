// POST /reponse/{token}/decliner: declining from the e-mail, with a reason (required).
#include "store/accounts.hpp"
#include "web/assignment_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_answer_decline(Ctx& c) {
  const std::string token = c.req.params.at("token");
  auto a = store::assignment_by_token(c.app.store, token);
  if (!a) return private_not_found(c);
  auto saved = store::decline_assignment(c.app.store, a->id, decline_reason_from_form(c.req), store::now_unix());
  if (!saved.ok()) return assignment_answer_page(c, *a, saved.errors, status_of(saved));
  return http::Response::redirect("/reponse/" + token + "?msg=declinee");
}

}  // namespace passerelles::web
