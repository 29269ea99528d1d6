// POST /collectif/interventions/{id}/accepter: she accepts an invitation. When that fills the request, the teacher
// and every accepted ambassador get the details and the .ics invitation. Refused (on the list, next to the
// invitation) when she already intervenes that day or the invitation is no longer open.
#include "store/accounts.hpp"
#include "web/assignment_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_accept(Ctx& c) {
  http::Response refusal;
  auto a = my_assignment(c, refusal);
  if (!a) return refusal;
  auto out = store::accept_assignment(c.app.store, a->id, store::now_unix());
  if (!out.result.ok()) return assignment_index_page(c, a->id, out.result.errors, status_of(out.result));
  if (out.request_confirmed) send_confirmation_mails(c, *a);
  return http::Response::redirect(std::string("/collectif/interventions?msg=") +
                                  (out.request_confirmed ? "confirmee" : "acceptee"));
}

}  // namespace passerelles::web
