// GET /annuaire/personnes/{id}/modifier: the edition form filled with the stored values.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response person_edit(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::person_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  return person_form(c, *p, {}, 200);
}

}  // namespace passerelles::web
