// POST /collectif/kit/ressources/{id}/supprimer: deletes a resource (and its file); allowed to the member who shared
// it and to the coordinators.
#include "store/kit.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_resource_delete(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  long long id = c.req.param_id("id");
  auto r = store::kit_resource(c.app.store, c.territory_id(), id);
  if (!r) return c.not_found();
  if (!kit_editor(c) && (r->created_by == 0 || r->created_by != c.actor->user.id)) return c.forbidden();
  if (!store::delete_kit_resource(c.app.store, c.territory_id(), id, kit_author(c))) return c.not_found();
  return http::Response::redirect("/collectif/kit?msg=ressource-supprimee#ressources");
}

}  // namespace passerelles::web
