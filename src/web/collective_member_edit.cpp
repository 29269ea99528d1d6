// GET /collectif/membres/{id}/modifier: a coordinator edits a member's profile (or an application's, or an
// invitation's); another territory's id, a member who left or a declined application read as 404.
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_member_edit(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  auto a = store::ambassador_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a || a->status == "left" || a->status == "declined") return c.not_found();
  return profile_page(c, *a, typed_of(*a), {}, 200, false);
}

}  // namespace passerelles::web
