// POST /evenements/{id}/modifier: validates and saves the event. A capacity below the places already booked is
// refused by the store (its message next to the field); a larger one moves the waiting list up, and the
// registrations promoted are told by e-mail.
#include "store/events.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_update(Ctx& c) {
  http::Response refusal;
  auto stored = event_to_manage(c, refusal);
  if (!stored) return refusal;
  domain::Errors errors;
  domain::Event e = event_from_form(c.req, *stored, errors);
  domain::normalise(e);
  domain::merge_into(errors, domain::validate(e, plan_today(), false));
  check_host(c, e, errors);
  if (!errors.empty()) return event_form(c, e, errors, 422);
  std::vector<domain::Registration> promoted;
  auto saved = store::update_event(c.app.store, e, author_of(c), &promoted);
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return event_form(c, e, saved.errors, status_of(saved));
  auto fresh = store::event_by_id(c.app.store, c.territory_id(), e.id);
  send_mails(c, promoted_mails(c, fresh ? *fresh : e, promoted));
  return http::Response::redirect("/evenements/" + std::to_string(e.id) +
                                  "/gestion?msg=evenement-enregistre&promues=" + std::to_string(promoted.size()));
}

}  // namespace passerelles::web
