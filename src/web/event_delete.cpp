// POST /evenements/{id}/supprimer: deletes a draft that has no registration (409 otherwise).
#include "store/events.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_delete(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  auto deleted = store::delete_event(c.app.store, c.territory_id(), e->id, author_of(c));
  if (deleted.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!deleted.ok()) {
    domain::Errors errors = deleted.errors;
    if (errors.empty()) errors["status"] = "Seul un brouillon sans inscription peut être supprimé.";
    if (!errors.count("status")) errors["status"] = errors.begin()->second;
    return event_manage_page(c, *e, errors, status_of(deleted));
  }
  return http::Response::redirect("/evenements/gerer?msg=evenement-supprime");
}

}  // namespace passerelles::web
