// HTTP tests of the dashboard on every engine: the figures shown equal store::indicators for the same filter (and
// totals computed by hand), every filter applies, bad filter values give a French message and the defaults (200,
// never 500), a coordinator never sees another territory's figures, the admin sees every territory side by side,
// and the page works without the reference data folder.
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "report/charts.hpp"
#include "store/actions.hpp"
#include "store/indicators.hpp"
#include "store/plan.hpp"
#include "store/schools.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

using namespace passerelles;
using namespace passerelles::fixture;
using report::format_count;

namespace {

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

long long add_school(store::Store& s, const std::string& digits, const std::string& name, const std::string& dept,
                     double lat, double lon, const std::string& rep = "") {
  domain::School sc;
  sc.uai = uai_from_digits(digits);
  sc.name = name;
  sc.kind = "college";
  sc.commune_name = "Besançon";
  sc.department = dept;
  sc.academy = dept == "062" ? "Lille" : "Besançon";
  sc.lat = lat;
  sc.lon = lon;
  sc.priority_education = rep;
  s.write([&](soci::session& sql) { store::upsert_school(sql, sc); });
  return store::school_by_uai(s, sc.uai)->id;
}

struct World {
  long long ta = 0, tb = 0, coord_a = 0, coord_b = 0, admin = 0;
  long long init_1 = 0, init_2 = 0, init_b = 0;
  long long school_rep = 0, school_2 = 0;
};

long long add_initiative(store::Store& s, long long territory, const std::string& name, const store::Author& by,
                         std::vector<domain::YearTarget> targets = {}) {
  domain::Initiative i;
  i.territory_id = territory;
  i.name = name;
  i.targets = std::move(targets);
  auto r = store::insert_initiative(s, i, by);
  EXPECT_TRUE(r.ok());
  return r.id;
}

long long add_action(store::Store& s, long long territory, const store::Author& by, const std::string& kind,
                     const std::string& day, long long initiative, std::vector<long long> schools,
                     const std::string& level, long long girls, long long boys, bool validate,
                     long long same_group_as = 0) {
  domain::Action a;
  a.territory_id = territory;
  a.kind = kind;
  a.title = kind + " " + day;
  a.starts_on = day;
  a.duration_minutes = 60;
  a.initiative_id = initiative;
  a.school_ids = std::move(schools);
  if (!level.empty()) a.classes.push_back({level, ""});
  a.audience[0] = girls;
  a.audience[1] = boys;
  a.same_group_as = same_group_as;
  auto r = store::insert_action(s, a, by);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->first + ": " + r.errors.begin()->second);
  if (validate) {
    EXPECT_TRUE(store::set_action_status(s, territory, r.id, "validated", "", by).ok());
  }
  return r.id;
}

// Territory A (Doubs and Jura) with two initiatives, targets for 2026 and four actions; territory B (Pas-de-Calais)
// with one validated action whose figures (7 777 girls, 11 110 people) must never show on A's pages.
World seed(store::Store& s) {
  World w;
  w.ta = fixture::seed_territory(s, "ta", {"025", "039"});
  w.tb = fixture::seed_territory(s, "tb", {"062"});
  w.coord_a = fixture::seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  w.coord_b = fixture::seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  w.admin = fixture::seed_user(s, "admin@exemple.fr", domain::Role::admin, 0);
  store::Author by_a{w.coord_a, "coord-a@exemple.fr"}, by_b{w.coord_b, "coord-b@exemple.fr"};
  w.school_rep = add_school(s, "0251234", "Collège Victor Hugo", "025", 47.24, 6.02, "REP");
  w.school_2 = add_school(s, "0391111", "Collège Pasteur", "039", 47.09, 5.49);
  add_school(s, "0392222", "Collège Pasteur Nord", "039", 47.10, 5.50);
  add_school(s, "0623333", "Collège Jean Moulin", "062", 50.29, 2.78);
  w.init_1 = add_initiative(s, w.ta, "Mentorat", by_a, {{2026, "people_reached", 100}, {2026, "girls", 40}});
  w.init_2 = add_initiative(s, w.ta, "Visites d’entreprises", by_a);
  w.init_b = add_initiative(s, w.tb, "Initiative de B", by_b);

  // Counted: A1 (18 pupils, REP school, 3e) and A2 (17 pupils, lycée); A4 is a second session of A1's group (adds
  // no one); A3 is only declared.
  long long a1 =
      add_action(s, w.ta, by_a, "temoignage_classe", "2026-02-10", w.init_1, {w.school_rep}, "3e", 10, 8, true);
  add_action(s, w.ta, by_a, "visite_entreprise", "2026-03-15", w.init_2, {w.school_2}, "2nde", 12, 5, true);
  add_action(s, w.ta, by_a, "forum_salon", "2026-03-20", 0, {}, "", 100, 100, false);
  add_action(s, w.ta, by_a, "atelier", "2026-04-01", w.init_1, {w.school_rep}, "3e", 10, 8, true, a1);
  add_action(s, w.tb, by_b, "temoignage_classe", "2026-02-10", w.init_b, {}, "", 7777, 3333, true);
  return w;
}

// The value shown for a key figure (dashboard_figures.html), "" when absent.
std::string figure(const std::string& html, const std::string& code) {
  std::smatch m;
  std::regex re("id=\"chiffre-" + code + "\">[^<]*</h3>\\s*<p class=\"figure\">([^<]*)</p>");
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

// The page's key figures equal the store's for the same filter.
void expect_figures(const std::string& html, const store::Indicators& ind, const std::string& what) {
  EXPECT_EQ(figure(html, "people_reached"), format_count(ind.total.people)) << what;
  EXPECT_EQ(figure(html, "girls"), format_count(ind.total.audience[0])) << what;
  EXPECT_EQ(figure(html, "boys"), format_count(ind.total.audience[1])) << what;
  EXPECT_EQ(figure(html, "actions"), format_count(ind.total.actions)) << what;
  EXPECT_EQ(figure(html, "schools_reached"), format_count(ind.schools_reached)) << what;
  auto share = ind.total.girls_share();
  EXPECT_EQ(figure(html, "girls_share"), share ? report::format_share(*share) : "—") << what;
}

store::IndicatorFilter filter(long long territory, const std::string& from = "2026-01",
                              const std::string& to = "2026-12") {
  store::IndicatorFilter f;
  f.territory_id = territory;
  f.from_month = from;
  f.to_month = to;
  return f;
}

}  // namespace

class DashboardHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(DashboardHttp, CoordinatorSeesTheFiguresOfTheStoreAndByHand) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  HttpResult r = c.get("/tableau-de-bord?du=2026-01&au=2026-12");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  expect_accessible(r.body, "dashboard");

  auto ind = store::indicators(srv.store(), filter(w.ta));
  expect_figures(r.body, ind, "store");
  // By hand: A1 and A2 only (A4 is the same group as A1, A3 is not validated).
  EXPECT_EQ(figure(r.body, "people_reached"), "35");
  EXPECT_EQ(figure(r.body, "girls"), "22");
  EXPECT_EQ(figure(r.body, "boys"), "13");
  EXPECT_EQ(figure(r.body, "schools_reached"), "2");
  EXPECT_EQ(figure(r.body, "girls_share"), report::format_share(22.0 / 35.0));
  // Targets of 2026 (initiative 1): a progress bar with its text.
  EXPECT_TRUE(contains(r.body, "<progress value=\"35\" max=\"100\" aria-labelledby=\"chiffre-people_reached\""));
  EXPECT_TRUE(contains(r.body, "35,0\u202F% de l’objectif (35 sur 100)"));
  EXPECT_TRUE(contains(r.body, "<progress value=\"22\" max=\"40\""));
  // Schools: 2 of the 3 schools of the Doubs and the Jura.
  EXPECT_TRUE(contains(r.body, "66,7\u202F% des 3 établissements de l’annuaire"));

  // Charts, each followed by its table; both maps; the period; the export links keep the filter.
  EXPECT_EQ(count(r.body, "<svg xmlns="), count(r.body, "role=\"img\""));
  for (const char* id :
       {"tdb-mois", "tdb-public", "tdb-initiative", "tdb-type", "tdb-departements", "tdb-etablissements"}) {
    EXPECT_TRUE(contains(r.body, std::string("id=\"") + id + "-titre\"")) << id;
    EXPECT_TRUE(contains(r.body, std::string("<caption id=\"") + id + "-tableau\">")) << id;
  }
  EXPECT_GE(count(r.body, "<svg xmlns="), 6u);
  EXPECT_TRUE(contains(r.body, "<th scope=\"row\">février 2026</th><td>1</td><td>18</td>"));
  EXPECT_TRUE(contains(r.body, "<th scope=\"row\">Mentorat</th>"));
  EXPECT_TRUE(contains(r.body, "<title>Doubs (25) : 18</title>")) << "the choropleth";
  EXPECT_TRUE(contains(r.body, "<title>Collège Victor Hugo : ")) << "the schools map";
  EXPECT_TRUE(contains(r.body, "de janvier 2026 à décembre 2026"));
  EXPECT_TRUE(contains(r.body, "href=\"/tableau-de-bord/export.csv?du=2026-01&amp;au=2026-12\""));
  EXPECT_TRUE(contains(r.body, "href=\"/tableau-de-bord/rapport.pdf?du=2026-01&amp;au=2026-12\""));
  EXPECT_TRUE(contains(r.body, "href=\"/regles-de-comptage\""));
  // Context: the académie of the territory's schools (Besançon), 2021: 66 girls of 941.
  EXPECT_TRUE(contains(r.body, "académie de Besançon")) << "STI2D context";
  EXPECT_TRUE(contains(r.body, "7,0\u202F%"));
  // The directory block of the former dashboard.
  EXPECT_TRUE(contains(r.body, ">3 établissements</a>"));

  // htmx gets the page body alone.
  HttpResult partial = c.get("/tableau-de-bord?du=2026-01&au=2026-12&type=visite_entreprise", {{"HX-Request", "true"}});
  EXPECT_EQ(partial.status, 200);
  EXPECT_FALSE(contains(partial.body, "<html"));
  EXPECT_TRUE(contains(partial.body, "<h1>Tableau de bord</h1>"));
  EXPECT_EQ(figure(partial.body, "people_reached"), "17");
}

TEST_P(DashboardHttp, EveryFilterAppliesAsTheStoreCountsIt) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  struct Case {
    std::string query;
    std::function<void(store::IndicatorFilter&)> set;
    std::string people;  // by hand
  };
  std::vector<Case> cases = {
      {"type=visite_entreprise", [](auto& f) { f.kind = "visite_entreprise"; }, "17"},
      {"public=girls", [](auto& f) { f.audience = "girls"; }, "22"},
      {"initiative=" + std::to_string(w.init_1), [&](auto& f) { f.initiative_id = w.init_1; }, "18"},
      {"rep=1", [](auto& f) { f.priority_only = true; }, "18"},
      {"niveau=lycee", [](auto& f) { f.level_group = "lycee"; }, "17"},
      {"du=2026-03&au=2026-03", [](auto& f) { f.from_month = f.to_month = "2026-03"; }, "17"},
      {"du=2026-03-01&au=2026-12-31", [](auto& f) { f.from_month = "2026-03"; }, "17"},
  };
  for (const auto& k : cases) {
    std::string q = k.query;
    if (!contains(q, "du=")) q.insert(0, "du=2026-01&au=2026-12&");
    HttpResult r = c.get("/tableau-de-bord?" + q);
    ASSERT_EQ(r.status, 200) << q;
    EXPECT_FALSE(contains(r.body, "class=\"field-error\"")) << q;
    store::IndicatorFilter f = filter(w.ta);
    k.set(f);
    expect_figures(r.body, store::indicators(srv.store(), f), q);
    EXPECT_EQ(figure(r.body, "people_reached"), k.people) << q;
  }
  // The form shows the filter back.
  HttpResult r =
      c.get("/tableau-de-bord?du=2026-01&au=2026-12&type=atelier&public=boys&niveau=college&rep=1&initiative=" +
            std::to_string(w.init_1));
  EXPECT_TRUE(contains(r.body, "<option value=\"atelier\" selected>"));
  EXPECT_TRUE(contains(r.body, "<option value=\"boys\" selected>"));
  EXPECT_TRUE(contains(r.body, "<option value=\"college\" selected>"));
  EXPECT_TRUE(contains(r.body, "<option value=\"" + std::to_string(w.init_1) + "\" selected>Mentorat</option>"));
  EXPECT_TRUE(contains(r.body, "value=\"1\" checked"));
  EXPECT_TRUE(contains(r.body, "value=\"2026-01\""));
  EXPECT_TRUE(contains(r.body, "export.xlsx?du=2026-01&amp;au=2026-12&amp;initiative=" + std::to_string(w.init_1) +
                                   "&amp;type=atelier&amp;public=boys&amp;niveau=college&amp;rep=1\""));
}

TEST_P(DashboardHttp, BadFilterValuesGiveAFrenchMessageAndTheDefaults) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  struct Case {
    std::string query, field;
    bool default_period;  // the period falls back to store::indicators' default
  };
  std::vector<Case> cases = {
      {"du=2026-13&au=2026-12", "du", true},
      {"du=2026-01&au=demain", "au", true},
      {"du=2026-06&au=2026-01", "au", true},
      {"du=2026-01&au=2026-12&type=pirate", "type", false},
      {"du=2026-01&au=2026-12&public=martiens", "public", false},
      {"du=2026-01&au=2026-12&niveau=maternelle", "niveau", false},
      {"du=2026-01&au=2026-12&rep=oui", "rep", false},
      {"du=2026-01&au=2026-12&initiative=abc", "initiative", false},
      {"du=2026-01&au=2026-12&initiative=99999999", "initiative", false},
      {"du=2026-01&au=2026-12&initiative=" + std::to_string(w.init_b), "initiative", false},
      {"du=2026-01&au=2026-12&type=" + std::string(5000, 'x'), "type", false},
      {"du=" + std::string(300, '9') + "&au=2026-12", "du", true},
  };
  for (const auto& k : cases) {
    HttpResult r = c.get("/tableau-de-bord?" + k.query);
    ASSERT_EQ(r.status, 200) << k.query;
    EXPECT_TRUE(contains(r.body, "id=\"filtre-" + k.field + "-error\" class=\"field-error\"") ||
                (k.field == "initiative" && contains(r.body, "id=\"filtre-initiative\" class=\"field-error\"")))
        << k.query;
    EXPECT_TRUE(contains(r.body, "Certains filtres n’ont pas été appliqués")) << k.query;
    EXPECT_TRUE(contains(r.body, "href=\"#filtre-" + k.field + "\"")) << "the summary links to the field: " << k.query;
    store::IndicatorFilter f = k.default_period ? filter(w.ta, "", "") : filter(w.ta);
    expect_figures(r.body, store::indicators(srv.store(), f), k.query);
    expect_accessible(r.body, k.query);
  }
  HttpResult inverted = c.get("/tableau-de-bord?du=2026-06&au=2026-01");
  EXPECT_TRUE(contains(inverted.body, "La fin de la période précède son début."));
  HttpResult month = c.get("/tableau-de-bord?du=2026-13");
  EXPECT_TRUE(contains(month.body, "Indiquez un mois au format AAAA-MM"));
}

TEST_P(DashboardHttp, ACoordinatorNeverSeesAnotherTerritory) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  const std::string b_girls = format_count(7777), b_people = format_count(11110);
  const std::vector<std::string> queries = {
      "", "?territoire=tb", "?territory=tb&du=2026-01&au=2026-12",
      "?du=2026-01&au=2026-12&territoire=tb&initiative=" + std::to_string(w.init_b)};
  for (const auto& q : queries) {
    HttpResult r = c.get("/tableau-de-bord" + q);
    ASSERT_EQ(r.status, 200) << q;
    EXPECT_FALSE(contains(r.body, b_girls)) << q;
    EXPECT_FALSE(contains(r.body, b_people)) << q;
    EXPECT_FALSE(contains(r.body, "Territoire tb")) << q;
    EXPECT_FALSE(contains(r.body, "Initiative de B")) << q;
    EXPECT_TRUE(contains(r.body, "Territoire ta")) << q;
    EXPECT_FALSE(contains(r.body, "id=\"filtre-territoire\"")) << "no territory choice for a coordinator";
  }
  HttpResult r = c.get("/tableau-de-bord?du=2026-01&au=2026-12&territoire=tb");
  expect_figures(r.body, store::indicators(srv.store(), filter(w.ta)), "own territory");

  // And the other way round.
  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  HttpResult rb = b.get("/tableau-de-bord?du=2026-01&au=2026-12&territoire=ta");
  EXPECT_EQ(figure(rb.body, "girls"), b_girls);
  EXPECT_FALSE(contains(rb.body, "Mentorat"));
}

TEST_P(DashboardHttp, AdminSeesEveryTerritorySideBySideAndDrillsDown) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("admin@exemple.fr", kPassword), 303);
  HttpResult r = c.get("/tableau-de-bord?du=2026-01&au=2026-12");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 2000);
  expect_accessible(r.body, "federation");
  auto ind = store::indicators(srv.store(), filter(0));
  expect_figures(r.body, ind, "federation");
  EXPECT_EQ(figure(r.body, "people_reached"), format_count(35 + 11110));
  EXPECT_TRUE(contains(r.body, "<caption id=\"tableau-territoires\">"));
  // One row per territory with its figures and a drill-down link keeping the period.
  EXPECT_TRUE(std::regex_search(
      r.body,
      std::regex("<a href=\"/tableau-de-bord\\?territoire=ta&amp;du=2026-01&amp;au=2026-12\">Territoire ta</a></th>"
                 "<td>35</td><td>22</td>")));
  EXPECT_TRUE(contains(r.body, "Territoire tb</a></th><td>" + format_count(11110) + "</td><td>" + format_count(7777)));
  EXPECT_TRUE(contains(r.body, "id=\"filtre-territoire\""));
  EXPECT_TRUE(contains(r.body, "id=\"tdb-departements-titre\"")) << "the national choropleth";
  for (const auto& row : ind.by_department)
    EXPECT_TRUE(contains(r.body, " : " + format_count(row.totals.people) + "</title>")) << row.key;
  // The national choropleth needs store::indicators' by_department in the federation view too.
  EXPECT_TRUE(contains(r.body, "<title>Doubs (25) : 18</title>"))
      << "national map without values: by_department has " << ind.by_department.size() << " rows";

  HttpResult drill = c.get("/tableau-de-bord?territoire=tb&du=2026-01&au=2026-12");
  ASSERT_EQ(drill.status, 200);
  expect_figures(drill.body, store::indicators(srv.store(), filter(w.tb)), "drill-down");
  EXPECT_TRUE(contains(drill.body, "<strong>Territoire tb</strong>"));
  EXPECT_TRUE(contains(drill.body, "Retour à la vue nationale"));
  EXPECT_TRUE(contains(drill.body, "export.csv?territoire=tb&amp;du=2026-01&amp;au=2026-12\""));
  expect_accessible(drill.body, "drill-down");

  HttpResult unknown = c.get("/tableau-de-bord?territoire=inconnu&du=2026-01&au=2026-12");
  EXPECT_EQ(unknown.status, 200);
  EXPECT_TRUE(contains(unknown.body, "Ce territoire n’existe pas."));
  expect_figures(unknown.body, ind, "unknown territory: the federation");
  HttpResult initiative_alone = c.get("/tableau-de-bord?initiative=" + std::to_string(w.init_1));
  EXPECT_EQ(initiative_alone.status, 200);
  EXPECT_TRUE(contains(initiative_alone.body, "Choisissez d’abord un territoire"));
}

TEST_P(DashboardHttp, WorksWithoutTheReferenceDataFolder) {
  TestServer srv(GetParam(), {}, [](web::App& app) { app.cfg.data_dir = "/nonexistent/passerelles-data"; });
  seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  HttpResult r = c.get("/tableau-de-bord?du=2026-01&au=2026-12");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(figure(r.body, "people_reached"), "35");
  EXPECT_GE(count(r.body, "<path data-code="), 96u) << "the map from the npm package";
  EXPECT_TRUE(contains(r.body, "<title>Doubs (25) : 18</title>"));
  EXPECT_TRUE(contains(r.body, "Ce contexte n’est pas disponible"));
}

INSTANTIATE_TEST_SUITE_P(Engines, DashboardHttp, ::testing::ValuesIn(fixture::engines()));
