// POST /questionnaires/{id}/copier: copies one of my territory's questionnaires, then opens the copy's form.
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response questionnaire_copy(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto saved = store::copy_questionnaire(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c));
  if (!saved.ok()) return c.not_found();
  return http::Response::redirect("/questionnaires/" + std::to_string(saved.id) + "/modifier?msg=questionnaire-copie");
}

}  // namespace passerelles::web
