// POST /collectif/reseaux/{id}/membres/{ambassador_id}/retirer: removes a member (coordinators and leads).
#include "store/networks.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_member_delete(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  if (!manages_network(c, n->id)) return c.forbidden();
  if (!store::remove_network_member(c.app.store, c.territory_id(), n->id, c.req.param_id("ambassador_id"),
                                    author_of(c)))
    return c.not_found();
  return http::Response::redirect("/collectif/reseaux/" + std::to_string(n->id) + "?msg=membre-retiree#membres");
}

}  // namespace passerelles::web
