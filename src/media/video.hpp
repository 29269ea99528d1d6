// Uploaded portrait videos: only MP4 files, recognised by their bytes (the ISO BMFF `ftyp` box), never by name.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace passerelles::media {

inline constexpr std::size_t kMaxVideoBytes = std::size_t{100} * 1024 * 1024;

// "" when `bytes` is an MP4 of at most `max_bytes`: an ISO BMFF file opening with a `ftyp` box whose major brand,
// or one of its compatible brands, is an MP4 brand (isom, iso2…iso9, mp41, mp42, avc1, M4V, M4VH, M4VP, dash,
// mmp4, f4v). Otherwise the French reason, for the user, next to the field (a QuickTime .mov, a renamed file…).
std::string check_mp4(std::string_view bytes, std::size_t max_bytes = kMaxVideoBytes);

}  // namespace passerelles::media
