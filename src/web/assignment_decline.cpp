// POST /collectif/interventions/{id}/decliner: she declines an invitation with a reason (a common one from the list,
// or her own words); the place goes back into the next matching run.
#include "store/accounts.hpp"
#include "web/assignment_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_decline(Ctx& c) {
  http::Response refusal;
  auto a = my_assignment(c, refusal);
  if (!a) return refusal;
  auto saved = store::decline_assignment(c.app.store, a->id, decline_reason_from_form(c.req), store::now_unix());
  if (!saved.ok()) return assignment_index_page(c, a->id, saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/interventions?msg=declinee");
}

}  // namespace passerelles::web
