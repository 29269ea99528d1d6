// GET /api/v1/indicators: the dashboard's figures as JSON (report::indicators_json), the funnel included, for a
// territory and a period. A user sees only her own territory; the federation admin may name any, or none for every
// territory.
#include "api/directory_json.hpp"
#include "domain/text.hpp"
#include "report/indicators_export.hpp"
#include "store/accounts.hpp"
#include "store/funnel.hpp"
#include "web/handlers.hpp"
#include "web/indicator_support.hpp"

namespace passerelles::web {

// ?territory=SLUG&from=YYYY-MM[-DD]&to=YYYY-MM[-DD]&initiative=&type=&public=&niveau=&rep=
http::Response indicators_api_show(Ctx& c) {
  std::string slug = domain::trim(c.req.query("territory"));
  if (slug.empty()) slug = domain::trim(c.req.query("territoire"));
  std::optional<domain::Territory> territory;
  if (!slug.empty()) {
    territory = store::territory_by_slug(c.app.store, slug);
    // Another territory reads as unknown: its existence is not revealed.
    if (!territory || (!c.actor->is_admin() && territory->id != c.territory_id()))
      return api_errors(404, "Territoire introuvable.",
                        {{"territory", "Aucun territoire « " + slug + " » accessible."}});
  } else if (!c.actor->is_admin()) {
    territory = c.actor->territory;
  }
  domain::Errors errors;
  auto f = indicator_filter(c, errors);
  if (!errors.empty()) return api_errors(400, "Paramètres invalides.", errors);
  auto ind = store::indicators(c.app.store, f);
  auto funnel = store::funnel(c.app.store, ind);
  auto j = report::indicators_json(ind, &funnel);
  j["territory"] = territory ? nlohmann::json{{"slug", territory->slug}, {"name", territory->name}} : nullptr;
  return api_json(j);
}

}  // namespace passerelles::web
