// GET /collectif/reseaux/nouveau: the empty form of a network (coordinators).
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_new(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  if (!kit_editor(c)) return c.forbidden();
  store::Network n;
  n.territory_id = c.territory_id();
  return network_form(c, n, {}, 200);
}

}  // namespace passerelles::web
