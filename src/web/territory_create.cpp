// POST /territoires: the admin creates a territory (CMQ, Territoire d'Industrie or other network).
#include <charconv>

#include "domain/text.hpp"
#include "http/message.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

// "1,3" or "1.3"; nullopt when not a number.
std::optional<double> parse_decimal(std::string s) {
  s = domain::trim(s);
  for (auto& ch : s)
    if (ch == ',') ch = '.';
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

http::Response territory_create(Ctx& c) {
  domain::Territory t;
  t.slug = domain::trim(c.req.form("slug"));
  t.name = domain::trim(c.req.form("name"));
  t.kind = c.req.form("kind");
  std::string deps = c.req.form("departments");
  for (auto& ch : deps)
    if (ch == ' ' || ch == ';') ch = ',';
  for (const auto& dep : domain::split_list(deps)) t.departments.push_back(domain::department_code3(dep));
  t.academy = domain::trim(c.req.form("academy"));
  std::string road = c.req.form("road_factor");
  auto road_factor = parse_decimal(road.empty() ? "1.3" : road);
  t.road_factor = road_factor.value_or(0);
  auto errors = domain::validate_territory(t);
  domain::check_max_length(errors, "academy", t.academy, 200);
  if (!road_factor) errors["road_factor"] = "Le facteur routier est un nombre, par exemple 1,3.";
  if (!errors.count("slug") && store::territory_by_slug(c.app.store, t.slug))
    errors["slug"] = "Cet identifiant est déjà pris par un autre territoire.";
  if (!errors.empty()) {
    Data d = territories_data(c);
    d.set("form_slug", t.slug);
    d.set("form_name", t.name);
    d.set("form_departments", c.req.form("departments"));
    d.set("form_academy", t.academy);
    d.set("road_factor", road);
    d.set("errors", errors_data(errors));
    return c.page("territories", "Territoires", d, 422);
  }
  t.id = store::insert_territory(c.app.store, t);
  audit_event(c, t.id, "create", "territory", t.id, t.slug);
  return http::Response::redirect("/territoires?msg=territoire-cree&territoire=" + http::url_encode(t.slug) +
                                  "#coordinatrice");
}

}  // namespace passerelles::web
