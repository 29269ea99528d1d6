// The exports of a known set of actions on every engine, read back by independent tools: the XLSX by openpyxl,
// the CSV by Python's csv module (both with Debian's /usr/bin/python3), the PDF by qpdf and pdftotext. All show
// the figures counted by hand (report_fixture.hpp), which are the dashboard's (store::indicators). Then the
// built binary's `report` command: its three formats and its errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "report/charts.hpp"
#include "report/indicators_export.hpp"
#include "store/indicators.hpp"
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
