// POST /plan/initiatives/nouvelle: validates and creates the initiative with its partners and yearly targets;
// on error the form comes back with what was typed and a message next to each field (422).
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_initiative_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  InitiativeInput in = initiative_from_form(c.req, {});
  in.initiative.territory_id = c.territory_id();
  domain::normalise(in.initiative);
  if (auto errors = domain::validate(in.initiative); !errors.empty()) return initiative_form(c, in, errors, 422);
  auto saved = store::insert_initiative(c.app.store, in.initiative, author_of(c));
  if (!saved.ok()) return initiative_form(c, in, saved.errors, status_of(saved));
  return http::Response::redirect("/plan/initiatives/" + std::to_string(saved.id) + "?msg=cree");
}

}  // namespace passerelles::web
