// POST /collectif/interventions/{id}/annuler: she cancels an accepted intervention with notice (reason required);
// the teacher and the coordinators are told, and the place goes back into matching.
#include "store/accounts.hpp"
#include "web/assignment_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_cancel(Ctx& c) {
  http::Response refusal;
  auto a = my_assignment(c, refusal);
  if (!a) return refusal;
  const std::string reason = c.req.form("reason");
  auto saved = store::cancel_assignment(c.app.store, a->id, "ambassador", reason, store::now_unix());
  if (!saved.ok()) return assignment_index_page(c, a->id, saved.errors, status_of(saved));
  store::AssignmentView cancelled = *a;  // as it was (the day the teacher was given), now cancelled
  cancelled.status = "cancelled";
  cancelled.cancelled_by = "ambassador";
  cancelled.cancel_reason = reason;
  send_cancellation_mails(c, cancelled);
  return http::Response::redirect("/collectif/interventions?msg=annulee");
}

}  // namespace passerelles::web
