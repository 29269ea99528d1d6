// GET /enquetes/resultats: before/after results across the actions of my territory (every territory for the
// federation admin) for a period and an initiative: what funders want to see — whether minds change.
#include "store/plan.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/indicator_support.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

http::Response survey_results_show(Ctx& c) {
  domain::Errors errors;
  store::IndicatorFilter f = indicator_filter(c, errors);
  store::SurveyScope scope;
  scope.territory_id = f.territory_id;
  scope.initiative_id = f.initiative_id;
  scope.from_month = f.from_month;
  scope.to_month = f.to_month;
  scope.audience = "pupils";
  Data d = survey_results_data(c, scope, true);
  d.set("heading", "Évolution des regards : questionnaires avant/après");
  d.set("subheading",
        "Actions " + period_label_fr(f.from_month, f.to_month) + ", toutes étapes de validation confondues.");
  Data filters;
  set_text(filters, "du", f.from_month);
  set_text(filters, "au", f.to_month);
  if (errors.count("du")) filters.set("du_error", errors.at("du"));
  if (errors.count("au")) filters.set("au_error", errors.at("au"));
  List initiatives;
  if (c.territory_id())
    for (const auto& i : store::initiatives_of(c.app.store, c.territory_id())) {
      Data o;
      o.set("id", std::to_string(i.id));
      o.set("name", i.name);
      o.set("selected", i.id == f.initiative_id);
      initiatives.push_back(o);
    }
  filters.set("initiatives", initiatives);
  d.set("filters", filters);
  d.set("retours", "/retours");
  return c.page("survey_results", "Résultats des questionnaires", d, errors.empty() ? 200 : 422);
}

}  // namespace passerelles::web
