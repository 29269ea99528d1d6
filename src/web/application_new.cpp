// GET /offres/{id}/candidater: the form to apply for / refer someone to an open offer (a school contact, a
// prescriber or the coordinator).
#include "store/opportunities.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response application_new(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  auto o = store::offer_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!o || !may_see_offer(c, *o, today_paris())) return c.not_found();
  if (!may_refer(c))
    return opportunity_forbidden(c,
                                 "Les candidatures sont présentées par un établissement (contact scolaire), un "
                                 "prescripteur ou la coordination.");
  ApplicationForm f;
  return application_form(c, *o, f, {}, 200);
}

}  // namespace passerelles::web
