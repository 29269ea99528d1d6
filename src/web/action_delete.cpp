// POST /actions/{id}/supprimer: deletes the action (coordinators; the declaring ambassador until validated).
#include "store/actions.hpp"
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response action_delete(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto a = store::action_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a) return c.not_found();
  if (!can_change(c, *a)) return c.forbidden();
  if (!store::delete_action(c.app.store, c.territory_id(), a->id, author_of(c))) return c.not_found();
  return http::Response::redirect("/actions?msg=action-supprimee");
}

}  // namespace passerelles::web
