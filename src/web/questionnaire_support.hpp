// Shared by the questionnaire pages (questionnaire_*.cpp) and the free-text answer and quote pages (answer_*.cpp,
// quote_*.cpp): the edition form and its question rows, display values, and the answers' filter and page.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "domain/survey.hpp"
#include "store/surveys.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// ---- questionnaires -----------------------------------------------------------------------------------------

// One question row of the edition form, as typed (so that a refused form shows what was typed).
struct QuestionRow {
  long long id = 0;  // the stored question, 0 for a new row
  std::string text, kind, options, position;
  bool required = false;
  bool remove = false;  // "retirer" ticked: the question leaves the form
};

// A questionnaire and its question rows as typed. questionnaire.questions[i] came from rows[row_of[i]]; removed
// rows and blank new rows (no statement, no option) are not among the questions.
struct QuestionnaireInput {
  domain::Questionnaire questionnaire;
  std::vector<QuestionRow> rows;
  std::vector<std::size_t> row_of;
  domain::Errors errors;  // the form's own errors: "row<N>_position" when an order is not a whole number
};

// Form values laid over `stored`: title, intro, audience, pre_post and the rows q<N>_id, q<N>_text, q<N>_kind,
// q<N>_options (one option per line), q<N>_required, q<N>_position, q<N>_remove. Questions are put in the order of
// the typed positions (rows without one keep their place after the others). A row id that is not one of the
// stored questions' becomes a new question; a stored question keeps its code.
QuestionnaireInput questionnaire_from_form(const http::Request& r, const domain::Questionnaire& stored);
// The stored questionnaire as form input (for the edition form).
QuestionnaireInput questionnaire_input(const domain::Questionnaire& q);
// The edition form with three blank rows to add questions. `e` holds domain::validate's keys (q<i>_text…, shown
// next to the row the question came from), the form's own errors and the store's.
http::Response questionnaire_form(Ctx& c, const QuestionnaireInput& in, const domain::Errors& e, int status);
// Display values of a questionnaire: id, title, audience_label, pre_post, archived, question count, intro, and the
// questions as a respondent sees them (read-only controls).
Data questionnaire_data(const domain::Questionnaire& q);

// ---- free-text answers --------------------------------------------------------------------------------------

// The filter of the free-text answers page, from its query parameters: q (words, case and accents ignored),
// public (an audience code), theme, du and au (months 'YYYY-MM', inclusive), page.
struct AnswerFilter {
  std::string query, audience, theme, from_month, to_month;
  int page = 1;
};
// Bad values add a French message under the parameter's name and are left out of the filter.
AnswerFilter answer_filter(const std::multimap<std::string, std::string>& values, domain::Errors& errors);
// The canonical query string of a filter, without '?' ("" when nothing is filtered on page 1).
std::string answer_query(const AnswerFilter& f);
// The filter a POST from the answers page came from (its hidden `suite` field), and the address to go back to,
// with the flash message `msg` and the answer's anchor.
AnswerFilter answer_filter_of_post(const http::Request& r);
std::string answers_url(const AnswerFilter& f, const std::string& msg, long long answer_id);

// A refused change of one answer, shown next to it: errors "themes" or "quote", and the themes as typed.
struct AnswerNotice {
  long long answer_id = 0;
  domain::Errors errors;
  std::string themes;
};
// The free-text answers page of the territory for `f`.
http::Response answers_page(Ctx& c, const AnswerFilter& f, const domain::Errors& filter_errors, int status = 200,
                            const AnswerNotice& notice = {});

}  // namespace passerelles::web
