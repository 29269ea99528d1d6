// POST /collectif/reseaux/{id}/actions/{action_id}/retirer: unlinks an action from the network (coordinators and
// leads); the action itself stays.
#include "store/networks.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_action_delete(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  if (!manages_network(c, n->id)) return c.forbidden();
  if (!store::remove_network_action(c.app.store, c.territory_id(), n->id, c.req.param_id("action_id"), author_of(c)))
    return c.not_found();
  return http::Response::redirect("/collectif/reseaux/" + std::to_string(n->id) + "?msg=action-retiree#actions");
}

}  // namespace passerelles::web
