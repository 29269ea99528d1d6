// GET /evenements/{id}/modifier: the event form filled with the stored event.
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_edit(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  return event_form(c, *e, {}, 200);
}

}  // namespace passerelles::web
