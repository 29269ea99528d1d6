// POST /plan/financements/{id}/modifier: validates and saves the funding; errors come back next to the fields.
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_funding_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto stored = store::funding_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return c.not_found();
  std::string amount;
  domain::Errors errors;
  domain::Funding f = funding_from_form(c.req, *stored, amount, errors);
  domain::normalise(f);
  domain::merge_into(errors, domain::validate(f));
  if (!errors.empty()) return funding_form(c, f, amount, errors, 422);
  auto saved = store::update_funding(c.app.store, f, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return funding_form(c, f, amount, saved.errors, status_of(saved));
  return http::Response::redirect("/plan?msg=enregistre#financements");
}

}  // namespace passerelles::web
