// GET /evenements/{id}/gestion: the organiser's page of an event — summary, status buttons, cancellation with its
// reason, registrations with a cancel button each, and the links to the attendance sheet and the door's QR code.
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_manage_show(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  return event_manage_page(c, *e, {}, 200);
}

}  // namespace passerelles::web
