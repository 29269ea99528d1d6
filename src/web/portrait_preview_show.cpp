// GET /collectif/portraits/{id}/apercu.jpg: the photo of a portrait as its editors see it before publication (the
// 480 px JPEG, or the full one for a small photo), for a coordinator of the territory or the member it portrays.
#include "store/media.hpp"
#include "store/portraits.hpp"
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response portrait_preview_show(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  auto p = store::portrait_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  if (!c.actor->can_edit_directory()) {
    auto me = my_membership(c);
    if (!me || p->ambassador_id != me->id) return c.not_found();
  }
  long long media = store::portrait_photo_media(c.app.store, c.territory_id(), p->id, "480");
  auto info = media ? store::media_info(c.app.store, media) : std::nullopt;
  if (!info) return c.not_found();
  http::Response r = http::Response::text(store::media_range(c.app.store, media, 0, info->size - 1));
  r.content_type = "image/jpeg";
  r.compressible = false;
  r.header("Cache-Control", "private, max-age=300");
  return r;
}

}  // namespace passerelles::web
