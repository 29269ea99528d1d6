// POST /actions/{id}/modifier: saves the changes; a validated action stays validated and the indicators follow.
#include "store/actions.hpp"
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response action_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto stored = store::action_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return c.not_found();
  if (!can_change(c, *stored)) return c.forbidden();
  domain::Errors errors;
  domain::Action a = action_from_form(c, *stored, errors);
  domain::normalise(a);
  domain::merge_into(errors, domain::validate(a, today_iso()));
  if (!errors.empty()) return action_form(c, a, errors, 422);
  auto saved = store::update_action(c.app.store, a, author_of(c));
  if (!saved.ok()) return action_form(c, a, saved.errors, status_of(saved));
  return http::Response::redirect("/actions/" + std::to_string(a.id) + "?msg=enregistre");
}

}  // namespace passerelles::web
