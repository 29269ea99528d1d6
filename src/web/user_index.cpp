// GET /utilisateurs: the accounts of the territory I coordinate (an admin first picks a territory), with the
// form to invite someone.
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

Data users_data(Ctx& c, const domain::Territory& territory) {
  Data d;
  d.set("territory_name", territory.name);
  if (c.actor->is_admin()) d.set("territory_slug", territory.slug);
  List users;
  for (const auto& u : store::users_in_territory(c.app.store, territory.id)) {
    Data row;
    row.set("id", std::to_string(u.id));
    row.set("name", u.display_name);
    row.set("email", u.email);
    row.set("role", std::string(domain::role_label_fr(u.role)));
    row.set("active", u.active);
    row.set("can_deactivate", u.active && u.id != c.actor->user.id);
    users.push_back(row);
  }
  d.set("users", users);
  d.set("roles", role_choices(c.req.form("role")));
  return d;
}

http::Response user_index(Ctx& c) {
  auto territory = managed_territory(c);
  if (territory) return c.page("users", "Utilisateurs", users_data(c, *territory));
  if (!c.actor->is_admin()) return c.forbidden();
  if (!c.req.query("territoire").empty()) return c.not_found();
  Data d;
  d.set("choices", territory_links(c.app));
  d.set("choose", true);
  return c.page("users", "Utilisateurs", d);
}

}  // namespace passerelles::web
