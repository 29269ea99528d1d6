// GET /plan/initiatives/{id}/modifier: the initiative form filled with the stored values.
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_initiative_edit(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto i = store::initiative_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!i) return c.not_found();
  return initiative_form(c, initiative_input(*i), {}, 200);
}

}  // namespace passerelles::web
