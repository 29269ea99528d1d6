// POST /annuaire/organisations/{id}/modifier: validates and saves; errors come back next to the fields.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response organisation_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto stored = store::org_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return c.not_found();
  domain::Organisation o = organisation_from_form(c.req, *stored);
  domain::normalise(o);
  if (auto errors = domain::validate(o); !errors.empty()) return organisation_form(c, o, errors, 422);
  auto saved = store::update_organisation(c.app.store, o, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return organisation_form(c, o, saved.errors, status_of(saved));
  return http::Response::redirect("/annuaire/organisations/" + std::to_string(o.id) + "?msg=enregistre");
}

}  // namespace passerelles::web
