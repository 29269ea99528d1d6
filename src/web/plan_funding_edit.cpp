// GET /plan/financements/{id}/modifier: the funding form filled with the stored values.
#include "domain/plan.hpp"
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_funding_edit(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto f = store::funding_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!f) return c.not_found();
  return funding_form(c, *f, domain::format_euros(f->amount_cents), {}, 200);
}

}  // namespace passerelles::web
