// POST /offres/nouvelle: validates and saves the offer (draft or published) for my organisation, or for the one the
// coordinator chose; on error the form comes back with a message next to each field (422).
#include "store/accounts.hpp"
#include "store/directory.hpp"
#include "store/opportunities.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response offer_create(Ctx& c) {
  if (!may_publish_offers(c))
    return opportunity_forbidden(c,
                                 "Seuls les contacts d’entreprise rattachés à une entreprise et la coordination "
                                 "publient des offres.");
  std::string today = today_paris(), commune, commune_error;
  domain::Offer base;
  base.territory_id = c.territory_id();
  base.organisation_id = is_coordinator(c) ? 0 : c.actor->user.organisation_id;
  if (auto org = store::org_by_id(c.app.store, c.territory_id(), base.organisation_id))
    base.organisation_name = org->name;
  domain::Offer o = offer_from_form(c, base, commune, commune_error);
  domain::normalise(o, today);
  auto errors = domain::validate(o, today);
  if (!commune_error.empty()) errors["commune"] = commune_error;
  if (!errors.empty()) return offer_form(c, o, commune, errors, 422);
  auto saved = store::insert_offer(c.app.store, o, author_of(c), store::now_unix());
  if (!saved.ok()) return offer_form(c, o, commune, saved.errors, status_of(saved));
  return http::Response::redirect("/offres/" + std::to_string(saved.id) + "?msg=enregistre");
}

}  // namespace passerelles::web
