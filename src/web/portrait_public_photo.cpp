// GET /portraits/{slug}/photo-{160|480|1024|full}.{webp|jpg}: a photo of a published portrait whose subject agreed
// to show it, from the media table; 404 otherwise (unpublished, no consent, no such size: a small photo has no
// larger thumbnails). ETag and caching: web/gallery_support.hpp media_response.
#include "web/gallery_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response portrait_public_photo(Ctx& c) {
  // The last segment, "photo-480.webp": the routes list each size and format, so only those arrive here.
  const std::string& path = c.req.path;
  std::string file = path.substr(path.find_last_of('/') + 1);
  auto dot = file.find('.');
  if (file.rfind("photo-", 0) != 0 || dot == std::string::npos) return c.not_found();
  std::string variant = file.substr(6, dot - 6), ext = file.substr(dot + 1);
  std::string format = ext == "jpg" ? "jpeg" : ext == "webp" ? "webp" : "";
  if (format.empty()) return c.not_found();
  long long media = store::public_photo_media(c.app.store, c.req.params["slug"], variant, format);
  if (!media) return c.not_found();
  return media_response(c, media, false);
}

}  // namespace passerelles::web
