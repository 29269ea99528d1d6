// Unit tests of the SVG charts and maps (report/charts.hpp) and of the STI2D context (report/gender.hpp): the SVG is
// well-formed XML, sizes follow the values, map titles carry the right département's value, empty data and a
// missing data folder still give a picture.
#include "report/charts.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "report/gender.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::report;

namespace {

const std::string kNoData = "/nonexistent/passerelles-no-data-folder";

// A small XML well-formedness check: tags balance, attributes are quoted, text holds no raw '<' or stray '&'.
// Returns "" when well-formed, else what is wrong.
std::string xml_problem(const std::string& s) {
  std::vector<std::string> stack;
  std::size_t i = 0;
  static const std::regex entity(R"(^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)");
  while (i < s.size()) {
    if (s[i] == '&') {
      std::smatch m;
      std::string rest = s.substr(i, 12);
      if (!std::regex_search(rest, m, entity)) return "stray & at " + std::to_string(i);
      i += m.length(0);
      continue;
    }
    if (s[i] != '<') {
      if (s[i] == '>') return "stray > at " + std::to_string(i);
      ++i;
      continue;
    }
    auto end = s.find('>', i);
    if (end == std::string::npos) return "unclosed tag at " + std::to_string(i);
    std::string tag = s.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.empty()) return "empty tag";
    if (tag[0] == '/') {
      std::string name = tag.substr(1);
      if (stack.empty() || stack.back() != name)
        return "</" + name + "> closes " + (stack.empty() ? "nothing" : stack.back());
      stack.pop_back();
      continue;
    }
    bool self_closing = tag.back() == '/';
    if (self_closing) tag.pop_back();
    static const std::regex open(R"re(^([A-Za-z][\w:-]*)((\s+[\w:-]+="[^"<]*")*)\s*$)re");
    std::smatch m;
    if (!std::regex_match(tag, m, open)) return "malformed tag <" + tag.substr(0, 80) + ">";
    if (!self_closing) stack.push_back(m[1].str());
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  return "";
}

std::size_t count(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

bool contains(const std::string& s, const std::string& needle) {
  return s.find(needle) != std::string::npos;
}

// Values of attribute `attr` of every <tag …> carrying `marker` (e.g. the bars' fill colour), in document order.
std::vector<double> attr_values(const std::string& svg, const std::string& tag, const std::string& marker,
                                const std::string& attr) {
  std::vector<double> out;
  std::regex element("<" + tag + R"(\b[^>]*>)");
  std::regex value("\\b" + attr + R"re(="([-0-9.]+)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), element); it != std::sregex_iterator(); ++it) {
    std::string e = it->str();
    if (!contains(e, marker)) continue;
    std::smatch m;
    if (std::regex_search(e, m, value)) out.push_back(std::stod(m[1].str()));
  }
  return out;
}

// The accessible name parts: role="img", aria-labelledby naming a <title> and a <desc> that exist.
void expect_accessible_svg(const std::string& svg) {
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(svg, m, std::regex(R"re(<svg [^>]*role="img"[^>]*aria-labelledby="([^" ]+) ([^"]+)")re")))
      << svg.substr(0, 300);
  EXPECT_TRUE(contains(svg, "<title id=\"" + m[1].str() + "\">"));
  EXPECT_TRUE(contains(svg, "<desc id=\"" + m[2].str() + "\">"));
}

}  // namespace

TEST(Charts, TheXmlCheckCatchesMalformedSvg) {
  EXPECT_EQ(xml_problem("<svg a=\"1\"><g><title>A &amp; B</title></g><rect/></svg>"), "");
  EXPECT_NE(xml_problem("<svg><g></svg>"), "");
  EXPECT_NE(xml_problem("<svg><text>A & B</text></svg>"), "");
  EXPECT_NE(xml_problem("<svg><text>a < b</text></svg>"), "");
  EXPECT_NE(xml_problem("<svg width=640></svg>"), "");
  EXPECT_NE(xml_problem("<svg>"), "");
}

TEST(Charts, FormatsNumbersTheFrenchWay) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1234), "1\u202F234");
  EXPECT_EQ(format_count(1234567), "1\u202F234\u202F567");
  EXPECT_EQ(format_count(-1000), "-1\u202F000");
  EXPECT_EQ(format_share(0.125), "12,5\u202F%");
  EXPECT_EQ(format_share(0.0704569), "7,0\u202F%");
  EXPECT_EQ(format_share(1), "100,0\u202F%");
  EXPECT_EQ(format_share(0), "0,0\u202F%");
}

TEST(Charts, BarLengthsAreProportionalAndValuesWritten) {
  std::vector<Bar> bars = {{"Témoignage en classe", 10, ""},
                           {"Visite <d’entreprise> & labo", 20, ""},
                           {"Forum", 40, ""},
                           {"Atelier", 0, ""},
                           {"Webinaire", 1500, "1 500 (estimé)"}};
  std::string svg = bar_chart_svg("Actions par type", bars);
  EXPECT_EQ(xml_problem(svg), "");
  expect_accessible_svg(svg);
  auto widths = attr_values(svg, "rect", "fill=\"#1d5c8a\"", "width");
  ASSERT_EQ(widths.size(), 4u) << "a zero bar draws no rectangle";
  EXPECT_NEAR(widths[1] / widths[0], 2.0, 0.05);
  EXPECT_NEAR(widths[2] / widths[0], 4.0, 0.1);
  EXPECT_NEAR(widths[3] / widths[0], 150.0, 3.0);
  EXPECT_LE(widths[3], 640);
  EXPECT_TRUE(contains(svg, ">10</text>"));
  EXPECT_TRUE(contains(svg, ">40</text>"));
  EXPECT_TRUE(contains(svg, ">0</text>")) << "a zero is written too";
  EXPECT_TRUE(contains(svg, ">1 500 (estimé)</text>")) << "value_label is used as given";
  EXPECT_TRUE(contains(svg, "Visite &lt;d’entreprise&gt; &amp; labo")) << "labels are escaped";
  EXPECT_TRUE(contains(svg, "<title id=\"")) << "title";
  EXPECT_TRUE(contains(svg, "Forum : 40")) << "the description lists the values";
}

TEST(Charts, ColumnHeightsAreProportionalAndLabelsThinned) {
  std::vector<Bar> months;
  for (int i = 1; i <= 12; ++i) months.push_back({"m" + std::to_string(i) + " 2025", static_cast<double>(i * 10), ""});
  std::string svg = column_chart_svg("Personnes touchées par mois", months);
  EXPECT_EQ(xml_problem(svg), "");
  expect_accessible_svg(svg);
  auto heights = attr_values(svg, "rect", "fill=\"#1d5c8a\"", "height");
  ASSERT_EQ(heights.size(), 12u);
  for (std::size_t i = 1; i < heights.size(); ++i)
    EXPECT_NEAR(heights[i] / heights[0], static_cast<double>(i + 1), 0.05) << i;
  EXPECT_TRUE(contains(svg, ">120</text>"));

  // 120 months on 640 pixels: a label every year at most, values left to the table.
  std::vector<Bar> decade;
  decade.reserve(120);
  for (int i = 0; i < 120; ++i) decade.push_back({"janv. " + std::to_string(2016 + i / 12), 5.0 + i, ""});
  std::string big = column_chart_svg("Dix ans", decade);
  EXPECT_EQ(xml_problem(big), "");
  EXPECT_LE(count(big, ">janv.</text>"), 10u);
  EXPECT_GE(count(big, ">janv.</text>"), 5u);
  EXPECT_TRUE(contains(big, "dans le tableau de données"));
}

TEST(Charts, EmptyDataGivesAnSvgThatSaysSo) {
  for (const std::string& svg :
       {bar_chart_svg("Vide", {}), column_chart_svg("Vide", {}), bar_chart_svg("Zéros", {{"A", 0, ""}, {"B", 0, ""}}),
        points_map_svg(fixture::data_dir(), "Aucun point", {}, {}), points_map_svg(kNoData, "Aucun point", {}, {})}) {
    EXPECT_EQ(xml_problem(svg), "") << svg;
    EXPECT_TRUE(contains(svg, "Aucune donnée")) << svg;
    expect_accessible_svg(svg);
  }
  // A map without values is still a map, every département "aucune valeur".
  std::string map = departments_map_svg(fixture::data_dir(), "Carte vide", {}, {});
  EXPECT_EQ(xml_problem(map), "");
  EXPECT_EQ(count(map, "<path "), 96u);
  EXPECT_EQ(count(map, ": aucune valeur</title>"), 96u);
  // Territory départements without any school reached: the départements and a sentence.
  std::string none = points_map_svg(fixture::data_dir(), "Établissements", {"025"}, {});
  EXPECT_EQ(xml_problem(none), "");
  EXPECT_TRUE(contains(none, "Aucun établissement touché"));
  EXPECT_TRUE(contains(none, "data-code=\"25\""));
}

TEST(Charts, ChoroplethPutsEachValueOnItsDepartment) {
  for (const std::string& dir : {fixture::data_dir(), kNoData}) {
    SCOPED_TRACE(dir);
    std::vector<AreaValue> values = {{"025", 1234}, {"39", 400}, {"02A", 7}, {"971", 5}};
    std::string svg = departments_map_svg(dir, "Personnes touchées par département", values, {"025", "039"});
    EXPECT_EQ(xml_problem(svg), "");
    expect_accessible_svg(svg);
    EXPECT_LT(svg.size(), 150u * 1024) << "the whole map stays small";
    EXPECT_EQ(count(svg, "<path "), 96u) << "metropolitan départements";
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        svg, m, std::regex(R"re(<path data-code="25" [^>]*fill="([^"]+)"[^>]*><title>([^<]+)</title>)re")));
    EXPECT_EQ(m[2].str(), "Doubs (25) : 1\u202F234");
    std::string doubs_fill = m[1].str();
    ASSERT_TRUE(std::regex_search(
        svg, m, std::regex(R"re(<path data-code="39" [^>]*fill="([^"]+)"[^>]*><title>([^<]+)</title>)re")));
    EXPECT_EQ(m[2].str(), "Jura (39) : 400");
    EXPECT_NE(m[1].str(), doubs_fill) << "400 and 1 234 fall in different classes";
    ASSERT_TRUE(std::regex_search(svg, m, std::regex(R"re(<path data-code="2A" [^>]*><title>([^<]+)</title>)re")));
    EXPECT_EQ(m[1].str(), "Corse-du-Sud (2A) : 7");
    ASSERT_TRUE(std::regex_search(svg, m, std::regex(R"re(<path data-code="75" [^>]*fill="([^"]+)")re")));
    EXPECT_EQ(m[1].str(), "#f7f7f7") << "no value";
    // Highlighted départements have the thick outline; the others do not.
    EXPECT_TRUE(std::regex_search(svg, std::regex(R"re(<path data-code="25" [^>]*stroke-width="4.5")re")));
    EXPECT_FALSE(std::regex_search(svg, std::regex(R"re(<path data-code="70" [^>]*stroke-width)re")));
    // Legend: "no value" and five classes with their bounds (max 1 234 → steps of 500 up to 2 500).
    EXPECT_TRUE(contains(svg, ">aucune valeur</text>"));
    EXPECT_TRUE(contains(svg, ">1 à 500</text>"));
    EXPECT_TRUE(contains(svg, ">2\u202F001 à 2\u202F500</text>"));
    EXPECT_TRUE(contains(svg, "Hors carte : 971 : 5")) << "overseas values are not lost";
    EXPECT_EQ(department_name(dir, "025"), "Doubs");
  }
  EXPECT_EQ(department_name(fixture::data_dir(), "971"), "");
}

TEST(Charts, PointsMapHasADotPerSchoolSizedByValue) {
  for (const std::string& dir : {fixture::data_dir(), kNoData}) {
    SCOPED_TRACE(dir);
    std::vector<Point> pts = {{"Lycée Cuvier", 47.51, 6.80, 1}, {"Collège Lumière", 47.24, 6.02, 9}};
    std::string svg = points_map_svg(dir, "Établissements touchés", {"025", "039", "070", "090"}, pts);
    EXPECT_EQ(xml_problem(svg), "");
    expect_accessible_svg(svg);
    EXPECT_TRUE(contains(svg, "<title>Lycée Cuvier : 1</title>"));
    EXPECT_TRUE(contains(svg, "<title>Collège Lumière : 9</title>"));
    auto radii = attr_values(svg, "circle", "stroke=\"#ffffff\"", "r");
    ASSERT_EQ(radii.size(), 2u);
    EXPECT_GT(radii[0], radii[1]) << "bigger first (drawn under), for 9 actions against 1";
    for (const char* code : {"25", "39", "70", "90"})
      EXPECT_TRUE(
          std::regex_search(svg, std::regex(std::string("<path data-code=\"") + code + "\"[^>]*stroke-width=\"3\"")))
          << code;
    // Besançon (47.24, 6.02) lies inside the drawing, west of Montbéliard (47.51, 6.80).
    auto cx = attr_values(svg, "circle", "stroke=\"#ffffff\"", "cx");
    ASSERT_EQ(cx.size(), 2u);
    EXPECT_LT(cx[0], cx[1]);
    EXPECT_GT(cx[0], 0);
    EXPECT_LT(cx[1], 640);
  }
}

TEST(Gender, Sti2dShareOfAnAcademyAndOfFrance) {
  auto s = sti2d_girls_share(fixture::data_dir(), "Besançon");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->academy, "BESANCON");
  EXPECT_EQ(s->year, 2021);
  EXPECT_EQ(s->girls, 66);
  EXPECT_EQ(s->pupils, 941);
  EXPECT_NEAR(s->share, 66.0 / 941.0, 1e-12);
  EXPECT_EQ(s->national_year, 2021);
  EXPECT_EQ(s->national_girls, 4824);
  EXPECT_EQ(s->national_pupils, 56653);
  // Caen and Rouen are the académie de Normandie since 2020; accents, case and the "Académie de" prefix ignored.
  auto caen = sti2d_girls_share(fixture::data_dir(), "Académie de Caen");
  ASSERT_TRUE(caen.has_value());
  EXPECT_EQ(caen->academy, "NORMANDIE");
  EXPECT_EQ(caen->year, 2021);
  auto reunion = sti2d_girls_share(fixture::data_dir(), "La Réunion");
  ASSERT_TRUE(reunion.has_value());
  EXPECT_EQ(reunion->girls, 175);
  EXPECT_FALSE(sti2d_girls_share(fixture::data_dir(), "Atlantide").has_value());
  EXPECT_FALSE(sti2d_girls_share(fixture::data_dir(), "").has_value());
  EXPECT_FALSE(sti2d_girls_share(kNoData, "Besançon").has_value()) << "no data folder: no context";
}

TEST(Gender, ColumnsAreFoundByNameWhateverTheirOrder) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("passerelles-gender-" + std::to_string(::getpid()));
  fs::create_directories(dir / "gender");
  {
    std::ofstream out(dir / "gender" / "part-filles-sti2d-par-academie-2019-2021.csv", std::ios::binary);
    // BOM, accented French headers, columns in another order, CRLF, no TOTAL row.
    out << "\xEF\xBB\xBF"
        << "Académie;Filles 1ere term STI2D;Rentrée scolaire;Élèves 1ère term STI2D\r\n"
        << "Dijon;10;2020;100\r\nDijon;30;2021;200\r\nLille;70;2021;300\r\n";
  }
  auto s = sti2d_girls_share(dir.string(), "DIJON");
  fs::remove_all(dir);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->year, 2021);
  EXPECT_NEAR(s->share, 0.15, 1e-12);
  EXPECT_EQ(s->national_pupils, 500) << "no TOTAL row: the sum of the académies of that year";
  EXPECT_NEAR(s->national_share, 0.2, 1e-12);
}
