// GET /annuaire/personnes/{id}: one person of my territory.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response person_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::person_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  Data d;
  d.set("person", person_data(*p));
  return c.page("person_show", domain::full_name(*p), d);
}

}  // namespace passerelles::web
