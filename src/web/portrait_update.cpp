// POST /collectif/portraits/{id}/modifier: validates and saves the fields (status and media have their own
// forms); errors come back next to the fields (422).
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response portrait_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto stored = store::portrait_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return c.not_found();
  domain::Portrait p = *stored;
  domain::Errors errors;
  PortraitTyped typed = portrait_from_form(c, p, errors);
  domain::merge_into(errors, domain::validate_portrait(p));
  if (!errors.empty()) return portrait_form_page(c, p, typed, errors, 422);
  apply_new_campaign(c, p, typed);
  auto saved = store::update_portrait(c.app.store, p, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return portrait_form_page(c, p, typed, saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/portraits/" + std::to_string(p.id) + "/modifier?etat=enregistre");
}

}  // namespace passerelles::web
