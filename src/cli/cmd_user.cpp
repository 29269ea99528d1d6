// `passerelles user add`: creates an account; the password comes from standard input, never a flag.
#include <iostream>

#include "cli/commands.hpp"
#include "domain/account.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "store/directory.hpp"

namespace passerelles::cli {

int cmd_user_add(const config::Config& cfg, const UserAddOptions& o) {
  auto role = domain::role_from_string(o.role);
  if (!role) {
    std::cerr << "passerelles: unknown role '" << o.role << "'\n";
    return 2;
  }
  if (auto e = domain::validate_email(o.email); !e.empty()) {
    std::cerr << "passerelles: --email: " << e.begin()->second << "\n";
    return 2;
  }
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (auto e = domain::validate_password(password); !e.empty()) {
    std::cerr << "passerelles: password: " << e.begin()->second << "\n";
    return 2;
  }
  auto store = store::Store::open(cfg.db, 1);
  store->ensure_current();
  domain::User u;
  u.email = o.email;
  u.role = *role;
  u.display_name = o.name;
  if (*role != domain::Role::admin) {
    if (o.territory.empty()) {
      std::cerr << "passerelles: --territory is required for role " << o.role << "\n";
      return 2;
    }
    auto t = store::territory_by_slug(*store, o.territory);
    if (!t) {
      std::cerr << "passerelles: unknown territory '" << o.territory << "'\n";
      return 2;
    }
    u.territory_id = t->id;
  }
  if (!o.organisation.empty()) {
    for (const auto& org : store::organisation_names(*store, u.territory_id))
      if (org.name == o.organisation || std::to_string(org.id) == o.organisation) u.organisation_id = org.id;
    if (u.territory_id == 0 || u.organisation_id == 0) {
      std::cerr << "passerelles: no organisation '" << o.organisation << "' in territory '" << o.territory << "'\n";
      return 2;
    }
  }
  if (store::user_by_email(*store, o.email)) {
    std::cerr << "passerelles: an account already exists for " << o.email << "\n";
    return 1;
  }
  long long id = store::insert_user(*store, u, http::hash_password(password));
  std::cout << "created user " << id << " <" << o.email << "> as " << o.role << "\n";
  return 0;
}

}  // namespace passerelles::cli
