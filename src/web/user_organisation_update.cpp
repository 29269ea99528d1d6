// POST /utilisateurs/{id}/organisation: the coordinator sets the organisation of the directory that a company
// contact, school contact or prescriber of her territory acts for (empty = none). Another territory's user reads
// as 404; an organisation outside the territory is refused (422).
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response user_organisation_update(Ctx& c) {
  auto territory = managed_territory(c);
  if (!territory) return c.actor->is_admin() ? c.not_found() : c.forbidden();
  auto user = store::user_by_id(c.app.store, c.req.param_id("id"));
  if (!user || user->territory_id != territory->id) return c.not_found();
  long long org = parse_id(c.req.form("organisation_id"));
  if (org < 0 || !store::set_user_organisation(c.app.store, territory->id, user->id, org)) {
    Data d = users_data(c, *territory);
    d.set("organisation_error", std::string("Choisissez une organisation de l’annuaire du territoire."));
    return c.page("users", "Utilisateurs", d, 422);
  }
  audit_event(c, territory->id, "update", "user", user->id, "organisation " + std::to_string(org));
  std::string where = c.actor->is_admin() ? "&territoire=" + http::url_encode(territory->slug) : "";
  return http::Response::redirect("/utilisateurs?msg=enregistre" + where);
}

}  // namespace passerelles::web
