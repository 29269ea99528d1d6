// GET /annuaire/organisations/{id}: one organisation of my territory with its people.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response organisation_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto o = store::org_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!o) return c.not_found();
  auto people = store::people_of_organisation(c.app.store, c.territory_id(), o->id);

  Data d;
  d.set("org", organisation_data(*o));
  List rows;
  for (const auto& p : people) rows.push_back(person_data(p));
  d.set("people", rows);
  d.set("has_people", !people.empty());
  d.set("people_count", std::to_string(people.size()));
  return c.page("org_show", o->name, d);
}

}  // namespace passerelles::web
