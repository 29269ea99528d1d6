// Questionnaires: question kinds, audiences, the built-in templates, normalisation, validation, and the parsing
// of a submitted anonymous form.
#include "domain/survey.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "domain/action.hpp"
#include "domain/text.hpp"

namespace passerelles::domain {

namespace {

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxIntro = 2000;
constexpr std::size_t kMaxQuestionText = 500;
constexpr std::size_t kMaxOption = 200;
constexpr std::size_t kMaxOptions = 20;
constexpr std::size_t kMaxQuestions = 40;
constexpr std::size_t kMaxCode = 40;
constexpr std::size_t kMaxFreeText = 2000;
constexpr std::string_view kTokenAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

SurveyQuestion scale(std::string code, std::string text) {
  return {0, 0, std::move(code), "scale", std::move(text), {}, false};
}
SurveyQuestion single(std::string code, std::string text, std::vector<std::string> options) {
  return {0, 0, std::move(code), "single", std::move(text), std::move(options), false};
}
SurveyQuestion multiple(std::string code, std::string text, std::vector<std::string> options) {
  return {0, 0, std::move(code), "multiple", std::move(text), std::move(options), false};
}
SurveyQuestion free_text(std::string code, std::string text) {
  return {0, 0, std::move(code), "text", std::move(text), {}, false};
}

Questionnaire make_template(std::string code, std::string audience, std::string title, std::string intro, bool pre_post,
                            std::vector<SurveyQuestion> questions) {
  Questionnaire q;
  q.template_code = std::move(code);
  q.audience = std::move(audience);
  q.title = std::move(title);
  q.intro = std::move(intro);
  q.pre_post = pre_post;
  q.questions = std::move(questions);
  for (std::size_t i = 0; i < q.questions.size(); ++i) q.questions[i].position = static_cast<int>(i + 1);
  return q;
}

// "Les métiers sont sales !" -> "les_metiers_sont_sales", at most kMaxCode characters.
std::string code_from_text(std::string_view text) {
  std::string folded = fold(text), out;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
    if (out.size() >= kMaxCode) break;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "question" : out;
}

bool valid_code(std::string_view code) {
  if (code.empty() || code.size() > kMaxCode) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool is_choice_kind(std::string_view kind) {
  return kind == "single" || kind == "multiple";
}

// Every value of `name` in the form.
std::vector<std::string> values_of(const std::multimap<std::string, std::string>& form, const std::string& name) {
  std::vector<std::string> out;
  auto [b, e] = form.equal_range(name);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

std::string first_of(const std::multimap<std::string, std::string>& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

// The option index typed in a form ("0", "1"…), or -1.
int option_index(const std::string& s, std::size_t count) {
  if (s.empty() || s.size() > 3 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return -1;
  int i = std::stoi(s);
  return static_cast<std::size_t>(i) < count ? i : -1;
}

}  // namespace

const std::vector<Choice>& question_kinds() {
  static const std::vector<Choice> v = {
      {"scale", "Échelle d’accord de 1 à 5"},
      {"single", "Choix unique"},
      {"multiple", "Choix multiple"},
      {"text", "Texte libre court"},
  };
  return v;
}

const std::vector<Choice>& survey_audiences() {
  static const std::vector<Choice> v = {
      {"pupils", "Élèves"},
      {"teachers", "Enseignantes et enseignants"},
      {"companies", "Entreprises et laboratoires"},
      {"ambassadors", "Ambassadrices"},
  };
  return v;
}

std::string_view survey_audience_label(std::string_view code) {
  return choice_label(survey_audiences(), code);
}

const std::vector<Choice>& agreement_scale() {
  static const std::vector<Choice> v = {
      {"1", "Pas du tout d’accord"}, {"2", "Plutôt pas d’accord"},  {"3", "Ni d’accord ni pas d’accord"},
      {"4", "Plutôt d’accord"},      {"5", "Tout à fait d’accord"},
  };
  return v;
}

const std::vector<Choice>& respondent_genders() {
  static const std::vector<Choice> v = {
      {"girl", "Fille"}, {"boy", "Garçon"}, {"other", "Autre / je préfère ne pas dire"}};
  return v;
}

std::string_view survey_phase_label(std::string_view phase) {
  if (phase == "pre") return "avant l’action";
  if (phase == "post") return "après l’action";
  if (phase == "single") return "ouvert";
  if (phase == "closed") return "fermé";
  return "";
}

const std::vector<Questionnaire>& questionnaire_templates() {
  static const std::vector<Questionnaire> v = {
      make_template("perception_eleves", "pupils", "Ton regard sur les métiers de l’industrie",
                    "Réponds en moins d’une minute. C’est anonyme : ni nom, ni compte. Il n’y a pas de bonne réponse.",
                    true,
                    {
                        scale("sales", "Les métiers de l’industrie sont des métiers sales."),
                        scale("bruyants", "Les métiers de l’industrie sont des métiers bruyants."),
                        scale("force_physique", "Les métiers de l’industrie demandent surtout de la force physique."),
                        scale("aussi_pour_les_filles", "Les métiers de l’industrie sont aussi pour les filles."),
                        scale("je_pourrais", "Je pourrais faire un métier de l’industrie."),
                        scale("avenir", "Les métiers de l’industrie offrent un bon avenir (emploi, salaire)."),
                    }),
      make_template("satisfaction_enseignants", "teachers", "Votre avis sur l’intervention",
                    "Deux minutes pour nous aider à améliorer nos interventions. Vos réponses sont anonymes.", false,
                    {
                        scale("attentes", "L’intervention correspondait à ce que j’attendais."),
                        scale("interet_eleves", "Les élèves ont été intéressés."),
                        scale("cliches_abordes", "L’intervention a fait évoluer le regard des élèves sur l’industrie."),
                        single("renouveler", "Souhaitez-vous renouveler l’intervention l’an prochain ?",
                               {"Oui", "Peut-être", "Non"}),
                        free_text("mieux_fonctionne", "Qu’est-ce qui a le mieux fonctionné ?"),
                        free_text("ameliorer", "Que faudrait-il améliorer ?"),
                    }),
      make_template("satisfaction_entreprises", "companies", "Votre avis sur l’accueil du groupe",
                    "Vos réponses nous aident à organiser les prochaines visites. Elles sont anonymes.", false,
                    {
                        scale("accueil", "L’accueil du groupe s’est bien déroulé."),
                        scale("visibilite", "Cette action aide notre structure à faire connaître ses métiers."),
                        multiple("suites", "Quelles suites envisagez-vous ?",
                                 {"Accueillir des stagiaires", "Proposer de l’apprentissage",
                                  "Recevoir un autre groupe", "Témoigner en classe"}),
                        free_text("commentaire", "Un commentaire ou une suggestion ?"),
                    }),
      make_template("retour_ambassadrice", "ambassadors", "Retour d’expérience de l’intervention",
                    "Ce que vous retenez de l’intervention, pour le collectif.", false,
                    {
                        free_text("ce_qui_a_marche", "Qu’est-ce qui a bien fonctionné ?"),
                        free_text("questions_eleves", "Quelles questions les élèves ont-ils posées ?"),
                        single("cliches", "Les clichés (métier sale, bruyant, de force) ont-ils été abordés ?",
                               {"Oui, longuement", "Un peu", "Non"}),
                        free_text("remarques", "Remarques libres"),
                    }),
  };
  return v;
}

const Questionnaire* questionnaire_template(std::string_view code) {
  for (const auto& q : questionnaire_templates())
    if (q.template_code == code) return &q;
  return nullptr;
}

void normalise(Questionnaire& q) {
  q.title = trim(q.title);
  q.intro = trim(q.intro);
  std::set<std::string> used;
  int position = 1;
  for (auto& qu : q.questions) {
    qu.text = trim(qu.text);
    qu.code = trim(qu.code);
    std::vector<std::string> options;
    for (auto& o : qu.options)
      if (auto t = trim(o); !t.empty()) options.push_back(t);
    qu.options = is_choice_kind(qu.kind) ? std::move(options) : std::vector<std::string>{};
    if (qu.code.empty() && !qu.text.empty()) {
      std::string base = code_from_text(qu.text), code = base;
      for (int n = 2; used.count(code); ++n) code = base.substr(0, kMaxCode - 4) + "_" + std::to_string(n);
      qu.code = code;
    }
    used.insert(qu.code);
    qu.position = position++;
  }
}

Errors validate(const Questionnaire& q) {
  Errors e;
  require_text(e, "title", q.title, kMaxTitle);
  check_max_length(e, "intro", q.intro, kMaxIntro);
  if (choice_label(survey_audiences(), q.audience).empty())
    e["audience"] = "Choisissez à qui s’adresse le questionnaire.";
  if (q.pre_post && q.audience != "pupils")
    e["pre_post"] = "Seuls les questionnaires destinés aux élèves se remplissent avant et après l’action.";
  if (q.questions.empty()) e["questions"] = "Ajoutez au moins une question.";
  if (q.questions.size() > kMaxQuestions)
    e["questions"] = "Un questionnaire compte au plus " + std::to_string(kMaxQuestions) + " questions.";
  std::set<std::string> codes;
  for (std::size_t i = 0; i < q.questions.size(); ++i) {
    const auto& qu = q.questions[i];
    std::string p = "q" + std::to_string(i) + "_";
    require_text(e, p + "text", qu.text, kMaxQuestionText);
    if (choice_label(question_kinds(), qu.kind).empty()) e[p + "kind"] = "Choisissez le type de la question.";
    if (is_choice_kind(qu.kind)) {
      if (qu.options.size() < 2)
        e[p + "options"] = "Donnez au moins deux choix, un par ligne.";
      else if (qu.options.size() > kMaxOptions)
        e[p + "options"] = "Au plus " + std::to_string(kMaxOptions) + " choix.";
      else if (std::set<std::string>(qu.options.begin(), qu.options.end()).size() != qu.options.size())
        e[p + "options"] = "Deux choix sont identiques.";
      else
        for (const auto& o : qu.options)
          if (utf8_length(o) > kMaxOption)
            e[p + "options"] = "Un choix dépasse " + std::to_string(kMaxOption) + " caractères.";
    }
    if (!valid_code(qu.code))
      e[p + "code"] = "Le code ne contient que des lettres minuscules sans accent, des chiffres et « _ » (40 au plus).";
    else if (!codes.insert(qu.code).second)
      e[p + "code"] = "Deux questions ont le même code : chaque code doit être unique.";
  }
  return e;
}

Errors parse_submission(const Questionnaire& q, const std::multimap<std::string, std::string>& form,
                        SurveySubmission& out) {
  Errors e;
  out = {};
  out.phase = first_of(form, "phase");
  out.gender = first_of(form, "gender");
  if (!out.gender.empty() && choice_label(respondent_genders(), out.gender).empty()) {
    e["gender"] = "Choisissez une des réponses proposées, ou aucune.";
    out.gender.clear();
  }
  out.level = first_of(form, "level");
  if (!out.level.empty() && class_level_label(out.level).empty()) {
    e["level"] = "Choisissez une classe de la liste, ou aucune.";
    out.level.clear();
  }
  out.code = normalise_link_code(first_of(form, "code"), e);
  out.quote_consent = first_of(form, "quote_consent") == "1";
  for (const auto& qu : q.questions) {
    const std::string name = "q" + std::to_string(qu.id);
    SubmittedAnswer a;
    a.question_id = qu.id;
    if (qu.kind == "scale") {
      std::string v = first_of(form, name);
      if (v == "nsp") {
        a.answered = true;
      } else if (v.size() == 1 && v[0] >= '1' && v[0] <= '5') {
        a.answered = true;
        a.value = v[0] - '0';
      } else if (!v.empty()) {
        e[name] = "Choisissez une réponse de 1 à 5, ou « je ne sais pas ».";
      }
    } else if (is_choice_kind(qu.kind)) {
      auto values = values_of(form, name);
      if (qu.kind == "single" && values.size() > 1) e[name] = "Choisissez une seule réponse.";
      std::set<int> seen;
      for (const auto& v : values) {
        if (v.empty()) continue;
        int i = option_index(v, qu.options.size());
        if (i < 0) {
          e[name] = "Choisissez parmi les réponses proposées.";
          continue;
        }
        if (seen.insert(i).second) a.choices.push_back(qu.options[static_cast<std::size_t>(i)]);
      }
      a.answered = !a.choices.empty();
    } else {
      std::string t = trim(first_of(form, name));
      if (!valid_utf8(t)) {
        e[name] = "Le texte contient des caractères illisibles.";
      } else if (utf8_length(t) > kMaxFreeText) {
        e[name] = "Votre réponse dépasse " + std::to_string(kMaxFreeText) + " caractères.";
      } else {
        a.text = t;
        a.answered = !t.empty();
      }
    }
    if (qu.required && !a.answered && !e.count(name)) e[name] = "Cette question demande une réponse.";
    out.answers.push_back(std::move(a));
  }
  return e;
}

std::string normalise_link_code(const std::string& raw, Errors& e) {
  std::string t = trim(raw), out;
  if (t.empty()) return "";
  for (char c : t) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  bool ok = out.size() == 4 && std::all_of(out.begin(), out.end(),
                                           [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  if (!ok) {
    e["code"] = "Le code compte exactement 4 lettres ou chiffres (sans accent), par exemple « LUNA » ou « 7K2B ».";
    return "";
  }
  return out;
}

std::string new_survey_token() {
  std::string t;
  for (int i = 0; i < 6; ++i) t += kTokenAlphabet[randombytes_uniform(static_cast<uint32_t>(kTokenAlphabet.size()))];
  return t;
}

bool is_survey_token(std::string_view token) {
  return token.size() == 6 && std::all_of(token.begin(), token.end(),
                                          [](char c) { return kTokenAlphabet.find(c) != std::string_view::npos; });
}

}  // namespace passerelles::domain
