// GET /agenda/{token}.ics: an ambassador's personal calendar feed (her accepted and reported interventions), for
// the agenda application she subscribes with it. The token is the secret: unknown -> 404.
#include "domain/event.hpp"
#include "mail/intervention_mail.hpp"
#include "store/assignments.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_feed(Ctx& c) {
  std::string file = c.req.params.at("file");
  constexpr std::string_view kSuffix = ".ics";
  if (file.size() <= kSuffix.size() || file.compare(file.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
    return private_response(c.not_found());
  auto assignments = store::calendar_of_token(c.app.store, file.substr(0, file.size() - kSuffix.size()));
  if (!assignments) return private_response(c.not_found());
  std::vector<domain::IcsEvent> events;
  for (const auto& a : *assignments) events.push_back(mail::ics_of_assignment(a, c.app.cfg.base_url()));
  return private_response(
      ics_response(domain::ics_calendar(events, "Mes interventions — Passerelles"), "interventions.ics", false));
}

}  // namespace passerelles::web
