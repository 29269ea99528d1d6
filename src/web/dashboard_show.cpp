// GET /tableau-de-bord: the signed-in home — the territory's directory at a glance and quick links.
#include "store/stats.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response dashboard_show(Ctx& c) {
  auto counts = store::territory_counts(c.app.store, c.actor->territory);
  Data d;
  d.set("schools", std::to_string(counts.schools));
  d.set("organisations", std::to_string(counts.organisations));
  d.set("people", std::to_string(counts.people));
  return c.page("dashboard", "Tableau de bord", d);
}

}  // namespace passerelles::web
