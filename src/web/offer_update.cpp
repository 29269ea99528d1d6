// POST /offres/{id}/modifier: saves the edited offer (its company or the coordinator); 422 with messages next to
// the fields, 409 when it is closed.
#include "store/accounts.hpp"
#include "store/opportunities.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response offer_update(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  auto old = store::offer_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  std::string today = today_paris();
  if (!old || !may_see_offer(c, *old, today)) return c.not_found();
  if (!may_manage_offer(c, *old)) return c.forbidden();
  std::string commune, commune_error;
  domain::Offer o = offer_from_form(c, *old, commune, commune_error);
  domain::normalise(o, today);
  // A date already past that the company did not touch does not block the other fields; a new one must be ahead.
  auto errors = domain::validate(o, today, o.expires_on != old->expires_on || o.status == "published");
  if (!commune_error.empty()) errors["commune"] = commune_error;
  if (!errors.empty()) return offer_form(c, o, commune, errors, 422);
  auto saved = store::update_offer(c.app.store, o, author_of(c), store::now_unix());
  if (!saved.ok()) return offer_form(c, o, commune, saved.errors, status_of(saved));
  return http::Response::redirect("/offres/" + std::to_string(o.id) + "?msg=enregistre");
}

}  // namespace passerelles::web
