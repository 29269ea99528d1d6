// POST /connexion: checks the password (Argon2id), limits guessing, opens a session and sets its cookie.
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

std::string safe_next(const std::string& next);

namespace {
// Failed attempts on one account before it is locked for a growing time.
constexpr int kFreeFailures = 5;
}  // namespace

http::Response session_create(Ctx& c) {
  std::string email = c.req.form("email");
  std::string password = c.req.form("password");
  std::string next = safe_next(c.req.form("suite"));
  long long now = store::now_unix();
  auto fail = [&](const std::string& message, int status) {
    Data d;
    d.set("email", email);
    d.set("next", next);
    d.set("error", message);
    return c.page("login", "Se connecter", d, status);
  };
  std::string key = c.req.remote_addr;
  if (long long wait = c.app.login_limiter.wait_for(key, now); wait > 0)
    return fail("Trop de tentatives. Réessayez dans " + std::to_string(wait) + " seconde(s).", 429);
  if (email.empty() || password.empty() || email.size() > 254 || password.size() > 1024)
    return fail("Saisissez votre adresse e-mail et votre mot de passe.", 422);

  auto user = store::user_by_email(c.app.store, email);
  std::optional<store::LoginState> state;
  if (user) state = store::login_state(c.app.store, user->id);
  if (state && state->locked_until > now)
    return fail("Ce compte est temporairement bloqué après plusieurs échecs. Réessayez dans " +
                    std::to_string(state->locked_until - now) + " seconde(s).",
                429);
  // Verify against a dummy hash when the account is unknown, so timing does not reveal which e-mails exist.
  static const std::string dummy = http::hash_password("passerelles-dummy-password");
  bool ok = http::verify_password(state ? state->password_hash : dummy, password) && user && user->active;
  if (!ok) {
    c.app.login_limiter.failure(key, now);
    if (user && state) {
      int failures = state->failed_logins + 1;
      long long lock = failures >= kFreeFailures ? now + std::min(3600LL, 30LL << (failures - kFreeFailures)) : 0;
      store::record_login_failure(c.app.store, user->id, lock);
    }
    return fail("Adresse e-mail ou mot de passe incorrect.", 401);
  }
  c.app.login_limiter.success(key);
  store::record_login_success(c.app.store, user->id);
  audit_event(c.app, *user, user->territory_id, "login", "user", user->id);
  std::string token = http::random_token(32);
  store::insert_session(c.app.store, http::token_hash(token), user->id, http::random_token(32));
  http::Response r = http::Response::redirect(next);
  r.header("Set-Cookie", http::set_cookie(c.app.session_cookie, token, -1, c.app.secure_cookies));
  return r;
}

}  // namespace passerelles::web
