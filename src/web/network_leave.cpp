// POST /collectif/reseaux/{id}/quitter: an ambassador leaves a network she belongs to (public or not).
#include "store/networks.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_leave(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  long long me = my_ambassador_id(c);
  if (!me) return c.forbidden();
  if (!store::remove_network_member(c.app.store, c.territory_id(), n->id, me, kit_author(c))) return c.not_found();
  return http::Response::redirect("/collectif/reseaux/" + std::to_string(n->id) + "?msg=quitte");
}

}  // namespace passerelles::web
