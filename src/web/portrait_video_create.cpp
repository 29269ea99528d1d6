// POST /collectif/portraits/{id}/video (multipart, field video): an MP4 recognised by its bytes (the ISO BMFF
// ftyp box), 100 MB at most, replaces the previous one; anything else is refused with the reason (422).
#include "media/video.hpp"
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response portrait_video_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::portrait_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  std::string bytes = uploaded_file(c.req, "video");
  PortraitNotices notices;
  notices.video_error = media::check_mp4(bytes);
  if (!notices.video_error.empty()) return portrait_form_page(c, *p, typed_of(*p), {}, 422, notices);
  if (!store::set_portrait_video(c.app.store, c.territory_id(), p->id, bytes)) return c.not_found();
  return http::Response::redirect("/collectif/portraits/" + std::to_string(p->id) + "/modifier?etat=video#video");
}

}  // namespace passerelles::web
