// GET /p/{token}: the group's check-in page behind the QR code at the door (anyone, no account): the event's
// title and day, the booking's 6-character code and the counts that came. Unknown token or draft: 404.
#include "store/events.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response checkin_show(Ctx& c) {
  auto e = store::event_by_checkin_token(c.app.store, c.req.params["token"]);
  if (!e || !domain::event_is_public(e->status)) return c.not_found();
  return checkin_page(c, *e, {}, 200);
}

}  // namespace passerelles::web
