// POST /utilisateurs/{id}/desactiver: deactivates an account of my territory (not my own); its sessions end
// and its API tokens stop working.
#include "http/message.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response user_deactivate(Ctx& c) {
  auto user = store::user_by_id(c.app.store, c.req.param_id("id"));
  if (!user || (!c.actor->is_admin() && user->territory_id != c.territory_id())) return c.not_found();
  if (user->id == c.actor->user.id) return c.bad_request("Vous ne pouvez pas désactiver votre propre compte.");
  if (user->active) {
    store::set_user_active(c.app.store, user->id, false);
    audit_event(c, user->territory_id, "deactivate", "user", user->id, user->email);
  }
  std::string where;
  if (c.actor->is_admin() && user->territory_id) {
    if (auto t = store::territory_by_id(c.app.store, user->territory_id))
      where = "&territoire=" + http::url_encode(t->slug);
  }
  return http::Response::redirect("/utilisateurs?msg=compte-desactive" + where);
}

}  // namespace passerelles::web
