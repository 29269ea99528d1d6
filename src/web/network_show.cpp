// GET /collectif/reseaux/{id}: a network for the collective: its members with their roles, its actions with what
// they count, and the forms of those who manage it (coordinators and its leads); join or leave for an ambassador.
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_show(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  return network_page(c, *n, {}, 200);
}

}  // namespace passerelles::web
