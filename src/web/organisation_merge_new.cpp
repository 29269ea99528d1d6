// GET /annuaire/organisations/{id}/fusionner: search and choose the duplicate to merge into this organisation.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response organisation_merge_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto keep = store::org_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!keep) return c.not_found();
  return organisation_merge_page(c, *keep, "", 200);
}

}  // namespace passerelles::web
