// GET /annuaire/personnes/{id}/fusionner: search and choose the duplicate to merge into this person.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response person_merge_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto keep = store::person_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!keep) return c.not_found();
  return person_merge_page(c, *keep, "", 200);
}

}  // namespace passerelles::web
