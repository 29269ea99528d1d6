// The exports of a known set of actions on every engine, read back by independent tools: the XLSX by openpyxl,
// the CSV by Python's csv module (both with Debian's /usr/bin/python3), the PDF by qpdf and pdftotext. All show
// the figures counted by hand (report_fixture.hpp), which are the dashboard's (store::indicators). The pupils'
// before/after surveys of the same actions in the XLSX and the PDF, against figures worked out by hand or by
// statsmodels. Then the built binary's `report` command: its three formats and its errors.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "domain/action.hpp"
#include "report/charts.hpp"
#include "report/indicators_export.hpp"
#include "store/actions.hpp"
#include "store/indicators.hpp"
#include "store/surveys.hpp"
#include "support/report_fixture.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using nlohmann::json;

namespace {

using fixture::plain_spaces;

fixture::ShellResult run(const std::string& command) {
  return fixture::shell(command);
}

std::string tool(const std::string& name) {
  return fixture::python_tool(name);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("passerelles-report-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

store::IndicatorFilter period(const fixture::ReportWorld& w) {
  store::IndicatorFilter f;
  f.territory_id = w.territory;
  f.from_month = w.from;
  f.to_month = w.to;
  return f;
}

// The workbook as openpyxl reads it.
json read_xlsx(const std::string& path) {
  fixture::ShellResult r = run(tool("check_xlsx.py") + " '" + path + "'");
  EXPECT_EQ(r.code, 0) << r.out;
  return json::parse(r.out, nullptr, false);
}

json read_csv(const std::string& path, char sep) {
  fixture::ShellResult r = run(tool("check_csv.py") + " '" + path + "' '" + std::string(1, sep) + "'");
  EXPECT_EQ(r.code, 0) << r.out;
  return json::parse(r.out, nullptr, false);
}

std::string pdf_text(const std::string& path) {
  fixture::ShellResult check = run("qpdf --check '" + path + "'");
  EXPECT_EQ(check.code, 0) << check.out;
  EXPECT_TRUE(contains(check.out, "No syntax or stream encoding errors")) << check.out;
  fixture::ShellResult text = run("pdftotext -enc UTF-8 '" + path + "' -");
  EXPECT_EQ(text.code, 0) << text.out;
  return plain_spaces(text.out);
}

// Whitespace runs (pdftotext's line breaks inside a wrapped paragraph or table cell) as one space.
std::string flat(const std::string& text) {
  std::string out;
  for (char ch : text) {
    bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  return out;
}

// The XLSX shows the hand-counted figures: summary, breakdown totals, rows adding up, formula kept as text.
void expect_xlsx(const json& x, const fixture::ReportWorld& w) {
  ASSERT_TRUE(x.is_object());
  for (const char* sheet : {"Synthèse", "Par mois", "Par initiative", "Par type", "Par public", "Par département",
                            "Établissements", "Règles"})
    EXPECT_NE(std::find(x["sheets"].begin(), x["sheets"].end(), sheet), x["sheets"].end()) << sheet;
  const auto& s = x["summary"];
  EXPECT_EQ(s["actions"], w.actions);
  EXPECT_EQ(s["people_reached"], w.people);
  EXPECT_EQ(s["girls"], w.girls);
  EXPECT_EQ(s["boys"], w.boys);
  EXPECT_EQ(s["schools_reached"], w.schools_reached);
  EXPECT_EQ(s["territory_schools"], w.territory_schools);
  EXPECT_EQ(s["minutes"], w.minutes);
  EXPECT_NEAR(s["girls_share"].get<double>(), 620.0 / 1030.0, 1e-9);
  EXPECT_EQ(s["target:people_reached"]["target"], w.people_target);
  EXPECT_EQ(s["target:people_reached"]["actual"], w.people);
  EXPECT_EQ(s["target:girls"]["target"], w.girls_target);
  for (const char* sheet : {"Par mois", "Par initiative", "Par type"}) {
    SCOPED_TRACE(sheet);
    const auto& total = x["totals"][sheet];
    ASSERT_TRUE(total.is_object()) << x["totals"].dump();
    EXPECT_EQ(total["Actions"], w.actions);
    EXPECT_EQ(total["Personnes touchées"], w.people);
    EXPECT_EQ(total["Filles"], w.girls);
    EXPECT_EQ(total["Garçons"], w.boys);
    EXPECT_EQ(total["Durée (minutes)"], w.minutes);
    long long actions = 0, people = 0;
    for (const auto& row : x["rows"][sheet]) {
      actions += row["Actions"].get<long long>();
      people += row["Personnes touchées"].get<long long>();
    }
    EXPECT_EQ(actions, w.actions) << "the rows add up to the total";
    EXPECT_EQ(people, w.people);
  }
  EXPECT_EQ(x["rows"]["Par mois"].size(), 12u) << "every month of the period";
  EXPECT_EQ(x["non_numeric"].size(), 0u) << x["non_numeric"].dump();
  // The formula-like initiative name is a text cell (openpyxl data type 's'), not a formula ('f').
  int found = 0;
  for (const auto& cell : x["formula_like"]) {
    EXPECT_EQ(cell["data_type"], "s") << cell.dump();
    if (cell["value"] == w.formula_name) ++found;
  }
  EXPECT_GE(found, 1) << x["formula_like"].dump();
  // No survey answer in this world: the sheets are there, with their header only.
  for (const char* sheet : {"Questionnaires", "Citations"}) {
    EXPECT_NE(std::find(x["sheets"].begin(), x["sheets"].end(), sheet), x["sheets"].end()) << sheet;
    EXPECT_EQ(x[sheet].size(), 0u) << x[sheet].dump();
  }
  EXPECT_EQ(s["survey_answers_pre"], 0);
  EXPECT_EQ(s["survey_answers_post"], 0);
}

// The CSV as Python's csv module reads it with `sep`.
void expect_csv(const json& c, const fixture::ReportWorld& w, char sep) {
  SCOPED_TRACE(std::string("separator ") + sep);
  ASSERT_TRUE(c.is_object());
  EXPECT_TRUE(c["bom"].get<bool>());
  EXPECT_EQ(c["bare_lf"], 0) << "CRLF line ends";
  const auto& h = c["header"];
  ASSERT_GE(h.size(), 15u);
  EXPECT_EQ(h[0], "Rubrique");
  EXPECT_EQ(h[4], "Personnes touchées");
  auto record = [&](const std::string& section, const std::string& key) -> json {
    for (const auto& r : c["records"])
      if (r[0] == section && r[1] == key) return r;
    return json();
  };
  json total = record("Total", "total");
  ASSERT_TRUE(total.is_array());
  EXPECT_EQ(total[3], std::to_string(w.actions));
  EXPECT_EQ(total[4], std::to_string(w.people));
  EXPECT_EQ(total[5], std::to_string(w.girls));
  EXPECT_EQ(total[6], std::to_string(w.boys));
  EXPECT_EQ(total[12], std::to_string(w.minutes));
  EXPECT_EQ(record("Indicateur", "schools_reached")[13], std::to_string(w.schools_reached));
  EXPECT_EQ(record("Indicateur", "people_reached")[13], std::to_string(w.people));
  EXPECT_EQ(record("Objectif", "people_reached")[14], std::to_string(w.people_target));
  json formula = record("Initiative", std::to_string(w.formula_initiative));
  ASSERT_TRUE(formula.is_array());
  EXPECT_EQ(formula[2], "'" + w.formula_name) << "neutralised: read as text by spreadsheets";
  EXPECT_EQ(formula[4], "30");
  long long people = 0;
  for (const auto& r : c["records"])
    if (r[0] == "Mois") people += std::stoll(r[4].get<std::string>());
  EXPECT_EQ(people, w.people);
}

void expect_pdf(const std::string& text, const fixture::ReportWorld& w) {
  EXPECT_TRUE(contains(text, w.name)) << text;
  EXPECT_TRUE(contains(text, "septembre 2025 – août 2026")) << text;
  for (long long n : {w.people, w.girls, w.boys, w.actions, w.schools_reached, w.people_target})
    EXPECT_TRUE(contains(text, plain_spaces(report::format_count(n)))) << report::format_count(n) << "\n" << text;
  EXPECT_TRUE(contains(text, "1 071")) << "French thousands separator";
  EXPECT_TRUE(contains(text, plain_spaces(report::format_share(620.0 / 1030.0)))) << text;
  EXPECT_TRUE(contains(text, "60,2 %")) << text;
  EXPECT_TRUE(contains(text, w.highlight.substr(0, 40))) << text;
  EXPECT_TRUE(contains(text, w.testimony)) << text;
  EXPECT_TRUE(contains(text, "Témoignages")) << "a highlight written as a quotation is a testimonial";
  EXPECT_FALSE(contains(text, "Ne doit pas apparaître")) << "a declared action's highlight is not reported";
  EXPECT_TRUE(contains(text, "Règles de comptage"));
  EXPECT_TRUE(contains(text, "Collège Victor-Hugo"));
  EXPECT_FALSE(contains(text, "Jean-Moulin")) << "another territory's school";
  std::string f = flat(text);
  EXPECT_TRUE(contains(f, "Évolution des regards (questionnaires avant/après)")) << f;
  EXPECT_TRUE(contains(f, "Aucune réponse d’élève à un questionnaire avant/après n’a été recueillie")) << f;
  EXPECT_FALSE(contains(f, "Paroles recueillies")) << "no quote";
  EXPECT_TRUE(contains(f, "Questionnaires avant/après")) << "the methods in the annex";
  EXPECT_TRUE(contains(f, "Newcombe"));
}

class ReportExports : public ::testing::TestWithParam<std::string> {};

TEST_P(ReportExports, EveryFormatShowsTheHandCountedFigures) {
  auto s = fixture::fresh_store(GetParam());
  auto w = fixture::seed_report_world(*s);
  auto ind = store::indicators(*s, period(w));
  ASSERT_EQ(ind.total.actions, w.actions);
  ASSERT_EQ(ind.total.people, w.people);
  ASSERT_EQ(ind.total.audience[0], w.girls);
  ASSERT_EQ(ind.total.audience[1], w.boys);
  ASSERT_EQ(ind.schools_reached, w.schools_reached);
  ASSERT_EQ(ind.territory_schools, w.territory_schools);

  auto j = report::indicators_json(ind);
  EXPECT_EQ(j["people_reached"], w.people);
  EXPECT_EQ(j["girls"], w.girls);
  EXPECT_EQ(j["boys"], w.boys);
  EXPECT_EQ(j["actions"], w.actions);
  EXPECT_EQ(j["schools_reached"], w.schools_reached);
  EXPECT_EQ(j["by_month"].size(), 12u);
  ASSERT_EQ(j["by_month"][0]["key"], "2025-09");
  EXPECT_EQ(j["by_month"][0]["people"], 1034);
  EXPECT_EQ(j["by_month"][2]["actions"], 1) << "the follow-up session counts as an action";
  EXPECT_EQ(j["by_month"][2]["people"], 0) << "…without people";

  TempDir dir;
  auto ctx = report::report_context(*s, nullptr, ind, fixture::data_dir(), 1789000000);
  ctx.territory_name = w.name;
  ctx.departments = {"025", "039"};
  ASSERT_EQ(ctx.highlights.size(), 2u) << "validated actions of the period only";
  EXPECT_EQ(ctx.highlights[0].text, w.testimony) << "newest first";

  write_file(dir.file("r.xlsx"), report::indicators_xlsx(ind, ctx));
  expect_xlsx(read_xlsx(dir.file("r.xlsx")), w);

  for (char sep : {';', ','}) {
    write_file(dir.file("r.csv"), report::indicators_csv(ind, sep));
    expect_csv(read_csv(dir.file("r.csv"), sep), w, sep);
  }

  std::string pdf = report::indicators_pdf(ind, ctx);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  write_file(dir.file("r.pdf"), pdf);
  expect_pdf(pdf_text(dir.file("r.pdf")), w);

  // PASSERELLES_REPORT_OUT=DIR keeps the files for a look.
  if (const char* keep = std::getenv("PASSERELLES_REPORT_OUT"); keep && *keep)
    for (const char* name : {"r.xlsx", "r.csv", "r.pdf"})
      std::filesystem::copy_file(dir.file(name), std::filesystem::path(keep) / (GetParam() + "-" + name),
                                 std::filesystem::copy_options::overwrite_existing);
}

// ---- before/after surveys

domain::SubmittedAnswer scale(long long question, std::optional<int> value) {
  domain::SubmittedAnswer a;
  a.question_id = question;
  a.value = value;
  a.answered = true;
  return a;
}

domain::SubmittedAnswer free_text(long long question, const std::string& text) {
  domain::SubmittedAnswer a;
  a.question_id = question;
  a.text = text;
  a.answered = true;
  return a;
}

void respond(store::Store& s, long long link, const std::string& phase, const std::string& code,
             std::vector<domain::SubmittedAnswer> answers, bool consent = false) {
  domain::SurveySubmission sub;
  sub.phase = phase;
  sub.code = code;
  sub.quote_consent = consent;
  sub.answers = std::move(answers);
  auto r = store::insert_survey_response(s, link, sub, "2026-02-10");
  ASSERT_TRUE(r.ok()) << phase << " " << code << (r.errors.empty() ? "" : r.errors.begin()->second);
}

long long add_action(store::Store& s, long long territory, const store::Author& by, const std::string& day,
                     bool validate) {
  domain::Action a;
  a.territory_id = territory;
  a.kind = "atelier";
  a.title = "Atelier du " + day;
  a.starts_on = day;
  a.duration_minutes = 60;
  a.audience[0] = 12;
  a.audience[1] = 14;
  auto r = store::insert_action(s, a, by);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->second);
  if (validate) {
    EXPECT_TRUE(store::set_action_status(s, territory, r.id, "validated", "", by).ok());
  }
  return r.id;
}

// Question ids of a questionnaire by code.
std::map<std::string, long long> question_ids(store::Store& s, long long territory, long long questionnaire) {
  std::map<std::string, long long> ids;
  auto q = store::questionnaire_by_id(s, territory, questionnaire);
  EXPECT_TRUE(q.has_value());
  if (q)
    for (const auto& qu : q->questions) ids[qu.code] = qu.id;
  return ids;
}

// A quoted teachers' answer (made public by default), by its text; its quote id.
long long quote(store::Store& s, long long territory, const store::Author& by, const std::string& text) {
  store::SurveyScope scope;
  scope.territory_id = territory;
  for (const auto& a : store::text_answers(s, scope, "", "", 1, 500).answers)
    if (a.text == text) {
      auto r = store::quote_answer(s, territory, a.id, by);
      EXPECT_TRUE(r.ok()) << text;
      return r.id;
    }
  ADD_FAILURE() << "no answer " << text;
  return 0;
}

const std::string kGirls = "Les métiers de l’industrie sont aussi pour les filles.";
const std::string kCould = "Je pourrais faire un métier de l’industrie.";
const std::string kQuote = "Les élèves ont découvert que la soudure n’est pas une affaire de force.";
const std::string kFormulaQuote = "=SOMME(A1:A2) élèves conquis";
const std::string kWithdrawn = "Citation retirée : ne doit pas apparaître.";
const std::string kForeignQuote = "Citation d’un autre territoire : ne doit pas apparaître.";

// In the report's territory, one validated action of the period with the pupils' questionnaire:
//   « aussi pour les filles » before 4 2 1 3 2 1 and a « je ne sais pas » (n = 6, 1 agreeing), after 5 4 4 5 4 2
//   (n = 6, 5 agreeing), all six linked by their codes: 1 pair agreeing both times, 4 agreeing only after (c), 1
//   never (b = 0);
//   « je pourrais » before 3 2 4 (n = 3: hidden), after 4 5 2 4 4 1 (n = 6, 4 agreeing, mean 20/6).
// Must not count: answers at a declared action of the territory and at another territory's action, a withdrawn
// quote and another territory's quote.
void seed_surveys(store::Store& s, const fixture::ReportWorld& w) {
  store::Author by{w.coordinator, "test"}, other{w.other_coordinator, "test"};
  long long action = add_action(s, w.territory, by, "2026-02-10", true);
  long long declared = add_action(s, w.territory, by, "2026-02-11", false);
  long long foreign = add_action(s, w.other, other, "2026-02-12", true);

  long long perception = store::default_perception_questionnaire(s, w.territory, by);
  auto q = question_ids(s, w.territory, perception);
  long long girls = q.at("aussi_pour_les_filles"), could = q.at("je_pourrais");
  long long link = store::create_survey_link(s, w.territory, action, perception, by).id;
  ASSERT_GT(link, 0);
  const char* codes[] = {"AA11", "BB22", "CC33", "DD44", "EE55", "FF66"};
  int girls_pre[] = {4, 2, 1, 3, 2, 1}, girls_post[] = {5, 4, 4, 5, 4, 2};
  int could_pre[] = {3, 2, 4}, could_post[] = {4, 5, 2, 4, 4, 1};
  for (int i = 0; i < 6; ++i) {
    std::vector<domain::SubmittedAnswer> answers = {scale(girls, girls_pre[i])};
    if (i < 3) answers.push_back(scale(could, could_pre[i]));
    respond(s, link, "pre", codes[i], answers);
  }
  respond(s, link, "pre", "", {scale(girls, std::nullopt)});  // « je ne sais pas »
  ASSERT_TRUE(store::set_survey_link_phase(s, w.territory, link, "post", by).ok());
  for (int i = 0; i < 6; ++i)
    respond(s, link, "post", codes[i], {scale(girls, girls_post[i]), scale(could, could_post[i])});

  long long hidden_link = store::create_survey_link(s, w.territory, declared, perception, by).id;
  for (int i = 0; i < 5; ++i) respond(s, hidden_link, "pre", "", {scale(girls, 5), scale(could, 5)});

  long long foreign_perception = store::default_perception_questionnaire(s, w.other, other);
  auto fq = question_ids(s, w.other, foreign_perception);
  long long foreign_link = store::create_survey_link(s, w.other, foreign, foreign_perception, other).id;
  for (int i = 0; i < 5; ++i)
    respond(s, foreign_link, "pre", "", {scale(fq.at("aussi_pour_les_filles"), 5), scale(fq.at("je_pourrais"), 5)});

  // Teachers' free text, quoted with their consent.
  long long teachers = store::copy_questionnaire_template(s, w.territory, "satisfaction_enseignants", by).id;
  long long teachers_link = store::create_survey_link(s, w.territory, action, teachers, by).id;
  long long worked = question_ids(s, w.territory, teachers).at("mieux_fonctionne");
  for (const auto& text : {kQuote, kFormulaQuote, kWithdrawn})
    respond(s, teachers_link, "single", "", {free_text(worked, text)}, true);
  quote(s, w.territory, by, kQuote);
  quote(s, w.territory, by, kFormulaQuote);
  ASSERT_TRUE(store::set_quote_public(s, w.territory, quote(s, w.territory, by, kWithdrawn), false, by).ok());

  long long foreign_teachers = store::copy_questionnaire_template(s, w.other, "satisfaction_enseignants", other).id;
  long long foreign_teachers_link = store::create_survey_link(s, w.other, foreign, foreign_teachers, other).id;
  respond(s, foreign_teachers_link, "single", "",
          {free_text(question_ids(s, w.other, foreign_teachers).at("mieux_fonctionne"), kForeignQuote)}, true);
  quote(s, w.other, other, kForeignQuote);
}

const json* row_of(const json& rows, const std::string& statement) {
  for (const auto& r : rows)
    if (r["Énoncé"] == statement) return &r;
  return nullptr;
}

TEST_P(ReportExports, SurveysShowTheirBeforeAfterFiguresAndQuotes) {
  auto s = fixture::fresh_store(GetParam());
  auto w = fixture::seed_report_world(*s);
  seed_surveys(*s, w);
  auto ind = store::indicators(*s, period(w));
  auto ctx = report::report_context(*s, nullptr, ind, fixture::data_dir(), 1789000000);
  ctx.territory_name = w.name;
  EXPECT_EQ(ctx.survey_answers_pre, 7) << "the « je ne sais pas » response counts as a response";
  EXPECT_EQ(ctx.survey_answers_post, 6);
  ASSERT_EQ(ctx.surveys.size(), 2u) << "only the statements answered";
  EXPECT_EQ(ctx.surveys[0].text, kGirls) << "in the questionnaire's order";
  EXPECT_EQ(ctx.surveys[1].text, kCould);
  ASSERT_EQ(ctx.quotes.size(), 2u) << "public quotes of the territory only";

  // The figures, worked out by hand: shares 1/6 → 5/6; pooled share 1/2 so z = (4/6) / √(1/4 · 2/6); McNemar
  // b = 0, c = 4: p = 2 · (1/2)⁴. The interval from statsmodels 0.13.5:
  // confint_proportions_2indep(5, 6, 1, 6, method='newcomb', compare='diff').
  double z = (4.0 / 6) / std::sqrt(0.25 * (2.0 / 6));
  double z_p = std::erfc(z / std::sqrt(2.0));
  TempDir dir;
  write_file(dir.file("s.xlsx"), report::indicators_xlsx(ind, ctx));
  json x = read_xlsx(dir.file("s.xlsx"));
  ASSERT_TRUE(x.is_object());
  EXPECT_EQ(x["summary"]["survey_answers_pre"], 7);
  EXPECT_EQ(x["summary"]["survey_answers_post"], 6);
  ASSERT_EQ(x["Questionnaires"].size(), 2u) << x["Questionnaires"].dump();
  const json* g = row_of(x["Questionnaires"], kGirls);
  ASSERT_NE(g, nullptr) << x["Questionnaires"].dump();
  EXPECT_EQ((*g)["n avant"], 6) << "« je ne sais pas » left out, the declared action's answers too";
  EXPECT_EQ((*g)["n après"], 6);
  EXPECT_NEAR((*g)["% d’accord avant"].get<double>(), 1.0 / 6, 1e-12);
  EXPECT_NEAR((*g)["% d’accord après"].get<double>(), 5.0 / 6, 1e-12);
  EXPECT_EQ((*g)["_formats"]["% d’accord avant"], "0.0%");
  EXPECT_NEAR((*g)["Écart (points)"].get<double>(), 400.0 / 6, 1e-9);
  EXPECT_NEAR((*g)["IC 95 % bas (points)"].get<double>(), 10.545559349056155, 1e-6);
  EXPECT_NEAR((*g)["IC 95 % haut (points)"].get<double>(), 85.9867043969114, 1e-6);
  EXPECT_NEAR((*g)["p (test z)"].get<double>(), z_p, 1e-9);
  EXPECT_NEAR((*g)["p (test z)"].get<double>(), 0.020921335337794014, 1e-9);
  EXPECT_NEAR((*g)["Moyenne avant"].get<double>(), 13.0 / 6, 1e-12);
  EXPECT_NEAR((*g)["Moyenne après"].get<double>(), 4.0, 1e-12);
  EXPECT_EQ((*g)["Paires reliées"], 6);
  EXPECT_NEAR((*g)["p (McNemar)"].get<double>(), 0.125, 1e-12);
  for (const char* key : {"p (Welch)", "p (Mann-Whitney)", "p (Wilcoxon)", "h de Cohen", "d de Cohen"})
    EXPECT_TRUE((*g)[key].is_number()) << key << " " << g->dump();
  EXPECT_NEAR((*g)["h de Cohen"].get<double>(), 2 * std::asin(std::sqrt(5.0 / 6)) - 2 * std::asin(std::sqrt(1.0 / 6)),
              1e-12);
  EXPECT_EQ((*g)["Petit échantillon"], "oui");
  EXPECT_EQ((*g)["Code"], "aussi_pour_les_filles");
  for (const auto& [key, type] : (*g)["_types"].items())
    if (key != "Énoncé" && key != "Petit échantillon" && key != "Code") {
      EXPECT_EQ(type, "n") << key;
    }

  // Three answers before: no figure of that phase, no comparison; the after figures and the counts stay.
  const json* c = row_of(x["Questionnaires"], kCould);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ((*c)["n avant"], 3);
  EXPECT_EQ((*c)["n après"], 6);
  for (const char* key : {"% d’accord avant", "Moyenne avant", "Écart (points)", "IC 95 % bas (points)",
                          "IC 95 % haut (points)", "p (test z)", "p (Welch)", "p (Mann-Whitney)", "Paires reliées",
                          "p (Wilcoxon)", "p (McNemar)", "h de Cohen", "d de Cohen"})
    EXPECT_TRUE((*c)[key].is_null()) << key << " " << c->dump();
  EXPECT_NEAR((*c)["% d’accord après"].get<double>(), 4.0 / 6, 1e-12);
  EXPECT_NEAR((*c)["Moyenne après"].get<double>(), 20.0 / 6, 1e-12);

  // Quotes: newest first, text cells (the formula-like one too), the withdrawn and the foreign ones absent.
  ASSERT_EQ(x["Citations"].size(), 2u) << x["Citations"].dump();
  std::set<std::string> texts;
  for (const auto& q : x["Citations"]) {
    texts.insert(q["Texte"].get<std::string>());
    EXPECT_EQ(q["Attribution"], "Un·e enseignant·e");
    EXPECT_EQ(q["Date"], "2026-02-10");
    EXPECT_EQ(q["_types"]["Texte"], "s");
  }
  EXPECT_EQ(texts, (std::set<std::string>{kQuote, kFormulaQuote}));
  bool formula = false;
  for (const auto& cell : x["formula_like"])
    if (cell["value"] == kFormulaQuote) formula = cell["data_type"] == "s";
  EXPECT_TRUE(formula) << x["formula_like"].dump();

  write_file(dir.file("s.pdf"), report::indicators_pdf(ind, ctx));
  std::string text = flat(pdf_text(dir.file("s.pdf")));
  EXPECT_TRUE(contains(text, "Évolution des regards (questionnaires avant/après)")) << text;
  EXPECT_TRUE(contains(text, "7 réponses avant l’action et 6 réponses après")) << text;
  EXPECT_TRUE(contains(text, kGirls)) << text;
  EXPECT_TRUE(contains(text, kCould)) << text;
  EXPECT_TRUE(contains(text, "16,7 %")) << text;
  EXPECT_TRUE(contains(text, "83,3 %")) << text;
  EXPECT_TRUE(contains(text, "+66,7 pts")) << text;
  EXPECT_TRUE(contains(text, "[+10,5 ; +86,0]")) << text;
  EXPECT_TRUE(contains(text, "0,021")) << text;
  EXPECT_TRUE(contains(text, "non affiché (moins de 5 réponses)")) << text;
  EXPECT_TRUE(contains(text, "petit échantillon")) << text;
  EXPECT_FALSE(contains(text, "Aucune réponse d’élève")) << text;
  EXPECT_TRUE(contains(text, "Paroles recueillies")) << text;
  EXPECT_TRUE(contains(text, kQuote)) << text;
  EXPECT_TRUE(contains(text, kFormulaQuote)) << text;
  EXPECT_TRUE(contains(text, "Un·e enseignant·e, 10 février 2026")) << text;
  EXPECT_FALSE(contains(text, kWithdrawn)) << text;
  EXPECT_FALSE(contains(text, kForeignQuote)) << text;
  if (const char* keep = std::getenv("PASSERELLES_REPORT_OUT"); keep && *keep)
    for (const char* name : {"s.xlsx", "s.pdf"})
      std::filesystem::copy_file(dir.file(name), std::filesystem::path(keep) / (GetParam() + "-" + name),
                                 std::filesystem::copy_options::overwrite_existing);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportExports, ::testing::ValuesIn(fixture::engines()));

// ---- the built binary

class ReportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db = "sqlite:" + dir.file("cli.db");
    auto s = store::Store::open(db, 1);
    s->migrate();
    w = fixture::seed_report_world(*s);
  }
  fixture::ShellResult cli(const std::string& args) {
    return run(std::string(PASSERELLES_BINARY) + " --db '" + db + "' --data-dir '" + fixture::data_dir() + "' report " +
               args);
  }
  TempDir dir;
  std::string db;
  fixture::ReportWorld w;
};

TEST_F(ReportCli, WritesThePdfTheXlsxAndTheCsv) {
  std::string common = "--territory cmq-rapport --from 2025-09-01 --to 2026-08-31 ";
  fixture::ShellResult pdf = cli(common + "--format pdf --out '" + dir.file("rapport.pdf") + "'");
  ASSERT_EQ(pdf.code, 0) << pdf.out;
  EXPECT_TRUE(contains(pdf.out, "4 actions, 1071 people reached")) << pdf.out;
  EXPECT_FALSE(std::filesystem::exists(dir.file("rapport.pdf.partial")));
  expect_pdf(pdf_text(dir.file("rapport.pdf")), w);

  fixture::ShellResult xlsx = cli(common + "--out '" + dir.file("rapport.xlsx") + "'");  // format from the extension
  ASSERT_EQ(xlsx.code, 0) << xlsx.out;
  expect_xlsx(read_xlsx(dir.file("rapport.xlsx")), w);

  fixture::ShellResult csv = cli(common + "--format csv --out '" + dir.file("rapport.txt") + "'");
  ASSERT_EQ(csv.code, 0) << csv.out;
  expect_csv(read_csv(dir.file("rapport.txt"), ';'), w, ';');
  fixture::ShellResult comma = cli(common + "--format csv --separator , --out '" + dir.file("virgules.csv") + "'");
  ASSERT_EQ(comma.code, 0) << comma.out;
  expect_csv(read_csv(dir.file("virgules.csv"), ','), w, ',');
}

TEST_F(ReportCli, BadArgumentsExitWith2AndSayWhy) {
  std::string out = " --out '" + dir.file("x.pdf") + "'";
  struct Case {
    std::string args, message;
  } cases[] = {
      {"--territory nulle-part --from 2025-09 --to 2026-08" + out,
       "unknown territory 'nulle-part' (known: autre, cmq-rapport)"},
      {"--from 2025-09 --to 2026-08" + out, "--territory is required"},
      {"--territory cmq-rapport --from 2025-13 --to 2026-08" + out,
       "--from '2025-13' is not a month (YYYY-MM) or a day (YYYY-MM-DD)"},
      {"--territory cmq-rapport --from 2025-09 --to 2026-02-30" + out, "--to '2026-02-30' is not a month"},
      {"--territory cmq-rapport --from 2026-09 --to 2026-08" + out, "--from 2026-09 is after --to 2026-08"},
      {"--territory cmq-rapport --from 2025-09 --to 2026-08 --format doc" + out, "unknown format 'doc'"},
      {"--territory cmq-rapport --from 2025-09 --to 2026-08 --out '" + dir.file("sans-extension") + "'",
       "--format is required"},
      {"--territory cmq-rapport --from 2025-09 --to 2026-08 --format csv --separator '|'" + out,
       "--separator must be ';' or ','"},
      {"--territory cmq-rapport --from 2025-09 --to 2026-08 --out /nonexistent-dir/rapport.pdf",
       "cannot write /nonexistent-dir/rapport.pdf: No such file or directory"},
  };
  for (const auto& c : cases) {
    fixture::ShellResult r = cli(c.args);
    EXPECT_EQ(r.code, 2) << c.args << "\n" << r.out;
    EXPECT_TRUE(contains(r.out, "passerelles: report: " + c.message)) << c.args << "\n" << r.out;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("x.pdf"))) << "nothing written on a refused command";
}

}  // namespace
