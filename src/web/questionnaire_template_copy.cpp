// POST /questionnaires/modeles/{code}: copies a built-in template into my territory, then opens the copy's form.
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response questionnaire_template_copy(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  std::string code = c.req.params["code"];
  if (!domain::questionnaire_template(code)) return c.not_found();
  auto saved = store::copy_questionnaire_template(c.app.store, c.territory_id(), code, author_of(c));
  if (!saved.ok()) return c.not_found();
  return http::Response::redirect("/questionnaires/" + std::to_string(saved.id) + "/modifier?msg=questionnaire-copie");
}

}  // namespace passerelles::web
