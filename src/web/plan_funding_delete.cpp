// POST /plan/financements/{id}/supprimer: deletes the funding; the initiatives it paid for stay.
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response plan_funding_delete(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!store::delete_funding(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c))) return c.not_found();
  return http::Response::redirect("/plan?msg=supprime#financements");
}

}  // namespace passerelles::web
