// GET /plan/initiatives/{id}: one initiative of my territory with its targets and the grants that pay for it.
#include <algorithm>

#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_initiative_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto i = store::initiative_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!i) return c.not_found();
  List fundings;
  for (const auto& f : store::fundings_of(c.app.store, c.territory_id()))
    if (std::find(f.initiative_ids.begin(), f.initiative_ids.end(), i->id) != f.initiative_ids.end())
      fundings.push_back(funding_data(f));

  Data d;
  d.set("i", initiative_data(*i, std::stoi(plan_today().substr(0, 4))));
  d.set("has_fundings", !fundings.empty());
  d.set("fundings", fundings);
  return c.page("plan_initiative_show", i->name, d);
}

}  // namespace passerelles::web
