// POST /annuaire/personnes/{id}/modifier: validates and saves; errors come back next to the fields.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response person_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto stored = store::person_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return c.not_found();
  domain::Person p = person_from_form(c.req, *stored);
  domain::normalise(p);
  if (auto errors = domain::validate(p); !errors.empty()) return person_form(c, p, errors, 422);
  auto saved = store::update_person(c.app.store, p, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return person_form(c, p, saved.errors, status_of(saved));
  return http::Response::redirect("/annuaire/personnes/" + std::to_string(p.id) + "?msg=enregistre");
}

}  // namespace passerelles::web
