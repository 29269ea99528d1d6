// GET /enquetes/{id}/resultats: before/after results of one action's questionnaire, with the breakdown by gender
// and the other questions; no figure for a group of fewer than 5 answers.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

http::Response survey_link_results(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto l = store::survey_link_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!l) return c.not_found();
  store::SurveyScope scope;
  scope.territory_id = c.territory_id();
  scope.action_id = l->action_id;
  // One link's results: only this questionnaire's audience (an action may also have a teachers' questionnaire).
  scope.audience = l->audience;
  Data d = survey_results_data(c, scope, true);
  d.set("heading", "Résultats — " + l->questionnaire_title);
  d.set("back", "/enquetes/" + std::to_string(l->id));
  d.set("back_label", "Le questionnaire et son QR code");
  d.set("retours", "/retours?action=" + std::to_string(l->action_id));
  return c.page("survey_results", "Résultats du questionnaire", d);
}

}  // namespace passerelles::web
