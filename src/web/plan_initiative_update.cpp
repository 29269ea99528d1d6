// POST /plan/initiatives/{id}/modifier: validates and saves the initiative, its partners and targets; errors
// come back next to the fields.
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_initiative_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto stored = store::initiative_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return c.not_found();
  InitiativeInput in = initiative_from_form(c.req, *stored);
  domain::normalise(in.initiative);
  if (auto errors = domain::validate(in.initiative); !errors.empty()) return initiative_form(c, in, errors, 422);
  auto saved = store::update_initiative(c.app.store, in.initiative, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return initiative_form(c, in, saved.errors, status_of(saved));
  return http::Response::redirect("/plan/initiatives/" + std::to_string(stored->id) + "?msg=enregistre");
}

}  // namespace passerelles::web
