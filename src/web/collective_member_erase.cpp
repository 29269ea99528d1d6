// POST /collectif/membres/{id}/effacer: erases a member on her request. Without confirmer=oui the page says what
// goes and what stays and asks to confirm; with it, her profile, account and portraits are erased (her actions
// stay, anonymous).
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_member_erase(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  auto a = store::ambassador_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a || a->status == "left" || a->status == "declined") return c.not_found();
  if (c.req.form("confirmer") != "oui") return c.page("collective_erase", "Effacer " + a->full_name(), member_data(*a));
  auto r = store::erase_ambassador(c.app.store, c.territory_id(), a->id, author_of(c));
  if (!r.ok()) return c.not_found();
  return http::Response::redirect("/collectif/membres?etat=effacee");
}

}  // namespace passerelles::web
