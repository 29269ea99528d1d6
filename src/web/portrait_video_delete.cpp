// POST /collectif/portraits/{id}/video/supprimer: removes the uploaded video (a video link stays).
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response portrait_video_delete(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  long long id = c.req.param_id("id");
  if (!store::remove_portrait_video(c.app.store, c.territory_id(), id)) return c.not_found();
  return http::Response::redirect("/collectif/portraits/" + std::to_string(id) + "/modifier?etat=video-supprimee");
}

}  // namespace passerelles::web
