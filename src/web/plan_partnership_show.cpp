// GET /plan/partenariats/{id}: one partnership of my territory with its signed convention.
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_partnership_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::partnership_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  Data d;
  d.set("p", partnership_data(*p));
  return c.page("plan_partnership_show", p->title, d);
}

}  // namespace passerelles::web
