// GET /offres/{id}/modifier: the offer's form with its values (its company or the coordinator; a closed offer
// cannot be changed).
#include "store/opportunities.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response offer_edit(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  auto o = store::offer_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!o || !may_see_offer(c, *o, today_paris())) return c.not_found();
  if (!may_manage_offer(c, *o)) return c.forbidden();
  std::string commune = o->commune_insee.empty() ? "" : o->commune_insee + " — " + o->commune_name;
  if (o->status == "closed")
    return offer_form(c, *o, commune, {{"status", "Cette offre est clôturée : elle ne peut plus être modifiée."}}, 409);
  return offer_form(c, *o, commune, {}, 200);
}

}  // namespace passerelles::web
