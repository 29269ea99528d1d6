// POST /collectif/invitation/{token}: accepts the invitation — the charter must be accepted and the password follow
// the same rules as a reset (422 with the message next to the field otherwise); her account is created, the link
// spent, and she is signed in and sent to her profile. With an account already (same e-mail, an ambassador of the
// territory) it is linked and she is sent to the login form.
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_invitation_accept(Ctx& c) {
  std::string token = c.req.params["token"];
  auto a = store::ambassador_by_invite(c.app.store, token);
  if (!a) return invitation_page(c, nullptr, token, {}, 404);
  // An ambassador account with her address already exists: it is linked, its password kept, and she signs in
  // with it (the link alone never opens a session on an existing account).
  bool has_account = store::user_by_email(c.app.store, a->email).has_value();
  std::string password = c.req.form("password");
  domain::Errors errors;
  if (!has_account) {
    errors = domain::validate_password(password);
    if (errors.empty() && password != c.req.form("password_confirm"))
      errors["password_confirm"] = "Les deux mots de passe ne sont pas identiques.";
  }
  if (c.req.form("charter") != "1")
    errors["charter"] = "Pour rejoindre le collectif, lisez la charte puis cochez la case qui l’accepte.";
  if (!errors.empty()) return invitation_page(c, &*a, token, errors, 422);
  auto joined =
      store::accept_invitation(c.app.store, token, has_account ? "" : http::hash_password(password), store::now_unix());
  if (joined.status == store::WriteResult::Status::not_found) return invitation_page(c, nullptr, token, {}, 404);
  if (!joined.ok()) return invitation_page(c, &*a, token, joined.errors, 409);
  if (has_account) return http::Response::redirect("/connexion?suite=%2Fcollectif%2Fmon-profil");
  http::Response r = http::Response::redirect("/collectif/mon-profil?etat=bienvenue");
  open_session(c, joined.id, r);
  return r;
}

}  // namespace passerelles::web
