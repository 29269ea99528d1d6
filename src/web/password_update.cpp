// POST /profil/mot-de-passe: changes my password (the current one is required); other sessions end, this one
// is renewed.
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response password_update(Ctx& c) {
  std::string current = c.req.form("current_password");
  std::string password = c.req.form("password");
  const auto& user = c.actor->user;
  domain::Errors errors;
  auto state = store::login_state(c.app.store, user.id);
  if (current.empty() || current.size() > 1024 || !state || !http::verify_password(state->password_hash, current))
    errors["current_password"] = "Le mot de passe actuel n’est pas le bon.";
  domain::merge_into(errors, domain::validate_password(password));
  if (!errors.count("password") && password != c.req.form("password_confirm"))
    errors["password_confirm"] = "Les deux mots de passe ne sont pas identiques.";
  if (!errors.empty()) {
    Data d = profile_data(c);
    d.set("password_errors", errors_data(errors));
    return c.page("profile", "Mon profil", d, 422);
  }
  store::set_password_hash(c.app.store, user.id, http::hash_password(password));  // ends every session
  audit_event(c, user.territory_id, "password_change", "user", user.id);
  std::string token = http::random_token(32);
  store::insert_session(c.app.store, http::token_hash(token), user.id, http::random_token(32));
  http::Response r = http::Response::redirect("/profil?msg=mdp-modifie");
  r.header("Set-Cookie", http::set_cookie(c.app.session_cookie, token, -1, c.app.secure_cookies));
  return r;
}

}  // namespace passerelles::web
