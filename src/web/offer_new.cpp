// GET /offres/nouvelle: the empty offer form (a company contact publishes for her organisation; the coordinator
// chooses the organisation).
#include "store/directory.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response offer_new(Ctx& c) {
  if (!may_publish_offers(c))
    return opportunity_forbidden(c,
                                 "Seuls les contacts d’entreprise rattachés à une entreprise et la coordination "
                                 "publient des offres.");
  domain::Offer o;
  o.organisation_id = is_coordinator(c) ? 0 : c.actor->user.organisation_id;
  if (auto org = store::org_by_id(c.app.store, c.territory_id(), o.organisation_id)) o.organisation_name = org->name;
  o.places = 1;
  return offer_form(c, o, "", {}, 200);
}

}  // namespace passerelles::web
