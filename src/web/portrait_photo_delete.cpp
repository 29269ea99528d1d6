// POST /collectif/portraits/{id}/photo/supprimer: removes the photo and every variant.
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response portrait_photo_delete(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  long long id = c.req.param_id("id");
  if (!store::remove_portrait_photo(c.app.store, c.territory_id(), id)) return c.not_found();
  return http::Response::redirect("/collectif/portraits/" + std::to_string(id) + "/modifier?etat=photo-supprimee");
}

}  // namespace passerelles::web
