// GET /actions/{id}/modifier: the form with the stored values (coordinators; the declaring ambassador until the
// action is validated).
#include "store/actions.hpp"
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response action_edit(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto a = store::action_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a) return c.not_found();
  if (!can_change(c, *a)) return c.forbidden();
  return action_form(c, *a, {}, 200);
}

}  // namespace passerelles::web
