// GET /evenements/{id}/accueil.svg | accueil.png: the door's QR code (the group check-in link) to download and
// print.
#include "report/qr.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_door_asset(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  std::string url = checkin_url(c, e->checkin_token);
  std::string name = "accueil-evenement-" + std::to_string(e->id);
  http::Response r;
  if (c.req.path.ends_with(".svg")) {
    r = http::Response::text(report::qr_svg(url, "QR code d’accueil : " + url, 10));
    r.content_type = "image/svg+xml";
    name += ".svg";
  } else {
    r = http::Response::text(report::qr_png(url, 12));
    r.content_type = "image/png";
    name += ".png";
  }
  r.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.header("Cache-Control", "private, max-age=300");
  return r;
}

}  // namespace passerelles::web
