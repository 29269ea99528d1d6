// POST /actions/nouvelle: validates and records the action as declared (a coordinator's own declaration too:
// validation is a separate, deliberate step); on error the form comes back with a message next to each field.
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response action_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!can_declare(c)) return c.forbidden();
  domain::Errors errors;
  domain::Action a = action_from_form(c, {}, errors);
  a.territory_id = c.territory_id();
  a.declared_by = c.actor->user.id;
  domain::normalise(a);
  domain::merge_into(errors, domain::validate(a, today_iso()));
  if (!errors.empty()) return action_form(c, a, errors, 422);
  auto saved = store::insert_action(c.app.store, a, author_of(c));
  if (!saved.ok()) return action_form(c, a, saved.errors, status_of(saved));
  return http::Response::redirect("/actions/" + std::to_string(saved.id) + "?msg=action-declaree");
}

}  // namespace passerelles::web
