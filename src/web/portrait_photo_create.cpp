// POST /collectif/portraits/{id}/photo (multipart, field photo): checks the picture by its content and size
// (media::process_photo), stores every variant; a refused file is not stored and the page says why (422).
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response portrait_photo_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::portrait_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  PortraitNotices notices;
  notices.photo_error = store_photo(c, c.territory_id(), p->id, uploaded_file(c.req, "photo"));
  if (!notices.photo_error.empty()) return portrait_form_page(c, *p, typed_of(*p), {}, 422, notices);
  return http::Response::redirect("/collectif/portraits/" + std::to_string(p->id) + "/modifier?etat=photo#photo");
}

}  // namespace passerelles::web
