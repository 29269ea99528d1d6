// Photo uploads through libvips: a loader chosen by the sniffed type only, the header checked before decoding,
// one decode into memory, then resized and saved with `strip` (no metadata) as WebP and JPEG.
#include "media/image.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace passerelles::media {

namespace {

constexpr std::string_view kJpeg = "image/jpeg", kPng = "image/png", kWebp = "image/webp";

// libvips once per process. The operation cache is off: it would keep images (and pointers into request
// buffers) alive between calls, and nothing here repeats an operation.
void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("passerelles") != 0) throw std::runtime_error("libvips: initialisation impossible");
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    // Refusals are values for the user; libvips' warnings about the same bad files would only fill the log.
    g_log_set_handler(
        "VIPS", G_LOG_LEVEL_WARNING, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
  });
}

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// Owns `out` after a libvips call returned `rc` (read after the call: `out` is a reference). libvips keeps its
// error text in a global buffer: cleared so that it never grows.
Image take(VipsImage*& out, int rc) {
  if (rc != 0) {
    vips_error_clear();
    return nullptr;
  }
  return Image(out);
}

// The header only: with sequential access the loaders read the dimensions and no pixel. Truncated data fails
// later, when the pixels are read.
Image open_header(std::string_view type, std::string_view bytes) {
  void* data = const_cast<char*>(bytes.data());  // the loaders only read it
  VipsImage* out = nullptr;
  int rc = -1;
  if (type == kJpeg) {
    rc = vips_jpegload_buffer(data, bytes.size(), &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                              VIPS_FAIL_ON_TRUNCATED, nullptr);
  } else if (type == kPng) {
    rc = vips_pngload_buffer(data, bytes.size(), &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                             VIPS_FAIL_ON_TRUNCATED, nullptr);
  } else if (type == kWebp) {
    rc = vips_webpload_buffer(data, bytes.size(), &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                              VIPS_FAIL_ON_TRUNCATED, nullptr);
  }
  return take(out, rc);
}

// A copy with no metadata item (EXIF, XMP, IPTC, ICC, orientation…), so that no saver can write back anything of
// the upload whatever its `strip` option does. Removing a header field (width, bands…) is a no-op.
Image without_metadata(VipsImage* in) {
  VipsImage* out = nullptr;
  Image copy = take(out, vips_copy(in, &out, nullptr));
  if (!copy) return nullptr;
  gchar** fields = vips_image_get_fields(copy.get());
  for (gchar** f = fields; *f; ++f) vips_image_remove(copy.get(), *f);
  g_strfreev(fields);
  return copy;
}

// Decoded into memory, turned upright, 8-bit sRGB without alpha (flattened on white): what every output is made
// from. Null when the pixels cannot be read (truncated or corrupt data).
Image decode_upright(VipsImage* header) {
  Image memory(vips_image_copy_memory(header));
  if (!memory) {
    vips_error_clear();
    return nullptr;
  }
  VipsImage* out = nullptr;
  Image upright = take(out, vips_autorot(memory.get(), &out, nullptr));
  if (!upright) return nullptr;
  Image srgb = take(out, vips_colourspace(upright.get(), &out, VIPS_INTERPRETATION_sRGB, nullptr));
  if (!srgb) return nullptr;
  if (vips_image_hasalpha(srgb.get())) {
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    int rc = vips_flatten(srgb.get(), &out, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    srgb = take(out, rc);
    if (!srgb) return nullptr;
  }
  Image pixels = take(out, vips_cast(srgb.get(), &out, VIPS_FORMAT_UCHAR, nullptr));
  if (!pixels) return nullptr;
  return without_metadata(pixels.get());
}

Image resized(VipsImage* in, int width) {
  if (width >= vips_image_get_width(in)) return Image(VIPS_IMAGE(g_object_ref(in)));
  double scale = static_cast<double>(width) / vips_image_get_width(in);
  VipsImage* out = nullptr;
  return take(out, vips_resize(in, &out, scale, nullptr));
}

std::uint32_t le32(std::string_view b, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 4; i-- > 0;) v = v << 8 | static_cast<unsigned char>(b[at + i]);
  return v;
}

void put_le32(std::string& b, std::size_t at, std::size_t v) {
  for (std::size_t i = 0; i < 4; ++i) b[at + i] = static_cast<char>(v >> (8 * i) & 0xFF);
}

// The WebP without its EXIF, XMP and ICC chunks and their VP8X flags: libvips 8.14's WebP saver ignores `strip`
// and always writes an EXIF chunk (resolution, dimensions). "" when the RIFF structure is not what it should be.
std::string webp_without_metadata(std::string_view webp) {
  if (webp.size() < 12 || le32(webp, 4) != webp.size() - 8) return "";
  std::string out(webp.substr(0, 12));
  for (std::size_t at = 12; at < webp.size();) {
    if (webp.size() - at < 8) return "";
    std::size_t padded = (static_cast<std::size_t>(le32(webp, at + 4)) + 1) & ~std::size_t{1};
    if (padded > webp.size() - at - 8) return "";
    std::string_view fourcc = webp.substr(at, 4);
    if (fourcc != "EXIF" && fourcc != "XMP " && fourcc != "ICCP") out += webp.substr(at, 8 + padded);
    if (fourcc == "VP8X") out[out.size() - padded] &= ~0x2C;  // flags byte: ICC 0x20, EXIF 0x08, XMP 0x04
    at += 8 + padded;
  }
  put_le32(out, 4, out.size() - 8);
  return out;
}

// Encoded bytes, or "" when the encoder fails. `strip` drops EXIF, XMP, IPTC and the ICC profile.
std::string save(VipsImage* in, bool webp) {
  void* buf = nullptr;
  std::size_t len = 0;
  int rc = webp ? vips_webpsave_buffer(in, &buf, &len, "Q", 80, "strip", TRUE, nullptr)
                : vips_jpegsave_buffer(in, &buf, &len, "Q", 85, "strip", TRUE, "optimize_coding", TRUE, "interlace",
                                       TRUE, nullptr);
  if (rc != 0) {
    vips_error_clear();
    return "";
  }
  std::string bytes(static_cast<const char*>(buf), len);
  g_free(buf);
  return webp ? webp_without_metadata(bytes) : bytes;
}

bool add_variant(ProcessedImage& r, VipsImage* upright, int width, bool with_webp) {
  Image img = resized(upright, width);
  if (!img) return false;
  Variant v;
  v.width = vips_image_get_width(img.get());
  v.height = vips_image_get_height(img.get());
  v.jpeg = save(img.get(), false);
  if (with_webp) v.webp = save(img.get(), true);
  if (v.jpeg.empty() || (with_webp && v.webp.empty())) return false;
  r.variants.push_back(std::move(v));
  return true;
}

// "15", "1,5": mebibytes with a French decimal comma, to the tenth.
std::string megabytes(std::size_t bytes) {
  long long tenths = std::llround(static_cast<double>(bytes) * 10.0 / (1024.0 * 1024.0));
  std::string text = std::to_string(tenths / 10);
  return tenths % 10 == 0 ? text : text + "," + std::to_string(tenths % 10);
}

// "40 millions de pixels", or the plain number under a million (limits set by a caller).
std::string pixel_count(long long pixels) {
  return pixels >= 1'000'000 && pixels % 1'000'000 == 0 ? std::to_string(pixels / 1'000'000) + " millions de pixels"
                                                        : std::to_string(pixels) + " pixels";
}

ProcessedImage refused(std::string message) {
  ProcessedImage r;
  r.error = std::move(message);
  return r;
}

}  // namespace

std::string_view image_content_type(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xD8\xFF")) return kJpeg;
  if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1A\n", 8))) return kPng;
  if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") return kWebp;
  return "";
}

ProcessedImage process_photo(std::string_view bytes, const ImageLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return refused("La photo dépasse " + megabytes(limits.max_bytes) +
                   " Mo : choisissez une image plus légère ou réduisez-la avant de l’envoyer.");
  }
  std::string_view type = image_content_type(bytes);
  if (type.empty()) return refused("Ce fichier n’est pas une image JPEG, PNG ou WebP.");
  init_vips();
  const std::string unreadable = "Cette image est abîmée ou incomplète : elle ne peut pas être lue.";
  Image header = open_header(type, bytes);
  if (!header) return refused(unreadable);
  long long w = vips_image_get_width(header.get()), h = vips_image_get_height(header.get());
  if (w * h > limits.max_pixels || w > limits.max_side || h > limits.max_side) {
    return refused("Cette image est trop grande en pixels (" + std::to_string(w) + " × " + std::to_string(h) +
                   ") : au plus " + pixel_count(limits.max_pixels) + " et " + std::to_string(limits.max_side) +
                   " pixels de côté.");
  }
  Image upright = decode_upright(header.get());
  if (!upright) return refused(unreadable);

  ProcessedImage r;
  r.content_type = type;
  r.width = vips_image_get_width(upright.get());
  r.height = vips_image_get_height(upright.get());
  bool ok = true;
  for (int width : kThumbnailWidths) {
    if (width < r.width) ok = ok && add_variant(r, upright.get(), width, true);
  }
  ok = ok && add_variant(r, upright.get(), std::min(r.width, kFullMaxWidth), false);
  if (!ok) return refused(unreadable);
  return r;
}

}  // namespace passerelles::media
