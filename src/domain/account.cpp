// Role names and labels; password, e-mail and territory rules.
#include "domain/account.hpp"

#include "domain/text.hpp"

namespace passerelles::domain {

namespace {
struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label;
};
constexpr RoleInfo kRoles[] = {
    {Role::admin, "admin", "Administratrice de la fédération"},
    {Role::coordinator, "coordinator", "Coordinatrice (chargée de mission)"},
    {Role::ambassador, "ambassador", "Ambassadrice"},
    {Role::school_contact, "school_contact", "Contact en établissement scolaire"},
    {Role::company_contact, "company_contact", "Contact en entreprise"},
    {Role::prescriber, "prescriber", "Prescripteur (emploi, formation)"},
    {Role::viewer, "viewer", "Lecture seule (financeur)"},
};
}  // namespace

std::optional<Role> role_from_string(std::string_view s) {
  for (const auto& r : kRoles)
    if (r.code == s) return r.role;
  return std::nullopt;
}

std::string_view to_string(Role r) {
  for (const auto& x : kRoles)
    if (x.role == r) return x.code;
  return "viewer";
}

std::string_view role_label_fr(Role r) {
  for (const auto& x : kRoles)
    if (x.role == r) return x.label;
  return "";
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> v = [] {
    std::vector<Role> out;
    for (const auto& r : kRoles) out.push_back(r.role);
    return out;
  }();
  return v;
}

const std::vector<std::string>& territory_kinds() {
  static const std::vector<std::string> v = {"cmq", "industry_territory", "other"};
  return v;
}

std::string_view territory_kind_label_fr(std::string_view kind) {
  if (kind == "cmq") return "Campus des Métiers et des Qualifications";
  if (kind == "industry_territory") return "Territoire d’Industrie";
  if (kind == "other") return "Réseau";
  return "";
}

Errors validate_password(const std::string& password, const std::string& field) {
  Errors e;
  std::size_t n = utf8_length(password);
  if (n < kMinPasswordLength)
    e[field] = "Le mot de passe doit contenir au moins " + std::to_string(kMinPasswordLength) + " caractères.";
  else if (n > 256)
    e[field] = "Le mot de passe est trop long (256 caractères au plus).";
  return e;
}

Errors validate_email(const std::string& email, const std::string& field) {
  Errors e;
  if (trim(email).empty())
    e[field] = "L’adresse e-mail est obligatoire.";
  else if (!is_valid_email(trim(email)))
    e[field] = "L’adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).";
  return e;
}

std::string department_code3(std::string_view code) {
  std::string c = trim(code);
  for (auto& ch : c) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (c.size() == 1) return "00" + c;
  if (c.size() == 2) return "0" + c;
  return c;
}

Errors validate_territory(const Territory& t) {
  Errors e;
  require_text(e, "name", t.name, 200);
  if (t.slug.empty() || t.slug != slugify(t.slug) || t.slug.size() > 64)
    e["slug"] = "L’identifiant doit contenir des lettres minuscules, des chiffres et des tirets.";
  if (territory_kind_label_fr(t.kind).empty()) e["kind"] = "Choisissez le type de territoire.";
  if (t.departments.empty()) e["departments"] = "Indiquez au moins un département.";
  for (const auto& d : t.departments)
    if (d.size() != 3) e["departments"] = "Code de département invalide : « " + d + " ».";
  if (t.road_factor < 1.0 || t.road_factor > 3.0)
    e["road_factor"] = "Le facteur routier doit être compris entre 1 et 3.";
  return e;
}

}  // namespace passerelles::domain
