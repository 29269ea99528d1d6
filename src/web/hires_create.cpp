// POST /entreprise/embauches: declares a year's hires for the company (the contact's own, or the one the coordinator
// chose); errors come back next to the fields (422), a year already declared is 409, another territory's company 404.
#include "store/funnel.hpp"
#include "web/directory_support.hpp"
#include "web/funnel_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response hires_create(Ctx& c) {
  auto who = hires_reporter(c);
  if (!who) return c.page("hires_forbidden", "Embauches déclarées", Data(), 403);
  domain::Errors errors;
  domain::CompanyHires h = hires_from_form(c.req, *who, {}, errors);
  domain::merge_into(errors, domain::validate(h, current_year()));  // a field's own message first
  if (!errors.empty()) return hires_page(c, *who, h, errors, 422);
  auto saved = store::save_hires_report(c.app.store, h, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return hires_page(c, *who, h, saved.errors, status_of(saved));
  return http::Response::redirect("/entreprise/embauches?msg=enregistre");
}

}  // namespace passerelles::web
