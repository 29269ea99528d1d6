// Questionnaires of a territory, their links to actions, anonymous answers, and what is read back from them:
// the scale answers the statistics need, choice counts, free-text answers with themes, and selected quotes.
// Confined to one territory like the directory (the public form finds its link by token only).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/survey.hpp"
#include "domain/survey_stats.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// --- Questionnaires ---
// Not archived first, then by title; with their questions (removed ones left out).
std::vector<domain::Questionnaire> questionnaires_of(Store& s, long long territory_id, bool with_archived = true);
std::optional<domain::Questionnaire> questionnaire_by_id(Store& s, long long territory_id, long long id);
// A copy of a built-in template in the territory (not_found for an unknown code).
WriteResult copy_questionnaire_template(Store& s, long long territory_id, const std::string& template_code,
                                        const Author& by);
// Copy of one of the territory's questionnaires ("(copie)" appended to the title).
WriteResult copy_questionnaire(Store& s, long long territory_id, long long id, const Author& by);
WriteResult insert_questionnaire(Store& s, const domain::Questionnaire& q, const Author& by);
// Title, intro, audience, pre_post, archived and the questions: a question with an id is updated, one without is
// added, one missing from q.questions is removed from the form (kept, flagged removed, when it has answers).
WriteResult update_questionnaire(Store& s, const domain::Questionnaire& q, const Author& by);
// The territory's pupils' before/after questionnaire (not archived, the oldest), copied from the template when it
// has none. Returns its id.
long long default_perception_questionnaire(Store& s, long long territory_id, const Author& by);

// --- Links (one per action and questionnaire) ---
struct SurveyLink {
  long long id = 0;
  long long territory_id = 0;
  long long action_id = 0;
  long long questionnaire_id = 0;
  std::string token;
  std::string phase;  // pre | post | single | closed
  std::string questionnaire_title, audience;
  bool pre_post = false;
  long long responses_pre = 0, responses_post = 0, responses_single = 0;
  // Read with the link for the public page: the action's kind, day and first school (never a person).
  std::string action_kind, action_day, action_place;
};

std::vector<SurveyLink> survey_links_of_action(Store& s, long long territory_id, long long action_id);
std::optional<SurveyLink> survey_link_by_id(Store& s, long long territory_id, long long id);
// Any territory: the public form only knows the token.
std::optional<SurveyLink> survey_link_by_token(Store& s, const std::string& token);
// What the public form's page depends on, read in one indexed query: `version` changes whenever the page would
// (phase, questionnaire edited, action edited), so that a rendered form can be kept and served again.
struct SurveyFormStamp {
  long long link_id = 0;
  std::string phase;
  std::string version;
};
std::optional<SurveyFormStamp> survey_form_stamp(Store& s, const std::string& token);
// invalid when the action or the questionnaire is not of the territory; conflict when the action already has
// a link to that questionnaire (its id is returned in WriteResult::id). Phase: pre when the questionnaire is
// pre_post, else single.
WriteResult create_survey_link(Store& s, long long territory_id, long long action_id, long long questionnaire_id,
                               const Author& by);
// phase: pre | post | single | closed (pre/post only for a pre_post questionnaire, single only otherwise).
WriteResult set_survey_link_phase(Store& s, long long territory_id, long long link_id, const std::string& phase,
                                  const Author& by);

// --- Answers ---
// Stores one submission for the link's current phase, dated `day` ('YYYY-MM-DD'). invalid when the link is
// closed or the phase differs from the link's (the form was opened before the phase changed): errors["phase"].
WriteResult insert_survey_response(Store& s, long long link_id, const domain::SurveySubmission& sub,
                                   const std::string& day);

// What statistics and lists read. action_id 0 = every action of the scope; territory 0 = every territory.
struct SurveyScope {
  long long territory_id = 0;
  long long action_id = 0;
  long long initiative_id = 0;
  std::string from_month, to_month;  // months of the actions, inclusive; "" = open
  std::string audience;              // questionnaire audience, "" = all
  bool validated_only = false;       // only validated actions (the dashboard and the funder report)
  std::string gender;                // respondents' gender, "" = all
};

// Scale answers of pre/post questionnaires in scope; ScaleAnswer::question is the question's code, and codes
// are prefixed with the link id so that they only pair within one action.
std::vector<domain::ScaleAnswer> scale_answers(Store& s, const SurveyScope& scope);
// The statement of each scale question code in scope (the most recent wording).
std::map<std::string, std::string> scale_question_texts(Store& s, const SurveyScope& scope);

struct ResponseCounts {
  long long pre = 0, post = 0, single = 0;
  long long linked = 0;  // post responses whose code matches a pre response of the same link
  long long girls = 0, boys = 0, other_or_unsaid = 0;
};
ResponseCounts response_counts(Store& s, const SurveyScope& scope);

// Counts per option of single/multiple questions in scope, per question code.
struct ChoiceCount {
  std::string question_code, question_text, option;
  long long count = 0;
  long long respondents = 0;  // answers to the question
};
std::vector<ChoiceCount> choice_counts(Store& s, const SurveyScope& scope);

// --- Free-text answers, themes, quotes ---
struct TextAnswer {
  long long id = 0;
  long long action_id = 0;
  std::string day, audience, phase, question, text, level, gender;
  bool quote_consent = false;
  bool quoted = false;
  std::vector<std::string> themes;
};
struct TextAnswerPage {
  std::vector<TextAnswer> answers;
  long long total = 0;
};
// Newest first. query: words that must all appear (case and accents ignored); theme: tagged with it ("" = any).
TextAnswerPage text_answers(Store& s, const SurveyScope& scope, const std::string& query, const std::string& theme,
                            int page, int per_page = 50);
// Themes used in the territory, with their counts, most used first.
std::vector<std::pair<std::string, long long>> answer_themes(Store& s, long long territory_id);
// Replaces the themes of an answer of the territory (not_found otherwise); themes trimmed, ≤ 60 characters.
WriteResult set_answer_themes(Store& s, long long territory_id, long long answer_id,
                              const std::vector<std::string>& themes, const Author& by);

struct SurveyQuote {
  long long id = 0;
  long long territory_id = 0;
  long long answer_id = 0;
  long long action_id = 0;
  std::string text, attribution, day, territory_name;
  bool is_public = true;
};
// Quotes the answer: pupils' answers are always quoted anonymously ("Une élève de 4e", "Un élève", "Un·e
// élève"); adults' only with their consent (invalid with errors["quote"] otherwise). conflict when already quoted.
WriteResult quote_answer(Store& s, long long territory_id, long long answer_id, const Author& by);
bool delete_quote(Store& s, long long territory_id, long long id, const Author& by);
WriteResult set_quote_public(Store& s, long long territory_id, long long id, bool is_public, const Author& by);
// Newest first; territory 0 = every territory; public_only for the public site.
std::vector<SurveyQuote> quotes_of(Store& s, long long territory_id, bool public_only, int limit = 50);
// The quotes of a scope, for the dashboard and the funder report: territory (0 = all), the answer's month within
// the period, the action's initiative; newest first. A quote whose action was deleted keeps its day: it still
// counts for the period, but for no initiative.
std::vector<SurveyQuote> quotes_in_scope(Store& s, const SurveyScope& scope, bool public_only, int limit);

}  // namespace passerelles::store
