// POST /reponse/{token}/accepter: the one-click acceptance from the e-mail (see assignment_accept for what follows).
#include "store/accounts.hpp"
#include "web/assignment_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_answer_accept(Ctx& c) {
  const std::string token = c.req.params.at("token");
  auto a = store::assignment_by_token(c.app.store, token);
  if (!a) return private_not_found(c);
  auto out = store::accept_assignment(c.app.store, a->id, store::now_unix());
  if (!out.result.ok()) return assignment_answer_page(c, *a, out.result.errors, status_of(out.result));
  if (out.request_confirmed) send_confirmation_mails(c, *a);
  return http::Response::redirect("/reponse/" + token + "?msg=" + (out.request_confirmed ? "confirmee" : "acceptee"));
}

}  // namespace passerelles::web
