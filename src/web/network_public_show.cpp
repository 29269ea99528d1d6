// GET /reseaux/{slug}: the public page of a public network: its name, organisation, presentation, how many members,
// the public names of those who agreed to publish their name (never the others), and the actions and people reached
// by its validated actions. A network without a public page is 404.
#include "store/networks.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response network_public_show(Ctx& c) {
  auto n = store::network_by_slug_public(c.app.store, c.req.params["slug"]);
  if (!n) return c.not_found();
  Data d;
  d.set("name", n->name);
  set_text(d, "organisation", n->organisation_name);
  set_text(d, "description", n->description);
  set_text(d, "territory", n->territory_name);
  d.set("members", std::to_string(n->members));
  d.set("members_noun", std::string(n->members > 1 ? "membres" : "membre"));
  d.set("actions", std::to_string(n->actions));
  d.set("actions_noun", std::string(n->actions > 1 ? "actions menées et validées" : "action menée et validée"));
  d.set("people", std::to_string(n->people));
  d.set("people_noun", std::string(n->people > 1 ? "personnes sensibilisées" : "personne sensibilisée"));
  List names;
  for (const auto& m : store::network_members(c.app.store, n->territory_id, n->id))
    if (!m.public_name.empty()) names.push_back(Data("name", m.public_name));
  d.set("has_names", !names.empty());
  d.set("names", names);
  return c.page("network_public", n->name, d);
}

}  // namespace passerelles::web
