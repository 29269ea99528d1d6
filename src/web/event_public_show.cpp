// GET /evenements/{id}: the public page of an event of any territory, with its booking form while it takes
// bookings. A draft, like an unknown id, is 404; a cancelled event shows its notice.
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_public_show(Ctx& c) {
  auto e = store::event_by_id(c.app.store, 0, c.req.param_id("id"));
  if (!e || !domain::event_is_public(e->status)) return c.not_found();
  return event_page(c, *e, default_booking_form(*e), {}, 200);
}

}  // namespace passerelles::web
