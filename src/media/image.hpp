// Uploaded photos (portraits): checked by their content, refused before decoding when too large, re-encoded
// without any metadata and resized into the widths the pages use (libvips).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::media {

struct ImageLimits {
  std::size_t max_bytes = std::size_t{15} * 1024 * 1024;
  long long max_pixels = 40'000'000;  // width × height read from the header, before any pixel is decoded
  int max_side = 12000;
};

// One size of the photo: sRGB, alpha flattened on white, no metadata at all (EXIF, GPS, XMP, IPTC, ICC).
struct Variant {
  int width = 0;
  int height = 0;
  std::string webp;  // empty for the full-size entry (the last one)
  std::string jpeg;
};

// Thumbnail widths; a thumbnail is made only when the photo is wider (never upscaled).
inline constexpr int kThumbnailWidths[] = {160, 480, 1024};
// The full-size entry is at most this wide.
inline constexpr int kFullMaxWidth = 2048;

struct ProcessedImage {
  std::string error;         // French, for the user, next to the field; empty when the photo is accepted
  std::string content_type;  // of the upload as decided from its bytes: image/jpeg, image/png or image/webp
  int width = 0;             // of the upload, after the EXIF orientation is applied
  int height = 0;
  // The thumbnails narrower than the photo, by increasing width, then the full picture (at most kFullMaxWidth
  // wide, JPEG only). Empty when `error` is set.
  std::vector<Variant> variants;
};

// Accepts JPEG, PNG and WebP decided by their first bytes (never by a file name). Refuses, with a message and no
// variant: anything else (e.g. a renamed executable), more than `max_bytes`, a header announcing more than
// `max_pixels` or a side over `max_side` (a decompression bomb: no pixel is decoded), truncated or corrupt data.
// The EXIF orientation is applied, then every piece of metadata is dropped. Thread-safe.
ProcessedImage process_photo(std::string_view bytes, const ImageLimits& limits = {});

// "image/jpeg", "image/png", "image/webp" from the first bytes, or "" for anything else.
std::string_view image_content_type(std::string_view bytes);

}  // namespace passerelles::media
