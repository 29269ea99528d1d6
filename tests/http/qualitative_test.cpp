// HTTP tests of the free-text answers and quotes on every engine: search that ignores accents and case, filters
// by audience, theme and period, themes tagged by the coordinator, quotes (pupils' anonymous, adults' only with
// their consent), publishing and deleting quotes, roles, and another territory's answers out of reach.
#include <gtest/gtest.h>

#include "domain/action.hpp"
#include "domain/survey.hpp"
#include "store/actions.hpp"
#include "store/surveys.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

std::string element_text(const std::string& html, const std::string& id) {
  auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  auto start = html.find('>', at) + 1;
  return html.substr(start, html.find('<', start) - start);
}

// Pupils' texts (a girl in 4e, a boy without level), a teacher who agrees to be quoted, one who does not.
const std::string kDirty = "Je pensais que c’était un métier sale et bruyant.";
const std::string kClean = "L’atelier ÉTAIT très propre, j’ai été surprise.";
const std::string kSafety = "Les élèves ont posé beaucoup de questions sur la sécurité.";
const std::string kLong = "Intervention un peu longue pour une classe de troisième.";
const std::string kOther = "Réponse du territoire B : usine propre.";

struct World {
  long long ta = 0, tb = 0;
  long long dirty = 0, clean = 0, safety = 0, too_long = 0, other = 0;  // answer ids
};

long long action(store::Store& s, long long territory, const std::string& day) {
  domain::Action a;
  a.territory_id = territory;
  a.kind = "temoignage_classe";
  a.title = "Témoignage du " + day;
  a.starts_on = day;
  a.duration_minutes = 60;
  a.audience[0] = 12;
  auto r = store::insert_action(s, a, {});
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->first + " " + r.errors.begin()->second);
  return r.id;
}

// A questionnaire of `territory` copied from `template_code`, with a free-text question added when it has none.
domain::Questionnaire questionnaire(store::Store& s, long long territory, const std::string& template_code) {
  long long id = store::copy_questionnaire_template(s, territory, template_code, {}).id;
  auto q = store::questionnaire_by_id(s, territory, id);
  bool has_text = false;
  for (const auto& sq : q->questions) has_text = has_text || sq.kind == "text";
  if (!has_text) {
    q->questions.push_back({0, 0, "", "text", "Qu’as-tu retenu de l’intervention ?", {}, false});
    domain::normalise(*q);
    EXPECT_TRUE(store::update_questionnaire(s, *q, {}).ok());
    q = store::questionnaire_by_id(s, territory, id);
  }
  return *q;
}

// One response to the link's first free-text question; returns the id of the stored free-text answer.
long long answer(store::Store& s, long long territory, const domain::Questionnaire& q, long long link,
                 const std::string& phase, const std::string& gender, const std::string& level, bool consent,
                 const std::string& text, const std::string& day) {
  domain::SurveySubmission sub;
  sub.phase = phase;
  sub.gender = gender;
  sub.level = level;
  sub.quote_consent = consent;
  for (const auto& sq : q.questions)
    if (sq.kind == "text") {
      sub.answers.push_back({sq.id, std::nullopt, {}, text, true});
      break;
    }
  auto r = store::insert_survey_response(s, link, sub, day);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->second);
  store::SurveyScope scope;
  scope.territory_id = territory;
  for (const auto& a : store::text_answers(s, scope, "", "", 1, 500).answers)
    if (a.text == text) return a.id;
  ADD_FAILURE() << "answer not found: " << text;
  return 0;
}

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  seed_user(s, "ambassadrice-a@exemple.fr", domain::Role::ambassador, w.ta);
  long long march = action(s, w.ta, "2025-03-10"), june = action(s, w.ta, "2025-06-12");
  auto pupils = questionnaire(s, w.ta, "perception_eleves");
  auto teachers = questionnaire(s, w.ta, "satisfaction_enseignants");
  long long pupils_link = store::create_survey_link(s, w.ta, march, pupils.id, {}).id;
  long long teachers_link = store::create_survey_link(s, w.ta, june, teachers.id, {}).id;
  w.dirty = answer(s, w.ta, pupils, pupils_link, "pre", "girl", "4e", false, kDirty, "2025-03-10");
  w.clean = answer(s, w.ta, pupils, pupils_link, "pre", "boy", "", false, kClean, "2025-03-10");
  w.safety = answer(s, w.ta, teachers, teachers_link, "single", "", "", true, kSafety, "2025-06-12");
  w.too_long = answer(s, w.ta, teachers, teachers_link, "single", "", "", false, kLong, "2025-06-13");
  long long other_action = action(s, w.tb, "2025-03-11");
  auto other_q = questionnaire(s, w.tb, "satisfaction_enseignants");
  long long other_link = store::create_survey_link(s, w.tb, other_action, other_q.id, {}).id;
  w.other = answer(s, w.tb, other_q, other_link, "single", "", "", true, kOther, "2025-03-11");
  return w;
}

store::SurveyScope scope_of(long long territory) {
  store::SurveyScope scope;
  scope.territory_id = territory;
  return scope;
}

long long quotes_of_a(store::Store& s, long long ta) {
  return static_cast<long long>(store::quotes_of(s, ta, false, 500).size());
}

}  // namespace

class QualitativeHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(QualitativeHttp, AnswersAreSearchedWithoutAccentsAndFilteredByAudienceThemeAndPeriod) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);

  auto all = c.get("/retours");
  ASSERT_EQ(all.status, 200);
  expect_accessible(all.body, "free-text answers");
  EXPECT_TRUE(contains(all.body, "4 réponses"));
  for (const auto& t : {kDirty, kClean, kSafety, kLong}) EXPECT_TRUE(contains(all.body, t)) << t;
  EXPECT_FALSE(contains(all.body, kOther)) << "another territory's answer";
  EXPECT_TRUE(contains(all.body, "Élèves · 4e")) << "the pupil's level, nothing else about her";
  EXPECT_FALSE(contains(all.body, "Fille")) << "the respondent's gender is not shown";
  EXPECT_LT(all.body.find(kLong), all.body.find(kSafety)) << "newest first";

  // "etait PROPRE" finds "ÉTAIT très propre"; "securite" finds "sécurité"; every word must appear.
  auto clean = c.get("/retours?q=etait+PROPRE");
  EXPECT_TRUE(contains(clean.body, "1 réponse<")) << clean.body;
  EXPECT_TRUE(contains(clean.body, kClean));
  EXPECT_FALSE(contains(clean.body, kDirty));
  EXPECT_TRUE(contains(clean.body, "value=\"etait PROPRE\""));
  auto safety = c.get("/retours?q=s%C3%A9curit%C3%A9+QUESTIONS");
  EXPECT_TRUE(contains(safety.body, kSafety));
  EXPECT_TRUE(contains(safety.body, "1 réponse<"));
  auto safety_folded = c.get("/retours?q=securite");
  EXPECT_TRUE(contains(safety_folded.body, kSafety));
  EXPECT_TRUE(contains(c.get("/retours?q=sale+propre").body, "Aucune réponse ne correspond à ces critères."));

  auto teachers = c.get("/retours?public=teachers");
  EXPECT_TRUE(contains(teachers.body, "2 réponses<"));
  EXPECT_FALSE(contains(teachers.body, kDirty));
  EXPECT_TRUE(contains(teachers.body, "<option value=\"teachers\" selected>"));

  // Period: months of the actions (the pupils' action is in March, the teachers' in June).
  auto june = c.get("/retours?du=2025-06&au=2025-06");
  EXPECT_TRUE(contains(june.body, "2 réponses<"));
  EXPECT_FALSE(contains(june.body, kClean));
  auto march = c.get("/retours?au=2025-03");
  EXPECT_TRUE(contains(march.body, "2 réponses<"));
  EXPECT_TRUE(contains(march.body, kDirty));
  auto bad = c.get("/retours?du=2025-13&public=pirates");
  EXPECT_EQ(bad.status, 200);
  expect_accessible(bad.body, "answers with refused filters");
  EXPECT_EQ(element_text(bad.body, "retours-du-error"), "Indiquez un mois au format AAAA-MM (par exemple 2025-01).");
  EXPECT_EQ(element_text(bad.body, "retours-public-error"), "Choisissez un public de la liste.");
  EXPECT_TRUE(contains(bad.body, "4 réponses<")) << "refused filters are not applied";
  auto reversed = c.get("/retours?du=2025-06&au=2025-03");
  EXPECT_EQ(element_text(reversed.body, "retours-au-error"), "La fin de la période précède son début.");

  // Themes: tagged from the list (the filter is kept on the way back), then filtered on.
  auto tagged = c.post_form("/retours/" + std::to_string(w.clean) + "/themes",
                            {{"themes", " propreté , surprise,propreté"}, {"suite", "q=propre&public=pupils&page=1"}});
  ASSERT_EQ(tagged.status, 303) << tagged.body;
  EXPECT_EQ(tagged.header("location"),
            "/retours?q=propre&public=pupils&msg=themes-enregistres#reponse-" + std::to_string(w.clean));
  ASSERT_EQ(c.post_form("/retours/" + std::to_string(w.dirty) + "/themes", {{"themes", "Clichés, propreté"}}).status,
            303);
  auto by_theme = c.get("/retours?theme=propret%C3%A9");
  EXPECT_TRUE(contains(by_theme.body, "2 réponses<")) << by_theme.body;
  EXPECT_TRUE(contains(by_theme.body, kClean));
  EXPECT_FALSE(contains(by_theme.body, kSafety));
  EXPECT_TRUE(contains(by_theme.body, "<option value=\"propreté\" selected>propreté (2)</option>"));
  EXPECT_TRUE(contains(c.get("/retours?theme=surprise").body, "1 réponse<"));
  auto saved = store::text_answers(srv.store(), scope_of(w.ta), "propre", "", 1).answers;
  ASSERT_EQ(saved.size(), 1u);
  EXPECT_EQ(saved[0].themes, (std::vector<std::string>{"propreté", "surprise"}));

  // A theme too long: the message next to the answer's field, with what was typed, and nothing changed.
  std::string long_theme(61, 'x');
  auto refused =
      c.post_form("/retours/" + std::to_string(w.clean) + "/themes", {{"themes", "propreté, " + long_theme}});
  EXPECT_EQ(refused.status, 422);
  expect_accessible(refused.body, "refused themes");
  EXPECT_EQ(element_text(refused.body, "reponse-" + std::to_string(w.clean) + "-themes-error"),
            "Un thème compte au plus 60 caractères.");
  EXPECT_TRUE(contains(refused.body, "value=\"propreté, " + long_theme + "\""));
  EXPECT_EQ(store::text_answers(srv.store(), scope_of(w.ta), "propre", "", 1).answers[0].themes.size(), 2u);

  // Clearing the themes.
  ASSERT_EQ(c.post_form("/retours/" + std::to_string(w.clean) + "/themes", {{"themes", ""}}).status, 303);
  EXPECT_TRUE(store::text_answers(srv.store(), scope_of(w.ta), "propre", "", 1).answers[0].themes.empty());
}

TEST_P(QualitativeHttp, PupilsAreQuotedAnonymouslyAndAdultsOnlyWithTheirConsent) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);

  auto page = c.get("/retours");
  EXPECT_TRUE(contains(page.body, "action=\"/retours/" + std::to_string(w.dirty) + "/citer\""));
  EXPECT_FALSE(contains(page.body, "action=\"/retours/" + std::to_string(w.too_long) + "/citer\""))
      << "no button for an adult who did not consent";
  EXPECT_TRUE(contains(page.body, "la personne n’a pas accepté que ses réponses soient citées"));

  auto quoted = c.post_form("/retours/" + std::to_string(w.dirty) + "/citer", {{"suite", "public=pupils"}});
  ASSERT_EQ(quoted.status, 303) << quoted.body;
  EXPECT_EQ(quoted.header("location"),
            "/retours?public=pupils&msg=citation-ajoutee#reponse-" + std::to_string(w.dirty));
  auto quotes = store::quotes_of(srv.store(), w.ta, false, 500);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, kDirty);
  EXPECT_EQ(quotes[0].attribution, "Une élève de 4e") << "anonymous: gender and level only";
  EXPECT_TRUE(quotes[0].is_public);
  EXPECT_TRUE(contains(c.get("/retours").body, "Cette réponse est citée"));

  // Again: already quoted, nothing added.
  auto again = c.post_form("/retours/" + std::to_string(w.dirty) + "/citer", {});
  EXPECT_EQ(again.status, 303);
  EXPECT_TRUE(contains(again.header("location"), "msg=deja-citee"));
  EXPECT_EQ(quotes_of_a(srv.store(), w.ta), 1);

  // A boy without level; a teacher who agreed.
  ASSERT_EQ(c.post_form("/retours/" + std::to_string(w.clean) + "/citer", {}).status, 303);
  ASSERT_EQ(c.post_form("/retours/" + std::to_string(w.safety) + "/citer", {}).status, 303);
  quotes = store::quotes_of(srv.store(), w.ta, false, 500);
  ASSERT_EQ(quotes.size(), 3u);
  std::map<std::string, std::string> attribution;
  for (const auto& q : quotes) attribution[q.text] = q.attribution;
  EXPECT_EQ(attribution[kClean], "Un élève");
  EXPECT_EQ(attribution[kSafety], "Un·e enseignant·e");

  // A teacher who did not agree: refused with the store's French message next to the answer, nothing added.
  auto refused = c.post_form("/retours/" + std::to_string(w.too_long) + "/citer", {});
  EXPECT_EQ(refused.status, 422);
  expect_accessible(refused.body, "refused quote");
  EXPECT_EQ(element_text(refused.body, "reponse-" + std::to_string(w.too_long) + "-quote"),
            "Cette personne n’a pas accepté que sa réponse soit citée : elle ne peut pas l’être.");
  EXPECT_TRUE(contains(refused.body, "role=\"alert\""));
  EXPECT_EQ(quotes_of_a(srv.store(), w.ta), 3);

  // The quotes page: withdraw from the public site, publish again, delete.
  auto list = c.get("/citations");
  ASSERT_EQ(list.status, 200);
  expect_accessible(list.body, "quotes");
  EXPECT_TRUE(contains(list.body, kDirty));
  EXPECT_TRUE(contains(list.body, "<cite>Une élève de 4e</cite>, 10 mars 2025"));
  long long quote = 0;
  for (const auto& q : store::quotes_of(srv.store(), w.ta, false, 500))
    if (q.text == kDirty) quote = q.id;
  std::string base = "/citations/" + std::to_string(quote);
  auto withdrawn = c.post_form(base + "/public", {{"public", "0"}});
  ASSERT_EQ(withdrawn.status, 303);
  EXPECT_EQ(withdrawn.header("location"), "/citations?msg=citation-retiree#citation-" + std::to_string(quote));
  EXPECT_EQ(store::quotes_of(srv.store(), w.ta, true, 500).size(), 2u);
  auto after = c.get("/citations?msg=citation-retiree");
  EXPECT_TRUE(contains(after.body, "Citation retirée du site public."));
  EXPECT_TRUE(contains(after.body, "Non publiée"));
  EXPECT_EQ(c.post_form(base + "/public", {{"public", "oui"}}).status, 400);
  ASSERT_EQ(c.post_form(base + "/public", {{"public", "1"}}).status, 303);
  EXPECT_EQ(store::quotes_of(srv.store(), w.ta, true, 500).size(), 3u);
  ASSERT_EQ(c.post_form(base + "/supprimer", {}).status, 303);
  EXPECT_EQ(quotes_of_a(srv.store(), w.ta), 2);
  EXPECT_EQ(c.post_form(base + "/supprimer", {}).status, 404);

  auto journal = c.get("/journal");
  EXPECT_TRUE(contains(journal.body, "Création — citation"));
  EXPECT_TRUE(contains(journal.body, "Visibilité publique — citation"));
  EXPECT_TRUE(contains(journal.body, "Suppression — citation"));
}

TEST_P(QualitativeHttp, AnotherTerritoryAndNonEditorsCannotTagOrQuote) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  long long quote = store::quote_answer(srv.store(), w.ta, w.dirty, {}).id;
  ASSERT_GT(quote, 0);

  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  auto list_b = b.get("/retours");
  EXPECT_TRUE(contains(list_b.body, kOther));
  EXPECT_FALSE(contains(list_b.body, kDirty));
  EXPECT_FALSE(contains(b.get("/citations").body, kDirty));
  EXPECT_EQ(b.post_form("/retours/" + std::to_string(w.safety) + "/citer", {}).status, 404);
  EXPECT_EQ(b.post_form("/retours/" + std::to_string(w.safety) + "/themes", {{"themes", "piratage"}}).status, 404);
  EXPECT_EQ(b.post_form("/citations/" + std::to_string(quote) + "/public", {{"public", "0"}}).status, 404);
  EXPECT_EQ(b.post_form("/citations/" + std::to_string(quote) + "/supprimer", {}).status, 404);
  EXPECT_EQ(quotes_of_a(srv.store(), w.ta), 1);
  EXPECT_EQ(store::quotes_of(srv.store(), w.ta, true, 500).size(), 1u);
  EXPECT_EQ(store::answer_themes(srv.store(), w.ta).size(), 0u);

  // An ambassador reads answers and quotes, without the forms.
  Client amb(srv.port());
  ASSERT_EQ(amb.login("ambassadrice-a@exemple.fr", kPassword), 303);
  auto page = amb.get("/retours");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, kDirty));
  EXPECT_FALSE(contains(page.body, "/citer"));
  EXPECT_FALSE(contains(page.body, "/themes\""));
  auto quotes = amb.get("/citations");
  EXPECT_TRUE(contains(quotes.body, kDirty));
  EXPECT_FALSE(contains(quotes.body, "/supprimer"));
  EXPECT_EQ(amb.post_form("/retours/" + std::to_string(w.safety) + "/citer", {}).status, 403);
  EXPECT_EQ(amb.post_form("/retours/" + std::to_string(w.safety) + "/themes", {{"themes", "x"}}).status, 403);
  EXPECT_EQ(amb.post_form("/citations/" + std::to_string(quote) + "/supprimer", {}).status, 403);
  EXPECT_EQ(quotes_of_a(srv.store(), w.ta), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, QualitativeHttp, ::testing::ValuesIn(fixture::engines()));
