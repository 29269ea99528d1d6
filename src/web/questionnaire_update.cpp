// POST /questionnaires/{id}/modifier: validates and saves the questionnaire and its questions (changed, added,
// removed); errors come back next to the fields, with what was typed.
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/questionnaire_support.hpp"

namespace passerelles::web {

http::Response questionnaire_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto stored = store::questionnaire_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return c.not_found();
  QuestionnaireInput in = questionnaire_from_form(c.req, *stored);
  domain::normalise(in.questionnaire);
  if (auto errors = domain::validate(in.questionnaire); !errors.empty() || !in.errors.empty())
    return questionnaire_form(c, in, errors, 422);
  auto saved = store::update_questionnaire(c.app.store, in.questionnaire, author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return questionnaire_form(c, in, saved.errors, status_of(saved));
  return http::Response::redirect("/questionnaires/" + std::to_string(stored->id) + "?msg=enregistre");
}

}  // namespace passerelles::web
