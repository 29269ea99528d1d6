// POST /collectif/membres/{id}/refuser: declines an application; what she sent is erased at once.
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_member_decline(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  auto r = store::decline_application(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c));
  if (!r.ok()) return c.not_found();
  return http::Response::redirect("/collectif/membres?etat=candidature-refusee");
}

}  // namespace passerelles::web
