// Indicator exports without a database: the CSV (BOM, CRLF, separators, quoting, formula neutralisation), the
// JSON, dates given to the report and the API, and the file names.
#include <gtest/gtest.h>

#include "domain/csv.hpp"
#include "report/indicators_export.hpp"
#include "support/report_fixture.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

store::Totals totals(long long actions, long long girls, long long boys, long long teachers = 0) {
  store::Totals t;
  t.actions = actions;
  t.audience[0] = girls;
  t.audience[1] = boys;
  t.audience[3] = teachers;
  t.people = girls + boys + teachers;
  t.minutes = actions * 60;
  return t;
}

// A hand-made set of figures: two months, initiatives whose names are formula injections or hold the
// separator, quotes and a line break.
store::Indicators sample() {
  store::Indicators ind;
  ind.filter.territory_id = 7;
  ind.from_month = ind.filter.from_month = "2025-09";
  ind.to_month = ind.filter.to_month = "2025-10";
  ind.total = totals(5, 1200, 80, 4);
  ind.schools_reached = 3;
  ind.territory_schools = 40;
  ind.by_month = {{"2025-09", "septembre 2025", totals(2, 1000, 30, 4)},
                  {"2025-10", "octobre 2025", totals(3, 200, 50)}};
  ind.by_initiative = {{"1", "=cmd|' /C calc'!A0", totals(1, 10, 0)},
                       {"2", "+1", totals(1, 20, 0)},
                       {"3", "-2", totals(1, 30, 0)},
                       {"4", "@SUM(1)", totals(1, 40, 0)},
                       {"5", "Mentorat; \"Elles\" et\nles autres", totals(1, 1100, 80, 4)}};
  ind.by_kind = {{"atelier", "Atelier", totals(5, 1200, 80, 4)}};
  store::Row girls{"girls", "Filles", {}};
  girls.totals.people = 1200;
  ind.by_audience = {girls};
  ind.targets = {{"people_reached", "Personnes touchées", 2000, 1284}};
  ind.schools = {{11, "0250001A", "Collège Victor-Hugo", "Besançon", "025", "REP", 47.2, 6.0, 2}};
  return ind;
}

// The CSV records (BOM removed) read back by the project's RFC 4180 reader.
std::vector<std::vector<std::string>> parse(const std::string& csv) {
  domain::CsvReader reader(csv);
  std::vector<std::vector<std::string>> out = {reader.header()};
  domain::CsvRecord r;
  while (reader.next(r)) {
    EXPECT_TRUE(r.error.empty()) << r.error;
    out.push_back(r.fields);
  }
  return out;
}

const std::vector<std::string>* find(const std::vector<std::vector<std::string>>& rows, const std::string& section,
                                     const std::string& key) {
  for (const auto& r : rows)
    if (r.size() > 1 && r[0] == section && r[1] == key) return &r;
  return nullptr;
}

std::string write_and_run(const std::string& bytes, const std::string& extension, const std::string& command,
                          int& code) {
  auto r = fixture::shell_on_file(bytes, extension, command);
  code = r.code;
  return r.out;
}

}  // namespace

TEST(ExportCsv, NeutralisesCellsThatASpreadsheetWouldTakeForFormulas) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
      {"+1", "'+1"},
      {"-2", "'-2"},
      {"@SUM(1)", "'@SUM(1)"},
      {"\tx", "'\tx"},
      {"\rx", "'\rx"},
      {"Atelier", "Atelier"},
      {"2025-09", "2025-09"},
      {"a=b", "a=b"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(report::neutralise_cell(c.in), c.out) << c.in;

  auto rows = parse(report::indicators_csv(sample(), ';'));
  const auto* r = find(rows, "Initiative", "1");
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[2], "'=cmd|' /C calc'!A0");
  EXPECT_EQ((*find(rows, "Initiative", "2"))[2], "'+1");
  EXPECT_EQ((*find(rows, "Initiative", "3"))[2], "'-2");
  EXPECT_EQ((*find(rows, "Initiative", "4"))[2], "'@SUM(1)");
}

TEST(ExportCsv, BomCrlfAndOneLongTable) {
  std::string csv = report::indicators_csv(sample(), ';');
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM first";
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3),
            "Rubrique;Clé;Libellé;Actions;Personnes touchées;Filles;Garçons;Femmes en reconversion;Enseignants;"
            "Prescripteurs;Salariés;Parents;Durée (minutes);Valeur;Objectif");
  // Every line ends with CRLF; the only bare LF is the one inside the quoted initiative name.
  std::size_t bare = 0;
  for (std::size_t i = 0; i < csv.size(); ++i)
    if (csv[i] == '\n' && (i == 0 || csv[i - 1] != '\r')) ++bare;
  EXPECT_EQ(bare, 1u);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");

  auto rows = parse(csv);
  const auto* total = find(rows, "Total", "total");
  ASSERT_TRUE(total);
  EXPECT_EQ((*total)[3], "5");
  EXPECT_EQ((*total)[4], "1284") << "numbers plain, without thousands separators";
  EXPECT_EQ((*total)[5], "1200");
  EXPECT_EQ((*total)[6], "80");
  EXPECT_EQ((*total)[8], "4");
  EXPECT_EQ((*total)[12], "300");
  EXPECT_EQ((*find(rows, "Indicateur", "people_reached"))[13], "1284");
  EXPECT_EQ((*find(rows, "Indicateur", "schools_reached"))[13], "3");
  EXPECT_EQ((*find(rows, "Indicateur", "girls_share"))[13], "0,9375") << "1200 / 1280, decimal comma with ';'";
  EXPECT_EQ((*find(rows, "Indicateur", "schools_share"))[13], "0,0750");
  const auto* target = find(rows, "Objectif", "people_reached");
  ASSERT_TRUE(target);
  EXPECT_EQ((*target)[13], "1284");
  EXPECT_EQ((*target)[14], "2000");
  EXPECT_EQ((*find(rows, "Mois", "2025-09"))[4], "1034");
  EXPECT_EQ((*find(rows, "Mois", "2025-10"))[4], "250");
  EXPECT_EQ((*find(rows, "Public", "girls"))[4], "1200");
  EXPECT_EQ((*find(rows, "Établissement", "0250001A"))[3], "2");
  for (const auto& r : rows) EXPECT_EQ(r.size(), 15u) << r[0] << " " << r[1];
}

TEST(ExportCsv, QuotesSeparatorsQuotesAndLineBreaks) {
  for (char sep : {';', ','}) {
    std::string csv = report::indicators_csv(sample(), sep);
    SCOPED_TRACE(std::string(1, sep));
    EXPECT_NE(csv.find(std::string(1, sep) + "\"Mentorat; \"\"Elles\"\" et\nles autres\"" + sep), std::string::npos);
    auto rows = parse(csv);
    const auto* r = find(rows, "Initiative", "5");
    ASSERT_TRUE(r);
    EXPECT_EQ((*r)[2], "Mentorat; \"Elles\" et\nles autres");
    EXPECT_EQ((*r)[4], "1184");
  }
  std::string comma = report::indicators_csv(sample(), ',');
  EXPECT_EQ(comma.substr(3, comma.find(',') - 3), "Rubrique");
  EXPECT_EQ(comma.find(';', 0), comma.find("Mentorat;") + 8) << "the only ';' is the one inside the quoted name";
  EXPECT_EQ((*find(parse(comma), "Indicateur", "girls_share"))[13], "0.9375") << "decimal point with ','";
}

TEST(ExportJson, SameFiguresAsTheCsv) {
  auto j = report::indicators_json(sample());
  EXPECT_EQ(j["from"], "2025-09");
  EXPECT_EQ(j["to"], "2025-10");
  EXPECT_EQ(j["actions"], 5);
  EXPECT_EQ(j["people_reached"], 1284);
  EXPECT_EQ(j["girls"], 1200);
  EXPECT_EQ(j["boys"], 80);
  EXPECT_EQ(j["schools_reached"], 3);
  EXPECT_EQ(j["territory_schools"], 40);
  EXPECT_DOUBLE_EQ(j["girls_share"].get<double>(), 0.9375);
  EXPECT_DOUBLE_EQ(j["schools_share"].get<double>(), 0.075);
  EXPECT_EQ(j["audience"]["teachers"], 4);
  ASSERT_EQ(j["by_month"].size(), 2u);
  EXPECT_EQ(j["by_month"][0]["key"], "2025-09");
  EXPECT_EQ(j["by_month"][0]["people"], 1034);
  EXPECT_EQ(j["by_month"][1]["boys"], 50);
  ASSERT_EQ(j["by_initiative"].size(), 5u);
  EXPECT_EQ(j["by_initiative"][0]["label"], "=cmd|' /C calc'!A0") << "JSON keeps the text as it is";
  EXPECT_EQ(j["targets"][0]["target"], 2000);
  EXPECT_EQ(j["schools"][0]["uai"], "0250001A");
  EXPECT_FALSE(j.contains("by_territory")) << "empty federation breakdown left out";

  store::Indicators none;
  auto empty = report::indicators_json(none);
  EXPECT_TRUE(empty["girls_share"].is_null()) << "no pupil counted";
  EXPECT_FALSE(empty.contains("schools_share")) << "federation view: no territory schools";
}

TEST(ExportDates, DaysAreReducedToTheirMonth) {
  struct Case {
    std::string in;
    std::optional<std::string> out;
  } cases[] = {
      {"2025-09", "2025-09"},       {"2025-09-15", "2025-09"}, {"2024-02-29", "2024-02"},
      {"2025-02-29", std::nullopt}, {"2025-13", std::nullopt}, {"2025-9", std::nullopt},
      {"", std::nullopt},           {"09/2025", std::nullopt}, {"2025-09-15T00:00", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(report::month_of(c.in), c.out) << c.in;
}

TEST(ExportNames, PeriodLabelsAndFileNames) {
  EXPECT_EQ(report::period_label("2025-09", "2026-08"), "septembre 2025 – août 2026");
  EXPECT_EQ(report::period_label("2026-03", "2026-03"), "mars 2026");
  EXPECT_EQ(report::period_label("", ""), "toute la période");
  auto ind = sample();
  EXPECT_EQ(report::report_file_name("cmq-msi-bfc", ind, "xlsx"), "passerelles-cmq-msi-bfc-2025-09_2025-10.xlsx");
  EXPECT_EQ(report::report_file_name("", ind, "pdf"), "passerelles-national-2025-09_2025-10.pdf");
}

TEST(ExportPdf, LongTextFlowsOverPagesAndEmptyFiguresStillMakeAReport) {
  report::ReportContext ctx;
  ctx.territory_name = "Territoire d’essai";
  ctx.departments = {"025"};
  ctx.data_dir = fixture::data_dir();
  ctx.generated_at = 1789000000;
  std::string sentence = "Une phrase de temps fort assez longue pour remplir la ligne du rapport. ";
  for (int i = 0; i < 10; ++i) {
    store::Highlight h;
    h.day = "2025-10-0" + std::to_string(i % 9 + 1);
    h.kind = "atelier";
    h.title = "Atelier " + std::to_string(i);
    for (int k = 0; k < 25; ++k) h.text += sentence;
    h.text += "clotureTempsFort" + std::to_string(i);
    ctx.highlights.push_back(h);
  }
  std::string pdf = report::indicators_pdf(sample(), ctx);
  int code = 0;
  std::string text =
      fixture::plain_spaces(write_and_run(pdf, "pdf", "qpdf --check {} && pdftotext -enc UTF-8 {} -", code));
  ASSERT_EQ(code, 0) << text;
  for (int i = 0; i < 10; ++i) EXPECT_NE(text.find("clotureTempsFort" + std::to_string(i)), std::string::npos) << i;
  EXPECT_NE(text.find("1 284"), std::string::npos);

  // No action, no territory (the federation view), no data folder: every format still works.
  store::Indicators none;
  report::ReportContext bare;
  std::string empty = report::indicators_pdf(none, bare);
  text = write_and_run(empty, "pdf", "qpdf --check {} && pdftotext -enc UTF-8 {} -", code);
  EXPECT_EQ(code, 0) << text;
  EXPECT_NE(text.find("Tous les territoires"), std::string::npos) << text;
  std::string xlsx = report::indicators_xlsx(none, bare);
  text = write_and_run(xlsx, "xlsx", fixture::python_tool("check_xlsx.py") + " {}", code);
  EXPECT_EQ(code, 0) << text;
  EXPECT_NE(text.find("\"actions\": 0"), std::string::npos) << text;
}
