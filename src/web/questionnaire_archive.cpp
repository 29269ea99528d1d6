// POST /questionnaires/{id}/archiver: archives the questionnaire, or puts an archived one back in service.
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/questionnaire_support.hpp"

namespace passerelles::web {

http::Response questionnaire_archive(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto q = store::questionnaire_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!q) return c.not_found();
  q->archived = !q->archived;
  auto saved = store::update_questionnaire(c.app.store, *q, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return questionnaire_form(c, questionnaire_input(*q), saved.errors, status_of(saved));
  return http::Response::redirect("/questionnaires/" + std::to_string(q->id) +
                                  (q->archived ? "?msg=questionnaire-archive" : "?msg=questionnaire-restaure"));
}

}  // namespace passerelles::web
