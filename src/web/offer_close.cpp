// POST /offres/{id}/cloturer: its company or the coordinator closes the offer (reason filled | withdrawn); 409 when
// already closed.
#include "store/accounts.hpp"
#include "store/opportunities.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response offer_close(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  auto o = store::offer_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!o || !may_see_offer(c, *o, today_paris())) return c.not_found();
  if (!may_manage_offer(c, *o)) return c.forbidden();
  std::string reason = c.req.form("reason") == "filled" ? "filled" : "withdrawn";
  auto r = store::close_offer(c.app.store, c.territory_id(), o->id, reason, author_of(c), store::now_unix());
  if (!r.ok())
    return c.page("error", "Offre déjà clôturée",
                  Data("message", Data(r.errors.empty() ? std::string("Cette offre est déjà clôturée.")
                                                        : r.errors.begin()->second)),
                  status_of(r));
  return http::Response::redirect("/offres?msg=cloturee");
}

}  // namespace passerelles::web
