// POST /collectif/mon-profil/quitter: she leaves the collective. Her e-mail typed again confirms it (422 with the
// message next to the field otherwise); then her profile, portraits, network memberships and account are erased in
// one transaction (store::erase_ambassador), her session ends and a French page says what happened.
#include "domain/text.hpp"
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_leave_create(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  if (domain::fold(domain::trim(c.req.form("email"))) != me->email)
    return leave_page(c, *me, "Tapez exactement l’adresse e-mail de votre compte pour confirmer : " + me->email + ".",
                      422);
  auto r = store::erase_ambassador(c.app.store, me->territory_id, me->id, author_of(c));
  if (!r.ok()) return c.not_found();
  // Her account is gone: the page is shown as to a visitor, and the session cookie is cleared.
  c.actor.reset();
  c.session_id = 0;
  http::Response page = c.page("collective_left", "Vous avez quitté le collectif", Data());
  page.header("Set-Cookie", http::set_cookie(c.app.session_cookie, "", 0, c.app.secure_cookies));
  return page;
}

}  // namespace passerelles::web
