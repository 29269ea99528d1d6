// GET /inscriptions/{token}/evenement.ics: the registrant's invitation (METHOD:REQUEST, with the online link of a
// webinar), or its withdrawal (METHOD:CANCEL) once the registration or the event is cancelled.
#include "mail/event_mail.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response registration_ics(Ctx& c) {
  auto v = store::registration_by_token(c.app.store, c.req.params.at("token"));
  if (!v) return private_response(c.not_found());
  domain::IcsEvent ics = mail::ics_of(v->event, c.app.cfg.base_url(), true);
  bool cancelled = v->registration.status == "cancelled" || v->event.status == "cancelled";
  ics.cancelled = ics.cancelled || cancelled;
  std::string body = domain::ics_calendar({ics}, "Passerelles — " + v->event.title, cancelled ? "CANCEL" : "REQUEST");
  return private_response(ics_response(std::move(body), "evenement.ics", false));
}

}  // namespace passerelles::web
