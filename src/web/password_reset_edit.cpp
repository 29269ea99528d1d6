// GET /mot-de-passe/nouveau?jeton=…: the new-password form, or why the link no longer works.
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response password_reset_edit(Ctx& c) {
  std::string token = c.req.query("jeton");
  Data d;
  d.set("token", token);
  if (token.empty() || !store::peek_password_reset(c.app.store, http::token_hash(token), store::now_unix())) {
    d.set("invalid", true);
    return c.page("password_reset", "Lien expiré", d, 400);
  }
  http::Response r = c.page("password_reset", "Choisir un mot de passe", d);
  r.header("Referrer-Policy", "no-referrer");  // the URL holds the secret
  return r;
}

}  // namespace passerelles::web
