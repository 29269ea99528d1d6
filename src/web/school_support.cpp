// School list filters and display values.
#include "web/school_support.hpp"

#include <charconv>

#include "domain/account.hpp"
#include "domain/text.hpp"

namespace passerelles::web {

store::SchoolFilter school_filter(const Ctx& c) {
  store::SchoolFilter f;
  f.departments = c.actor ? c.actor->territory.departments : std::vector<std::string>{};
  std::string dep = c.req.query("departement");
  if (c.actor && c.actor->is_admin() && dep.size() >= 2 && dep.size() <= 3)
    f.departments = {domain::department_code3(dep)};
  f.query = domain::trim(c.req.query("q"));
  if (f.query.size() > 200) f.query.resize(200);
  std::string kind = c.req.query("type");
  for (const auto& k : domain::school_kinds())
    if (k == kind) f.kind = kind;
  std::string commune = c.req.query("commune");
  if (commune.size() == 5) f.commune_insee = commune;
  std::string page = c.req.query("page");
  int p = 1;
  auto [ptr, ec] = std::from_chars(page.data(), page.data() + page.size(), p);
  f.page = ec == std::errc() && ptr == page.data() + page.size() && p >= 1 && p <= 100000 ? p : 1;
  f.per_page = 50;
  return f;
}

Data school_data(const domain::School& s) {
  Data d;
  d.set("uai", s.uai);
  d.set("name", s.name);
  d.set("kind_label", domain::school_kind_label(s.kind));
  d.set("sector", s.sector == "private" ? "privé" : s.sector == "public" ? "public" : "");
  d.set("commune", s.commune_name);
  d.set("postal_code", s.postal_code);
  d.set("department", s.department);
  if (!s.address.empty()) d.set("address", s.address);
  if (!s.academy.empty()) d.set("academy", s.academy);
  if (!s.priority_education.empty()) d.set("priority_education", s.priority_education);
  if (s.pupils > 0) d.set("pupils", std::to_string(s.pupils));
  if (!s.phone.empty()) d.set("phone", s.phone);
  if (!s.email.empty()) d.set("email", s.email);
  if (!s.website.empty()) d.set("website", s.website);
  if (s.lat && s.lon) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.5f, %.5f", *s.lat, *s.lon);
    d.set("coordinates", std::string(buf));
  }
  return d;
}

}  // namespace passerelles::web
