// GET /annuaire/organisations: the territory's organisations, searched as you type (htmx gets the results
// partial), filtered by kind, 25 per page; without JavaScript the same form reloads the page.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response organisation_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  std::string q_error;
  store::DirectoryFilter f = directory_filter(c.req, "type", q_error);
  auto found = store::organisations_matching(c.app.store, c.territory_id(), f);

  Data d;
  List rows;
  for (const auto& o : found.rows) rows.push_back(organisation_data(o));
  d.set("rows", rows);
  d.set("has_rows", !found.rows.empty());
  set_results_data(c, d, "/annuaire/organisations", "type", f, found.total, found.pages(), "organisation",
                   "organisations");
  int status = q_error.empty() ? 200 : 400;
  if (c.req.is_htmx()) return c.page("org_results", "Organisations", d, status);

  d.set("kinds", choice_list(domain::organisation_kinds(), f.kind));
  d.set("q", f.query);
  if (!q_error.empty()) d.set("q_error", q_error);
  d.set("territory_name", c.actor->territory.name);
  d.set("results", c.app.templates.render("org_results", d));
  return c.page("org_list", "Organisations", d, status);
}

}  // namespace passerelles::web
