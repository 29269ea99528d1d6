// MP4 recognition (media::check_mp4): the ISO BMFF ftyp box decides, never a name; sizes and malformed boxes.
#include "media/video.hpp"

#include <gtest/gtest.h>

using namespace passerelles;

namespace {

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

// A ftyp box with `major` and the compatible brands, then a small mdat box.
std::string file(const std::string& major, const std::string& compatible) {
  std::string ftyp = be32(static_cast<std::uint32_t>(16 + compatible.size())) + "ftyp" + major + be32(0) + compatible;
  return ftyp + be32(16) + "mdat" + std::string(8, '\x11');
}

const std::string kNotMp4 =
    "Ce fichier n’est pas une vidéo MP4 (le contenu du fichier a été vérifié, pas son nom) : enregistrez la vidéo au "
    "format MP4 (H.264) puis envoyez-la à nouveau.";

}  // namespace

TEST(Mp4, AcceptedByTheBrandsOfItsFtypBox) {
  for (const std::string major : {"isom", "iso2", "mp41", "mp42", "avc1", "M4V ", "dash"}) {
    SCOPED_TRACE(major);
    EXPECT_EQ(media::check_mp4(file(major, "isom")), "");
    EXPECT_EQ(media::check_mp4(file(major, "")), "") << "the major brand alone is enough";
  }
  EXPECT_EQ(media::check_mp4(file("3gp5", "3gp5isom")), "") << "a compatible MP4 brand";
}

TEST(Mp4, RefusedWithAFrenchReason) {
  struct Case {
    std::string name, bytes, error;
  };
  const std::vector<Case> cases = {
      {"QuickTime", file("qt  ", "qt  "), kNotMp4},
      {"3GP only", file("3gp4", "3gp4"), kNotMp4},
      {"executable",
       std::string("\x7F"
                   "ELF\x02\x01\x01\0",
                   8) +
           std::string(100, '\0'),
       kNotMp4},
      {"WebM", std::string("\x1A\x45\xDF\xA3", 4) + std::string(100, '\0'), kNotMp4},
      {"too short", file("isom", "").substr(0, 12), kNotMp4},
      {"box larger than the file", be32(4000) + "ftypisom" + be32(0), kNotMp4},
      {"box of an odd size", be32(18) + "ftypisom" + be32(0) + "is" + std::string(20, '\0'), kNotMp4},
      {"empty", "", "Choisissez une vidéo au format MP4 avant d’envoyer."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(media::check_mp4(c.bytes), c.error);
  }
  std::string mp4 = file("isom", "mp41");
  EXPECT_EQ(media::check_mp4(mp4 + std::string(100, '\0'), mp4.size() + 99),
            "La vidéo dépasse 0 Mo : raccourcissez-la ou réduisez sa qualité, ou publiez-la sur PeerTube, YouTube ou "
            "Vimeo et donnez son lien.");
  EXPECT_EQ(media::check_mp4(mp4, mp4.size()), "") << "exactly at the limit";
  EXPECT_NE(media::check_mp4(std::string(media::kMaxVideoBytes + 1, '\0')).find("dépasse 100 Mo"), std::string::npos);
}
