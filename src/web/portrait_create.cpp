// POST /collectif/portraits/nouveau: validates and creates a draft portrait in my territory; on error the form
// comes back with its values and a message next to each field (422).
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response portrait_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  domain::Portrait p;
  p.territory_id = c.territory_id();
  domain::Errors errors;
  PortraitTyped typed = portrait_from_form(c, p, errors);
  domain::merge_into(errors, domain::validate_portrait(p));
  if (!errors.empty()) return portrait_form_page(c, p, typed, errors, 422);
  apply_new_campaign(c, p, typed);
  p.status = "draft";
  auto saved = store::insert_portrait(c.app.store, p, author_of(c));
  if (!saved.ok()) return portrait_form_page(c, p, typed, saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/portraits/" + std::to_string(saved.id) + "/modifier?etat=cree");
}

}  // namespace passerelles::web
