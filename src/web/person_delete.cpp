// POST /annuaire/personnes/{id}/supprimer: deletes the person.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response person_delete(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!store::delete_person(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c))) return c.not_found();
  return http::Response::redirect("/annuaire/personnes?msg=supprime");
}

}  // namespace passerelles::web
