// MP4 recognition from the first box of the file (ISO/IEC 14496-12 `ftyp`: size, type, major brand, minor
// version, compatible brands).
#include "media/video.hpp"

#include <algorithm>
#include <array>

namespace passerelles::media {

namespace {

constexpr std::array<std::string_view, 17> kMp4Brands = {"isom", "iso2", "iso3", "iso4", "iso5", "iso6",
                                                         "iso7", "iso8", "iso9", "mp41", "mp42", "avc1",
                                                         "M4V ", "M4VH", "M4VP", "dash", "mmp4"};

bool is_mp4_brand(std::string_view brand) {
  return brand == "f4v " || std::find(kMp4Brands.begin(), kMp4Brands.end(), brand) != kMp4Brands.end();
}

std::size_t be32(std::string_view b, std::size_t at) {
  std::size_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = v * 256 + static_cast<unsigned char>(b[at + i]);
  return v;
}

constexpr std::size_t kMiB = std::size_t{1024} * 1024;

constexpr const char* kNotMp4 =
    "Ce fichier n’est pas une vidéo MP4 (le contenu du fichier a été vérifié, pas son nom) : enregistrez la vidéo au "
    "format MP4 (H.264) puis envoyez-la à nouveau.";

std::string megabytes(std::size_t bytes) {
  std::size_t tenths = (bytes * 10 + kMiB / 2) / kMiB;
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += "," + std::to_string(tenths % 10);
  return s;
}

}  // namespace

std::string check_mp4(std::string_view bytes, std::size_t max_bytes) {
  if (bytes.empty()) return "Choisissez une vidéo au format MP4 avant d’envoyer.";
  if (bytes.size() > max_bytes)
    return "La vidéo dépasse " + megabytes(max_bytes) +
           " Mo : raccourcissez-la ou réduisez sa qualité, ou publiez-la sur PeerTube, YouTube ou Vimeo et donnez "
           "son lien.";
  if (bytes.size() < 16 || bytes.substr(4, 4) != "ftyp") return kNotMp4;
  std::size_t box = be32(bytes, 0);
  // The ftyp box holds at least its header, the major brand and the minor version; brands come 4 bytes each.
  if (box < 16 || box > bytes.size() || box > 4096 || (box - 16) % 4 != 0) return kNotMp4;
  if (is_mp4_brand(bytes.substr(8, 4))) return "";
  for (std::size_t at = 16; at + 4 <= box; at += 4)
    if (is_mp4_brand(bytes.substr(at, 4))) return "";
  return kNotMp4;
}

}  // namespace passerelles::media
