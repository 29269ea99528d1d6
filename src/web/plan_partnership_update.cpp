// POST /plan/partenariats/{id}/modifier (multipart): saves the partnership; a new PDF replaces the stored one
// (which is then deleted), "remove_document" takes it off; errors come back next to the fields.
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_partnership_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto stored = store::partnership_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return c.not_found();
  domain::Partnership p = partnership_from_form(c.req, *stored);
  if (auto refused = check_partnership_and_store_convention(c, p)) return *refused;
  auto saved = store::update_partnership(c.app.store, p, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return partnership_form(c, p, saved.errors, status_of(saved));
  return http::Response::redirect("/plan/partenariats/" + std::to_string(p.id) + "?msg=enregistre");
}

}  // namespace passerelles::web
