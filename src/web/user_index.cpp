// GET /utilisateurs: the accounts of the territory I coordinate (an admin first picks a territory), with the
// form to invite someone.
#include "store/accounts.hpp"
#include "store/directory.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

Data users_data(Ctx& c, const domain::Territory& territory) {
  Data d;
  d.set("territory_name", territory.name);
  if (c.actor->is_admin()) d.set("territory_slug", territory.slug);
  // Company contacts, school contacts and prescribers act for an organisation of the directory (issue 7).
  auto organisations = store::organisation_names(c.app.store, territory.id);
  auto organisation_choices = [&](long long selected) {
    List out;
    for (const auto& o : organisations) {
      Data opt;
      opt.set("code", std::to_string(o.id));
      opt.set("label", o.name);
      opt.set("selected", o.id == selected);
      out.push_back(opt);
    }
    return out;
  };
  d.set("organisations", organisation_choices(0));
  List users;
  for (const auto& u : store::users_in_territory(c.app.store, territory.id)) {
    Data row;
    row.set("id", std::to_string(u.id));
    row.set("name", u.display_name);
    row.set("email", u.email);
    row.set("role", std::string(domain::role_label_fr(u.role)));
    row.set("active", u.active);
    row.set("can_deactivate", u.active && u.id != c.actor->user.id);
    if (u.role == domain::Role::company_contact || u.role == domain::Role::school_contact ||
        u.role == domain::Role::prescriber) {
      row.set("acts_for_organisation", true);
      row.set("organisation_choices", organisation_choices(u.organisation_id));
    }
    users.push_back(row);
  }
  d.set("users", users);
  d.set("roles", role_choices(c.req.form("role")));
  return d;
}

http::Response user_index(Ctx& c) {
  auto territory = managed_territory(c);
  if (territory) return c.page("users", "Utilisateurs", users_data(c, *territory));
  return territory_choice_page(c, "users", "Utilisateurs");
}

}  // namespace passerelles::web
