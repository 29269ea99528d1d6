// GET /collectif/reseaux: the territory's internal networks (name, organisation, members, actions, public page or
// not), hers marked; the link to create one for the coordinators.
#include <algorithm>

#include "store/networks.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_index(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  long long me = my_ambassador_id(c);
  std::vector<long long> mine;
  if (me)
    for (const auto& n : store::networks_of_ambassador(c.app.store, c.territory_id(), me)) mine.push_back(n.id);
  List rows;
  auto networks = store::networks_of(c.app.store, c.territory_id());
  for (const auto& n : networks) {
    Data row;
    row.set("id", std::to_string(n.id));
    row.set("name", n.name);
    set_text(row, "organisation", n.organisation_name);
    row.set("members", std::to_string(n.members));
    row.set("actions", std::to_string(n.actions));
    row.set("is_public", n.is_public);
    row.set("slug", n.slug);
    row.set("mine", std::find(mine.begin(), mine.end(), n.id) != mine.end());
    rows.push_back(row);
  }
  Data d;
  d.set("networks", rows);
  d.set("has_networks", !networks.empty());
  d.set("editor", kit_editor(c));
  set_text(d, "notice", kit_notice(c));
  return c.page("network_list", "Réseaux internes", d);
}

}  // namespace passerelles::web
