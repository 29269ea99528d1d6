// Portrait photos: the variants of a processed upload as stored, and the territory side's preview lookup.
#include "media/image.hpp"
#include "store/portraits.hpp"

namespace passerelles::store {

std::vector<PhotoVariantBytes> photo_variants(const media::ProcessedImage& img) {
  std::vector<PhotoVariantBytes> out;
  if (!img.error.empty() || img.variants.empty()) return out;
  for (std::size_t i = 0; i < img.variants.size(); ++i) {
    const media::Variant& v = img.variants[i];
    // The thumbnails come first, by increasing width (those narrower than the photo), the full picture last.
    bool full = i + 1 == img.variants.size();
    std::string name = full ? "full" : std::to_string(media::kThumbnailWidths[i]);
    if (!full && !v.webp.empty()) out.push_back({name, "webp", v.webp, v.width, v.height});
    out.push_back({name, "jpeg", v.jpeg, v.width, v.height});
  }
  return out;
}

long long portrait_photo_media(Store& s, long long territory_id, long long portrait_id, std::string_view variant) {
  return s.read([&](soci::session& sql) {
    long long id = 0;
    soci::indicator ind = soci::i_null;
    std::string wanted(variant);
    // The wanted variant sorts first when present; the full picture otherwise.
    sql << "SELECT ph.media_id FROM portrait_photos ph JOIN portraits p ON p.id = ph.portrait_id "
           "WHERE p.id = :p AND p.territory_id = :t AND ph.format = 'jpeg' AND ph.variant IN (:v, 'full') "
           "ORDER BY CASE WHEN ph.variant = :v2 THEN 0 ELSE 1 END LIMIT 1",
        soci::into(id, ind), soci::use(portrait_id), soci::use(territory_id), soci::use(wanted), soci::use(wanted);
    return sql.got_data() && ind == soci::i_ok ? id : 0LL;
  });
}

}  // namespace passerelles::store
