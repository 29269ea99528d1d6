// GET /plan/partenariats/{id}/modifier: the partnership form filled with the stored values.
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_partnership_edit(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::partnership_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  return partnership_form(c, *p, {}, 200);
}

}  // namespace passerelles::web
