// GET /evenements/{id}/evenement.ics: one public event as an iCalendar file ("add to my calendar"), without the
// online link of a webinar (that one goes to registrants only).
#include "mail/event_mail.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_public_ics(Ctx& c) {
  auto e = store::event_by_id(c.app.store, 0, c.req.param_id("id"));
  if (!e || !domain::event_is_public(e->status)) return c.not_found();
  std::string body = domain::ics_calendar({mail::ics_of(*e, c.app.cfg.base_url(), false)}, "Passerelles — " + e->title);
  return ics_response(std::move(body), "evenement-" + std::to_string(e->id) + ".ics", true);
}

}  // namespace passerelles::web
