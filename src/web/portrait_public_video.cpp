// GET /portraits/{slug}/video.mp4: the uploaded video of a published portrait whose subject agreed to show it, with
// HTTP range requests (players seek and stream by ranges; only the 1 MiB chunks of a range are read); 404 otherwise.
#include "web/gallery_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response portrait_public_video(Ctx& c) {
  long long media = store::public_video_media(c.app.store, c.req.params["slug"]);
  if (!media) return c.not_found();
  return media_response(c, media, true);
}

}  // namespace passerelles::web
