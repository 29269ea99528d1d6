// POST /utilisateurs: creates an account of my territory with a role other than admin, and e-mails the
// invitation to choose a password.
#include "http/message.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response user_create(Ctx& c) {
  auto territory = managed_territory(c);
  if (!territory) return c.actor->is_admin() ? c.not_found() : c.forbidden();
  std::string email = c.req.form("email");
  std::string name = c.req.form("display_name");
  domain::Errors errors;
  bool mail_sent = false;
  long long id = invite_user(c, *territory, email, name, c.req.form("role"), errors, mail_sent);
  // The organisation a company contact, school contact or prescriber acts for (issue 7); ignored when not one of
  // the territory's.
  if (long long org = parse_id(c.req.form("organisation_id")); id && org > 0)
    store::set_user_organisation(c.app.store, territory->id, id, org);
  if (!id) {
    Data d = users_data(c, *territory);
    d.set("form_email", email);
    d.set("form_name", name);
    d.set("errors", errors_data(errors));
    return c.page("users", "Utilisateurs", d, 422);
  }
  std::string where = c.actor->is_admin() ? "&territoire=" + http::url_encode(territory->slug) : "";
  return http::Response::redirect(
      "/utilisateurs?msg=" + std::string(mail_sent ? "compte-cree" : "compte-cree-sans-mail") + where);
}

}  // namespace passerelles::web
