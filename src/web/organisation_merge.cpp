// POST /annuaire/organisations/{id}/fusionner: merges the chosen duplicate (`doublon`) into this organisation —
// its people move here, its values fill the empty fields, then it is deleted — in one transaction.
#include "store/directory.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response organisation_merge(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto keep = store::org_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!keep) return c.not_found();
  long long duplicate = parse_id(c.req.form("doublon"));
  if (duplicate <= 0) return organisation_merge_page(c, *keep, "Choisissez la fiche en double.", 422);
  auto merged = store::merge_organisations(c.app.store, c.territory_id(), keep->id, duplicate, author_of(c));
  if (merged.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!merged.ok()) return organisation_merge_page(c, *keep, merged.errors.begin()->second, 422);
  return http::Response::redirect("/annuaire/organisations/" + std::to_string(keep->id) + "?msg=fusionne");
}

}  // namespace passerelles::web
