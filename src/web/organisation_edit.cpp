// GET /annuaire/organisations/{id}/modifier: the edition form filled with the stored values.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response organisation_edit(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto o = store::org_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!o) return c.not_found();
  return organisation_form(c, *o, {}, 200);
}

}  // namespace passerelles::web
