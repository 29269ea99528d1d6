// POST /collectif/reseaux/{id}/supprimer: deletes a network (coordinators); its members and actions stay, unlinked.
#include "store/networks.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_delete(Ctx& c) {
  http::Response refusal;
  auto n = network_to_show(c, refusal);
  if (!n) return refusal;
  if (!kit_editor(c)) return c.forbidden();
  if (!store::delete_network(c.app.store, c.territory_id(), n->id, author_of(c))) return c.not_found();
  return http::Response::redirect("/collectif/reseaux?msg=reseau-supprime");
}

}  // namespace passerelles::web
