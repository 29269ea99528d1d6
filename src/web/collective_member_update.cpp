// POST /collectif/membres/{id}/modifier: saves a member's profile as a coordinator; errors next to the fields (422),
// an e-mail already used in the territory (409).
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_member_update(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  auto before = store::ambassador_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!before || before->status == "left" || before->status == "declined") return c.not_found();
  domain::Ambassador a = *before;
  domain::Errors errors;
  ProfileTyped typed = profile_from_form(c, a, before->user_id == 0, errors);
  domain::merge_into(errors, domain::validate_ambassador(a));
  if (!errors.empty()) return profile_page(c, a, typed, errors, 422, false);
  auto saved = store::update_ambassador(c.app.store, a, author_of(c));
  if (!saved.ok()) return profile_page(c, a, typed, saved.errors, status_of(saved), false);
  return http::Response::redirect("/collectif/membres/" + std::to_string(a.id) + "?etat=enregistre");
}

}  // namespace passerelles::web
