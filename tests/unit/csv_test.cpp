// Unit tests for the CSV reader (BOM, line ends, separators, quotes, line numbers, header matching) and school kinds.
#include "domain/csv.hpp"

#include <gtest/gtest.h>

#include "domain/school.hpp"

using namespace passerelles::domain;

namespace {

struct Read {
  char sep;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> lines;
  std::vector<std::string> errors;  // "" for a well-formed record
};

Read read_all(const std::string& text) {
  CsvReader csv(text);
  Read out{csv.separator(), csv.header(), {}, {}, {}};
  CsvRecord r;
  while (csv.next(r)) {
    out.records.push_back(r.error.empty() ? r.fields : std::vector<std::string>{});
    out.lines.push_back(r.line);
    out.errors.push_back(r.error);
  }
  return out;
}

}  // namespace

TEST(Csv, ReadsWhatFrenchExportsWrite) {
  using Records = std::vector<std::vector<std::string>>;
  struct Case {
    const char* name;
    std::string text;
    char sep;
    std::vector<std::string> header;
    Records records;
    std::vector<std::size_t> lines;
  } cases[] = {
      {"LF", "a;b\n1;2\n3;4\n", ';', {"a", "b"}, {{"1", "2"}, {"3", "4"}}, {2, 3}},
      {"BOM and CRLF",
       "\xEF\xBB\xBF"
       "a;b\r\n1;2\r\n",
       ';',
       {"a", "b"},
       {{"1", "2"}},
       {2}},
      {"comma separator", "a,b,c\n1,2,3", ',', {"a", "b", "c"}, {{"1", "2", "3"}}, {2}},
      {"tab separator", "a\tb\n1\t2\n", '\t', {"a", "b"}, {{"1", "2"}}, {2}},
      {"semicolons outnumber commas",
       "nom;ville, pays;code\nx;y, z;1\n",
       ';',
       {"nom", "ville, pays", "code"},
       {{"x", "y, z", "1"}},
       {2}},
      {"separator in a quoted header", "\"a;b\",c\n1,2\n", ',', {"a;b", "c"}, {{"1", "2"}}, {2}},
      {"quoted separator and doubled quotes",
       "a;b\n\"x;y\";\"il dit \"\"oui\"\"\"\n",
       ';',
       {"a", "b"},
       {{"x;y", "il dit \"oui\""}},
       {2}},
      {"quoted line break keeps physical line numbers",
       "a;b\n\"l1\r\nl2\";z\r\n3;4\r\n",
       ';',
       {"a", "b"},
       {{"l1\nl2", "z"}, {"3", "4"}},
       {2, 4}},
      {"blank lines skipped, counted", "a\n\n1\r\n\r\n2", ';', {"a"}, {{"1"}, {"2"}}, {3, 5}},
      {"empty fields", "a;b;c\n;;\n1;;\n", ';', {"a", "b", "c"}, {{"", "", ""}, {"1", "", ""}}, {2, 3}},
      {"quote inside an unquoted field is a character", "a;b\nx\"y;z\n", ';', {"a", "b"}, {{"x\"y", "z"}}, {2}},
      {"empty quoted field", "a;b\n\"\";2\n", ';', {"a", "b"}, {{"", "2"}}, {2}},
      {"Windows-1252 is converted", "nom\nB\xE9ziers \x80\n", ';', {"nom"}, {{"Béziers €"}}, {2}},
      {"header only", "a;b\r\n", ';', {"a", "b"}, {}, {}},
      {"empty text", "", ';', {}, {}, {}},
  };
  for (const auto& c : cases) {
    Read r = read_all(c.text);
    EXPECT_EQ(r.sep, c.sep) << c.name;
    EXPECT_EQ(r.header, c.header) << c.name;
    EXPECT_EQ(r.records, c.records) << c.name;
    EXPECT_EQ(r.lines, c.lines) << c.name;
    for (const auto& e : r.errors) EXPECT_EQ(e, "") << c.name;
  }
}

TEST(Csv, BadQuotingSpoilsOneRecordOnly) {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::size_t> lines;
    std::vector<bool> malformed;
    std::vector<std::string> last;  // fields of the last record
  } cases[] = {
      {"text after a closing quote", "a;b\n\"x\"y;z\n1;2\n", {2, 3}, {true, false}, {"1", "2"}},
      {"quote never closed", "a;b\n\"x;z\n1;2\n3;4\n", {2, 3, 4}, {true, false, false}, {"3", "4"}},
      {"quote never closed on the last line", "a;b\n1;2\n3;\"4\n", {2, 3}, {false, true}, {}},
      {"closing quote then text after a multi-line field",
       "a;b\n\"x\ny\"z;1\n5;6\n",
       {2, 4},
       {true, false},
       {"5", "6"}},
  };
  for (const auto& c : cases) {
    Read r = read_all(c.text);
    EXPECT_EQ(r.lines, c.lines) << c.name;
    std::vector<bool> malformed;
    for (const auto& e : r.errors) malformed.push_back(!e.empty());
    EXPECT_EQ(malformed, c.malformed) << c.name;
    ASSERT_FALSE(r.records.empty()) << c.name;
    EXPECT_EQ(r.records.back(), c.last) << c.name;
  }
}

TEST(Csv, ColumnsAreFoundByFoldedName) {
  CsvReader csv("Identifiant_de_l_etablissement;Code postal;Nombre_d_eleves;Libellé Académie;LATITUDE\n");
  struct Case {
    std::initializer_list<std::string_view> names;
    std::optional<std::size_t> index;
  } cases[] = {
      {{"identifiant de l'établissement"}, 0},
      {{"CODE_POSTAL"}, 1},
      {{"Code_postal"}, 1},
      {{"Nombre d'élèves"}, 2},
      {{"libelle_academie"}, 3},
      {{"latitude"}, 4},
      {{"absent", "code postal"}, 1},
      {{"absent"}, std::nullopt},
      {{"code"}, std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(csv.column(c.names), c.index) << *c.names.begin();
  EXPECT_EQ(normalise_column_name("  Secteur Public/Privé "), "secteur public prive");
}

TEST(Csv, QuoteOnlyWhenNeeded) {
  EXPECT_EQ(csv_quote("plain", ';'), "plain");
  EXPECT_EQ(csv_quote("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(csv_quote("a,b", ';'), "a,b");
  EXPECT_EQ(csv_quote("dit \"oui\"", ';'), "\"dit \"\"oui\"\"\"");
  EXPECT_EQ(csv_quote("deux\nlignes", ';'), "\"deux\nlignes\"");
  std::string line = csv_quote("x;\"y\"\nz", ';') + ";2\n";
  CsvReader back("a;b\n" + line);
  CsvRecord r;
  ASSERT_TRUE(back.next(r));
  EXPECT_EQ(r.fields, (std::vector<std::string>{"x;\"y\"\nz", "2"}));
}

TEST(SchoolKind, FromDirectoryColumns) {
  const SchoolTracks none, g{true, false, false}, gt{true, true, false}, t{false, true, false}, p{false, false, true},
      tp{false, true, true}, gtp{true, true, true};
  struct Case {
    const char* type;
    const char* nature;
    SchoolTracks tracks;
    const char* kind;
  } cases[] = {
      {"Collège", "COLLEGE", none, "college"},
      {"", "COLLEGE SPECIALISE", none, "college"},
      {"EREA", "ETAB REGIONAL/LYCEE ENSEIGNEMENT ADAPTE", none, "erea"},
      {"", "ETAB REGIONAL/LYCEE ENSEIGNEMENT ADAPTE", none, "erea"},
      {"Lycée", "LYCEE ENSEIGNT GENERAL ET TECHNOLOGIQUE", gt, "lycee_general"},
      {"Lycée", "LYCEE D ENSEIGNEMENT GENERAL", g, "lycee_general"},
      {"Lycée", "LYCEE POLYVALENT", t, "lycee_technologique"},
      {"Lycée", "LYCEE PROFESSIONNEL", p, "lycee_professionnel"},
      {"Lycée", "LYCEE PROFESSIONNEL", gtp, "lycee_polyvalent"},  // the tracks decide
      {"Lycée", "LYCEE POLYVALENT", tp, "lycee_polyvalent"},
      {"Lycée", "LYCEE PROFESSIONNEL", none, "lycee_professionnel"},  // no track given: the nature decides
      {"Lycée", "SECTION D ENSEIGNEMENT PROFESSIONNEL", none, "lycee_professionnel"},
      {"Lycée", "LYCEE D ENSEIGNEMENT GENERAL", none, "lycee_general"},
      {"Lycée", "LYCEE POLYVALENT", none, "lycee_polyvalent"},
      {"Lycée", "", none, "lycee"},
      {"", "LYCEE PROFESSIONNEL", none, "lycee_professionnel"},
      {"", "ECOLES COMPOSEES UNIQT DE STS ET OU CPGE", none, "post_bac"},
      {"Ecole", "ECOLE DE NIVEAU ELEMENTAIRE", none, ""},
      {"", "ECOLE MATERNELLE", none, ""},
      {"Médico-social", "INSTITUT MEDICO-EDUCATIF", none, ""},
      {"Information et orientation", "CENTRE D INFORMATION ET D ORIENTATION", none, ""},
      {"Autre", "MAISON FAMILIALE RURALE EDUCATION ORIENT", none, ""},
      {"", "", none, ""},
  };
  for (const auto& c : cases)
    EXPECT_EQ(school_kind_from(c.type, c.nature, c.tracks), c.kind) << c.type << " / " << c.nature;
}

TEST(SchoolKind, EveryLabelReadsBackAsItsKind) {
  for (const auto& kind : school_kinds()) {
    SchoolTracks none;
    EXPECT_EQ(school_kind_from("", school_kind_label(kind), none), kind) << kind;
    EXPECT_NE(school_kind_label(kind), kind);
  }
  EXPECT_EQ(voies_string({true, false, true}), "generale,professionnelle");
  auto t = tracks_from_voies("generale,professionnelle");
  EXPECT_TRUE(t.general);
  EXPECT_FALSE(t.technological);
  EXPECT_TRUE(t.vocational);
}

TEST(Csv, NumbersAsSpreadsheetsWriteThem) {
  EXPECT_EQ(parse_decimal("47.98614492070133"), 47.98614492070133);
  EXPECT_EQ(parse_decimal(" -1,5 "), -1.5);
  EXPECT_EQ(parse_decimal("1e3"), 1000.0);
  EXPECT_FALSE(parse_decimal(""));
  EXPECT_FALSE(parse_decimal("nord"));
  EXPECT_FALSE(parse_decimal("48.1.2"));
  EXPECT_FALSE(parse_decimal("1,234.5")) << "a comma beside a point is not a decimal comma";
  EXPECT_EQ(parse_integer("1 341"), 1341);
  EXPECT_EQ(parse_integer("0"), 0);
  EXPECT_FALSE(parse_integer("12a"));
  EXPECT_FALSE(parse_integer("3.5"));
  EXPECT_FALSE(parse_integer(""));
}
