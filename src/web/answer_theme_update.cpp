// POST /retours/{id}/themes: replaces the themes of one free-text answer (comma-separated), then goes back to the
// answers page as it was filtered.
#include "domain/text.hpp"
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/questionnaire_support.hpp"

namespace passerelles::web {

http::Response answer_theme_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  long long id = c.req.param_id("id");
  AnswerFilter f = answer_filter_of_post(c.req);
  std::string typed = c.req.form("themes");
  auto saved =
      store::set_answer_themes(c.app.store, c.territory_id(), id, domain::split_list(typed, ','), author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) {
    AnswerNotice notice{id, {}, typed};
    notice.errors["themes"] =
        saved.errors.empty() ? "Ces thèmes n’ont pas pu être enregistrés." : saved.errors.begin()->second;
    return answers_page(c, f, {}, status_of(saved), notice);
  }
  return http::Response::redirect(answers_url(f, "themes-enregistres", id));
}

}  // namespace passerelles::web
