// Store tests for the school, commune and ROME importers and the school export, on every engine.
#include "store/schools.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "domain/text.hpp"
#include "report/school_export.hpp"
#include "store/reference_import.hpp"
#include "store/rome.hpp"
#include "store/school_import.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

std::string fixture_path(const std::string& name) {
  return std::string(PASSERELLES_SOURCE_DIR) + "/tests/fixtures/" + name;
}
std::string school_file(const std::string& name) {
  return fixture::data_dir() + "/schools/" + name;
}

store::ImportSummary import_file(store::Store& db, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return store::import_schools(db, in, {}, "test");
}

store::ImportSummary import_text(store::Store& db, const std::string& text) {
  std::istringstream in(text);
  return store::import_schools(db, in);
}

std::vector<std::size_t> lines_of(const std::vector<store::LineNote>& notes) {
  std::vector<std::size_t> out;
  for (const auto& n : notes) out.push_back(n.line);
  return out;
}

// Independent count of the in-scope rows of a shared file: split on ';' (these files quote no separator),
// keep the rows whose type column names a collège, lycée or EREA (or post-bac school), one per UAI, with a name.
std::size_t rows_in_scope(const std::string& path, const std::string& uai_col, const std::string& name_col,
                          const std::string& type_col, const std::string& nature_col) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::vector<std::string> header;
  std::set<std::string> uais;
  auto split = [](std::string l) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    std::vector<std::string> v;
    std::stringstream ss(l);
    std::string f;
    while (std::getline(ss, f, ';')) v.push_back(f);
    if (!l.empty() && l.back() == ';') v.push_back("");
    return v;
  };
  auto index = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name || header[i] == "\xEF\xBB\xBF" + name) return i;
    ADD_FAILURE() << name << " not in " << path;
    return std::size_t{0};
  };
  std::getline(in, line);
  header = split(line);
  std::size_t u = index(uai_col), n = index(name_col), t = type_col.empty() ? 0 : index(type_col),
              k = index(nature_col);
  while (std::getline(in, line)) {
    auto f = split(line);
    std::string type = type_col.empty() ? "" : f[t], nature = f[k];
    bool in_scope = type == "Collège" || type == "Lycée" || type == "EREA" || nature.rfind("COLLEGE", 0) == 0 ||
                    nature.find("STS ET OU CPGE") != std::string::npos;
    if (in_scope && !f[n].empty()) uais.insert(f[u]);
  }
  return uais.size();
}

}  // namespace

class SchoolsStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db = fixture::fresh_store(GetParam()); }
  std::unique_ptr<store::Store> db;
};

TEST_P(SchoolsStore, AnnuaireImportKeepsEveryCollegeAndLyceeAndIsIdempotent) {
  const std::string path = school_file("annuaire-education-2023_dep035.csv");
  const std::size_t expected = rows_in_scope(path, "Identifiant_de_l_etablissement", "Nom_etablissement",
                                             "Type_etablissement", "libelle_nature");
  ASSERT_GT(expected, 200u);

  auto first = import_file(*db, path);
  ASSERT_TRUE(first.ok()) << first.error;
  EXPECT_EQ(first.rows, 996u);
  EXPECT_EQ(first.inserted, expected);
  EXPECT_TRUE(first.rejected.empty()) << first.rejected.front().line << " " << first.rejected.front().reason;
  EXPECT_EQ(first.duplicates.size(), 3u) << "three establishments are written on two lines each";
  EXPECT_EQ(first.inserted + first.skipped + first.duplicates.size(), first.rows);
  EXPECT_EQ(fixture::count_rows(*db, "schools"), static_cast<long long>(expected));

  auto second = import_file(*db, path);
  EXPECT_EQ(second.inserted, 0u);
  EXPECT_EQ(second.updated, 0u);
  EXPECT_EQ(second.unchanged, expected);
  EXPECT_EQ(fixture::count_rows(*db, "schools"), static_cast<long long>(expected));

  auto s = store::school_by_uai(*db, "0350053T");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->kind, "lycee_general");
  EXPECT_EQ(s->voies, "generale,technologique");
  EXPECT_EQ(s->department, "035");
  EXPECT_EQ(s->pupils, 1364);
  ASSERT_TRUE(s->lat && s->lon);
  EXPECT_NEAR(*s->lat, 48.1, 0.2);
  EXPECT_EQ(store::school_by_uai(*db, "0350747X")->kind, "erea");
  EXPECT_EQ(store::school_by_uai(*db, "0352813T")->kind, "post_bac");
  EXPECT_FALSE(store::school_by_uai(*db, "0350122T")) << "écoles are out of scope";
  EXPECT_EQ(store::school_by_id(*db, s->id)->uai, "0350053T");
}

TEST_P(SchoolsStore, GeolocImportKeepsEveryCollegeAndRejectsNamelessLines) {
  const std::string path = school_file("geoloc-colleges-france_2024.csv");
  const std::size_t expected = rows_in_scope(path, "numero_uai", "appellation_officielle", "", "nature_uai_libe");
  ASSERT_GT(expected, 7000u);

  auto first = import_file(*db, path);
  ASSERT_TRUE(first.ok()) << first.error;
  EXPECT_EQ(first.rows, 7654u);
  EXPECT_EQ(first.inserted, expected);
  EXPECT_EQ(lines_of(first.rejected), (std::vector<std::size_t>{414, 1710, 3815}));
  EXPECT_NE(first.rejected[0].reason.find("nom"), std::string::npos) << first.rejected[0].reason;
  EXPECT_EQ(fixture::count_rows(*db, "schools"), static_cast<long long>(expected));

  auto second = import_file(*db, path);
  EXPECT_EQ(second.inserted, 0u);
  EXPECT_EQ(second.updated, 0u);
  EXPECT_EQ(second.unchanged, expected);
  EXPECT_EQ(fixture::count_rows(*db, "schools"), static_cast<long long>(expected));

  auto quoted = store::school_by_uai(*db, "0333642E");
  ASSERT_TRUE(quoted);
  EXPECT_EQ(quoted->name, "Collège privé \"à ta portée\"");
  EXPECT_EQ(quoted->sector, "private");
  EXPECT_EQ(quoted->academy, "Bordeaux");
  EXPECT_FALSE(store::school_by_uai(*db, "0597375W")->lat) << "no coordinates in the file";
}

TEST_P(SchoolsStore, Annuaire2026ColumnSet) {
  auto r = import_file(*db, fixture_path("schools-annuaire-2026.csv"));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.inserted, 7u);
  EXPECT_EQ(r.skipped, 3u);
  EXPECT_TRUE(r.rejected.empty());
  auto s = store::school_by_uai(*db, "0352958A");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->postal_code, "35310") << "Code_postal, found by name in the last column";
  EXPECT_EQ(s->pupils, 0) << "no Nombre_d_eleves in 2026";
  ASSERT_TRUE(s->lat);
  EXPECT_EQ(store::school_by_uai(*db, "0350805K")->kind, "lycee_professionnel");
  EXPECT_EQ(store::school_by_uai(*db, "0350795Z")->kind, "lycee_polyvalent");
}

TEST_P(SchoolsStore, ColumnsAFileLacksKeepTheirStoredValues) {
  ASSERT_TRUE(import_file(*db, school_file("annuaire-education-2023_dep035.csv")).ok());
  auto r = import_file(*db, fixture_path("schools-annuaire-2026.csv"));
  EXPECT_EQ(r.inserted, 0u);
  EXPECT_EQ(r.updated, 0u);
  EXPECT_EQ(r.unchanged, 7u);
  EXPECT_EQ(store::school_by_uai(*db, "0352958A")->pupils, 528) << "the 2023 pupil count survives the 2026 file";
}

TEST_P(SchoolsStore, GeolocExportWithFrenchLabels) {
  auto r = import_file(*db, fixture_path("schools-geoloc-labels.csv"));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.inserted, 7u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_TRUE(r.rejected.empty());
  auto lp = store::school_by_uai(*db, "0351962T");
  ASSERT_TRUE(lp);
  EXPECT_EQ(lp->kind, "lycee_professionnel");
  EXPECT_EQ(lp->commune_name, "Tinténiac");
  EXPECT_EQ(lp->commune_insee, "35337");
  EXPECT_EQ(lp->postal_code, "35190");
  EXPECT_EQ(lp->department, "035");
  ASSERT_TRUE(lp->lon);
  EXPECT_DOUBLE_EQ(*lp->lon, -1.8339198169795154);
  EXPECT_EQ(store::school_by_uai(*db, "0241357V")->name, "Collège privé \"Maison Jacques Sevin\"");
  EXPECT_EQ(import_file(*db, fixture_path("schools-geoloc-labels.csv")).inserted, 0u);
}

TEST_P(SchoolsStore, BadLinesAreReportedAndTheOthersImported) {
  auto r = import_file(*db, fixture_path("schools-bad-lines.csv"));
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(lines_of(r.rejected), (std::vector<std::size_t>{3, 4, 5, 8, 10, 11, 14}));
  for (const auto& n : r.rejected) EXPECT_FALSE(n.reason.empty()) << n.line;
  EXPECT_NE(r.rejected[0].reason.find("UAI invalide"), std::string::npos) << r.rejected[0].reason;
  EXPECT_NE(r.rejected[2].reason.find("coordonnées"), std::string::npos) << r.rejected[2].reason;
  EXPECT_EQ(r.inserted, 5u);
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_EQ(fixture::count_rows(*db, "schools"), 5);
  EXPECT_EQ(store::school_by_uai(*db, "0350795Z")->name, "Collège \"C\"\nsur deux lignes");
  EXPECT_TRUE(store::school_by_uai(*db, "0350801F")) << "the line after an unclosed quote is read";
  EXPECT_FALSE(store::school_by_uai(*db, "0350805K")->lat);
}

TEST_P(SchoolsStore, FilesWithoutRequiredColumnsAreRefusedWhole) {
  struct Case {
    const char* name;
    std::string text;
  } cases[] = {
      {"empty", ""},
      {"no UAI", "nom;nature_uai_libe\nCollège;COLLEGE\n"},
      {"no name", "numero_uai;nature_uai_libe\n0352958A;COLLEGE\n"},
      {"no type", "numero_uai;appellation_officielle\n0352958A;Collège\n"},
      {"latitude without longitude",
       "numero_uai;appellation_officielle;nature_uai_libe;latitude\n0352958A;C;COLLEGE;48\n"},
  };
  for (const auto& c : cases) {
    auto r = import_text(*db, c.text);
    EXPECT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.inserted, 0u) << c.name;
  }
  EXPECT_EQ(fixture::count_rows(*db, "schools"), 0);
}

TEST_P(SchoolsStore, ChangedRowsAreUpdatedAndProgressReachesTheEnd) {
  const std::string header = "numero_uai;appellation_officielle;nature_uai_libe;latitude;longitude\n";
  ASSERT_EQ(import_text(*db, header + "0352958A;Collège A;COLLEGE;48.1;-1.6\n").inserted, 1u);
  std::size_t last_done = 0, last_total = 1;
  std::istringstream in(header + "0352958A;Collège A bis;COLLEGE;48.1;-1.6\n0350053T;Collège B;COLLEGE;;\n");
  auto r = store::import_schools(*db, in, [&](std::size_t done, std::size_t total) {
    last_done = done;
    last_total = total;
  });
  EXPECT_EQ(r.updated, 1u);
  EXPECT_EQ(r.inserted, 1u);
  EXPECT_EQ(last_done, last_total);
  EXPECT_EQ(store::school_by_uai(*db, "0352958A")->name, "Collège A bis");
  auto page = store::schools_matching(*db, {{}, "college bis", "", "", 1, 50});
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].uai, "0352958A") << "search uses the new name";
}

TEST_P(SchoolsStore, SearchFiltersAndPages) {
  ASSERT_TRUE(import_file(*db, school_file("annuaire-education-2023_dep035.csv")).ok());
  ASSERT_TRUE(import_file(*db, fixture_path("schools-geoloc-labels.csv")).ok());
  auto all = store::schools_matching(*db, {{}, "", "", "", 1, 50});
  EXPECT_EQ(all.total, fixture::count_rows(*db, "schools"));
  EXPECT_EQ(all.rows.size(), 50u);
  auto ille = store::schools_matching(*db, {{"035"}, "", "", "", 5, 50});
  EXPECT_EQ(ille.total, 211) << "the labels fixture's lycée is already in the annuaire";
  EXPECT_EQ(ille.rows.size(), 11u) << "the fifth page of 50";
  auto found = store::schools_matching(*db, {{"035", "007"}, "BROSSOLETTE bruz", "", "", 1, 50});
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.rows[0].uai, "0350002M");
  EXPECT_EQ(store::schools_matching(*db, {{}, "0350002m", "", "", 1, 50}).total, 1) << "UAI is searchable";
  EXPECT_EQ(store::schools_matching(*db, {{}, "jastres", "", "", 1, 50}).total, 1);
  EXPECT_EQ(store::schools_matching(*db, {{"035"}, "jastres", "", "", 1, 50}).total, 0);
  EXPECT_EQ(store::schools_matching(*db, {{}, "100%", "", "", 1, 50}).total, 0) << "% is matched literally";
  auto erea = store::schools_matching(*db, {{}, "", "erea", "", 1, 50});
  EXPECT_EQ(erea.total, 2);
  auto bruz = store::schools_matching(*db, {{}, "", "college", "35047", 1, 50});
  EXPECT_GT(bruz.total, 0);
  for (const auto& s : bruz.rows) EXPECT_EQ(s.commune_insee, "35047");
}

TEST_P(SchoolsStore, ReimportingTheExportChangesNothing) {
  ASSERT_TRUE(import_file(*db, school_file("annuaire-education-2023_dep035.csv")).ok());
  ASSERT_TRUE(import_file(*db, school_file("geoloc-colleges-france_2024.csv")).ok());
  ASSERT_TRUE(import_file(*db, fixture_path("schools-bad-lines.csv")).ok());
  auto schools = store::schools_for_export(*db, "");
  ASSERT_EQ(static_cast<long long>(schools.size()), fixture::count_rows(*db, "schools"));
  std::ostringstream csv;
  report::write_schools_csv(csv, schools);
  auto again = import_text(*db, csv.str());
  ASSERT_TRUE(again.ok()) << again.error;
  EXPECT_EQ(again.inserted, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, schools.size());
  EXPECT_TRUE(again.rejected.empty());
  EXPECT_EQ(again.skipped, 0u);
  EXPECT_EQ(store::schools_for_export(*db, "")[0].name, schools[0].name);

  std::ostringstream json;
  report::write_schools_json(json, store::schools_for_export(*db, "035"));
  auto parsed = nlohmann::json::parse(json.str());
  EXPECT_EQ(parsed.size(), 214u);
  for (const auto& j : parsed) EXPECT_EQ(j["department"], "035");
}

TEST_P(SchoolsStore, CommunesWithPostalCodesAndCentroids) {
  auto r = store::import_communes(*db, fixture::data_dir());
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_EQ(r.tables.size(), 1u);
  EXPECT_EQ(r.tables[0].rows, 35014u);
  EXPECT_EQ(r.tables[0].written, 35014u);
  EXPECT_TRUE(r.tables[0].rejected.empty());
  auto besancon = store::communes_by_postal_code(*db, "25000");
  ASSERT_EQ(besancon.size(), 1u);
  EXPECT_EQ(besancon[0].name, "Besançon");
  EXPECT_EQ(besancon[0].insee, "25056");
  ASSERT_TRUE(besancon[0].lat);
  EXPECT_NEAR(*besancon[0].lat, 47.255, 0.01);
  auto boissey = store::commune_by_insee(*db, "01050");
  ASSERT_TRUE(boissey);
  EXPECT_EQ(boissey->postal_codes, (std::vector<std::string>{"01190", "01380"})) << "codes separated by '|'";
  EXPECT_FALSE(boissey->lat) << "no centroid outside BFC and HDF";
  EXPECT_EQ(store::communes_by_postal_code(*db, "75001").size(), 2u) << "Paris and its 1st arrondissement";

  auto again = store::import_communes(*db, fixture::data_dir());
  EXPECT_EQ(again.tables[0].written, 0u);
  EXPECT_EQ(fixture::count_rows(*db, "communes"), 35014);
}

TEST_P(SchoolsStore, CommunesFallBackToTheNpmPackage) {
  auto r = store::import_communes(*db, "/nonexistent-data-dir");
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_NE(r.tables[0].file.find("communes.json"), std::string::npos);
  EXPECT_EQ(r.tables[0].written, 35014u);
  auto besancon = store::communes_by_postal_code(*db, "25000");
  ASSERT_EQ(besancon.size(), 1u);
  EXPECT_EQ(besancon[0].region, "Bourgogne-Franche-Comté");
  EXPECT_FALSE(store::import_communes(*db, "/nonexistent-data-dir/communes.csv").ok()) << "a named file must exist";
}

TEST_P(SchoolsStore, RomeCodesTitlesDomainsAndLevels) {
  auto r = store::import_rome(*db, fixture::data_dir());
  ASSERT_TRUE(r.ok()) << r.error;
  std::map<std::string, std::size_t> written;
  for (const auto& t : r.tables) {
    EXPECT_TRUE(t.rejected.empty()) << t.table;
    written[t.table] = t.written;
  }
  EXPECT_EQ(written["rome_codes"], 1584u);
  EXPECT_EQ(written["rome_titles"], 13120u);
  EXPECT_EQ(written["rome_domains"], 110u);
  EXPECT_EQ(written["diploma_levels"], 6u);

  auto found = store::rome_titles_matching(*db, "Technicienne de MAINTENANCE", 200);
  ASSERT_FALSE(found.empty());
  bool phrase = false, industrial = false;
  for (const auto& t : found) {
    std::string folded = domain::fold(t.title);
    for (const char* word : {"technicienne", "de", "maintenance"})
      EXPECT_NE(folded.find(word), std::string::npos) << t.title << " lacks " << word;
    if (folded.find("technicienne de maintenance") != std::string::npos) {
      phrase = true;
      industrial = industrial || t.code.rfind("I", 0) == 0;
    }
  }
  EXPECT_TRUE(phrase && industrial) << "e.g. Technicien / Technicienne de maintenance industrielle";
  EXPECT_FALSE(store::rome_titles_matching(*db, "mecanicienne", 5).empty()) << "accents folded: mécanicienne";
  EXPECT_TRUE(store::rome_titles_matching(*db, "", 5).empty());

  auto again = store::import_rome(*db, fixture::data_dir() + "/metiers");
  ASSERT_TRUE(again.ok()) << again.error;
  for (const auto& t : again.tables) EXPECT_EQ(t.written, 0u) << t.table;
  EXPECT_EQ(fixture::count_rows(*db, "rome_titles"), 13120);
}

INSTANTIATE_TEST_SUITE_P(Engines, SchoolsStore, ::testing::ValuesIn(fixture::engines()));
