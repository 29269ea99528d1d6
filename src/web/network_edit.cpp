// GET /collectif/reseaux/{id}/modifier: the network's form with its values (coordinators).
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_edit(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  if (!kit_editor(c)) return c.forbidden();
  return network_form(c, *n, {}, 200);
}

}  // namespace passerelles::web
