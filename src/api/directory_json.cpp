// Directory records in JSON, and the checks every directory API request shares (body, parameters, errors).
#include "api/directory_json.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "domain/text.hpp"

namespace passerelles::web {

using nlohmann::json;

namespace {

// "application/json; charset=utf-8" -> "application/json"
std::string media_type(const std::string& content_type) {
  std::string t = domain::trim(content_type.substr(0, content_type.find(';')));
  for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

// A query number: nullopt when present but not an integer.
std::optional<long long> query_number(const http::Request& r, const char* name, long long fallback) {
  std::string s = r.query(name);
  if (s.empty()) return fallback;
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

void read_string(const json& j, const char* key, std::string& out, domain::Errors& type_errors) {
  out.clear();
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  if (it->is_string())
    out = it->get<std::string>();
  else
    type_errors[key] = "Ce champ doit être une chaîne de caractères.";
}

void read_number(const json& j, const char* key, std::optional<double>& out, domain::Errors& type_errors) {
  out.reset();
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  if (it->is_number())
    out = it->get<double>();
  else
    type_errors[key] = "Ce champ doit être un nombre ou null.";
}

json optional_number(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

http::Response api_errors(int status, const std::string& message, const domain::Errors& fields) {
  return http::Response::json(json_errors(fields, message), status);
}

http::Response api_without_territory() {
  return api_errors(403, "Ce compte n’est rattaché à aucun territoire : l’annuaire appartient aux territoires.");
}

http::Response api_json(const json& j, int status) {
  return http::Response::json(j.dump(-1, ' ', false, json::error_handler_t::replace), status);
}

std::optional<json> json_object_body(const http::Request& r, http::Response& error) {
  if (media_type(r.header("content-type")) != "application/json") {
    error = api_errors(415, "Le corps de la requête doit être du JSON (Content-Type: application/json).");
    return std::nullopt;
  }
  // The parser rejects malformed UTF-8 inside strings as well as malformed JSON.
  json j = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    error = api_errors(400, "Le corps de la requête n’est pas du JSON valide (UTF-8).");
    return std::nullopt;
  }
  if (!j.is_object()) {
    error = api_errors(400, "Le corps de la requête doit être un objet JSON.");
    return std::nullopt;
  }
  return j;
}

std::optional<store::DirectoryFilter> api_filter(const http::Request& r, const std::string& kind_param,
                                                 http::Response& error) {
  store::DirectoryFilter f;
  domain::Errors e;
  f.query = domain::trim(r.query("q"));
  if (!domain::valid_utf8(f.query) || domain::utf8_length(f.query) > 200)
    e["q"] = "La recherche doit être du texte UTF-8 de 200 caractères au plus.";
  f.kind = r.query(kind_param);
  bool people = kind_param == "role";
  if (!f.kind.empty() && (people ? domain::person_role_label(f.kind) : domain::organisation_kind_label(f.kind)).empty())
    e[kind_param] = people ? "Rôle inconnu." : "Type d’organisation inconnu.";
  auto page = query_number(r, "page", 1);
  auto per_page = query_number(r, "per_page", 25);
  auto org = query_number(r, "organisation_id", 0);
  if (!page) e["page"] = "La page doit être un nombre entier.";
  if (!per_page) e["per_page"] = "per_page doit être un nombre entier.";
  if (people && !org) e["organisation_id"] = "organisation_id doit être un nombre entier.";
  if (!e.empty()) {
    error = api_errors(400, "Paramètres de recherche invalides.", e);
    return std::nullopt;
  }
  f.page = static_cast<int>(std::clamp<long long>(*page, 1, 1000000));
  f.per_page = static_cast<int>(std::clamp<long long>(*per_page, 1, store::kMaxPerPage));
  if (people) f.organisation_id = std::max<long long>(*org, 0);
  return f;
}

json to_json(const domain::Organisation& o) {
  return {{"id", o.id},
          {"territory_id", o.territory_id},
          {"kind", o.kind},
          {"kind_label", std::string(domain::organisation_kind_label(o.kind))},
          {"name", o.name},
          {"uai", o.uai},
          {"siret", o.siret},
          {"address", o.address},
          {"commune_insee", o.commune_insee},
          {"commune_name", o.commune_name},
          {"lat", optional_number(o.lat)},
          {"lon", optional_number(o.lon)},
          {"website", o.website},
          {"email", o.email},
          {"phone", o.phone},
          {"notes", o.notes},
          {"created_at", o.created_at},
          {"updated_at", o.updated_at}};
}

json to_json(const domain::Person& p) {
  return {{"id", p.id},
          {"territory_id", p.territory_id},
          {"organisation_id", p.organisation_id > 0 ? json(p.organisation_id) : json(nullptr)},
          {"organisation_name", p.organisation_name},
          {"first_name", p.first_name},
          {"last_name", p.last_name},
          {"email", p.email},
          {"phone", p.phone},
          {"job_title", p.job_title},
          {"roles", p.roles},
          {"notes", p.notes},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

void organisation_from_json(const json& j, domain::Organisation& o, domain::Errors& type_errors) {
  read_string(j, "kind", o.kind, type_errors);
  read_string(j, "name", o.name, type_errors);
  read_string(j, "uai", o.uai, type_errors);
  read_string(j, "siret", o.siret, type_errors);
  read_string(j, "address", o.address, type_errors);
  read_string(j, "commune_insee", o.commune_insee, type_errors);
  read_number(j, "lat", o.lat, type_errors);
  read_number(j, "lon", o.lon, type_errors);
  read_string(j, "website", o.website, type_errors);
  read_string(j, "email", o.email, type_errors);
  read_string(j, "phone", o.phone, type_errors);
  read_string(j, "notes", o.notes, type_errors);
}

void person_from_json(const json& j, domain::Person& p, domain::Errors& type_errors) {
  p.organisation_id = 0;
  if (auto it = j.find("organisation_id"); it != j.end() && !it->is_null()) {
    if (it->is_number_unsigned())
      p.organisation_id = it->get<unsigned long long>() > 0x7fffffffffffffffULL ? -1 : it->get<long long>();
    else if (it->is_number_integer())
      p.organisation_id = it->get<long long>() > 0 ? it->get<long long>() : -1;  // -1: unknown to the store
    else
      type_errors["organisation_id"] = "Ce champ doit être un nombre entier ou null.";
    if (p.organisation_id == 0) p.organisation_id = -1;
  }
  read_string(j, "first_name", p.first_name, type_errors);
  read_string(j, "last_name", p.last_name, type_errors);
  read_string(j, "email", p.email, type_errors);
  read_string(j, "phone", p.phone, type_errors);
  read_string(j, "job_title", p.job_title, type_errors);
  read_string(j, "notes", p.notes, type_errors);
  p.roles.clear();
  if (auto it = j.find("roles"); it != j.end() && !it->is_null()) {
    bool ok = it->is_array() && std::all_of(it->begin(), it->end(), [](const json& x) { return x.is_string(); });
    if (ok)
      for (const auto& x : *it) p.roles.push_back(x.get<std::string>());
    else
      type_errors["roles"] = "Ce champ doit être une liste de chaînes de caractères.";
  }
}

}  // namespace passerelles::web
