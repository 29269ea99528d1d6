// POST /profil/jetons/{id}/supprimer: revokes one of my API tokens (someone else's is "not found").
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response api_token_delete(Ctx& c) {
  long long id = c.req.param_id("id");
  const auto& user = c.actor->user;
  if (!id || !store::delete_api_token(c.app.store, user.id, id)) return c.not_found();
  audit_event(c, user.territory_id, "delete", "api_token", id);
  return http::Response::redirect("/profil?msg=jeton-supprime");
}

}  // namespace passerelles::web
