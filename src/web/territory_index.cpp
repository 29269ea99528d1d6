// GET /territoires: the admin's list of territories, the form to create one and the form to give a territory
// its coordinator.
#include <cstdio>

#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

Data territories_data(Ctx& c) {
  std::string chosen = c.req.form("territoire");
  if (chosen.empty()) chosen = c.req.query("territoire");
  Data d;
  List rows, choices;
  for (const auto& t : store::all_territories(c.app.store)) {
    std::string deps, coordinators;
    for (const auto& dep : t.departments) deps += (deps.empty() ? "" : ", ") + dep;
    for (const auto& u : store::users_in_territory(c.app.store, t.id))
      if (u.role == domain::Role::coordinator && u.active) coordinators += (coordinators.empty() ? "" : ", ") + u.email;
    char road[16];
    std::snprintf(road, sizeof road, "%.2f", t.road_factor);
    for (char& ch : road)
      if (ch == '.') ch = ',';  // French decimal comma (the form accepts both)
    Data row;
    row.set("slug", t.slug);
    row.set("name", t.name);
    row.set("kind", std::string(domain::territory_kind_label_fr(t.kind)));
    row.set("departments", deps);
    row.set("academy", t.academy);
    row.set("road_factor", road);
    if (!coordinators.empty()) row.set("coordinators", coordinators);  // {{^coordinators}} offers to add one
    rows.push_back(row);
    Data choice;
    choice.set("slug", t.slug);
    choice.set("name", t.name);
    choice.set("selected", t.slug == chosen);
    choices.push_back(choice);
  }
  d.set("territories", rows);
  d.set("choices", choices);
  List kinds;
  for (const auto& k : domain::territory_kinds()) {
    Data kind;
    kind.set("value", k);
    kind.set("label", std::string(domain::territory_kind_label_fr(k)));
    kind.set("selected", c.req.form("kind") == k);
    kinds.push_back(kind);
  }
  d.set("kinds", kinds);
  d.set("road_factor", "1.3");
  return d;
}

http::Response territory_index(Ctx& c) {
  return c.page("territories", "Territoires", territories_data(c));
}

}  // namespace passerelles::web
