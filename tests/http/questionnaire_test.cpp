// HTTP tests of the questionnaire pages on every engine: copying a built-in template, editing it (statements
// changed, questions added, removed and reordered, errors next to the row they belong to with what was typed kept),
// copying and archiving, the preview, roles, and another territory's questionnaire reading as 404.
#include <gtest/gtest.h>

#include "domain/survey.hpp"
#include "store/surveys.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// The element with this id and the text up to its closing tag (the message shown next to a field).
std::string element_text(const std::string& html, const std::string& id) {
  auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  auto start = html.find('>', at) + 1;
  return html.substr(start, html.find('<', start) - start);
}

// "/questionnaires/12/modifier?msg=…" -> 12.
long long questionnaire_id_of(const std::string& location) {
  const std::string prefix = "/questionnaires/";
  if (location.rfind(prefix, 0) != 0) return 0;
  return std::stoll(location.substr(prefix.size()));
}

struct World {
  long long ta = 0, tb = 0;
};

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  seed_user(s, "ambassadrice-a@exemple.fr", domain::Role::ambassador, w.ta);
  seed_user(s, "admin@exemple.fr", domain::Role::admin, 0);
  return w;
}

// The edition form as a browser posts it for `q`, the rows in the stored order; `change(n, fields)` may alter the
// fields of row n.
Fields form_of(const domain::Questionnaire& q) {
  Fields f = {{"title", q.title}, {"intro", q.intro}, {"audience", q.audience}};
  if (q.pre_post) f.emplace_back("pre_post", "1");
  for (std::size_t n = 0; n < q.questions.size(); ++n) {
    const auto& sq = q.questions[n];
    std::string p = "q" + std::to_string(n) + "_";
    std::string options;
    for (const auto& o : sq.options) options += (options.empty() ? "" : "\n") + o;
    f.insert(f.end(), {{p + "id", std::to_string(sq.id)},
                       {p + "text", sq.text},
                       {p + "kind", sq.kind},
                       {p + "options", options},
                       {p + "position", std::to_string(sq.position)}});
    if (sq.required) f.emplace_back(p + "required", "1");
  }
  return f;
}

void set(Fields& f, const std::string& name, const std::string& value) {
  for (auto& [k, v] : f)
    if (k == name) {
      v = value;
      return;
    }
  f.emplace_back(name, value);
}

}  // namespace

class QuestionnaireHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(QuestionnaireHttp, CoordinatorCopiesATemplateEditsItAndArchivesIt) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);

  auto list = c.get("/questionnaires");
  ASSERT_EQ(list.status, 200);
  expect_accessible(list.body, "questionnaire list");
  EXPECT_TRUE(contains(list.body, "Ton regard sur les métiers de l’industrie"));
  EXPECT_TRUE(contains(list.body, "action=\"/questionnaires/modeles/perception_eleves\""));
  EXPECT_TRUE(contains(list.body, "action=\"/questionnaires/modeles/retour_ambassadrice\""));
  EXPECT_TRUE(contains(list.body, "Le territoire n’a pas encore de questionnaire"));
  EXPECT_TRUE(contains(list.body, "href=\"/questionnaires\"")) << "the navigation names the page";

  auto copied = c.post_form("/questionnaires/modeles/perception_eleves", {});
  ASSERT_EQ(copied.status, 303) << copied.body;
  long long id = questionnaire_id_of(copied.header("location"));
  EXPECT_EQ(copied.header("location"), "/questionnaires/" + std::to_string(id) + "/modifier?msg=questionnaire-copie");
  auto stored = store::questionnaire_by_id(srv.store(), w.ta, id);
  ASSERT_TRUE(stored);
  const auto& model = *domain::questionnaire_template("perception_eleves");
  ASSERT_EQ(stored->questions.size(), model.questions.size());
  EXPECT_TRUE(stored->pre_post);
  EXPECT_EQ(stored->template_code, "perception_eleves");

  auto edit = c.get(copied.header("location"));
  ASSERT_EQ(edit.status, 200);
  expect_accessible(edit.body, "questionnaire edit form");
  EXPECT_TRUE(contains(edit.body, "Questionnaire copié"));
  EXPECT_TRUE(contains(edit.body, "Les métiers de l’industrie sont des métiers sales."));
  EXPECT_TRUE(contains(edit.body, "name=\"q0_id\" value=\"" + std::to_string(stored->questions[0].id) + "\""));
  std::size_t rows = stored->questions.size();
  EXPECT_TRUE(contains(edit.body, "id=\"qf-row" + std::to_string(rows + 2) + "-text\"")) << "three blank rows";
  EXPECT_FALSE(contains(edit.body, "id=\"qf-row" + std::to_string(rows + 3) + "-text\""));

  // A new choice question placed first (order 0) with a single option, and the second statement emptied: each
  // message is next to its own row, although the new question is the first of the questionnaire.
  Fields bad = form_of(*stored);
  set(bad, "title", "Regard des élèves de A");
  set(bad, "q1_text", "   ");
  std::string n = std::to_string(rows);
  bad.insert(bad.end(), {{"q" + n + "_text", "Quel métier aimerais-tu découvrir ?"},
                         {"q" + n + "_kind", "single"},
                         {"q" + n + "_options", "Soudeuse\n\n"},
                         {"q" + n + "_position", "0"}});
  // A blank new row (a kind is always sent) is ignored.
  bad.insert(bad.end(), {{"q" + std::to_string(rows + 1) + "_text", ""},
                         {"q" + std::to_string(rows + 1) + "_kind", "scale"},
                         {"q" + std::to_string(rows + 1) + "_options", ""}});
  auto refused = c.post_form("/questionnaires/" + std::to_string(id) + "/modifier", bad);
  EXPECT_EQ(refused.status, 422);
  expect_accessible(refused.body, "refused questionnaire form");
  EXPECT_EQ(element_text(refused.body, "qf-row" + n + "-options-error"), "Donnez au moins deux choix, un par ligne.");
  EXPECT_EQ(element_text(refused.body, "qf-row1-text-error"), "Ce champ est obligatoire.");
  EXPECT_EQ(element_text(refused.body, "qf-row0-text-error"), "") << "no message on a good row";
  EXPECT_TRUE(contains(refused.body, "href=\"#qf-row" + n + "-options\"")) << "the summary links to the row";
  EXPECT_TRUE(contains(refused.body, "Quel métier aimerais-tu découvrir ?")) << "what was typed comes back";
  EXPECT_TRUE(contains(refused.body, "value=\"Regard des élèves de A\""));
  EXPECT_EQ(store::questionnaire_by_id(srv.store(), w.ta, id)->title, model.title) << "nothing saved";

  // Corrected: the new question goes first, the second statement is reworded, the last one is removed.
  Fields good = bad;
  set(good, "q1_text", "Les métiers de l’industrie sont devenus silencieux.");
  set(good, "q" + n + "_options", "Soudeuse\nTechnicienne de maintenance\n");
  set(good, "q" + std::to_string(rows - 1) + "_remove", "1");
  set(good, "q0_required", "1");
  auto saved = c.post_form("/questionnaires/" + std::to_string(id) + "/modifier", good);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), "/questionnaires/" + std::to_string(id) + "?msg=enregistre");
  auto after = store::questionnaire_by_id(srv.store(), w.ta, id);
  ASSERT_EQ(after->questions.size(), rows);  // one added, one removed
  EXPECT_EQ(after->title, "Regard des élèves de A");
  EXPECT_EQ(after->questions[0].text, "Quel métier aimerais-tu découvrir ?");
  EXPECT_EQ(after->questions[0].kind, "single");
  EXPECT_EQ(after->questions[0].options, (std::vector<std::string>{"Soudeuse", "Technicienne de maintenance"}));
  EXPECT_EQ(after->questions[1].id, stored->questions[0].id);
  EXPECT_TRUE(after->questions[1].required);
  EXPECT_EQ(after->questions[2].text, "Les métiers de l’industrie sont devenus silencieux.");
  EXPECT_EQ(after->questions[2].code, stored->questions[1].code) << "a reworded statement keeps its code";
  for (const auto& q : after->questions) EXPECT_NE(q.text, stored->questions[rows - 1].text) << "removed";

  // The preview shows the questions as a pupil sees them.
  auto show = c.get(saved.header("location"));
  ASSERT_EQ(show.status, 200);
  expect_accessible(show.body, "questionnaire preview");
  EXPECT_TRUE(contains(show.body, "Modifications enregistrées."));
  EXPECT_TRUE(contains(show.body, "Technicienne de maintenance"));
  EXPECT_TRUE(contains(show.body, "Tout à fait d’accord"));
  EXPECT_TRUE(contains(show.body, "Je ne sais pas"));
  EXPECT_LT(show.body.find("Quel métier aimerais-tu découvrir ?"), show.body.find("devenus silencieux"));

  // Copy, then archive and restore.
  auto copy = c.post_form("/questionnaires/" + std::to_string(id) + "/copier", {});
  ASSERT_EQ(copy.status, 303);
  long long copy_id = questionnaire_id_of(copy.header("location"));
  ASSERT_NE(copy_id, id);
  auto the_copy = store::questionnaire_by_id(srv.store(), w.ta, copy_id);
  ASSERT_TRUE(the_copy);
  EXPECT_EQ(the_copy->questions.size(), rows);
  EXPECT_TRUE(contains(the_copy->title, "(copie)"));

  auto archived = c.post_form("/questionnaires/" + std::to_string(id) + "/archiver", {});
  ASSERT_EQ(archived.status, 303);
  EXPECT_EQ(archived.header("location"), "/questionnaires/" + std::to_string(id) + "?msg=questionnaire-archive");
  EXPECT_TRUE(store::questionnaire_by_id(srv.store(), w.ta, id)->archived);
  auto listed = c.get("/questionnaires");
  EXPECT_TRUE(
      contains(listed.body, "Regard des élèves de A</a></th><td>Élèves</td><td>avant et après l’action</td><td>" +
                                std::to_string(rows) + "</td><td>archivé</td>"))
      << listed.body;
  EXPECT_TRUE(contains(c.get("/questionnaires/" + std::to_string(id)).body, "Remettre en service"));
  EXPECT_EQ(c.post_form("/questionnaires/" + std::to_string(id) + "/archiver", {}).status, 303);
  EXPECT_FALSE(store::questionnaire_by_id(srv.store(), w.ta, id)->archived);
  EXPECT_EQ(store::questionnaire_by_id(srv.store(), w.ta, id)->questions.size(), rows) << "archiving keeps questions";

  auto journal = c.get("/journal");
  EXPECT_TRUE(contains(journal.body, "Modification — questionnaire")) << journal.body;
}

TEST_P(QuestionnaireHttp, ErrorsOfTheFormItselfAndOfTheQuestionnaire) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  long long id = store::copy_questionnaire_template(srv.store(), w.ta, "satisfaction_enseignants", {}).id;
  auto q = store::questionnaire_by_id(srv.store(), w.ta, id);
  ASSERT_TRUE(q);

  Fields f = form_of(*q);
  set(f, "q0_position", "premier");
  set(f, "q2_kind", "dessin");
  set(f, "pre_post", "1");  // a teachers' questionnaire is answered once
  set(f, "title", "");
  auto r = c.post_form("/questionnaires/" + std::to_string(id) + "/modifier", f);
  EXPECT_EQ(r.status, 422);
  expect_accessible(r.body, "refused questionnaire form");
  EXPECT_TRUE(contains(element_text(r.body, "qf-row0-position-error"), "nombre entier")) << r.body;
  EXPECT_EQ(element_text(r.body, "qf-row2-kind-error"), "Choisissez le type de la question.");
  EXPECT_TRUE(contains(element_text(r.body, "qf-pre_post-error"), "Seuls les questionnaires destinés aux élèves"));
  EXPECT_EQ(element_text(r.body, "qf-title-error"), "Ce champ est obligatoire.");
  EXPECT_TRUE(contains(r.body, "value=\"premier\""));

  // Every question removed: the questionnaire needs one.
  Fields none = form_of(*q);
  for (std::size_t n = 0; n < q->questions.size(); ++n) set(none, "q" + std::to_string(n) + "_remove", "1");
  auto empty = c.post_form("/questionnaires/" + std::to_string(id) + "/modifier", none);
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(element_text(empty.body, "qf-questions-error"), "Ajoutez au moins une question.");
  EXPECT_TRUE(contains(empty.body, "id=\"qf-row0-remove\" name=\"q0_remove\" value=\"1\" checked"))
      << "the ticked boxes stay ticked";
  EXPECT_EQ(store::questionnaire_by_id(srv.store(), w.ta, id)->questions.size(), q->questions.size());

  EXPECT_EQ(c.post_form("/questionnaires/modeles/inconnu", {}).status, 404);
  EXPECT_EQ(c.get("/questionnaires/999999").status, 404);
  EXPECT_EQ(c.get("/questionnaires/abc/modifier").status, 404);
}

TEST_P(QuestionnaireHttp, AnotherTerritorysQuestionnaireReadsAsNotFoundAndRolesAreRespected) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  domain::Questionnaire secret = *domain::questionnaire_template("retour_ambassadrice");
  secret.territory_id = w.ta;
  secret.title = "Questionnaire secret de A";
  long long id = store::insert_questionnaire(srv.store(), secret, {}).id;
  ASSERT_GT(id, 0);
  std::string base = "/questionnaires/" + std::to_string(id);

  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  for (const std::string& path : {base, base + "/modifier"}) EXPECT_EQ(b.get(path).status, 404) << path;
  for (const std::string& path : {base + "/modifier", base + "/copier", base + "/archiver"})
    EXPECT_EQ(b.post_form(path, {{"title", "Piratage"}, {"audience", "pupils"}}).status, 404) << path;
  auto list_b = b.get("/questionnaires");
  EXPECT_EQ(list_b.status, 200);
  EXPECT_FALSE(contains(list_b.body, "secret"));
  EXPECT_EQ(store::questionnaires_of(srv.store(), w.ta).size(), 1u);
  EXPECT_EQ(store::questionnaire_by_id(srv.store(), w.ta, id)->title, "Questionnaire secret de A");
  EXPECT_FALSE(store::questionnaire_by_id(srv.store(), w.ta, id)->archived);

  // An ambassador reads the questionnaires but gets no buttons and no forms.
  Client amb(srv.port());
  ASSERT_EQ(amb.login("ambassadrice-a@exemple.fr", kPassword), 303);
  auto list = amb.get("/questionnaires");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "Questionnaire secret de A"));
  EXPECT_FALSE(contains(list.body, "Copier ce modèle"));
  EXPECT_FALSE(contains(list.body, "/modifier"));
  auto show = amb.get(base);
  EXPECT_EQ(show.status, 200);
  EXPECT_FALSE(contains(show.body, "/archiver"));
  EXPECT_EQ(amb.get(base + "/modifier").status, 403);
  EXPECT_EQ(amb.post_form(base + "/archiver", {}).status, 403);
  EXPECT_EQ(amb.post_form(base + "/copier", {}).status, 403);
  EXPECT_EQ(amb.post_form("/questionnaires/modeles/perception_eleves", {}).status, 403);
  EXPECT_EQ(store::questionnaires_of(srv.store(), w.ta).size(), 1u);
  EXPECT_FALSE(store::questionnaire_by_id(srv.store(), w.ta, id)->archived);

  // An admin has no territory.
  Client admin(srv.port());
  ASSERT_EQ(admin.login("admin@exemple.fr", kPassword), 303);
  EXPECT_EQ(admin.get("/questionnaires").status, 403);
  EXPECT_FALSE(contains(admin.get("/").body, "href=\"/questionnaires\"")) << "not in the admin's navigation";
}

INSTANTIATE_TEST_SUITE_P(Engines, QuestionnaireHttp, ::testing::ValuesIn(fixture::engines()));
