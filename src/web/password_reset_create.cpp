// POST /mot-de-passe/oubli: e-mails a one-hour link when the account exists; the answer never tells whether it
// does, and an SMTP failure is only logged.
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response password_reset_create(Ctx& c) {
  std::string email = c.req.form("email");
  auto errors = domain::validate_email(email);
  if (!errors.empty()) {
    Data d;
    d.set("email", email);
    d.set("errors", errors_data(errors));
    return c.page("password_forgot", "Mot de passe oublié", d, 422);
  }
  // The same slow-down as the login form, on its own key: no flood of e-mails from one address.
  std::string key = "oubli:" + c.req.remote_addr;
  long long now = store::now_unix();
  if (long long wait = c.app.login_limiter.wait_for(key, now); wait > 0) {
    Data d;
    d.set("email", email);
    d.set("error", "Trop de demandes. Réessayez dans " + std::to_string(wait) + " seconde(s).");
    return c.page("password_forgot", "Mot de passe oublié", d, 429);
  }
  c.app.login_limiter.failure(key, now);
  auto user = store::user_by_email(c.app.store, email);
  if (user && user->active) send_password_link(c.app, *user, PasswordLink::reset);
  return http::Response::redirect("/connexion?msg=mdp-envoye");
}

}  // namespace passerelles::web
