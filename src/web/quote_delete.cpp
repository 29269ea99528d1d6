// POST /citations/{id}/supprimer: deletes a quote (the answer it came from stays).
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response quote_delete(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!store::delete_quote(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c))) return c.not_found();
  return http::Response::redirect("/citations?msg=citation-supprimee");
}

}  // namespace passerelles::web
