// GET /annuaire/etablissements/{uai}: one school of the official directory, with the territory's own record
// of it (an organisation with the same UAI) and its contacts when there is one.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/school_support.hpp"

namespace passerelles::web {

http::Response school_show(Ctx& c) {
  std::string uai = c.req.params["uai"];
  if (!domain::is_valid_uai(uai)) return c.not_found();
  auto school = store::school_by_uai(c.app.store, uai);
  if (!school) return c.not_found();
  Data d = school_data(*school);
  if (c.territory_id()) {
    store::DirectoryFilter f;
    f.query = uai;
    f.kind = "school";
    auto orgs = store::organisations_matching(c.app.store, c.territory_id(), f);
    for (const auto& o : orgs.rows) {
      if (o.uai != uai) continue;
      d.set("org", organisation_data(o));
      List people;
      for (const auto& p : store::people_of_organisation(c.app.store, c.territory_id(), o.id))
        people.push_back(person_data(p));
      d.set("people", people);
      d.set("has_people", !people.empty());
    }
  }
  return c.page("school_show", school->name, d);
}

}  // namespace passerelles::web
