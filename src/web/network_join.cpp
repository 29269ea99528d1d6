// POST /collectif/reseaux/{id}/rejoindre: an active ambassador joins a public network herself, as a member.
#include <algorithm>

#include "store/networks.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_join(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  long long me = my_ambassador_id(c);
  if (!me || !n->is_public) return c.forbidden();
  auto members = store::network_members(c.app.store, c.territory_id(), n->id);
  bool already = std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.ambassador_id == me; });
  // Joining again keeps her role (a lead stays a lead).
  if (!already && !store::add_network_member(c.app.store, c.territory_id(), n->id, me, "member", kit_author(c)).ok())
    return c.not_found();
  return http::Response::redirect("/collectif/reseaux/" + std::to_string(n->id) + "?msg=rejoint");
}

}  // namespace passerelles::web
