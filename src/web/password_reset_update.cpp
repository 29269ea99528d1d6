// POST /mot-de-passe/nouveau: sets the password chosen through an e-mailed link; the link then stops working
// and every session of the account ends.
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response password_reset_update(Ctx& c) {
  std::string token = c.req.form("jeton");
  std::string password = c.req.form("password");
  std::string hash = http::token_hash(token);
  Data d;
  d.set("token", token);
  auto expired = [&] {
    d.set("invalid", true);
    return c.page("password_reset", "Lien expiré", d, 400);
  };
  if (token.empty() || !store::peek_password_reset(c.app.store, hash, store::now_unix())) return expired();
  auto errors = domain::validate_password(password);
  if (errors.empty() && password != c.req.form("password_confirm"))
    errors["password_confirm"] = "Les deux mots de passe ne sont pas identiques.";
  if (!errors.empty()) {
    d.set("errors", errors_data(errors));
    return c.page("password_reset", "Choisir un mot de passe", d, 422);
  }
  auto user_id = store::consume_password_reset(c.app.store, hash, store::now_unix());
  auto user = user_id ? store::user_by_id(c.app.store, *user_id) : std::nullopt;
  if (!user || !user->active) return expired();
  store::set_password_hash(c.app.store, user->id, http::hash_password(password));
  audit_event(c.app, *user, user->territory_id, "password_reset", "user", user->id);
  return http::Response::redirect("/connexion?msg=mdp-change");
}

}  // namespace passerelles::web
