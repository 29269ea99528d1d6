// /api/v1/schools: the official school directory (shared reference data), searched within the caller's
// territory's départements (any département for an admin). Same store calls as the school pages.
#include <charconv>

#include "api/directory_json.hpp"
#include "domain/account.hpp"
#include "domain/text.hpp"
#include "store/schools.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

nlohmann::json school_json(const domain::School& s) {
  nlohmann::json j = {{"uai", s.uai},
                      {"name", s.name},
                      {"kind", s.kind},
                      {"sector", s.sector},
                      {"address", s.address},
                      {"postal_code", s.postal_code},
                      {"commune_insee", s.commune_insee},
                      {"commune_name", s.commune_name},
                      {"department", s.department},
                      {"academy", s.academy},
                      {"region", s.region},
                      {"lat", nullptr},
                      {"lon", nullptr},
                      {"priority_education", s.priority_education},
                      {"pupils", s.pupils},
                      {"phone", s.phone},
                      {"email", s.email},
                      {"website", s.website},
                      {"voies", s.voies}};
  if (s.lat && s.lon) {
    j["lat"] = *s.lat;
    j["lon"] = *s.lon;
  }
  return j;
}

}  // namespace

// GET /api/v1/schools?q=&department=&kind=&page=
http::Response schools_api_index(Ctx& c) {
  store::SchoolFilter f;
  f.per_page = 50;
  f.departments = c.actor->territory.departments;
  domain::Errors e;
  std::string dep = c.req.query("department");
  if (!dep.empty()) {
    std::string d3 = domain::department_code3(dep);
    bool allowed = c.actor->is_admin();
    for (const auto& own : c.actor->territory.departments) allowed = allowed || own == d3;
    if (d3.size() != 3 || !allowed)
      e["department"] = "Département inconnu ou hors du territoire : « " + dep + " ».";
    else
      f.departments = {d3};
  }
  std::string kind = c.req.query("kind");
  if (!kind.empty()) {
    for (const auto& k : domain::school_kinds())
      if (k == kind) f.kind = kind;
    if (f.kind.empty()) e["kind"] = "Type d’établissement inconnu : « " + kind + " ».";
  }
  std::string page = c.req.query("page");
  if (!page.empty()) {
    int p = 0;
    auto [ptr, ec] = std::from_chars(page.data(), page.data() + page.size(), p);
    if (ec != std::errc() || ptr != page.data() + page.size() || p < 1 || p > 100000)
      e["page"] = "Le numéro de page doit être un entier positif.";
    else
      f.page = p;
  }
  f.query = domain::trim(c.req.query("q"));
  if (f.query.size() > 200) e["q"] = "La recherche est trop longue (200 caractères au plus).";
  if (!e.empty()) return api_errors(422, "Paramètres invalides.", e);
  auto found = store::schools_matching(c.app.store, f);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : found.rows) items.push_back(school_json(s));
  return api_json({{"items", items}, {"total", found.total}, {"page", f.page}, {"per_page", f.per_page}});
}

// GET /api/v1/schools/{uai}
http::Response schools_api_show(Ctx& c) {
  std::string uai = c.req.params["uai"];
  auto s = domain::is_valid_uai(uai) ? store::school_by_uai(c.app.store, uai) : std::nullopt;
  if (!s) return api_errors(404, "Établissement introuvable.");
  return api_json(school_json(*s));
}

}  // namespace passerelles::web
