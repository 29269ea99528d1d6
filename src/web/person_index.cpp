// GET /annuaire/personnes: the territory's people, searched as you type (htmx gets the results partial),
// filtered by role, 25 per page; without JavaScript the same form reloads the page.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response person_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  std::string q_error;
  store::DirectoryFilter f = directory_filter(c.req, "role", q_error);
  auto found = store::people_matching(c.app.store, c.territory_id(), f);

  Data d;
  List rows;
  for (const auto& p : found.rows) rows.push_back(person_data(p));
  d.set("rows", rows);
  d.set("has_rows", !found.rows.empty());
  set_results_data(c, d, "/annuaire/personnes", "role", f, found.total, found.pages(), "personne", "personnes");
  int status = q_error.empty() ? 200 : 400;
  if (c.req.is_htmx()) return c.page("person_results", "Personnes", d, status);

  d.set("roles", choice_list(domain::person_roles(), f.kind));
  d.set("q", f.query);
  if (!q_error.empty()) d.set("q_error", q_error);
  d.set("territory_name", c.actor->territory.name);
  d.set("results", c.app.templates.render("person_results", d));
  return c.page("person_list", "Personnes", d, status);
}

}  // namespace passerelles::web
