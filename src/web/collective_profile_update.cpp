// POST /collectif/mon-profil: saves her profile; refused forms come back with what she typed and a French message
// next to each field (422). A consent she withdraws leaves her portraits at once (store::update_ambassador).
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_profile_update(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  domain::Ambassador a = *me;
  domain::Errors errors;
  ProfileTyped typed = profile_from_form(c, a, false, errors);
  domain::merge_into(errors, domain::validate_ambassador(a));
  if (!errors.empty()) return profile_page(c, a, typed, errors, 422, true);
  auto saved = store::update_ambassador(c.app.store, a, author_of(c));
  if (!saved.ok()) return profile_page(c, a, typed, saved.errors, status_of(saved), true);
  return http::Response::redirect("/collectif/mon-profil?etat=enregistre");
}

}  // namespace passerelles::web
