// GET /collectif/membres/{id}: a member, an invitation or an application as the coordinator sees it, with what she
// can do (edit, invite, decline, erase on request). Another territory's id reads as 404.
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_member_show(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  auto a = store::ambassador_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a || a->status == "left" || a->status == "declined") return c.not_found();
  Data d = member_data(*a);
  set_text(d, "notice", collective_notice(c.req.query("etat")));
  return c.page("collective_member", a->full_name(), d);
}

}  // namespace passerelles::web
