// Photo uploads (media::process_photo): pictures made here with libvips (a JPEG with EXIF GPS and orientation,
// a PNG with alpha, a WebP), their variants read back with libvips, and the refusals the upload must make.
#include "media/image.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace passerelles;

namespace {

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// Owns `out` once the call that returned `rc` has set it (a reference: read after the call).
Image own(VipsImage*& out, int rc) {
  EXPECT_EQ(rc, 0) << vips_error_buffer();
  return Image(out);
}

// A width × height 3-band gradient (not uniform, so that the encoders have real content).
Image gradient(int width, int height) {
  VipsImage* out = nullptr;
  Image xyz = own(out, vips_xyz(&out, width, height, nullptr));
  Image uchar = own(out, vips_cast(xyz.get(), &out, VIPS_FORMAT_UCHAR, nullptr));
  return own(out, vips_bandjoin_const1(uchar.get(), &out, 90.0, nullptr));
}

std::string saved(VipsImage* img, const char* suffix) {
  void* buf = nullptr;
  std::size_t len = 0;
  EXPECT_EQ(vips_image_write_to_buffer(img, suffix, &buf, &len, nullptr), 0) << vips_error_buffer();
  std::string bytes(static_cast<const char*>(buf), len);
  g_free(buf);
  return bytes;
}

// 800×600 JPEG with EXIF orientation 6 (to be turned 90° clockwise) and a GPS position.
std::string jpeg_with_gps() {
  Image img = gradient(800, 600);
  vips_image_set_int(img.get(), "orientation", 6);
  vips_image_set_string(img.get(), "exif-ifd0-Make", "Appareil de test");
  vips_image_set_string(img.get(), "exif-ifd3-GPSLatitudeRef", "N");
  vips_image_set_string(img.get(), "exif-ifd3-GPSLatitude", "47/1 14/1 0/1");
  return saved(img.get(), ".jpg");
}

Image loaded(const std::string& bytes) {
  VipsImage* out = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  EXPECT_NE(out, nullptr) << vips_error_buffer();
  return Image(out);
}

// Names of the metadata fields libvips reads in an image: EXIF (exif-*), XMP, IPTC, ICC, orientation.
std::vector<std::string> metadata_fields(const std::string& bytes) {
  Image img = loaded(bytes);
  std::vector<std::string> found;
  if (!img) return found;
  gchar** fields = vips_image_get_fields(img.get());
  for (gchar** f = fields; *f; ++f) {
    std::string name = *f;
    if (name.starts_with("exif") || name.starts_with("xmp") || name.starts_with("iptc") || name.starts_with("icc") ||
        name == "orientation") {
      found.push_back(name);
    }
  }
  g_strfreev(fields);
  return found;
}

std::string file_bytes(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Image_ : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_EQ(VIPS_INIT("image_test"), 0); }
};

void expect_clean_variants(const media::ProcessedImage& r) {
  for (const auto& v : r.variants) {
    for (const std::string* bytes : {&v.jpeg, &v.webp}) {
      if (bytes->empty()) continue;
      EXPECT_EQ(bytes->find("Exif"), std::string::npos) << v.width;
      EXPECT_EQ(bytes->find("GPS"), std::string::npos) << v.width;
      EXPECT_TRUE(metadata_fields(*bytes).empty()) << v.width << ": " << metadata_fields(*bytes).front();
      Image img = loaded(*bytes);
      ASSERT_TRUE(img);
      EXPECT_EQ(vips_image_get_width(img.get()), v.width);
      EXPECT_EQ(vips_image_get_height(img.get()), v.height);
      EXPECT_EQ(vips_image_get_bands(img.get()), 3);
    }
    EXPECT_EQ(media::image_content_type(v.jpeg), "image/jpeg");
    if (!v.webp.empty()) {
      EXPECT_EQ(media::image_content_type(v.webp), "image/webp");
    }
  }
}

}  // namespace

TEST_F(Image_, JpegIsTurnedUprightResizedAndStrippedOfGps) {
  std::string jpeg = jpeg_with_gps();
  // The input really carries what must go: orientation and GPS (a test that could not fail proves nothing).
  auto before = metadata_fields(jpeg);
  EXPECT_NE(std::find(before.begin(), before.end(), "exif-ifd3-GPSLatitude"), before.end());
  EXPECT_NE(std::find(before.begin(), before.end(), "orientation"), before.end());

  auto r = media::process_photo(jpeg);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.content_type, "image/jpeg");
  EXPECT_EQ(r.width, 600);  // turned: 800×600 with orientation 6 is 600 wide and 800 high
  EXPECT_EQ(r.height, 800);
  // 160 and 480 thumbnails, no 1024 (never upscaled), then the full picture in JPEG only.
  ASSERT_EQ(r.variants.size(), 3u);
  EXPECT_EQ(r.variants[0].width, 160);
  EXPECT_EQ(r.variants[0].height, 213);
  EXPECT_EQ(r.variants[1].width, 480);
  EXPECT_EQ(r.variants[1].height, 640);
  EXPECT_EQ(r.variants[2].width, 600);
  EXPECT_EQ(r.variants[2].height, 800);
  EXPECT_FALSE(r.variants[0].webp.empty());
  EXPECT_FALSE(r.variants[1].webp.empty());
  EXPECT_TRUE(r.variants[2].webp.empty());
  expect_clean_variants(r);
}

TEST_F(Image_, PngWithAlphaAndWebpGiveEveryWidthUpTo2048) {
  VipsImage* out = nullptr;
  Image rgb = gradient(3000, 1000);
  Image rgba = own(out, vips_bandjoin_const1(rgb.get(), &out, 128.0, nullptr));
  vips_image_set_string(rgba.get(), "exif-ifd3-GPSLatitude", "47/1 14/1 0/1");
  struct Case {
    const char* suffix;
    const char* type;
  };
  for (Case c : {Case{".png", "image/png"}, Case{".webp", "image/webp"}}) {
    SCOPED_TRACE(c.suffix);
    auto r = media::process_photo(saved(rgba.get(), c.suffix));
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.content_type, c.type);
    EXPECT_EQ(r.width, 3000);
    EXPECT_EQ(r.height, 1000);
    ASSERT_EQ(r.variants.size(), 4u);
    int widths[] = {160, 480, 1024, 2048};
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(r.variants[i].width, widths[i]);
    EXPECT_EQ(r.variants[3].height, 683);
    expect_clean_variants(r);
  }
}

TEST_F(Image_, SmallPhotoIsNeverUpscaled) {
  auto r = media::process_photo(saved(gradient(120, 90).get(), ".png"));
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.variants.size(), 1u);
  EXPECT_EQ(r.variants[0].width, 120);
  EXPECT_EQ(r.variants[0].height, 90);
}

TEST_F(Image_, RefusesWhatIsNotASafePhoto) {
  const std::string not_image = "Ce fichier n’est pas une image JPEG, PNG ou WebP.";
  const std::string unreadable = "Cette image est abîmée ou incomplète : elle ne peut pas être lue.";
  std::string jpeg = jpeg_with_gps();
  std::string elf = file_bytes("/bin/true");
  ASSERT_TRUE(
      elf.starts_with("\x7F"
                      "ELF"));
  std::string renamed_png = "\x89PNG\r\n\x1A\n" + elf;  // the right magic, then anything
  // 50 MB that start like a JPEG: if they were decoded, the message would be "abîmée".
  std::string fifty_mb = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(std::size_t{50} * 1024 * 1024, '\0');
  struct Case {
    const char* name;
    std::string bytes;
    std::string error;
  };
  Case cases[] = {
      {"empty", "", not_image},
      {"renamed executable", elf, not_image},
      {"text", "<svg xmlns='http://www.w3.org/2000/svg'/>", not_image},
      {"50 MB", fifty_mb,
       "La photo dépasse 15 Mo : choisissez une image plus légère ou réduisez-la avant de l’envoyer."},
      {"truncated JPEG", jpeg.substr(0, jpeg.size() / 2), unreadable},
      {"JPEG header only", jpeg.substr(0, 20), unreadable},
      {"PNG magic then garbage", renamed_png, unreadable},
      {"side over 12000", saved(gradient(13000, 10).get(), ".png"),
       "Cette image est trop grande en pixels (13000 × 10) : au plus 40 millions de pixels et 12000 pixels de "
       "côté."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = media::process_photo(c.bytes);
    EXPECT_EQ(r.error, c.error);
    EXPECT_TRUE(r.variants.empty());
    EXPECT_EQ(r.content_type, "");
  }
}

// 20000×20000 of one colour: a few hundred KB of PNG that would be 400 MB once decoded. Refused from the header:
// quickly, and with the pixel message (decoding would have taken far longer, or said "abîmée" if truncated).
TEST_F(Image_, DecompressionBombIsRefusedFromTheHeader) {
  VipsImage* out = nullptr;
  Image black = own(out, vips_black(&out, 20000, 20000, nullptr));
  void* buf = nullptr;
  std::size_t len = 0;
  ASSERT_EQ(vips_pngsave_buffer(black.get(), &buf, &len, "compression", 9, nullptr), 0) << vips_error_buffer();
  std::string bomb(static_cast<const char*>(buf), len);
  g_free(buf);
  EXPECT_LT(bomb.size(), 1024u * 1024u);
  const std::string message =
      "Cette image est trop grande en pixels (20000 × 20000) : au plus 40 millions de pixels et 12000 pixels de côté.";
  auto start = std::chrono::steady_clock::now();
  auto r = media::process_photo(bomb);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.error, message);
  EXPECT_TRUE(r.variants.empty());
  EXPECT_LT(took, std::chrono::milliseconds(500));
  // The same header over a cut-off body: still the pixel message, so no pixel was read to decide.
  EXPECT_EQ(media::process_photo(bomb.substr(0, 100)).error, message);
  // The limits are the caller's, and the messages say them.
  media::ImageLimits tight;
  tight.max_pixels = 100;
  tight.max_bytes = std::size_t{1536} * 1024;
  EXPECT_EQ(media::process_photo(saved(gradient(20, 20).get(), ".png"), tight).error,
            "Cette image est trop grande en pixels (20 × 20) : au plus 100 pixels et 12000 pixels de côté.");
  EXPECT_EQ(media::process_photo(std::string(std::size_t{2} * 1024 * 1024, 'x'), tight).error,
            "La photo dépasse 1,5 Mo : choisissez une image plus légère ou réduisez-la avant de l’envoyer.");
}

// The server calls it from several worker threads at once (libvips initialised once, no shared cache).
TEST_F(Image_, ConcurrentCallsGiveTheSameResult) {
  std::string jpeg = jpeg_with_gps();
  auto expected = media::process_photo(jpeg);
  ASSERT_EQ(expected.error, "");
  std::vector<media::ProcessedImage> results(4);
  std::vector<std::thread> threads;
  threads.reserve(results.size());
  for (auto& r : results) threads.emplace_back([&] { r = media::process_photo(jpeg); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_EQ(r.variants.size(), expected.variants.size());
    for (std::size_t i = 0; i < r.variants.size(); ++i) {
      EXPECT_EQ(r.variants[i].jpeg, expected.variants[i].jpeg);
      EXPECT_EQ(r.variants[i].webp, expected.variants[i].webp);
    }
  }
}
