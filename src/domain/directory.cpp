// Directory rules: kinds and roles with their French labels, normalisation, validation and merging.
#include "domain/directory.hpp"

#include <algorithm>
#include <cctype>

#include "domain/text.hpp"

namespace passerelles::domain {

const std::vector<Choice>& organisation_kinds() {
  static const std::vector<Choice> v = {
      {"school", "Établissement scolaire"},
      {"company", "Entreprise"},
      {"lab", "Laboratoire"},
      {"association", "Association"},
      {"public_body", "Organisme public"},
      {"prescriber", "Prescripteur (emploi, orientation)"},
      {"training_centre", "Centre de formation"},
  };
  return v;
}

const std::vector<Choice>& person_roles() {
  static const std::vector<Choice> v = {
      {"teacher", "Enseignant·e"},
      {"principal", "Direction d’établissement"},
      {"guidance", "Orientation (PsyEN, CIO)"},
      {"hr", "Ressources humaines"},
      {"manager", "Direction d’entreprise"},
      {"engineer", "Ingénieure, ingénieur"},
      {"technician", "Technicienne, technicien"},
      {"network_member", "Membre du réseau"},
      {"adviser", "Conseiller·ère emploi"},
      {"researcher", "Chercheuse, chercheur"},
      {"other", "Autre"},
  };
  return v;
}

namespace {

void upper(std::string& s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

void lower(std::string& s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '.' && c != '\t') out += c;
  return out;
}

// '25056', '2A004', '97411': five characters, digits except the Corsican 2A/2B.
bool is_valid_insee(std::string_view c) {
  if (c.size() != 5) return false;
  bool corsica = c[0] == '2' && (c[1] == 'A' || c[1] == 'B');
  for (std::size_t i = 0; i < 5; ++i)
    if (!std::isdigit(static_cast<unsigned char>(c[i])) && !(i == 1 && corsica)) return false;
  return true;
}

bool is_web_address(std::string_view s) {
  auto starts = [&](std::string_view p) { return s.size() > p.size() && s.substr(0, p.size()) == p; };
  return (starts("http://") || starts("https://")) && s.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

void check_contact(Errors& e, const std::string& email, const std::string& phone) {
  check_max_length(e, "email", email, 254);
  if (!e.count("email") && !email.empty() && !is_valid_email(email))
    e["email"] = "L’adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).";
  check_max_length(e, "phone", phone, kMaxPhone);
  if (!e.count("phone") && !phone.empty() && !is_valid_phone(phone))
    e["phone"] = "Le numéro de téléphone n’est pas valide (exemple : 03 81 00 00 00 ou +33 3 81 00 00 00).";
}

void join_notes(std::string& keep, const std::string& other) {
  if (other.empty() || keep == other) return;
  keep = keep.empty() ? other : keep + "\n\n" + other;
}

void fill(std::string& keep, const std::string& other) {
  if (keep.empty()) keep = other;
}

}  // namespace

std::string_view organisation_kind_label(std::string_view kind) {
  return choice_label(organisation_kinds(), kind);
}
std::string_view person_role_label(std::string_view role) {
  return choice_label(person_roles(), role);
}

std::string full_name(const Person& p) {
  if (p.first_name.empty()) return p.last_name;
  return p.first_name + " " + p.last_name;
}

void normalise(Organisation& o) {
  for (auto* f : {&o.kind, &o.name, &o.uai, &o.siret, &o.address, &o.commune_insee, &o.website, &o.email, &o.phone})
    *f = trim(*f);
  o.notes = trim(o.notes);
  upper(o.uai);
  upper(o.commune_insee);
  o.siret = without_spaces(o.siret);
  lower(o.email);
}

void normalise(Person& p) {
  for (auto* f : {&p.first_name, &p.last_name, &p.email, &p.phone, &p.job_title, &p.notes}) *f = trim(*f);
  lower(p.email);
  std::vector<std::string> roles;
  for (const auto& r : p.roles) {
    std::string t = trim(r);
    if (!t.empty() && std::find(roles.begin(), roles.end(), t) == roles.end()) roles.push_back(t);
  }
  p.roles = std::move(roles);
}

Errors validate(const Organisation& o) {
  Errors e;
  if (organisation_kind_label(o.kind).empty()) e["kind"] = "Choisissez le type d’organisation.";
  require_text(e, "name", o.name, kMaxName);
  check_max_length(e, "uai", o.uai, 8);
  if (!e.count("uai")) {
    if (o.uai.empty() && o.kind == "school")
      e["uai"] = "Le code UAI est obligatoire pour un établissement scolaire.";
    else if (!o.uai.empty() && !is_valid_uai(o.uai))
      e["uai"] = "Le code UAI compte 8 caractères : 7 chiffres et une lettre (exemple : 0350122T).";
  }
  check_max_length(e, "siret", o.siret, 14);
  if (!e.count("siret") && !o.siret.empty() && !is_valid_siret(o.siret))
    e["siret"] = "Le SIRET compte 14 chiffres et sa clé de contrôle doit être juste (exemple : 21350016800025).";
  check_max_length(e, "address", o.address, kMaxAddress);
  check_max_length(e, "commune_insee", o.commune_insee, 5);
  if (!e.count("commune_insee") && !o.commune_insee.empty() && !is_valid_insee(o.commune_insee))
    e["commune_insee"] = "Le code INSEE de la commune compte 5 caractères (exemple : 25056 pour Besançon).";
  check_max_length(e, "website", o.website, kMaxWebsite);
  if (!e.count("website") && !o.website.empty() && !is_web_address(o.website))
    e["website"] = "L’adresse du site doit commencer par http:// ou https://.";
  check_contact(e, o.email, o.phone);
  check_max_length(e, "notes", o.notes, kMaxNotes);
  if (o.lat && !(*o.lat >= -90 && *o.lat <= 90)) e["lat"] = "La latitude est comprise entre -90 et 90.";
  if (o.lon && !(*o.lon >= -180 && *o.lon <= 180)) e["lon"] = "La longitude est comprise entre -180 et 180.";
  return e;
}

Errors validate(const Person& p) {
  Errors e;
  require_text(e, "first_name", p.first_name, kMaxPersonName);
  require_text(e, "last_name", p.last_name, kMaxPersonName);
  check_contact(e, p.email, p.phone);
  check_max_length(e, "job_title", p.job_title, kMaxJobTitle);
  for (const auto& r : p.roles)
    if (person_role_label(r).empty()) e["roles"] = "Choisissez des rôles dans la liste proposée.";
  check_max_length(e, "notes", p.notes, kMaxNotes);
  return e;
}

std::string changed_fields(const Organisation& a, const Organisation& b) {
  ChangedFields changed;
  changed.add("kind", a.kind != b.kind);
  changed.add("name", a.name != b.name);
  changed.add("uai", a.uai != b.uai);
  changed.add("siret", a.siret != b.siret);
  changed.add("address", a.address != b.address);
  changed.add("commune_insee", a.commune_insee != b.commune_insee);
  changed.add("lat", a.lat != b.lat);
  changed.add("lon", a.lon != b.lon);
  changed.add("website", a.website != b.website);
  changed.add("email", a.email != b.email);
  changed.add("phone", a.phone != b.phone);
  changed.add("notes", a.notes != b.notes);
  return changed.text();
}

std::string changed_fields(const Person& a, const Person& b) {
  ChangedFields changed;
  changed.add("organisation_id", a.organisation_id != b.organisation_id);
  changed.add("first_name", a.first_name != b.first_name);
  changed.add("last_name", a.last_name != b.last_name);
  changed.add("email", a.email != b.email);
  changed.add("phone", a.phone != b.phone);
  changed.add("job_title", a.job_title != b.job_title);
  changed.add("roles", a.roles != b.roles);
  changed.add("notes", a.notes != b.notes);
  return changed.text();
}

void absorb(Organisation& keep, const Organisation& d) {
  for (auto [k, o] : {std::pair{&keep.uai, &d.uai},
                      {&keep.siret, &d.siret},
                      {&keep.address, &d.address},
                      {&keep.website, &d.website},
                      {&keep.email, &d.email},
                      {&keep.phone, &d.phone}})
    fill(*k, *o);
  if (keep.commune_insee.empty()) {
    keep.commune_insee = d.commune_insee;
    keep.commune_name = d.commune_name;
  }
  if (!keep.lat || !keep.lon) {
    keep.lat = d.lat;
    keep.lon = d.lon;
  }
  join_notes(keep.notes, d.notes);
}

void absorb(Person& keep, const Person& d) {
  for (auto [k, o] : {std::pair{&keep.first_name, &d.first_name},
                      {&keep.last_name, &d.last_name},
                      {&keep.email, &d.email},
                      {&keep.phone, &d.phone},
                      {&keep.job_title, &d.job_title}})
    fill(*k, *o);
  if (!keep.organisation_id) {
    keep.organisation_id = d.organisation_id;
    keep.organisation_name = d.organisation_name;
  }
  for (const auto& r : d.roles)
    if (std::find(keep.roles.begin(), keep.roles.end(), r) == keep.roles.end()) keep.roles.push_back(r);
  join_notes(keep.notes, d.notes);
}

std::string search_text(const Organisation& o) {
  return fold(o.name + " " + o.commune_name + " " + o.commune_insee + " " + o.uai + " " + o.siret + " " + o.email +
              " " + std::string(organisation_kind_label(o.kind)));
}

std::string search_text(const Person& p) {
  return fold(p.last_name + " " + p.first_name + " " + p.email + " " + p.job_title + " " + p.organisation_name);
}

std::string_view choice_label(const std::vector<Choice>& choices, std::string_view code) {
  for (const auto& c : choices)
    if (c.code == code) return c.label;
  return "";
}

}  // namespace passerelles::domain
