// Seeds the known set of actions of report_fixture.hpp through the store's own write functions.
#include "support/report_fixture.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

#include "domain/action.hpp"
#include "domain/plan.hpp"
#include "domain/validation.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/plan.hpp"
#include "store/schools.hpp"
#include "support/http_support.hpp"

namespace passerelles::fixture {

namespace {

std::string valid_uai(const std::string& digits) {
  for (char l : std::string("ABCDEFGHJKLMNPRSTUVWXYZ"))
    if (domain::is_valid_uai(digits + l)) return digits + l;
  throw std::logic_error("no UAI for " + digits);
}

long long add_school(store::Store& s, const std::string& digits, const std::string& name, const std::string& kind,
                     const std::string& commune, const std::string& dept, double lat, double lon) {
  domain::School sc;
  sc.uai = valid_uai(digits);
  sc.name = name;
  sc.kind = kind;
  sc.commune_name = commune;
  sc.department = dept;
  sc.lat = lat;
  sc.lon = lon;
  s.write([&](soci::session& sql) { store::upsert_school(sql, sc); });
  return store::school_by_uai(s, sc.uai)->id;
}

struct Draft {
  long long territory;
  std::string kind, day;
  long long initiative = 0, school = 0, same_group = 0;
  std::array<long long, domain::kAudienceCount> audience{};
  int minutes = 0;
  std::string highlight;
  bool validate = true;
};

long long add_action(store::Store& s, const Draft& d, long long author) {
  domain::Action a;
  a.territory_id = d.territory;
  a.kind = d.kind;
  a.title = std::string(domain::action_kind_label(d.kind)) + " du " + d.day;
  a.starts_on = d.day;
  a.duration_minutes = d.minutes;
  a.initiative_id = d.initiative;
  a.same_group_as = d.same_group;
  if (d.school) a.school_ids = {d.school};
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i) a.audience[i] = d.audience[i];
  a.highlight = d.highlight;
  store::Author by{author, "test"};
  auto r = store::insert_action(s, a, by);
  if (!r.ok()) throw std::runtime_error("insert_action failed: " + (r.errors.empty() ? "" : r.errors.begin()->second));
  if (d.validate) {
    auto v = store::set_action_status(s, d.territory, r.id, "validated", "", by);
    if (!v.ok()) throw std::runtime_error("set_action_status failed");
  }
  return r.id;
}

}  // namespace

ReportWorld seed_report_world(store::Store& s) {
  ReportWorld w;
  domain::Territory t;
  t.slug = w.slug;
  t.name = w.name;
  t.kind = "cmq";
  t.departments = {"025", "039"};
  w.territory = store::insert_territory(s, t);
  w.other = seed_territory(s, "autre", {"062"});
  w.coordinator = seed_user(s, "coord@rapport.fr", domain::Role::coordinator, w.territory);
  w.other_coordinator = seed_user(s, "coord@autre.fr", domain::Role::coordinator, w.other);
  seed_user(s, "admin@rapport.fr", domain::Role::admin, 0);
  seed_user(s, "viewer@rapport.fr", domain::Role::viewer, w.territory);

  long long s1 = add_school(s, "0251234", "Collège Victor-Hugo", "college", "Besançon", "025", 47.24, 6.02);
  long long s2 = add_school(s, "0391111", "Collège Pasteur", "college", "Dole", "039", 47.09, 5.49);
  long long s3 = add_school(s, "0392222", "Lycée Pasteur Mont-Roland", "lycee_polyvalent", "Dole", "039", 47.1, 5.5);
  long long far = add_school(s, "0623333", "Collège Jean-Moulin", "college", "Arras", "062", 50.29, 2.78);

  store::Author by{w.coordinator, "test"};
  domain::Initiative mentoring;
  mentoring.territory_id = w.territory;
  mentoring.axis = "Axe 1 — Accompagner";
  mentoring.name = "Mentorat";
  mentoring.targets = {{2025, "people_reached", 1500}, {2025, "girls", 900}, {2026, "people_reached", 500}};
  w.mentoring = store::insert_initiative(s, mentoring, by).id;
  domain::Initiative formula;
  formula.territory_id = w.territory;
  formula.name = w.formula_name;
  w.formula_initiative = store::insert_initiative(s, formula, by).id;
  if (!w.mentoring || !w.formula_initiative) throw std::runtime_error("insert_initiative failed");

  long long a1 = add_action(
      s, {w.territory, "atelier", "2025-09-15", w.mentoring, s1, 0, {600, 400, 0, 34}, 120, w.highlight, true},
      w.coordinator);
  add_action(
      s, {w.territory, "temoignage_classe", "2025-10-02", w.formula_initiative, s2, 0, {20, 10}, 60, w.testimony, true},
      w.coordinator);
  add_action(s, {w.territory, "atelier", "2025-11-05", w.mentoring, s1, a1, {600, 400}, 120, "", true}, w.coordinator);
  add_action(
      s,
      {w.territory, "visite_entreprise", "2026-01-20", 0, s3, 0, {15, 5, 0, 0, 0, 0, 2}, 90, w.hidden_highlight, false},
      w.coordinator);
  add_action(s, {w.territory, "forum_salon", "2026-03-10", 0, 0, 0, {0, 0, 7}, 180, "", true}, w.coordinator);
  add_action(s, {w.territory, "atelier", "2025-08-20", w.mentoring, s3, 0, {50}, 60, "", true}, w.coordinator);
  add_action(s, {w.other, "atelier", "2025-10-10", 0, far, 0, {999}, 60, "", true}, w.other_coordinator);
  return w;
}

ShellResult shell(const std::string& command) {
  ShellResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

ShellResult shell_on_file(const std::string& bytes, const std::string& extension, std::string command) {
  std::random_device rd;
  auto path = std::filesystem::temp_directory_path() / ("passerelles-report-" + std::to_string(rd()) + "." + extension);
  std::ofstream(path, std::ios::binary) << bytes;
  for (auto at = command.find("{}"); at != std::string::npos; at = command.find("{}", at))
    command.replace(at, 2, "'" + path.string() + "'");
  ShellResult r = shell(command);
  std::filesystem::remove(path);
  return r;
}

std::string python_tool(const std::string& name) {
  return "/usr/bin/python3 '" + std::string(PASSERELLES_SOURCE_DIR) + "/tests/tools/" + name + "'";
}

std::string plain_spaces(std::string s) {
  for (const std::string& space : {std::string("\u202F"), std::string("\u00A0")})
    for (auto at = s.find(space); at != std::string::npos; at = s.find(space, at)) s.replace(at, space.size(), " ");
  return s;
}

}  // namespace passerelles::fixture
