// GET /evenements/nouveau: the empty event form (coordinators, and contacts for their own organisations).
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!can_organise(c)) return c.forbidden();
  domain::Event e;
  e.territory_id = c.territory_id();
  e.kind = c.req.query("type");
  if (domain::event_kind_label(e.kind).empty()) e.kind.clear();
  return event_form(c, e, {}, 200);
}

}  // namespace passerelles::web
