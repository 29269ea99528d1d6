// POST /entreprise/embauches/{id}/modifier: validates and saves the report; errors come back next to the fields
// (422), another year already declared is 409; another company's or territory's report is 404.
#include "store/funnel.hpp"
#include "web/directory_support.hpp"
#include "web/funnel_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response hires_update(Ctx& c) {
  auto who = hires_reporter(c);
  if (!who) return c.page("hires_forbidden", "Embauches déclarées", Data(), 403);
  auto stored = store::hires_report_by_id(c.app.store, who->territory_id, c.req.param_id("id"), who->company_id);
  if (!stored) return c.not_found();
  domain::Errors errors;
  domain::CompanyHires h = hires_from_form(c.req, *who, *stored, errors);
  domain::merge_into(errors, domain::validate(h, current_year()));  // a field's own message first
  if (!errors.empty()) return hires_page(c, *who, h, errors, 422);
  auto saved = store::save_hires_report(c.app.store, h, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return hires_page(c, *who, h, saved.errors, status_of(saved));
  return http::Response::redirect("/entreprise/embauches?msg=enregistre");
}

}  // namespace passerelles::web
