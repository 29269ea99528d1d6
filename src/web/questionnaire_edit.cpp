// GET /questionnaires/{id}/modifier: the questionnaire form filled with the stored values and its questions.
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/questionnaire_support.hpp"

namespace passerelles::web {

http::Response questionnaire_edit(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto q = store::questionnaire_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!q) return c.not_found();
  return questionnaire_form(c, questionnaire_input(*q), {}, 200);
}

}  // namespace passerelles::web
