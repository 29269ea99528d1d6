// GET /confidentialite/{subject}/{id}/effacer: what erasing this person's record removes and keeps, and the button
// that confirms it (the POST does it). Changes nothing.
#include "web/handlers.hpp"
#include "web/privacy_support.hpp"

namespace passerelles::web {

http::Response privacy_erase_new(Ctx& c) {
  auto territory = privacy_territory(c);
  if (!territory) return c.not_found();
  auto r = store::privacy_record(c.app.store, territory->id, c.req.params["subject"], c.req.param_id("id"));
  if (!r || r->erased_at != 0) return c.not_found();
  return privacy_erase_page(c, *territory, *r);
}

}  // namespace passerelles::web
