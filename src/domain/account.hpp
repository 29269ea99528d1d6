// Territories, roles and users: the plain values every layer passes around, and their validation rules.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/validation.hpp"

namespace passerelles::domain {

enum class Role { admin, coordinator, ambassador, school_contact, company_contact, prescriber, viewer };

std::optional<Role> role_from_string(std::string_view s);
std::string_view to_string(Role r);
std::string_view role_label_fr(Role r);
const std::vector<Role>& all_roles();

struct Territory {
  long long id = 0;
  std::string slug;
  std::string name;
  std::string kind;                      // cmq | industry_territory | other
  std::vector<std::string> departments;  // 3-character codes: '025', '062'
  std::string academy;
  std::string description;
  double road_factor = 1.3;
};

struct User {
  long long id = 0;
  std::string email;
  std::string display_name;
  Role role = Role::viewer;
  long long territory_id = 0;  // 0 for admin (all territories)
  bool active = true;
  // The organisation of the territory's directory a company contact, school contact or prescriber acts for (0 =
  // none); set by the coordinator (store::set_user_organisation).
  long long organisation_id = 0;
};

// Whoever is making the request, with the territory their data is confined to.
struct Actor {
  User user;
  Territory territory;  // the user's own territory (empty for admin until one is chosen)
  bool is_admin() const { return user.role == Role::admin; }
  bool can_edit_directory() const { return user.role == Role::admin || user.role == Role::coordinator; }
};

// Territory kinds: "cmq", "industry_territory", "other"; the French label ("" for an unknown kind).
const std::vector<std::string>& territory_kinds();
std::string_view territory_kind_label_fr(std::string_view kind);

constexpr std::size_t kMinPasswordLength = 12;

// French messages, keyed by field name.
Errors validate_password(const std::string& password, const std::string& field = "password");
Errors validate_email(const std::string& email, const std::string& field = "email");
Errors validate_territory(const Territory& t);

// "025" from "25", "2A" -> "02A", "971" stays: the 3-character form used by education files.
std::string department_code3(std::string_view code);

}  // namespace passerelles::domain
