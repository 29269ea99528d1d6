// Questionnaires (perception before/after an action, satisfaction, the ambassador's feedback), their built-in
// templates, and the anonymous answers pupils and adults submit. Statistics are in domain/survey_stats.hpp.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/directory.hpp"
#include "domain/validation.hpp"

namespace passerelles::domain {

// Question kinds: scale (1–5 agreement, plus "je ne sais pas") | single | multiple | text.
const std::vector<Choice>& question_kinds();
// Who answers: pupils | teachers | companies | ambassadors.
const std::vector<Choice>& survey_audiences();
std::string_view survey_audience_label(std::string_view code);
// The 1–5 agreement scale, 1 = "Pas du tout d'accord" … 5 = "Tout à fait d'accord".
const std::vector<Choice>& agreement_scale();
// Optional self-description of a pupil: gender '' | girl | boy | other; level: domain::class_levels() codes.
const std::vector<Choice>& respondent_genders();

// Phases of an answer: pre (before the action) | post (after) | single (questionnaires without before/after).
// A link's state is one of those or closed.
std::string_view survey_phase_label(std::string_view phase);

struct SurveyQuestion {
  long long id = 0;
  int position = 0;
  std::string code;  // stable key of a statement across copies (statistics group by it), [a-z0-9_], ≤ 40
  std::string kind;  // question_kinds()
  std::string text;
  std::vector<std::string> options;  // single / multiple
  bool required = false;
};

struct Questionnaire {
  long long id = 0;
  long long territory_id = 0;
  std::string template_code;  // the built-in template it was copied from ("" when written from scratch)
  std::string audience;       // survey_audiences()
  std::string title;
  std::string intro;
  bool pre_post = false;  // answered before and after the action (pupils' perception)
  bool archived = false;
  std::vector<SurveyQuestion> questions;  // in position order
};

// Built-in templates (ids 0), in display order: perception_eleves, satisfaction_enseignants,
// satisfaction_entreprises, retour_ambassadrice.
const std::vector<Questionnaire>& questionnaire_templates();
const Questionnaire* questionnaire_template(std::string_view code);

// Trims texts, drops empty options, numbers positions 1..n, derives missing codes from the text.
void normalise(Questionnaire& q);
// Errors keyed "title", "audience", "questions" and "q<i>_text", "q<i>_kind", "q<i>_options", "q<i>_code"
// (i = 0-based index in q.questions).
Errors validate(const Questionnaire& q);

// One answer of a submitted form.
struct SubmittedAnswer {
  long long question_id = 0;
  std::optional<int> value;          // scale: 1–5; nullopt = "je ne sais pas" or not answered
  std::vector<std::string> choices;  // single / multiple: chosen options (texts of q.options)
  std::string text;                  // text
  bool answered = false;             // false when the respondent skipped it
};

struct SurveySubmission {
  std::string phase;           // pre | post | single
  std::string gender;          // respondent_genders() or ""
  std::string level;           // class level code or ""
  std::string code;            // 4 characters [A-Z0-9] linking before and after, or ""
  bool quote_consent = false;  // adults: free text may be quoted publicly (anonymously)
  std::vector<SubmittedAnswer> answers;
};

// Field names of the public form: "q<question id>" (scale: "1".."5" or "nsp"; single: the option's index;
// multiple: several indexes; text), "gender", "level", "code", "quote_consent".
// Fills `out` from the form's values (name -> all values) and returns the errors keyed by field name.
Errors parse_submission(const Questionnaire& q, const std::multimap<std::string, std::string>& form,
                        SurveySubmission& out);

// Upper-cases and checks a linking code: 4 letters or digits. Returns "" when `raw` is empty; sets an error
// under "code" when it is not valid.
std::string normalise_link_code(const std::string& raw, Errors& e);

// A new short public token: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), random.
std::string new_survey_token();
bool is_survey_token(std::string_view token);

}  // namespace passerelles::domain
