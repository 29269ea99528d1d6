// POST /collectif/reseaux/{id}/membres: adds an active member of the territory to the network with a role (member or
// lead), or changes her role; for the coordinators and the network's leads. Errors next to the form (422/404).
#include "store/networks.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_member_create(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  if (!manages_network(c, n->id)) return c.forbidden();
  long long ambassador = parse_id(c.req.form("ambassador_id"));
  std::string role = c.req.form("role").empty() ? "member" : c.req.form("role");
  if (ambassador <= 0)
    return network_page(c, *n, {{"ambassador_id", "Choisissez la membre à ajouter dans la liste."}}, 422);
  auto saved = store::add_network_member(c.app.store, c.territory_id(), n->id, ambassador, role, author_of(c));
  if (!saved.ok()) return network_page(c, *n, saved.errors, saved.errors.empty() ? 404 : 422);
  return http::Response::redirect("/collectif/reseaux/" + std::to_string(n->id) + "?msg=membre-ajoute#membres");
}

}  // namespace passerelles::web
