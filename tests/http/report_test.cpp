// HTTP tests of the indicators on every engine: GET /api/v1/indicators gives the dashboard's figures and is
// confined to the caller's territory; the dashboard's CSV, XLSX and PDF downloads carry the same figures with
// an attachment file name; the counting rules page shows the text of the report's annex.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/crypto.hpp"
#include "report/charts.hpp"
#include "report/counting_rules.hpp"
#include "report/indicators_export.hpp"
#include "store/accounts.hpp"
#include "store/funnel.hpp"
#include "store/indicators.hpp"
#include "support/http_support.hpp"
#include "support/report_fixture.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using fixture::Client;
using fixture::HttpResult;
using fixture::TestServer;
using nlohmann::json;

namespace {

const std::string kPassword = "mot-de-passe-de-test";
const std::string kPeriod = "from=2025-09&to=2026-08";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Text as the templates escape it (« < 5 » in the funnel's rule).
std::string html_escaped(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '&')
      out += "&amp;";
    else if (ch == '<')
      out += "&lt;";
    else if (ch == '>')
      out += "&gt;";
    else
      out += ch;
  }
  return out;
}

std::string with_file(const std::string& bytes, const std::string& extension, const std::string& command, int& code) {
  auto r = fixture::shell_on_file(bytes, extension, command);
  code = r.code;
  return r.out;
}

std::string tool(const std::string& name) {
  return fixture::python_tool(name) + " {}";
}

struct Tokens {
  std::string coordinator = "jeton-rapport-coordinatrice-0123456789";
  std::string other = "jeton-rapport-autre-territoire-0123456789";
  std::string admin = "jeton-rapport-administration-0123456789";
};

Tokens add_tokens(store::Store& s, const fixture::ReportWorld& w) {
  Tokens t;
  long long admin = store::user_by_email(s, "admin@rapport.fr")->id;
  for (auto [user, token] :
       {std::pair{w.coordinator, t.coordinator}, std::pair{w.other_coordinator, t.other}, std::pair{admin, t.admin}})
    store::insert_api_token(s, user, "test", http::token_hash(token), token.substr(0, 8));
  return t;
}

HttpResult api(Client& c, const std::string& token, const std::string& query) {
  return c.get("/api/v1/indicators?" + query, {{"Authorization", "Bearer " + token}});
}

class ReportHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportHttp, ApiGivesTheDashboardFiguresOfTheCallersTerritory) {
  TestServer srv(GetParam());
  auto w = fixture::seed_report_world(srv.store());
  Tokens t = add_tokens(srv.store(), w);
  store::IndicatorFilter f;
  f.territory_id = w.territory;
  f.from_month = w.from;
  f.to_month = w.to;
  auto dashboard = store::indicators(srv.store(), f);
  auto funnel = store::funnel(srv.store(), dashboard);
  Client c(srv.port());

  for (const std::string& query : std::vector<std::string>{"territory=cmq-rapport&" + kPeriod, kPeriod,
                                                           "territory=cmq-rapport&from=2025-09-01&to=2026-08-31"}) {
    SCOPED_TRACE(query);
    HttpResult r = api(c, t.coordinator, query);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u);
    json j = json::parse(r.body);
    EXPECT_EQ(j["territory"]["slug"], w.slug);
    EXPECT_EQ(j["from"], "2025-09") << "a day is reduced to its month";
    EXPECT_EQ(j["to"], "2026-08");
    EXPECT_EQ(j["people_reached"], w.people);
    EXPECT_EQ(j["people_reached"], dashboard.total.people);
    EXPECT_EQ(j["girls"], w.girls);
    EXPECT_EQ(j["boys"], w.boys);
    EXPECT_EQ(j["actions"], w.actions);
    EXPECT_EQ(j["schools_reached"], w.schools_reached);
    EXPECT_EQ(j["schools_reached"], dashboard.schools_reached);
    json expected = report::indicators_json(dashboard, &funnel);
    expected["territory"] = {{"slug", w.slug}, {"name", w.name}};
    EXPECT_EQ(j, expected) << "exactly the dashboard's figures";
    EXPECT_EQ(j["funnel"]["steps"][0]["girls"], w.girls) << "the funnel starts with the dashboard's girls";
    ASSERT_EQ(j["by_month"].size(), 12u);
    EXPECT_EQ(j["by_month"][0]["people"], 1034);
    bool formula = false;
    for (const auto& row : j["by_initiative"])
      if (row["key"] == std::to_string(w.formula_initiative)) {
        formula = true;
        EXPECT_EQ(row["label"], w.formula_name);
        EXPECT_EQ(row["people"], 30);
      }
    EXPECT_TRUE(formula) << j["by_initiative"].dump();
  }

  // Another territory's coordinator: the territory reads as unknown; without one, her own figures.
  HttpResult foreign = api(c, t.other, "territory=cmq-rapport&" + kPeriod);
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(json::parse(foreign.body)["error"], "Territoire introuvable.");
  EXPECT_FALSE(contains(foreign.body, "1071"));
  json own = json::parse(api(c, t.other, kPeriod).body);
  EXPECT_EQ(own["territory"]["slug"], "autre");
  EXPECT_EQ(own["people_reached"], 999);
  EXPECT_EQ(own["actions"], 1);

  // The federation admin: any territory, or all of them.
  json one = json::parse(api(c, t.admin, "territory=cmq-rapport&" + kPeriod).body);
  EXPECT_EQ(one["people_reached"], w.people);
  json all = json::parse(api(c, t.admin, kPeriod).body);
  EXPECT_TRUE(all["territory"].is_null());
  EXPECT_EQ(all["people_reached"], w.people + 999);
  EXPECT_EQ(all["actions"], w.actions + 1);
  EXPECT_EQ(all["by_territory"].size(), 2u);
  EXPECT_EQ(api(c, t.admin, "territory=nulle-part").status, 404);

  // Bad parameters are named; no session or token is 401.
  HttpResult bad = api(c, t.coordinator, "from=2025-13&to=2026-08");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(json::parse(bad.body)["fields"].contains("from")) << bad.body;
  EXPECT_EQ(api(c, t.coordinator, "from=2026-09&to=2026-08").status, 400);
  EXPECT_EQ(api(c, t.coordinator, "type=inconnu").status, 400);
  EXPECT_EQ(c.get("/api/v1/indicators?" + kPeriod).status, 401);
}

TEST_P(ReportHttp, DashboardDownloadsCarryTheSameFigures) {
  TestServer srv(GetParam());
  auto w = fixture::seed_report_world(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord@rapport.fr", kPassword), 303);
  const std::string filter = "?du=2025-09&au=2026-08";
  const std::string stem = "passerelles-cmq-rapport-2025-09_2026-08";

  HttpResult xlsx = coord.get("/tableau-de-bord/export.xlsx" + filter);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.header("content-disposition"), "attachment; filename=\"" + stem + ".xlsx\"");
  int code = 0;
  std::string read = with_file(xlsx.body, "xlsx", tool("check_xlsx.py"), code);
  ASSERT_EQ(code, 0) << read;
  json x = json::parse(read, nullptr, false);
  EXPECT_EQ(x["summary"]["people_reached"], w.people);
  EXPECT_EQ(x["summary"]["girls"], w.girls);
  EXPECT_EQ(x["totals"]["Par mois"]["Personnes touchées"], w.people);
  for (const char* sheet : {"Questionnaires", "Citations"})
    EXPECT_NE(std::find(x["sheets"].begin(), x["sheets"].end(), sheet), x["sheets"].end()) << sheet;
  EXPECT_EQ(x["summary"]["survey_answers_pre"], 0);

  HttpResult csv = coord.get("/tableau-de-bord/export.csv" + filter + "&sep=%2C");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition"), "attachment; filename=\"" + stem + ".csv\"");
  read = with_file(csv.body, "csv", tool("check_csv.py") + " ,", code);
  ASSERT_EQ(code, 0) << read;
  json c = json::parse(read, nullptr, false);
  ASSERT_GE(c["records"].size(), 1u);
  EXPECT_EQ(c["records"][0][0], "Total");
  EXPECT_EQ(c["records"][0][4], std::to_string(w.people));
  EXPECT_TRUE(contains(coord.get("/tableau-de-bord/export.csv" + filter).body, "Total;total;Ensemble;4;1071;620;410"));
  EXPECT_EQ(coord.get("/tableau-de-bord/export.csv" + filter + "&sep=|").status, 400);

  // A funder (read-only account of the territory) downloads the report.
  Client viewer(srv.port());
  ASSERT_EQ(viewer.login("viewer@rapport.fr", kPassword), 303);
  HttpResult pdf = viewer.get("/tableau-de-bord/rapport.pdf" + filter);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.header("content-disposition"), "attachment; filename=\"" + stem + ".pdf\"");
  std::string text = with_file(pdf.body, "pdf", "pdftotext -enc UTF-8 {} -", code);
  ASSERT_EQ(code, 0) << text;
  EXPECT_TRUE(contains(text, w.name)) << text;
  EXPECT_TRUE(contains(text, fixture::plain_spaces(report::format_count(w.people)))) << text;
  EXPECT_TRUE(contains(text, "Évolution des regards")) << "the survey section, empty here";

  // Another territory's coordinator naming this territory gets her own figures; a bad filter is refused.
  Client other(srv.port());
  ASSERT_EQ(other.login("coord@autre.fr", kPassword), 303);
  HttpResult foreign = other.get("/tableau-de-bord/export.csv" + filter + "&territoire=cmq-rapport");
  ASSERT_EQ(foreign.status, 200);
  EXPECT_TRUE(contains(foreign.body, "Total;total;Ensemble;1;999;999;0")) << foreign.body;
  EXPECT_TRUE(contains(foreign.header("content-disposition"), "passerelles-autre-2025-09_2026-08.csv"));
  HttpResult bad = coord.get("/tableau-de-bord/rapport.pdf?du=2025-13");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "Corrigez le filtre du tableau de bord.")) << bad.body;

  Client anonymous(srv.port());
  EXPECT_NE(anonymous.get("/tableau-de-bord/export.xlsx" + filter).status, 200);
}

TEST_P(ReportHttp, CountingRulesPageShowsTheAnnexText) {
  TestServer srv(GetParam());
  Client anonymous(srv.port());
  HttpResult r = anonymous.get("/regles-de-comptage");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "<h1>Règles de comptage</h1>"));
  ASSERT_FALSE(report::counting_rules().empty());
  for (const auto& rule : report::counting_rules()) {
    EXPECT_TRUE(contains(r.body, "<h2>" + rule.title + "</h2>")) << rule.title;
    for (const auto& p : rule.paragraphs) EXPECT_TRUE(contains(r.body, "<p>" + html_escaped(p) + "</p>")) << p;
  }
  // The survey methods, linked to from the survey results by their anchor.
  EXPECT_TRUE(contains(r.body, "<section id=\"questionnaires\">\n<h2>Questionnaires avant/après</h2>")) << r.body;
  EXPECT_TRUE(contains(r.body, "Newcombe"));
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportHttp, ::testing::ValuesIn(fixture::engines()));

}  // namespace
