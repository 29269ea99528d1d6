// GET /tableau-de-bord: the signed-in home — the territory's directory at a glance and quick links; the
// federation admin sees every territory side by side.
#include "store/accounts.hpp"
#include "store/stats.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response dashboard_show(Ctx& c) {
  Data d;
  if (c.actor->is_admin()) {
    List rows;
    for (const auto& t : store::all_territories(c.app.store)) {
      auto counts = store::territory_counts(c.app.store, t);
      Data row;
      row.set("name", t.name);
      row.set("slug", t.slug);
      row.set("schools", std::to_string(counts.schools));
      row.set("organisations", std::to_string(counts.organisations));
      row.set("people", std::to_string(counts.people));
      rows.push_back(row);
    }
    d.set("territories", rows);
    d.set("has_territories", !rows.empty());
    return c.page("dashboard_admin", "Tableau de bord", d);
  }
  auto counts = store::territory_counts(c.app.store, c.actor->territory);
  d.set("schools", std::to_string(counts.schools));
  d.set("organisations", std::to_string(counts.organisations));
  d.set("people", std::to_string(counts.people));
  return c.page("dashboard", "Tableau de bord", d);
}

}  // namespace passerelles::web
