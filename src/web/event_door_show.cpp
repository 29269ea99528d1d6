// GET /evenements/{id}/accueil: the door's page — a large QR code of the group check-in link and the short link in
// large type, to show on a screen or print; each group scans it and types the code of its booking.
#include "report/qr.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_door_show(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  std::string url = checkin_url(c, e->checkin_token);
  Data d;
  d.set("event", event_data(*e));
  d.set("url", url);
  d.set("qr_svg", report::qr_svg(url, "QR code d’accueil : " + url, 10));
  return c.page("event_door", "Accueil — " + e->title, d);
}

}  // namespace passerelles::web
