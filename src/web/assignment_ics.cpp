// GET /collectif/interventions/{id}/invitation.ics: the .ics of one of her accepted (or reported) interventions,
// METHOD:REQUEST; a cancelled one gives its withdrawal (METHOD:CANCEL). Other statuses: 404.
#include "domain/event.hpp"
#include "mail/intervention_mail.hpp"
#include "web/assignment_support.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_ics(Ctx& c) {
  http::Response refusal;
  auto a = my_assignment(c, refusal);
  if (!a) return refusal;
  bool cancelled = a->status == "cancelled";
  if (!cancelled && a->status != "accepted" && a->status != "reported") return c.not_found();
  std::string body = domain::ics_calendar({mail::ics_of_assignment(*a, c.app.cfg.base_url())}, "Passerelles",
                                          cancelled ? "CANCEL" : "REQUEST");
  return private_response(ics_response(std::move(body), "invitation.ics", false));
}

}  // namespace passerelles::web
