// Store tests for uploaded files, on every engine: type sniffed from the content, size limit, exact round trip of
// the bytes, sanitised names and confinement to the territory.
#include "store/files.hpp"

#include <gtest/gtest.h>

#include "store/accounts.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

const std::string kPdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11);
const std::string kWebp = std::string("RIFF\x24\0\0\0WEBPVP8 ", 16);
const std::string kElf = std::string(
    "\x7F"
    "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    16);

}  // namespace

TEST(FileSniffing, ByMagicBytesOnly) {
  EXPECT_EQ(store::sniff_content_type(kPdf), "application/pdf");
  EXPECT_EQ(store::sniff_content_type(kPng), "image/png");
  EXPECT_EQ(store::sniff_content_type(kJpeg), "image/jpeg");
  EXPECT_EQ(store::sniff_content_type(kWebp), "image/webp");
  EXPECT_EQ(store::sniff_content_type(kElf), "");
  EXPECT_EQ(store::sniff_content_type(std::string("RIFF\x24\0\0\0WAVEfmt ", 16)), "") << "a RIFF that is not WebP";
  EXPECT_EQ(store::sniff_content_type("%PD"), "");
  EXPECT_EQ(store::sniff_content_type(""), "");
  EXPECT_EQ(store::sniff_content_type("<html>%PDF-"), "");
}

class FilesStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "ta", "Territoire A", "cmq", {"025"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "tb", "Territoire B", "cmq", {"062"}, "", "", 1.3});
  }
  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0;
  store::Author by{0, "coord@exemple.fr"};
  const std::vector<std::string> pdf_only{"application/pdf"};
  const std::vector<std::string> evidence{"image/jpeg", "image/png", "image/webp", "application/pdf"};
};

TEST_P(FilesStore, RoundTripOfEveryByte) {
  std::string bytes = kPdf;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);  // NUL and high bytes survive base64
  auto r = store::store_file(*db, ta, "convention signée.pdf", bytes, pdf_only, "document", by);
  ASSERT_TRUE(r.errors.empty()) << r.errors.begin()->second;
  auto f = store::file_by_id(*db, ta, r.id);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->content, bytes);
  EXPECT_EQ(f->size, static_cast<long long>(bytes.size()));
  EXPECT_EQ(f->content_type, "application/pdf");
  EXPECT_EQ(f->name, "convention signée.pdf");
  EXPECT_EQ(f->sha256.size(), 64u);
  auto meta = store::file_by_id(*db, ta, r.id, false);
  ASSERT_TRUE(meta);
  EXPECT_TRUE(meta->content.empty());
  EXPECT_EQ(meta->sha256, f->sha256);
  auto log = store::audit_entries(*db, ta, 5, 0);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].entity, "file");
}

TEST_P(FilesStore, KnownDigest) {
  auto r = store::store_file(*db, ta, "a.pdf", "%PDF-", pdf_only, "document", by);
  ASSERT_TRUE(r.errors.empty());
  // sha256("%PDF-") computed with `printf '%%PDF-' | sha256sum`.
  EXPECT_EQ(store::file_by_id(*db, ta, r.id)->sha256,
            "38523c087796e5d5dd1cf9bad1fb026781a838dd9dd2cf8af58b9f6502a46778");
}

TEST_P(FilesStore, RefusesWhatItMustNot) {
  auto elf = store::store_file(*db, ta, "rapport.pdf", kElf + std::string(100, 'x'), pdf_only, "document", by);
  EXPECT_EQ(elf.id, 0);
  ASSERT_TRUE(elf.errors.count("document"));
  EXPECT_NE(elf.errors["document"].find("PDF"), std::string::npos) << elf.errors["document"];
  auto png_as_pdf = store::store_file(*db, ta, "scan.pdf", kPng, pdf_only, "document", by);
  EXPECT_TRUE(png_as_pdf.errors.count("document")) << "a PNG where only PDF is accepted";
  auto empty = store::store_file(*db, ta, "vide.pdf", "", pdf_only, "document", by);
  ASSERT_TRUE(empty.errors.count("document"));
  EXPECT_NE(empty.errors["document"].find("vide"), std::string::npos);
  std::string big = kPdf + std::string(static_cast<std::size_t>(store::kMaxFileBytes), ' ');
  auto too_big = store::store_file(*db, ta, "gros.pdf", big, pdf_only, "file", by);
  ASSERT_TRUE(too_big.errors.count("file"));
  EXPECT_NE(too_big.errors["file"].find("8 Mo"), std::string::npos) << too_big.errors["file"];
  std::string limit = kPdf + std::string(static_cast<std::size_t>(store::kMaxFileBytes) - kPdf.size(), ' ');
  auto at_limit = store::store_file(*db, ta, "juste.pdf", limit, pdf_only, "file", by);
  EXPECT_TRUE(at_limit.errors.empty()) << "exactly the limit is accepted";
  EXPECT_EQ(store::file_by_id(*db, ta, at_limit.id)->content.size(), limit.size());
  EXPECT_TRUE(store::store_file(*db, ta, "photo.webp", kWebp, evidence, "file", by).errors.empty());
  EXPECT_TRUE(store::store_file(*db, ta, "photo.jpg", kJpeg, evidence, "file", by).errors.empty());
}

TEST_P(FilesStore, NamesAreSanitised) {
  struct Case {
    std::string given, stored;
  } cases[] = {
      {"../../etc/passwd.pdf", "passwd.pdf"},
      {"C:\\Users\\ines\\feuille.pdf", "feuille.pdf"},
      {"a\"b;c\r\nd.pdf", "a_b_c__d.pdf"},
      {"", "fichier"},
      {"...", "fichier"},
      {".cache.pdf", "cache.pdf"},
      {"bad\xC3(.pdf", "bad_(.pdf"},
      {"émargement 8 mars.pdf", "émargement 8 mars.pdf"},
      {std::string(300, 'a') + ".pdf", std::string(150, 'a')},
  };
  for (const auto& c : cases) {
    auto r = store::store_file(*db, ta, c.given, kPdf, pdf_only, "document", by);
    ASSERT_TRUE(r.errors.empty());
    EXPECT_EQ(store::file_by_id(*db, ta, r.id, false)->name, c.stored) << c.given;
  }
}

TEST_P(FilesStore, ConfinedToItsTerritory) {
  auto r = store::store_file(*db, ta, "a.pdf", kPdf, pdf_only, "document", by);
  ASSERT_TRUE(r.errors.empty());
  EXPECT_TRUE(store::file_by_id(*db, ta, r.id));
  EXPECT_FALSE(store::file_by_id(*db, tb, r.id)) << "another territory's file reads as absent";
  EXPECT_FALSE(store::file_by_id(*db, tb, r.id, false));
  EXPECT_FALSE(store::file_by_id(*db, ta, r.id + 1000));
}

INSTANTIATE_TEST_SUITE_P(Engines, FilesStore, ::testing::ValuesIn(fixture::engines()));
