// GET /retours: the free-text answers of my territory, searched (words, accents and case ignored) and filtered by
// audience, theme and period, 50 a page.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/questionnaire_support.hpp"

namespace passerelles::web {

http::Response answer_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  domain::Errors errors;
  AnswerFilter f = answer_filter(http::parse_form(c.req.query_string), errors);
  return answers_page(c, f, errors);
}

}  // namespace passerelles::web
