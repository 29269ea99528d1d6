// POST /annuaire/personnes/nouvelle: validates and creates the person in my territory; on error the form
// comes back with its values and a message next to each field (422, or 409 for an e-mail already known).
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response person_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  domain::Person p = person_from_form(c.req, {});
  p.territory_id = c.territory_id();
  domain::normalise(p);
  if (auto errors = domain::validate(p); !errors.empty()) return person_form(c, p, errors, 422);
  auto saved = store::insert_person(c.app.store, p, author_of(c));
  if (!saved.ok()) return person_form(c, p, saved.errors, status_of(saved));
  return http::Response::redirect("/annuaire/personnes/" + std::to_string(saved.id) + "?msg=cree");
}

}  // namespace passerelles::web
