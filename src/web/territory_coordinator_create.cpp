// POST /territoires/coordinatrices: the admin creates a coordinator account for a territory (its first one,
// usually) and e-mails her the invitation to choose a password.
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response territory_coordinator_create(Ctx& c) {
  auto territory = store::territory_by_slug(c.app.store, c.req.form("territoire"));
  std::string email = c.req.form("coord_email");
  std::string name = c.req.form("coord_name");
  domain::Errors errors, invite_errors;
  bool mail_sent = false;
  long long id = 0;
  if (!territory)
    errors["territoire"] = "Choisissez le territoire.";
  else
    id = invite_user(c, *territory, email, name, "coordinator", invite_errors, mail_sent);
  if (!id) {
    for (const auto& [field, message] : invite_errors) errors["coord_" + field] = message;
    Data d = territories_data(c);
    d.set("coord_email", email);
    d.set("coord_name", name);
    d.set("errors", errors_data(errors));
    return c.page("territories", "Territoires", d, 422);
  }
  return http::Response::redirect(std::string("/territoires?msg=") +
                                  (mail_sent ? "compte-cree" : "compte-cree-sans-mail"));
}

}  // namespace passerelles::web
