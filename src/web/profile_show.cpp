// GET /profil: who I am (name, e-mail, role, territory), the password form and my personal API tokens.
#include "domain/time_fr.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

Data profile_data(Ctx& c) {
  const auto& u = c.actor->user;
  Data d;
  // Only non-empty values are set: kainjow treats an empty string as true in {{#section}}.
  if (!u.display_name.empty()) d.set("name", u.display_name);
  d.set("email", u.email);
  d.set("role", std::string(domain::role_label_fr(u.role)));
  if (!c.actor->territory.name.empty()) d.set("territory", c.actor->territory.name);
  List tokens;
  for (const auto& t : store::api_tokens_of_user(c.app.store, u.id)) {
    Data row;
    row.set("id", std::to_string(t.id));
    row.set("name", t.name);
    row.set("prefix", t.prefix);
    row.set("created", domain::format_datetime_fr(t.created_at));
    row.set("last_used", t.last_used_at ? domain::format_datetime_fr(t.last_used_at) : "jamais");
    tokens.push_back(row);
  }
  d.set("has_tokens", !tokens.empty());
  d.set("tokens", tokens);
  return d;
}

http::Response profile_show(Ctx& c) {
  return c.page("profile", "Mon profil", profile_data(c));
}

}  // namespace passerelles::web
