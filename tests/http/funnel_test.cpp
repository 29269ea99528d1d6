// HTTP tests of the funnel on every engine, over the hand-counted world of funnel_fixture.hpp: the dashboard's
// funnel table (with « < 5 » where due), the API's "funnel" object, the CSV rows, the XLSX sheet « Parcours » read by
// openpyxl, the PDF text; and the company hires pages (a company contact, the coordinator, 422, 409, 403, 404).
#include "store/funnel.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/crypto.hpp"
#include "report/charts.hpp"
#include "store/accounts.hpp"
#include "support/funnel_fixture.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using fixture::Client;
using fixture::contains;
using fixture::HttpResult;
using fixture::TestServer;
using nlohmann::json;

namespace {

const std::string kPassword = "mot-de-passe-de-test";

// The <tr> of the funnel table whose data-code is `code`, or "".
std::string funnel_row(const std::string& html, const std::string& code) {
  auto at = html.find("<tr data-code=\"" + code + "\">");
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</tr>", at) - at);
}

std::string cells(const std::vector<std::string>& values) {
  std::string s;
  for (const auto& v : values) s += "<td>" + v + "</td>";
  return s;
}

class FunnelHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(FunnelHttp, DashboardShowsTheFunnelCountedByHand) {
  TestServer srv(GetParam());
  auto w = fixture::seed_funnel_world(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord@rapport.fr", kPassword), 303);
  HttpResult r = coord.get("/tableau-de-bord?du=2025-09&au=2026-08");
  ASSERT_EQ(r.status, 200) << r.body;
  fixture::expect_accessible(r.body, "dashboard with the funnel");
  EXPECT_TRUE(contains(r.body, "<h2 id=\"titre-parcours\">Du premier contact à l’emploi</h2>"));
  EXPECT_TRUE(contains(r.body, "<svg")) << "the chart";
  EXPECT_TRUE(contains(r.body, "Entonnoir en 4 étapes"));
  // reached 620 / 410 / 1 030 (60,2 %); applied 16 / 9 / 26 (61,5 %, 2,5 % of the reached, 16/620 = 2,6 % of the
  // girls); internship 7 / 5 / 12 (58,3 %, 46,2 %, 43,8 %); hired 6 / « < 5 » / 9 (66,7 %, 75,0 %, 85,7 %).
  const std::string nn = "\xE2\x80\xAF";  // the narrow no-break space of format_count and format_share
  EXPECT_TRUE(
      contains(funnel_row(r.body, "reached"), cells({"620", "410", "1" + nn + "030", "60,2" + nn + "%", "—", "—"})))
      << funnel_row(r.body, "reached");
  EXPECT_TRUE(contains(funnel_row(r.body, "applied"),
                       cells({"16", "9", "26", "61,5" + nn + "%", "2,5" + nn + "%", "2,6" + nn + "%"})))
      << funnel_row(r.body, "applied");
  EXPECT_TRUE(contains(funnel_row(r.body, "internship"),
                       cells({"7", "5", "12", "58,3" + nn + "%", "46,2" + nn + "%", "43,8" + nn + "%"})))
      << funnel_row(r.body, "internship");
  EXPECT_TRUE(contains(funnel_row(r.body, "hired"),
                       cells({"6", "&lt; 5", "9", "66,7" + nn + "%", "75,0" + nn + "%", "85,7" + nn + "%"})))
      << funnel_row(r.body, "hired");
  // Hires 2025–2026: 20 of which 8 women (40 %), 5 apprentices of which 3 women: « < 5 », no share on 5 with 3.
  EXPECT_TRUE(contains(funnel_row(r.body, "hires"), "(2 entreprises)"));
  EXPECT_TRUE(contains(funnel_row(r.body, "hires"), cells({"8", "12", "20", "40,0" + nn + "%"})))
      << funnel_row(r.body, "hires");
  EXPECT_TRUE(contains(funnel_row(r.body, "apprentices"), cells({"&lt; 5", "&lt; 5", "5", "—"})))
      << funnel_row(r.body, "apprentices");
  // Beside the funnel: 5 mentees in a pair, all girls.
  EXPECT_TRUE(contains(funnel_row(r.body, "mentees"), cells({"5", "0", "5", "100,0" + nn + "%", "", ""})))
      << funnel_row(r.body, "mentees");
  EXPECT_TRUE(contains(r.body, "href=\"/entreprise/embauches\"")) << "a coordinator may report";

  // A period without anything reported: « non renseigné ».
  HttpResult old = coord.get("/tableau-de-bord?du=2023-01&au=2023-12");
  ASSERT_EQ(old.status, 200);
  EXPECT_TRUE(contains(funnel_row(old.body, "hires"), "<td>non renseigné</td>")) << funnel_row(old.body, "hires");

  // Another territory's coordinator sees her own funnel only (3 applications: « < 5 »).
  Client other(srv.port());
  ASSERT_EQ(other.login("coord@autre.fr", kPassword), 303);
  HttpResult theirs = other.get("/tableau-de-bord?du=2025-09&au=2026-08&territoire=cmq-rapport");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(contains(funnel_row(theirs.body, "applied"), cells({"&lt; 5", "0", "&lt; 5"})))
      << funnel_row(theirs.body, "applied");

  // The federation admin: every territory (19 + 9 + 1 applications).
  Client admin(srv.port());
  ASSERT_EQ(admin.login("admin@rapport.fr", kPassword), 303);
  HttpResult all = admin.get("/tableau-de-bord?du=2025-09&au=2026-08");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(contains(funnel_row(all.body, "applied"), cells({"19", "9", "29"}))) << funnel_row(all.body, "applied");
}

TEST_P(FunnelHttp, ApiCsvXlsxAndPdfCarryTheFunnel) {
  TestServer srv(GetParam());
  auto w = fixture::seed_funnel_world(srv.store());
  const std::string token = "jeton-parcours-coordinatrice-0123456789";
  store::insert_api_token(srv.store(), w.report.coordinator, "test", http::token_hash(token), token.substr(0, 8));

  HttpResult api =
      Client(srv.port()).get("/api/v1/indicators?from=2025-09&to=2026-08", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(api.status, 200) << api.body;
  json j = json::parse(api.body);
  ASSERT_TRUE(j.contains("funnel")) << api.body;
  const json& steps = j["funnel"]["steps"];
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0]["code"], "reached");
  EXPECT_EQ(steps[0]["girls"], 620);
  EXPECT_EQ(steps[0]["girls"], j["girls"]) << "the dashboard's girls";
  EXPECT_TRUE(steps[0]["conversion"].is_null());
  EXPECT_EQ(steps[1]["total"], 26);
  EXPECT_EQ(steps[1]["conversion"], 0.0252);  // 26 / 1 030, 4 decimals
  EXPECT_EQ(steps[2]["girls"], 7);
  EXPECT_EQ(steps[3]["girls"], 6);
  EXPECT_TRUE(steps[3]["boys"].is_null()) << "3: fewer than 5";
  EXPECT_EQ(steps[3]["conversion"], 0.75);
  EXPECT_EQ(j["funnel"]["hires"]["companies"], 2);
  EXPECT_EQ(j["funnel"]["hires"]["hires"], 20);
  EXPECT_EQ(j["funnel"]["hires"]["women_share"], 0.4);
  EXPECT_TRUE(j["funnel"]["hires"]["apprentices_women"].is_null());
  EXPECT_EQ(j["funnel"]["min_group"], 5);
  EXPECT_EQ(j["funnel"]["mentees"]["girls"], 5);
  EXPECT_EQ(j["funnel"]["mentees"]["boys"], 0);

  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord@rapport.fr", kPassword), 303);
  const std::string filter = "?du=2025-09&au=2026-08";
  std::string csv = coord.get("/tableau-de-bord/export.csv" + filter).body;
  EXPECT_TRUE(contains(csv, "Parcours;reached;Élèves sensibilisés;;1030;620;410;")) << csv;
  EXPECT_TRUE(contains(csv, "Parcours;hired;Apprentissages ou emplois;;9;6;< 5;")) << csv;
  EXPECT_TRUE(contains(csv,
                       "Parcours (part);applied:conversion;Candidatures envoyées : part de l’étape précédente;"
                       ";;;;;;;;;;0,0252;"))
      << csv;
  EXPECT_TRUE(contains(csv, "Parcours (part);hires:girls_share;")) << csv;

  HttpResult xlsx = coord.get("/tableau-de-bord/export.xlsx" + filter);
  ASSERT_EQ(xlsx.status, 200);
  auto read = fixture::shell_on_file(xlsx.body, "xlsx", fixture::python_tool("check_xlsx.py") + " {}");
  ASSERT_EQ(read.code, 0) << read.out;
  json x = json::parse(read.out, nullptr, false);
  ASSERT_TRUE(x.contains("Parcours")) << read.out;
  const json& sheet = x["Parcours"];
  ASSERT_EQ(sheet.size(), 7u) << sheet.dump();
  EXPECT_EQ(sheet[6]["Code"], "mentees");
  EXPECT_EQ(sheet[6]["Filles, femmes"], 5);
  EXPECT_EQ(sheet[0]["Code"], "reached");
  EXPECT_EQ(sheet[0]["Total"], 1030);
  EXPECT_EQ(sheet[0]["_types"]["Total"], "n");
  EXPECT_EQ(sheet[1]["Filles, femmes"], 16);
  EXPECT_NEAR(sheet[1]["Part de l’étape précédente"].get<double>(), 26.0 / 1030, 1e-9);
  EXPECT_EQ(sheet[1]["_formats"]["Part des filles"], "0.0%");
  EXPECT_EQ(sheet[3]["Garçons, hommes"], "< 5");
  EXPECT_EQ(sheet[3]["_types"]["Garçons, hommes"], "s");
  EXPECT_EQ(sheet[4]["Code"], "hires");
  EXPECT_NEAR(sheet[4]["Part des filles"].get<double>(), 0.4, 1e-9);
  EXPECT_FALSE(sheet[5].contains("Part des filles") && !sheet[5]["Part des filles"].is_null()) << "3 of 5";

  HttpResult pdf = coord.get("/tableau-de-bord/rapport.pdf" + filter);
  ASSERT_EQ(pdf.status, 200);
  auto text = fixture::shell_on_file(pdf.body, "pdf", "pdftotext -enc UTF-8 {} -");
  ASSERT_EQ(text.code, 0) << text.out;
  std::string plain = fixture::plain_spaces(text.out);
  EXPECT_TRUE(contains(plain, "Du premier contact à l’emploi")) << plain;
  EXPECT_TRUE(contains(plain, "Apprentissages ou emplois")) << plain;
  EXPECT_TRUE(contains(plain, "< 5")) << plain;
  EXPECT_TRUE(contains(plain, "66,7 %")) << plain;
}

TEST_P(FunnelHttp, CompaniesReportTheirHires) {
  TestServer srv(GetParam());
  auto w = fixture::seed_funnel_world(srv.store());
  const long long t = w.report.territory;
  long long contact = fixture::seed_user(srv.store(), "rh@alpha.fr", domain::Role::company_contact, t);
  ASSERT_TRUE(store::set_user_organisation(srv.store(), t, contact, w.alpha));
  fixture::seed_user(srv.store(), "rh@sans-entreprise.fr", domain::Role::company_contact, t);
  fixture::seed_user(srv.store(), "amb@rapport.fr", domain::Role::ambassador, t);

  // The company contact sees her company's reports only and declares a year.
  Client rh(srv.port());
  ASSERT_EQ(rh.login("rh@alpha.fr", kPassword), 303);
  HttpResult page = rh.get("/entreprise/embauches");
  ASSERT_EQ(page.status, 200) << page.body;
  fixture::expect_accessible(page.body, "hires page (company)");
  EXPECT_TRUE(contains(page.body, "Usine Alpha"));
  EXPECT_FALSE(contains(page.body, "Modifier 2024")) << "Beta's 2024 report is not hers";
  EXPECT_FALSE(contains(page.body, "name=\"organisation_id\"")) << "her company is not chosen";

  // Bad values: French messages next to the fields, 422, nothing saved.
  std::size_t before = store::hires_reports(srv.store(), t).size();
  HttpResult bad = rh.post_form(
      "/entreprise/embauches",
      {{"year", "2999"}, {"hires", "3"}, {"hires_women", "5"}, {"apprentices", "deux"}, {"apprentices_women", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "id=\"hires-year-error\"")) << bad.body;
  EXPECT_TRUE(contains(bad.body, "Indiquez un nombre entier (0 si aucun).")) << bad.body;
  fixture::expect_accessible(bad.body, "hires form with errors");
  bad = rh.post_form("/entreprise/embauches", {{"year", "2024"}, {"hires", "3"}, {"hires_women", "5"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Le nombre de femmes ne peut pas dépasser le nombre d’embauches.")) << bad.body;
  EXPECT_EQ(store::hires_reports(srv.store(), t).size(), before);

  HttpResult ok = rh.post_form("/entreprise/embauches", {{"year", "2024"},
                                                         {"hires", "1 200"},
                                                         {"hires_women", "300"},
                                                         {"apprentices", "40"},
                                                         {"apprentices_women", "12"},
                                                         {"organisation_id", std::to_string(w.beta)}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto mine = store::hires_reports(srv.store(), t, w.alpha);
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(mine[2].year, 2024);
  EXPECT_EQ(mine[2].hires, 1200);
  EXPECT_EQ(mine[2].organisation_id, w.alpha) << "her company, whatever the form says";
  EXPECT_EQ(mine[2].reported_by, contact);

  // The same year again: 409 with the message next to the year; editing it works.
  HttpResult twice = rh.post_form("/entreprise/embauches", {{"year", "2024"}, {"hires", "1"}, {"hires_women", "0"}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(contains(twice.body, "sont déjà déclarées")) << twice.body;
  const std::string edit = "/entreprise/embauches/" + std::to_string(mine[2].id) + "/modifier";
  EXPECT_EQ(rh.get(edit).status, 200);
  ASSERT_EQ(rh.post_form(edit, {{"year", "2024"}, {"hires", "1200"}, {"hires_women", "600"}}).status, 303);
  EXPECT_EQ(store::hires_report_by_id(srv.store(), t, mine[2].id)->hires_women, 600);

  // Beta's report and another territory's: 404 for her.
  long long beta_report = store::hires_reports(srv.store(), t, w.beta)[0].id;
  long long foreign = store::hires_reports(srv.store(), w.report.other)[0].id;
  for (long long id : {beta_report, foreign}) {
    const std::string url = "/entreprise/embauches/" + std::to_string(id) + "/modifier";
    EXPECT_EQ(rh.get(url).status, 404) << url;
    EXPECT_EQ(rh.post_form(url, {{"year", "2020"}, {"hires", "1"}, {"hires_women", "0"}}).status, 404) << url;
  }

  // The coordinator chooses the company; another territory's company is 404.
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord@rapport.fr", kPassword), 303);
  HttpResult list = coord.get("/entreprise/embauches");
  ASSERT_EQ(list.status, 200);
  fixture::expect_accessible(list.body, "hires page (coordinator)");
  EXPECT_TRUE(contains(list.body, "Usine Beta"));
  EXPECT_TRUE(contains(list.body, "name=\"organisation_id\""));
  EXPECT_FALSE(contains(list.body, "Usine Gamma"));
  HttpResult none = coord.post_form("/entreprise/embauches", {{"year", "2023"}, {"hires", "2"}, {"hires_women", "1"}});
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(contains(none.body, "Choisissez l’entreprise.")) << none.body;
  EXPECT_EQ(coord
                .post_form("/entreprise/embauches", {{"organisation_id", std::to_string(w.other_company)},
                                                     {"year", "2023"},
                                                     {"hires", "2"},
                                                     {"hires_women", "1"}})
                .status,
            404);
  EXPECT_EQ(coord.get("/entreprise/embauches/" + std::to_string(foreign) + "/modifier").status, 404);
  ASSERT_EQ(
      coord
          .post_form(
              "/entreprise/embauches",
              {{"organisation_id", std::to_string(w.beta)}, {"year", "2023"}, {"hires", "2"}, {"hires_women", "1"}})
          .status,
      303);
  EXPECT_EQ(store::hires_reports(srv.store(), t, w.beta).size(), 3u);

  // Other roles, and a company contact without a company: 403; nobody signed in: not the page.
  for (const char* email : {"amb@rapport.fr", "rh@sans-entreprise.fr", "viewer@rapport.fr", "admin@rapport.fr"}) {
    Client u(srv.port());
    ASSERT_EQ(u.login(email, kPassword), 303) << email;
    EXPECT_EQ(u.get("/entreprise/embauches").status, 403) << email;
    EXPECT_EQ(u.post_form("/entreprise/embauches", {{"year", "2023"}, {"hires", "2"}, {"hires_women", "1"}}).status,
              403)
        << email;
  }
  EXPECT_NE(Client(srv.port()).get("/entreprise/embauches").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Engines, FunnelHttp, ::testing::ValuesIn(fixture::engines()));

}  // namespace
