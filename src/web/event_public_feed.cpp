// GET /evenements.ics and /territoires/{slug}/evenements.ics: the iCalendar feeds of upcoming public events, of
// every territory or of one (an unknown slug is 404), at most 500, without the online links of webinars.
#include "mail/event_mail.hpp"
#include "store/accounts.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr int kMaxFeedEvents = 500;

}  // namespace

http::Response event_public_feed(Ctx& c) {
  long long territory_id = 0;
  std::string name = "Passerelles — événements";
  std::string filename = "evenements.ics";
  if (auto it = c.req.params.find("slug"); it != c.req.params.end()) {
    auto t = store::territory_by_slug(c.app.store, it->second);
    if (!t) return c.not_found();
    territory_id = t->id;
    name += " — " + t->name;
    filename = "evenements-" + t->slug + ".ics";
  }
  std::vector<domain::IcsEvent> events;
  for (const auto& e : store::upcoming_events(c.app.store, territory_id, plan_today(), kMaxFeedEvents))
    events.push_back(mail::ics_of(e, c.app.cfg.base_url(), false));
  return ics_response(domain::ics_calendar(events, name), filename, true);
}

}  // namespace passerelles::web
