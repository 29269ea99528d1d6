// GET /evenements/{id}/etablissements?school=…: <option> elements for the school datalist of the booking form
// (htmx), the schools of the event's territory matching the words typed, as "UAI — name (commune)".
#include "store/accounts.hpp"
#include "store/events.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_public_school_options(Ctx& c) {
  auto e = store::event_by_id(c.app.store, 0, c.req.param_id("id"));
  if (!e || !domain::event_is_public(e->status)) return c.not_found();
  auto t = store::territory_by_id(c.app.store, e->territory_id);
  return school_options_response(c, t ? t->departments : std::vector<std::string>{}, c.req.query("school"));
}

}  // namespace passerelles::web
