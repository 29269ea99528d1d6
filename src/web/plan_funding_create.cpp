// POST /plan/financements/nouveau: validates (the amount typed the French way) and creates the funding with the
// initiatives it pays for; errors come back next to the fields (422).
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_funding_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  std::string amount;
  domain::Errors errors;
  domain::Funding f = funding_from_form(c.req, {}, amount, errors);
  f.territory_id = c.territory_id();
  domain::normalise(f);
  domain::merge_into(errors, domain::validate(f));
  if (!errors.empty()) return funding_form(c, f, amount, errors, 422);
  auto saved = store::insert_funding(c.app.store, f, author_of(c));
  if (!saved.ok()) return funding_form(c, f, amount, saved.errors, status_of(saved));
  return http::Response::redirect("/plan?msg=cree#financements");
}

}  // namespace passerelles::web
