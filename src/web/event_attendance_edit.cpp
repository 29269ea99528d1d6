// GET /evenements/{id}/presences: the attendance sheet, made for a phone at the door — one block per booked
// registration, "présent" to tick and the counts that came (prefilled with those booked) — then the action the
// attendance became, with its survey link and QR code for the group.
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_attendance_edit(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  return attendance_page(c, *e, {}, 200);
}

}  // namespace passerelles::web
