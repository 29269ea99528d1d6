// POST /collectif/reseaux/{id}/actions: links one of the territory's actions to the network (coordinators and leads).
#include "store/networks.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_action_create(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  if (!manages_network(c, n->id)) return c.forbidden();
  long long action = parse_id(c.req.form("action_id"));
  if (action <= 0) return network_page(c, *n, {{"action_id", "Choisissez l’action à rattacher dans la liste."}}, 422);
  auto saved = store::add_network_action(c.app.store, c.territory_id(), n->id, action, author_of(c));
  if (!saved.ok()) return network_page(c, *n, saved.errors, 404);
  return http::Response::redirect("/collectif/reseaux/" + std::to_string(n->id) + "?msg=action-liee#actions");
}

}  // namespace passerelles::web
