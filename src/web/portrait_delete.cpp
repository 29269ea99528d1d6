// POST /collectif/portraits/{id}/supprimer: deletes a portrait of my territory with its photo and video.
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response portrait_delete(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!store::delete_portrait(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c))) return c.not_found();
  return http::Response::redirect("/collectif/portraits?etat=supprime");
}

}  // namespace passerelles::web
