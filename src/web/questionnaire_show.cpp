// GET /questionnaires/{id}: one questionnaire of my territory, previewed as a respondent sees it.
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/questionnaire_support.hpp"

namespace passerelles::web {

http::Response questionnaire_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto q = store::questionnaire_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!q) return c.not_found();
  Data d;
  d.set("q", questionnaire_data(*q));
  return c.page("questionnaire_show", q->title, d);
}

}  // namespace passerelles::web
