// The built binary's import and export commands on a temporary SQLite database: exit codes and summaries.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>

#include "support/test_support.hpp"

namespace {

struct CliRun {
  int code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

class ImportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() / ("passerelles-cli-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    db = "sqlite:" + (dir / "cli.db").string();
    ASSERT_EQ(run("migrate").code, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  // Runs `passerelles --db <db> <args>`; stderr goes to a file (not a terminal: no progress bar).
  CliRun run(const std::string& args) {
    std::string err_file = (dir / "stderr.txt").string();
    std::string cmd = std::string(PASSERELLES_BINARY) + " --db '" + db + "' --data-dir '" +
                      passerelles::fixture::data_dir() + "' " + args + " 2>'" + err_file + "'";
    CliRun r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream e(err_file);
    r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
    return r;
  }

  static long count(const std::string& out, const std::string& what) {
    std::smatch m;
    if (!std::regex_search(out, m, std::regex("(^|\n)" + what + ": (\\d+)"))) return -1;
    return std::stol(m[2]);
  }

  std::filesystem::path dir;
  std::string db;
};

std::string annuaire() {
  return passerelles::fixture::data_dir() + "/schools/annuaire-education-2023_dep035.csv";
}

}  // namespace

TEST_F(ImportCli, SchoolsTwiceThenTheExportReimportsAsANoOp) {
  CliRun first = run("import schools '" + annuaire() + "'");
  ASSERT_EQ(first.code, 0) << first.out << first.err;
  long inserted = count(first.out, "inserted");
  EXPECT_GT(inserted, 200) << first.out;
  EXPECT_EQ(count(first.out, "rejected"), 0) << first.out;
  EXPECT_NE(first.out.find("skipped: 785 (out of scope: 782, UAI already read: 3)"), std::string::npos) << first.out;
  EXPECT_EQ(first.err.find('['), std::string::npos) << "no progress bar when stderr is not a terminal";

  CliRun second = run("import schools --quiet '" + annuaire() + "'");
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_EQ(count(second.out, "inserted"), 0) << second.out;
  EXPECT_EQ(count(second.out, "unchanged"), inserted) << second.out;

  std::string csv = (dir / "export.csv").string();
  CliRun exported = run("export schools --format csv --out '" + csv + "'");
  ASSERT_EQ(exported.code, 0) << exported.err;
  CliRun again = run("import schools '" + csv + "'");
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(count(again.out, "inserted"), 0) << again.out;
  EXPECT_EQ(count(again.out, "updated"), 0) << again.out;
  EXPECT_EQ(count(again.out, "unchanged"), inserted) << again.out;

  CliRun json = run("export schools --format json --department 35");
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_NE(json.out.find("\"uai\": \"0350053T\""), std::string::npos);
}

TEST_F(ImportCli, BadLinesAreListedWithTheirNumbers) {
  CliRun r = run("import schools '" + std::string(PASSERELLES_SOURCE_DIR) + "/tests/fixtures/schools-bad-lines.csv'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(count(r.out, "inserted"), 5) << r.out;
  EXPECT_EQ(count(r.out, "rejected"), 7) << r.out;
  EXPECT_NE(r.out.find("ligne 3 : UAI invalide « 0350ZZZA »"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ligne 14 : guillemet"), std::string::npos) << r.out;
}

TEST_F(ImportCli, FailuresExitNonZero) {
  EXPECT_EQ(run("import schools /nonexistent.csv").code, 1);
  std::ofstream(dir / "no-uai.csv") << "nom;nature\nx;COLLEGE\n";
  CliRun r = run("import schools '" + (dir / "no-uai.csv").string() + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("UAI"), std::string::npos) << r.err;
}

TEST_F(ImportCli, CommunesAndRome) {
  CliRun c = run("import communes");
  ASSERT_EQ(c.code, 0) << c.err;
  EXPECT_NE(c.out.find("communes: 35014 lines read"), std::string::npos) << c.out;
  CliRun r = run("import rome");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("rome_titles: 13120 lines read from rome-v460-appellations.csv, 13120 new or changed"),
            std::string::npos)
      << r.out;
  EXPECT_NE(run("import rome").out.find("rome_titles: 13120 lines read from rome-v460-appellations.csv, 0 new"),
            std::string::npos);
}
