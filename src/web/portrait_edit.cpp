// GET /collectif/portraits/{id}/modifier: a portrait of my territory, its form, status, photo and video.
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response portrait_edit(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::portrait_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  return portrait_form_page(c, *p, typed_of(*p), {}, 200, {}, portrait_notice(c.req.query("etat")));
}

}  // namespace passerelles::web
