// Portrait posters (report/poster.hpp): PDFs checked by qpdf, read back by pdftotext, pdfinfo and pdfimages
// (poppler-utils), and their QR code decoded by zbarimg after pdftoppm renders the page. The portraits go through
// domain::public_portrait, as the handlers do, so a field without consent never reaches the poster.
#include "report/poster.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <regex>

#include "media/image.hpp"
#include "support/report_fixture.hpp"

using namespace passerelles;

namespace {

const std::string kUrl = "https://passerelles.example.org/portraits/technicienne-de-maintenance";

// A published portrait whose quote, commune and photo are NOT consented.
domain::Portrait portrait() {
  domain::Portrait p;
  p.id = 7;
  p.slug = "technicienne-de-maintenance";
  p.status = "published";
  p.first_name = "Amélie";
  p.last_name = "Roux";
  p.job_title = "Technicienne de maintenance";
  p.domain = "maintenance";
  p.employer = "Verrerie Fictive de l’Audomarois";
  p.commune_name = "Arques";
  p.quote = "Une phrase gardée secrète sans son accord";
  p.cliche = "Les filles ne sont pas faites pour la mécanique.";
  p.campaign_name = "Femmes et Microtechniques 2019";
  p.territory_name = "Territoire de test";
  p.has_photo = true;
  p.consents = {"name", "job", "employer", "cliche"};
  return p;
}

report::PosterItem item_of(const domain::Portrait& p, const std::string& jpeg) {
  auto pub = domain::public_portrait(p);
  EXPECT_TRUE(pub.has_value());
  report::PosterItem item;
  item.portrait = *pub;
  if (pub->has_photo) item.photo_jpeg = jpeg;
  item.url = kUrl;
  return item;
}

// The 1024 px JPEG variant of a 1200×1500 picture, as an upload would store it.
std::string photo_jpeg() {
  VipsImage* xyz = nullptr;
  EXPECT_EQ(vips_xyz(&xyz, 1200, 1500, nullptr), 0);
  VipsImage* uchar = nullptr;
  EXPECT_EQ(vips_cast(xyz, &uchar, VIPS_FORMAT_UCHAR, nullptr), 0);
  VipsImage* rgb = nullptr;
  EXPECT_EQ(vips_bandjoin_const1(uchar, &rgb, 120.0, nullptr), 0);
  void* buf = nullptr;
  std::size_t len = 0;
  EXPECT_EQ(vips_image_write_to_buffer(rgb, ".png", &buf, &len, nullptr), 0);
  std::string png(static_cast<const char*>(buf), len);
  g_free(buf);
  g_object_unref(rgb);
  g_object_unref(uchar);
  g_object_unref(xyz);
  auto processed = media::process_photo(png);
  EXPECT_EQ(processed.error, "");
  EXPECT_EQ(processed.variants.size(), 4u);
  return processed.variants.size() == 4 ? processed.variants[2].jpeg : std::string();
}

// The text pdftotext reads, every run of white space (line breaks of wrapped text included) as one space.
std::string text_of(const std::string& pdf) {
  auto r = fixture::shell_on_file(pdf, "pdf", "qpdf --check {} >/dev/null && pdftotext -enc UTF-8 {} -");
  EXPECT_EQ(r.code, 0) << "qpdf --check or pdftotext failed: " << r.out;
  return std::regex_replace(fixture::plain_spaces(r.out), std::regex("\\s+"), " ");
}

std::string info_of(const std::string& pdf) {
  auto r = fixture::shell_on_file(pdf, "pdf", "pdfinfo {}");
  EXPECT_EQ(r.code, 0) << r.out;
  return r.out;
}

// Images embedded in the PDF, one line each ("jpeg" for a photo embedded as is), from pdfimages -list.
std::vector<std::string> images_of(const std::string& pdf) {
  auto r = fixture::shell_on_file(pdf, "pdf", "pdfimages -list {} | tail -n +3");
  EXPECT_EQ(r.code, 0) << r.out;
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < r.out.size()) {
    std::size_t end = r.out.find('\n', at);
    if (end == std::string::npos) end = r.out.size();
    if (end > at) lines.push_back(r.out.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

// The text of the QR code on page `page`, rendered at 110 dpi.
std::string qr_on_page(const std::string& pdf, int page) {
  std::string p = std::to_string(page);
  auto r = fixture::shell_on_file(pdf, "pdf",
                                  "pdftoppm -r 110 -png -f " + p + " -l " + p +
                                      " -singlefile {} {}.page && zbarimg --nodbus --raw -q {}.page.png; s=$?; "
                                      "rm -f {}.page.png; exit $s");
  EXPECT_EQ(r.code, 0) << "zbarimg found no code: " << r.out;
  if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

}  // namespace

TEST(Poster, A4PageWithNameJobClicheAndQrCodeButNoFieldWithoutConsent) {
  domain::Portrait p = portrait();
  std::string pdf = report::poster_pdf({item_of(p, photo_jpeg())}, report::PaperSize::a4);
  ASSERT_EQ(pdf.compare(0, 5, "%PDF-"), 0);
  std::string text = text_of(pdf);
  EXPECT_NE(text.find("Amélie R."), std::string::npos) << text;
  EXPECT_EQ(text.find("Roux"), std::string::npos) << "only the initial of the last name";
  EXPECT_NE(text.find("Technicienne de maintenance"), std::string::npos) << text;
  EXPECT_NE(text.find("Verrerie Fictive de l’Audomarois"), std::string::npos) << text;
  EXPECT_NE(text.find("Le cliché que je casse"), std::string::npos);
  EXPECT_NE(text.find("Les filles ne sont pas faites pour la mécanique."), std::string::npos) << text;
  EXPECT_NE(text.find("Femmes et Microtechniques 2019"), std::string::npos);
  EXPECT_NE(text.find(kUrl), std::string::npos) << "the short address is written under the code";
  // Not consented: the quote, the commune and the photo.
  EXPECT_EQ(text.find("secrète"), std::string::npos) << text;
  EXPECT_EQ(text.find("Arques"), std::string::npos);
  EXPECT_TRUE(images_of(pdf).empty()) << "no photo without consent to « photo »";

  std::string info = info_of(pdf);
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Pages:\s+1\n)"))) << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+595\.\d* x 841\.\d* pts \(A4\))"))) << info;
  EXPECT_EQ(qr_on_page(pdf, 1), kUrl);
}

TEST(Poster, A3WithPhotoAndQuoteInFrenchTypography) {
  domain::Portrait p = portrait();
  p.consents = {"name", "photo", "job", "employer", "quote", "cliche", "commune"};
  p.quote = "On m'avait dit : \"ce n'est pas pour toi\". Vraiment ?";
  std::string pdf = report::poster_pdf({item_of(p, photo_jpeg())}, report::PaperSize::a3);
  std::string info = info_of(pdf);
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+841\.\d* x 1190\.\d* pts \(A3\))"))) << info;
  std::string text = text_of(pdf);
  // Guillemets around the quote, curly apostrophes, a (narrow) no-break space before « : » and « ? ».
  EXPECT_NE(text.find("« On m’avait dit : « ce n’est pas pour toi ». Vraiment ? »"), std::string::npos) << text;
  EXPECT_NE(text.find("Arques"), std::string::npos) << "consented commune";
  auto images = images_of(pdf);
  ASSERT_EQ(images.size(), 1u) << "the photo, once";
  EXPECT_NE(images[0].find("jpeg"), std::string::npos) << "embedded as the JPEG it is: " << images[0];
  EXPECT_NE(images[0].find("1024"), std::string::npos) << images[0];
  EXPECT_EQ(qr_on_page(pdf, 1), kUrl);
}

TEST(Poster, OnePagePerPortraitAndAPageSayingSoWhenEmpty) {
  domain::Portrait a = portrait(), b = portrait();
  b.first_name = "Zoé";
  b.last_name = "Martin";
  b.job_title = "Décolleteuse-régleuse";
  b.slug = "decolleteuse-regleuse";
  b.consents = {"job"};  // her job only: no name, no employer
  report::PosterItem second = item_of(b, "");
  second.url = "https://passerelles.example.org/portraits/decolleteuse-regleuse";
  std::string pdf = report::poster_pdf({item_of(a, ""), second}, report::PaperSize::a4);
  EXPECT_TRUE(std::regex_search(info_of(pdf), std::regex(R"(Pages:\s+2\n)")));
  std::string text = text_of(pdf);
  EXPECT_NE(text.find("Décolleteuse-régleuse"), std::string::npos);
  EXPECT_EQ(text.find("Zoé"), std::string::npos) << "no consent to her name";
  EXPECT_EQ(qr_on_page(pdf, 2), second.url);

  std::string empty = report::poster_pdf({}, report::PaperSize::a4);
  EXPECT_TRUE(std::regex_search(info_of(empty), std::regex(R"(Pages:\s+1\n)")));
  EXPECT_NE(text_of(empty).find("Aucun portrait publié"), std::string::npos);
}

TEST(Poster, NotAJpegIsLeftOutAndSizesAreParsed) {
  report::PosterItem item = item_of(portrait(), "");
  item.portrait.has_photo = true;
  item.photo_jpeg = "\x89PNG\r\n\x1a\n not a jpeg at all";
  std::string pdf = report::poster_pdf({item}, report::PaperSize::a4);
  EXPECT_TRUE(images_of(pdf).empty());
  EXPECT_NE(text_of(pdf).find("Technicienne de maintenance"), std::string::npos);

  EXPECT_EQ(report::paper_size_from(""), report::PaperSize::a4);
  EXPECT_EQ(report::paper_size_from("a4"), report::PaperSize::a4);
  EXPECT_EQ(report::paper_size_from("A3"), report::PaperSize::a3);
  EXPECT_FALSE(report::paper_size_from("a5"));
  EXPECT_FALSE(report::paper_size_from("letter"));
  EXPECT_EQ(report::paper_size_name(report::PaperSize::a3), "a3");
}
