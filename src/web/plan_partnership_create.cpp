// POST /plan/partenariats/nouveau (multipart): validates the convention and its signed PDF, stores the file only
// when everything else is right, then creates the partnership; errors come back next to the fields (422).
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_partnership_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  domain::Partnership p = partnership_from_form(c.req, {});
  p.territory_id = c.territory_id();
  if (auto refused = check_partnership_and_store_convention(c, p)) return *refused;
  auto saved = store::insert_partnership(c.app.store, p, author_of(c));
  if (!saved.ok()) return partnership_form(c, p, saved.errors, status_of(saved));
  return http::Response::redirect("/plan/partenariats/" + std::to_string(saved.id) + "?msg=cree");
}

}  // namespace passerelles::web
