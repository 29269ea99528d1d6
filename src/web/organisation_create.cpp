// POST /annuaire/organisations/nouvelle: validates and creates the organisation in my territory; on error the
// form comes back with its values and a message next to each field (422, or 409 for a UAI/SIRET taken).
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response organisation_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  domain::Organisation o = organisation_from_form(c.req, {});
  o.territory_id = c.territory_id();
  domain::normalise(o);
  if (auto errors = domain::validate(o); !errors.empty()) return organisation_form(c, o, errors, 422);
  auto saved = store::insert_organisation(c.app.store, o, author_of(c));
  if (!saved.ok()) return organisation_form(c, o, saved.errors, status_of(saved));
  return http::Response::redirect("/annuaire/organisations/" + std::to_string(saved.id) + "?msg=cree");
}

}  // namespace passerelles::web
