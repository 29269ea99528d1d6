// QR codes and the survey card and slide: versions and fixed patterns checked against the QR standard (ISO/IEC
// 18004), the SVG path read back module by module, PNG sizes from their header, the card checked by qpdf and
// pdftotext, and every picture decoded again by zbarimg (Debian package zbar-tools).
#include "report/qr.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <stdexcept>

#include "support/report_fixture.hpp"

using namespace passerelles;
using report::QrCode;

namespace {

// Width and height from a PNG's IHDR chunk, after checking the signature.
struct PngSize {
  long width = -1, height = -1;
};
PngSize png_size(const std::string& png) {
  PngSize size;
  if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || png.compare(12, 4, "IHDR") != 0) return size;
  auto be32 = [&](std::size_t at) {
    long v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v * 256 + static_cast<unsigned char>(png[at + i]);
    return v;
  };
  size.width = be32(16);
  size.height = be32(20);
  return size;
}

// The text zbarimg reads in a PNG (it prints it followed by a newline).
std::string decode_png(const std::string& png) {
  auto r = fixture::shell_on_file(png, "png", "zbarimg --nodbus --raw -q {} 2>/dev/null");
  EXPECT_EQ(r.code, 0) << "zbarimg (apt-get install zbar-tools) found no code: " << r.out;
  if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

// Modules that differ from a finder pattern with its top-left corner at (x0, y0): a dark 7×7 border, a light
// ring, a dark 3×3 centre, and the light separator around it where it lies inside the symbol.
int finder_mismatches(const QrCode& qr, int x0, int y0) {
  int mismatches = 0;
  for (int y = -1; y <= 7; ++y)
    for (int x = -1; x <= 7; ++x) {
      int px = x0 + x, py = y0 + y;
      if (px < 0 || py < 0 || px >= qr.size || py >= qr.size) continue;
      bool separator = x == -1 || y == -1 || x == 7 || y == 7;
      int depth = std::min(std::min(x, 6 - x), std::min(y, 6 - y));  // 0 border, 1 light ring, 2+ centre
      bool dark = !separator && depth != 1;
      mismatches += qr.dark(px, py) != dark;
    }
  return mismatches;
}

// The dark modules the SVG path draws, read back from its "Mx yhnv1h-nz" runs, in code coordinates.
std::vector<bool> modules_from_svg(const std::string& svg, int size, int quiet, long& dark_count) {
  std::vector<bool> m(static_cast<std::size_t>(size * size), false);
  dark_count = 0;
  std::smatch d;
  if (!std::regex_search(svg, d, std::regex("<path fill=\"#000\" d=\"([^\"]*)\"/>"))) return {};
  std::string path = d[1];
  std::regex run("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");
  std::size_t consumed = 0;
  for (auto it = std::sregex_iterator(path.begin(), path.end(), run); it != std::sregex_iterator(); ++it) {
    const std::smatch& r = *it;
    if (static_cast<std::size_t>(r.position()) != consumed || r[3] != r[4]) return {};
    consumed += static_cast<std::size_t>(r.length());
    int x = std::stoi(r[1]) - quiet, y = std::stoi(r[2]) - quiet, n = std::stoi(r[3]);
    if (x < 0 || y < 0 || y >= size || x + n > size) return {};
    for (int i = 0; i < n; ++i) {
      auto at = static_cast<std::size_t>(y * size + x + i);
      if (m[at]) return {};  // drawn twice
      m[at] = true;
      ++dark_count;
    }
  }
  if (consumed != path.size()) return {};
  return m;
}

report::SurveyCard sample_card() {
  return {"Ton avis sur les métiers de l’industrie", "Témoignage en classe — Collège Victor-Hugo, 12 mars 2027",
          "https://passerelles.example.fr/q/K7M2PQ", "Anonyme : ni nom, ni compte. Moins d’une minute."};
}

}  // namespace

TEST(Qr, VersionGrowsWithTheTextAsTheStandardsCapacityTableSays) {
  // Byte-mode capacities at level M (ISO/IEC 18004 table 7): version 1 holds 14 bytes, 2 holds 26, 3 holds 42,
  // 40 holds 2331; a version-v symbol has 17 + 4v modules per side. Lowercase letters need byte mode.
  struct Case {
    std::size_t length;
    int size;
  } cases[] = {{1, 21}, {14, 21}, {15, 25}, {26, 25}, {27, 29}, {42, 29}, {43, 33}, {2331, 177}};
  for (const auto& c : cases) {
    QrCode qr = report::qr_encode(std::string(c.length, 'a'));
    EXPECT_EQ(qr.size, c.size) << c.length << " bytes";
    EXPECT_EQ(qr.modules.size(), static_cast<std::size_t>(c.size * c.size));
  }
  EXPECT_EQ(report::qr_encode("https://example.org/q/abc").size, 25);  // 25 bytes: version 2
}

TEST(Qr, RefusesEmptyAndTooLongText) {
  EXPECT_THROW(report::qr_encode(""), std::invalid_argument);
  EXPECT_THROW(report::qr_encode(std::string(2332, 'a')), std::invalid_argument);
  EXPECT_THROW(report::qr_encode(std::string("a\0b", 3)), std::invalid_argument);
  EXPECT_THROW(report::qr_svg("", "Code"), std::invalid_argument);
  EXPECT_THROW(report::qr_png(std::string(5000, 'x')), std::invalid_argument);
  EXPECT_THROW(report::qr_png("https://example.org", 0), std::invalid_argument);
  report::SurveyCard no_link = sample_card();
  no_link.url.clear();
  EXPECT_THROW(report::survey_card_pdf(no_link), std::invalid_argument);
  EXPECT_THROW(report::survey_slide_png(no_link), std::invalid_argument);
}

TEST(Qr, HasTheFixedPatternsOfAVersion2Symbol) {
  QrCode qr = report::qr_encode("https://example.org/q/abc");
  ASSERT_EQ(qr.size, 25);
  EXPECT_EQ(finder_mismatches(qr, 0, 0), 0);
  EXPECT_EQ(finder_mismatches(qr, 18, 0), 0);
  EXPECT_EQ(finder_mismatches(qr, 0, 18), 0);
  EXPECT_GT(finder_mismatches(qr, 18, 18), 0);  // no finder in the bottom-right corner: data and alignment
  // Timing patterns: row 6 and column 6 alternate, dark on even indexes, between the finders.
  for (int i = 8; i <= 16; ++i) {
    EXPECT_EQ(qr.dark(i, 6), i % 2 == 0) << i;
    EXPECT_EQ(qr.dark(6, i), i % 2 == 0) << i;
  }
  // The alignment pattern of version 2, centred on (18, 18): dark centre, light ring, dark 5×5 border.
  for (int y = 16; y <= 20; ++y)
    for (int x = 16; x <= 20; ++x) {
      bool ring = std::max(std::abs(x - 18), std::abs(y - 18)) == 1;
      EXPECT_EQ(qr.dark(x, y), !ring) << x << "," << y;
    }
  EXPECT_TRUE(qr.dark(8, 4 * 2 + 9));  // the "dark module" beside the bottom-left finder
}

TEST(Qr, SvgDrawsExactlyTheDarkModules) {
  const std::string text = "https://passerelles.example.fr/q/K7M2PQ";
  QrCode qr = report::qr_encode(text);
  std::string svg = report::qr_svg(text, "Code QR : <questionnaire> & \"avis\"", 4);
  ASSERT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u) << svg.substr(0, 80);
  std::string n = std::to_string(qr.size + 8), px = std::to_string((qr.size + 8) * 4);
  EXPECT_NE(svg.find("width=\"" + px + "\" height=\"" + px + "\" viewBox=\"0 0 " + n + " " + n + "\""),
            std::string::npos)
      << svg.substr(0, 200);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("aria-label=\"Code QR : &lt;questionnaire&gt; &amp; &quot;avis&quot;\""), std::string::npos);
  EXPECT_NE(svg.find("<title>Code QR : &lt;questionnaire&gt; &amp; &quot;avis&quot;</title>"), std::string::npos);
  EXPECT_NE(svg.find("shape-rendering=\"crispEdges\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#fff\""), std::string::npos);

  long drawn = 0, expected = 0;
  std::vector<bool> modules = modules_from_svg(svg, qr.size, 4, drawn);
  for (bool b : qr.modules) expected += b;
  EXPECT_EQ(drawn, expected);
  EXPECT_TRUE(modules == qr.modules) << "the path does not draw the code's dark modules";

  // An XML parser accepts it, and librsvg-independent readers see one path.
  auto r = fixture::shell_on_file(svg, "svg",
                                  "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; "
                                  "r = E.parse(sys.argv[1]).getroot(); "
                                  "print(r.tag, len(r.findall('{http://www.w3.org/2000/svg}path')))\" {}");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, "{http://www.w3.org/2000/svg}svg 1\n");
}

TEST(Qr, SvgLabelWithInvalidTextStaysWellFormed) {
  std::string svg = report::qr_svg("https://example.org/q/abc", std::string("a\x01\xff b", 5));
  auto r = fixture::shell_on_file(svg, "svg",
                                  "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; "
                                  "print(E.parse(sys.argv[1]).getroot().find('{http://www.w3.org/2000/svg}title')."
                                  "text)\" {}");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, "a\uFFFD b\n");
}

TEST(Qr, PngHasTheQuietZoneInItsSizeAndDecodesToTheText) {
  struct Case {
    std::string text;
    int module_px, size;
  } cases[] = {{"https://example.org/q/abc", 8, 25},
               {"https://passerelles.example.fr/q/K7M2PQ", 3, 29},
               {std::string(100, 'z'), 5, 41}};  // 100 bytes at M: version 6
  for (const auto& c : cases) {
    std::string png = report::qr_png(c.text, c.module_px);
    PngSize size = png_size(png);
    EXPECT_EQ(size.width, (c.size + 8) * c.module_px) << c.text;
    EXPECT_EQ(size.height, (c.size + 8) * c.module_px) << c.text;
    EXPECT_EQ(decode_png(png), c.text);
  }
}

TEST(Qr, CardIsAnA5LandscapePdfWithRealTextAndAReadableCode) {
  report::SurveyCard card = sample_card();
  std::string pdf = report::survey_card_pdf(card);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  auto r = fixture::shell_on_file(pdf, "pdf", "qpdf --check {} && pdfinfo {} && pdftotext -enc UTF-8 {} -");
  ASSERT_EQ(r.code, 0) << r.out;
  std::string text = fixture::plain_spaces(r.out);
  EXPECT_NE(text.find("Page size:       595.276 x 419.528 pts"), std::string::npos) << text;
  EXPECT_NE(text.find("Pages:           1"), std::string::npos) << text;
  EXPECT_NE(text.find("Title:           Ton avis sur les métiers de l’industrie"), std::string::npos) << text;
  for (const std::string& part : {card.title, card.url, std::string("Collège Victor-Hugo, 12 mars 2027"),
                                  std::string("Anonyme : ni nom, ni compte.")})
    EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;

  // The code drawn in the PDF, rasterised by poppler, decodes to the link.
  auto decoded = fixture::shell_on_file(pdf, "pdf",
                                        "pdftoppm -r 100 -png -singlefile {} {} && zbarimg --nodbus --raw -q {}.png "
                                        "2>/dev/null; s=$?; rm -f {}.png; exit $s");
  EXPECT_EQ(decoded.code, 0) << decoded.out;
  EXPECT_EQ(decoded.out, card.url + "\n");
}

TEST(Qr, CardSurvivesLongAndInvalidText) {
  report::SurveyCard card = sample_card();
  card.title.clear();
  for (int i = 0; i < 40; ++i) card.title += "Titre très long ";
  card.subtitle = "octets \xC3\x28 invalides";
  card.hint = std::string(2000, 'h');
  card.url = "https://passerelles.example.fr/q/" + std::string(120, 'L');
  std::string pdf = report::survey_card_pdf(card);
  auto r = fixture::shell_on_file(pdf, "pdf", "qpdf --check {} && pdftotext -enc UTF-8 {} -");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Titre très long Titre"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("L-"), std::string::npos) << "a hyphen added inside the link:\n" << r.out;
  EXPECT_NE(r.out.find("octets \uFFFD( invalides"), std::string::npos) << r.out;
  auto decoded = fixture::shell_on_file(pdf, "pdf",
                                        "pdftoppm -r 150 -png -singlefile {} {} && zbarimg --nodbus --raw -q {}.png "
                                        "2>/dev/null; s=$?; rm -f {}.png; exit $s");
  EXPECT_EQ(decoded.out, card.url + "\n");
}

TEST(Qr, SlideIsFullHdAndItsCodeDecodes) {
  report::SurveyCard card = sample_card();
  std::string png = report::survey_slide_png(card);
  PngSize size = png_size(png);
  EXPECT_EQ(size.width, 1920);
  EXPECT_EQ(size.height, 1080);
  EXPECT_EQ(decode_png(png), card.url);
}
