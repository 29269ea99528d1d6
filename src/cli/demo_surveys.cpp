// The demo's questionnaires and anonymous answers, written through store/surveys.hpp (the pupils' many scale answers
// in bulk, one transaction per action): see demo_surveys.hpp. Pupils' answers follow a plausible change: the
// clichés (dirty, noisy, physical strength) lose agreement after the action, "aussi pour les filles" and
// "je pourrais" gain it.
#include "cli/demo_surveys.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>

#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/directory.hpp"
#include "store/surveys.hpp"

namespace passerelles::cli {

namespace {

constexpr std::size_t kActionsPerTerritory = 12;
const store::Author kBy{0, "demo"};

using Rng = std::mt19937;  // same sequence everywhere for a seed; draws below avoid the library's distributions

double uniform(Rng& rng) {
  return static_cast<double>(rng()) / 4294967296.0;
}
bool chance(Rng& rng, double p) {
  return uniform(rng) < p;
}
std::size_t pick(Rng& rng, std::size_t n) {
  return static_cast<std::size_t>(rng() % n);
}
// An index drawn with these weights (they sum to 1).
template <std::size_t N>
int draw(Rng& rng, const std::array<double, N>& weights) {
  double u = uniform(rng), sum = 0;
  for (std::size_t i = 0; i < N; ++i)
    if (u < (sum += weights[i])) return static_cast<int>(i);
  return static_cast<int>(N - 1);
}

// A statement of the perception template: agreement 1–5 before the action (girls, boys), and the change of one
// pupil's answer after it, −2…+2.
struct Statement {
  const char* code;
  std::array<double, 5> pre_girls, pre_boys, shift;
};
const std::array<Statement, 6> kStatements = {{
    {"sales", {.10, .20, .25, .30, .15}, {.10, .20, .25, .30, .15}, {.15, .45, .35, .05, 0}},
    {"bruyants", {.05, .10, .20, .40, .25}, {.05, .10, .20, .40, .25}, {.05, .35, .55, .05, 0}},
    {"force_physique", {.08, .15, .22, .33, .22}, {.10, .15, .25, .30, .20}, {.20, .45, .30, .05, 0}},
    {"aussi_pour_les_filles", {.05, .12, .25, .33, .25}, {.12, .18, .30, .27, .13}, {0, .05, .35, .45, .15}},
    {"je_pourrais", {.30, .28, .22, .13, .07}, {.18, .22, .27, .22, .11}, {0, .05, .50, .38, .07}},
    {"avenir", {.05, .12, .33, .33, .17}, {.05, .12, .33, .33, .17}, {0, .05, .60, .30, .05}},
}};

struct Pupil {
  std::string gender, level, code;
  std::array<int, 6> pre{}, post{};
};

// A 4-character code a pupil might choose, unique within the action.
std::string pupil_code(Rng& rng, std::set<std::string>& used) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (;;) {
    std::string c;
    for (int i = 0; i < 4; ++i) c += kAlphabet[pick(rng, kAlphabet.size())];
    if (used.insert(c).second) return c;
  }
}

std::vector<Pupil> class_of(Rng& rng, const domain::Action& a, std::size_t n) {
  double girls =
      static_cast<double>(a.audience[0]) / static_cast<double>(std::max<long long>(1, a.audience[0] + a.audience[1]));
  std::string level = a.classes.empty() ? "4e" : a.classes.front().level;
  std::set<std::string> codes;
  std::vector<Pupil> out(n);
  for (auto& p : out) {
    p.gender = chance(rng, girls) ? "girl" : "boy";
    if (chance(rng, 0.08)) p.gender = "";
    if (chance(rng, 0.02)) p.gender = "other";
    p.level = chance(rng, 0.88) ? level : "";
    if (chance(rng, 0.5)) p.code = pupil_code(rng, codes);
    for (std::size_t k = 0; k < kStatements.size(); ++k) {
      const auto& st = kStatements[k];
      p.pre[k] = 1 + draw(rng, p.gender == "girl" ? st.pre_girls : st.pre_boys);
      p.post[k] = std::clamp(p.pre[k] + draw(rng, st.shift) - 2, 1, 5);
    }
  }
  return out;
}

domain::SubmittedAnswer scale_answer(long long question_id, std::optional<int> value) {
  domain::SubmittedAnswer a;
  a.question_id = question_id;
  a.value = value;
  a.answered = true;
  return a;
}

domain::SubmittedAnswer text_answer(long long question_id, std::string text) {
  domain::SubmittedAnswer a;
  a.question_id = question_id;
  a.text = std::move(text);
  a.answered = true;
  return a;
}

long long question_id(const domain::Questionnaire& q, const std::string& code) {
  for (const auto& qu : q.questions)
    if (qu.code == code) return qu.id;
  throw std::runtime_error("demo: question « " + code + " » missing from « " + q.title + " »");
}

// What a counted pupils' action looks like: a class in front of the ambassador, at least 15 pupils.
bool suits_survey(const domain::Action& a) {
  static const std::set<std::string> kinds = {"temoignage_classe", "visite_entreprise", "visite_laboratoire", "atelier",
                                              "journee_8_mars"};
  return kinds.count(a.kind) && a.audience[0] + a.audience[1] >= 15 && !a.school_ids.empty();
}

// Teachers' comments: what worked best (some quoted, with consent) and what to improve. Long sentences are split
// over lines, which the missing-comma check mistakes for a forgotten comma.
// NOLINTBEGIN(bugprone-suspicious-missing-comma)
const std::vector<std::string> kWorked = {
    "Le témoignage de l’ambassadrice a cassé l’idée qu’il faut de la force physique : les élèves ont vu que les "
    "machines portent les charges.",
    "Les élèves ont été surpris par les salaires à la sortie d’un BTS ; la question est revenue plusieurs fois.",
    "Voir une technicienne parler de son quotidien a marqué les filles de la classe : plusieurs sont venues la voir "
    "à la fin.",
    "Les échanges en petits groupes : les élèves ont osé poser leurs questions.",
    "Les objets fabriqués dans la région, que les élèves ont pu manipuler.",
    "Le débat sur l’égalité de salaire entre femmes et hommes, très vivant.",
};
// NOLINTEND(bugprone-suspicious-missing-comma)
const std::vector<std::string> kImprove = {
    "Prévoir un peu plus de temps pour les questions.",
    "Envoyer une fiche de préparation aux enseignants une semaine avant.",
    "Un atelier pratique en plus du témoignage serait apprécié.",
    "",
};
// Pupils' free words after the action; the first is quoted (a girl in the action's class).
const std::vector<std::string> kPupilWords = {
    "Moi aussi je pourrais être technicienne, je ne savais pas que c’était possible.",
    "Je pensais que c’était sale et bruyant, en fait l’atelier était très propre.",
    "Les machines font le travail lourd, pas besoin d’être fort.",
    "Il y a des filles ingénieures et elles gagnent bien leur vie.",
    "J’aimerais faire mon stage de 3e là-bas.",
    "C’était trop bien, on a pu poser toutes nos questions.",
};

// Themes a coordinator would tag, from words of the (folded) answer.
std::vector<std::string> themes_of(const std::string& text) {
  std::string f = domain::fold(text);
  std::vector<std::string> out;
  if (f.find("force") != std::string::npos || f.find("lourd") != std::string::npos)
    out.push_back("cliché force physique");
  if (f.find("salaire") != std::string::npos || f.find("gagnent") != std::string::npos) out.push_back("salaire");
  if (f.find("egalite") != std::string::npos || f.find("filles") != std::string::npos ||
      f.find("technicienne") != std::string::npos)
    out.push_back("égalité");
  return out;
}

struct Tally {
  long long links = 0, pre = 0, post = 0, linked = 0, adults = 0, texts = 0, quotes = 0;
};

void respond(store::Store& s, long long link_id, const domain::SurveySubmission& sub, const std::string& day) {
  auto r = store::insert_survey_response(s, link_id, sub, day);
  if (!r.ok()) throw std::runtime_error("demo: survey answer refused");
}

void set_phase(store::Store& s, long long tid, long long link_id, const std::string& phase) {
  if (!store::set_survey_link_phase(s, tid, link_id, phase, kBy).ok())
    throw std::runtime_error("demo: survey phase " + phase + " refused");
}

long long new_link(store::Store& s, long long tid, long long action_id, long long questionnaire_id, Tally& t) {
  auto r = store::create_survey_link(s, tid, action_id, questionnaire_id, kBy);
  if (!r.ok()) throw std::runtime_error("demo: survey link refused");
  ++t.links;
  return r.id;
}

// Pupils' answers are many (about 500 per territory): they go in one transaction per action and phase, into the
// columns store::insert_survey_response fills (scale answers only: no choice, no text to fold). One transaction
// per answer through the API meant some 1,100 fsyncs, several seconds on a busy disk.
void insert_scale_responses(store::Store& s, long long link_id, const std::vector<domain::SurveySubmission>& subs,
                            const std::string& day) {
  s.write([&](soci::session& sql) {
    for (const auto& sub : subs) {
      long long id = 0;
      sql << "INSERT INTO survey_responses (link_id, phase, day, gender, level, code, quote_consent) VALUES "
             "(:l, :p, :d, :g, :lv, :c, 0) RETURNING id",
          soci::use(link_id), soci::use(sub.phase), soci::use(day), soci::use(sub.gender), soci::use(sub.level),
          soci::use(sub.code), soci::into(id);
      for (const auto& a : sub.answers) {
        int value = a.value.value_or(0);
        soci::indicator vi = a.value ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO survey_answers (response_id, question_id, value) VALUES (:r, :q, :v)", soci::use(id),
            soci::use(a.question_id), soci::use(value, vi);
      }
    }
  });
}

// Before and after one action: 15–30 pupils (at most the class), a few missing afterwards, about half linking
// their answers with a code; some "je ne sais pas".
void perception_answers(store::Store& s, Rng& rng, long long tid, const domain::Questionnaire& q,
                        const domain::Action& a, bool leave_open, Tally& t) {
  long long link = new_link(s, tid, a.id, q.id, t);
  std::size_t size = static_cast<std::size_t>(a.audience[0] + a.audience[1]);
  auto pupils = class_of(rng, a, std::min(size, 15 + pick(rng, 16)));
  std::size_t after = pupils.size() - pick(rng, 4);
  for (const std::string phase : {"pre", "post"}) {
    const bool post = phase == "post";
    if (post) set_phase(s, tid, link, "post");
    std::vector<domain::SurveySubmission> subs;
    for (std::size_t i = 0; i < (post ? after : pupils.size()); ++i) {
      const Pupil& p = pupils[i];
      domain::SurveySubmission sub;
      sub.phase = phase;
      sub.gender = p.gender;
      sub.level = p.level;
      sub.code = p.code;
      for (std::size_t k = 0; k < kStatements.size(); ++k) {
        bool dont_know = chance(rng, post ? 0.03 : 0.06);
        int v = post ? p.post[k] : p.pre[k];
        sub.answers.push_back(
            scale_answer(question_id(q, kStatements[k].code), dont_know ? std::nullopt : std::optional<int>(v)));
      }
      subs.push_back(std::move(sub));
      ++(post ? t.post : t.pre);
      if (post && !p.code.empty()) ++t.linked;
    }
    insert_scale_responses(s, link, subs, a.starts_on);
  }
  if (!leave_open) set_phase(s, tid, link, "closed");
}

// One or two teachers of the class: satisfied, with a comment; two out of three accept to be quoted.
void teacher_answers(store::Store& s, Rng& rng, long long tid, const domain::Questionnaire& q, const domain::Action& a,
                     std::size_t& comment, Tally& t) {
  long long link = new_link(s, tid, a.id, q.id, t);
  for (std::size_t n = 1 + pick(rng, 2); n > 0; --n, ++comment) {
    domain::SurveySubmission sub;
    sub.phase = "single";
    sub.quote_consent = comment % 3 != 2;
    sub.answers.push_back(scale_answer(question_id(q, "attentes"), 4 + static_cast<int>(pick(rng, 2))));
    sub.answers.push_back(scale_answer(question_id(q, "interet_eleves"), 3 + static_cast<int>(pick(rng, 3))));
    sub.answers.push_back(
        scale_answer(question_id(q, "cliches_abordes"),
                     chance(rng, 0.1) ? std::nullopt : std::optional<int>(3 + static_cast<int>(pick(rng, 3)))));
    domain::SubmittedAnswer again;
    again.question_id = question_id(q, "renouveler");
    again.choices = {chance(rng, 0.8) ? "Oui" : "Peut-être"};
    again.answered = true;
    sub.answers.push_back(again);
    sub.answers.push_back(text_answer(question_id(q, "mieux_fonctionne"), kWorked[comment % kWorked.size()]));
    if (const auto& improve = kImprove[comment % kImprove.size()]; !improve.empty())
      sub.answers.push_back(text_answer(question_id(q, "ameliorer"), improve));
    respond(s, link, sub, a.starts_on);
    ++t.adults;
  }
}

// A few pupils' free words after the action, on a one-question form; the first from a girl of the class.
void pupil_words(store::Store& s, Rng& rng, long long tid, const domain::Questionnaire& q, const domain::Action& a,
                 std::size_t& word, Tally& t) {
  long long link = new_link(s, tid, a.id, q.id, t);
  std::string level = a.classes.empty() ? "4e" : a.classes.front().level;
  for (int n = 0; n < 2; ++n, ++word) {
    domain::SurveySubmission sub;
    sub.phase = "single";
    sub.gender = word == 0 ? "girl" : chance(rng, 0.5) ? "girl" : "boy";
    sub.level = level;
    sub.answers.push_back(text_answer(q.questions.front().id, kPupilWords[word % kPupilWords.size()]));
    respond(s, link, sub, a.starts_on);
    ++t.texts;
  }
  set_phase(s, tid, link, "closed");
}

domain::Questionnaire pupils_words_questionnaire(long long tid) {
  domain::Questionnaire q;
  q.territory_id = tid;
  q.audience = "pupils";
  q.title = "Ce que tu retiens de l’intervention";
  q.intro = "Un mot, anonyme, sur ce que tu as découvert. Pas de nom, pas de compte.";
  domain::SurveyQuestion qu;
  qu.code = "decouverte";
  qu.kind = "text";
  qu.text = "Une chose que tu as découverte aujourd’hui ?";
  q.questions = {qu};
  return q;
}

// Themes on the free-text answers, then the quotes: the pupil's first words and the first two comments of
// teachers who consented.
void themes_and_quotes(store::Store& s, long long tid, Tally& t) {
  store::SurveyScope scope;
  scope.territory_id = tid;
  auto page = store::text_answers(s, scope, "", "", 1, 500);
  std::vector<long long> to_quote;
  for (auto it = page.answers.rbegin(); it != page.answers.rend(); ++it) {  // oldest first
    const auto& a = *it;
    if (auto themes = themes_of(a.text); !themes.empty())
      if (!store::set_answer_themes(s, tid, a.id, themes, kBy).ok()) throw std::runtime_error("demo: themes refused");
    if (a.audience == "pupils" && a.text == kPupilWords.front() && to_quote.empty()) to_quote.push_back(a.id);
  }
  for (auto it = page.answers.rbegin(); it != page.answers.rend() && to_quote.size() < 3; ++it)
    if (it->audience == "teachers" && it->quote_consent &&
        std::find(kWorked.begin(), kWorked.end(), it->text) != kWorked.end())
      to_quote.push_back(it->id);
  for (long long id : to_quote) {
    if (!store::quote_answer(s, tid, id, kBy).ok()) throw std::runtime_error("demo: quote refused");
    ++t.quotes;
  }
}

}  // namespace

void demo_surveys(store::Store& s, std::ostream& out) {
  const std::vector<std::string> slugs = {"cmq-msi-bfc", "ti-flandre-saint-omer"};
  for (std::size_t n = 0; n < slugs.size(); ++n) {
    auto territory = store::territory_by_slug(s, slugs[n]);
    if (!territory || !store::questionnaires_of(s, territory->id).empty()) continue;
    const long long tid = territory->id;
    Rng rng(6000 + static_cast<unsigned>(n));

    auto perception = store::questionnaire_by_id(s, tid, store::default_perception_questionnaire(s, tid, kBy));
    auto teachers_r = store::copy_questionnaire_template(s, tid, "satisfaction_enseignants", kBy);
    auto words_r = store::insert_questionnaire(s, pupils_words_questionnaire(tid), kBy);
    if (!perception || !teachers_r.ok() || !words_r.ok()) throw std::runtime_error("demo: questionnaires refused");
    const auto teachers = *store::questionnaire_by_id(s, tid, teachers_r.id);
    const auto words = *store::questionnaire_by_id(s, tid, words_r.id);

    // The most recent validated actions with a class of pupils.
    std::vector<domain::Action> actions;
    store::ActionFilter f;
    f.status = "validated";
    f.per_page = store::kMaxPerPage;
    for (const auto& a : store::actions_matching(s, tid, f).rows)
      if (suits_survey(a) && actions.size() < kActionsPerTerritory) actions.push_back(a);

    Tally t;
    std::size_t comment = 0, word = 0;
    for (std::size_t i = 0; i < actions.size(); ++i) {
      // The two most recent stay open for answers after the action; the others are closed.
      perception_answers(s, rng, tid, *perception, actions[i], i < 2, t);
      if (i % 2 == 0) teacher_answers(s, rng, tid, teachers, actions[i], comment, t);
      if (i % 4 == 1) pupil_words(s, rng, tid, words, actions[i], word, t);
    }
    themes_and_quotes(s, tid, t);
    out << "demo: " << slugs[n] << ": 3 questionnaires, " << t.links << " survey links, " << t.pre
        << " pupils' answers before and " << t.post << " after (" << t.linked << " linked by a code), " << t.adults
        << " teachers' answers, " << t.texts << " pupils' free words, " << t.quotes << " quotes\n";
  }
}

}  // namespace passerelles::cli
