// Store tests for questionnaires, survey links and anonymous answers, on every engine: template copies, edits that
// keep answered questions, links and phases, what an answer stores (and, read from the database catalogue, what it
// cannot store), the scopes statistics read, counts, free-text search, themes, quotes and territory confinement.
#include "store/surveys.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "action_fixture.hpp"
#include "domain/survey_stats.hpp"
#include "store/row.hpp"

// Scopes are written with designated initializers; the fields left out keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace passerelles;
using Status = store::WriteResult::Status;

namespace {

// One answer of a test submission, by question code: a scale value, "je ne sais pas" (no value, no text, no
// choice), a free text or chosen options.
struct Ans {
  std::string code;
  std::optional<int> value;
  std::string text;
  std::vector<std::string> choices;
};

Ans nsp(const std::string& code) {
  return {code, std::nullopt, "", {}};
}

}  // namespace

class SurveysStore : public fixture::ActionWorld {
 protected:
  long long copy(long long territory, const std::string& template_code) {
    auto r = store::copy_questionnaire_template(*db, territory, template_code, by);
    EXPECT_TRUE(r.ok()) << template_code;
    return r.id;
  }

  // A validated testimony in a school of the territory.
  long long validated(long long territory, const std::string& day, long long initiative_id = 0) {
    long long id =
        insert(action(territory, "temoignage_classe", day, 60, {12, 10}, {territory == ta ? s1 : s5}, initiative_id));
    set_status(territory, id, "validated");
    return id;
  }

  long long link(long long territory, long long action_id, long long questionnaire_id) {
    auto r = store::create_survey_link(*db, territory, action_id, questionnaire_id, by);
    EXPECT_TRUE(r.ok()) << action_id << " " << questionnaire_id;
    return r.id;
  }

  void phase(long long territory, long long link_id, const std::string& to) {
    EXPECT_TRUE(store::set_survey_link_phase(*db, territory, link_id, to, by).ok()) << to;
  }

  // The id of a question by code, removed ones included (0 when none).
  long long question_id(long long questionnaire_id, const std::string& code) {
    return db->read([&](soci::session& sql) {
      long long id = 0;
      sql << "SELECT id FROM survey_questions WHERE questionnaire_id = :q AND code = :c", soci::use(questionnaire_id),
          soci::use(code), soci::into(id);
      return id;
    });
  }

  domain::SurveySubmission submission(long long questionnaire_id, const std::string& phase_,
                                      const std::vector<Ans>& answers, const std::string& gender = "",
                                      const std::string& level = "", const std::string& code = "",
                                      bool consent = false) {
    domain::SurveySubmission s;
    s.phase = phase_;
    s.gender = gender;
    s.level = level;
    s.code = code;
    s.quote_consent = consent;
    for (const auto& a : answers) {
      domain::SubmittedAnswer x;
      x.question_id = question_id(questionnaire_id, a.code);
      EXPECT_NE(x.question_id, 0) << a.code;
      x.value = a.value;
      x.text = a.text;
      x.choices = a.choices;
      x.answered = true;
      s.answers.push_back(x);
    }
    return s;
  }

  long long respond(long long link_id, const domain::SurveySubmission& s, const std::string& day = "2025-03-14") {
    auto r = store::insert_survey_response(*db, link_id, s, day);
    EXPECT_TRUE(r.ok()) << "link " << link_id << " phase " << s.phase
                        << (r.errors.empty() ? "" : ": " + r.errors.begin()->second);
    return r.id;
  }

  // The id of the answer to `code` in a response.
  long long answer_id(long long response_id, long long questionnaire_id, const std::string& code) {
    long long q = question_id(questionnaire_id, code);
    return db->read([&](soci::session& sql) {
      long long id = 0;
      sql << "SELECT id FROM survey_answers WHERE response_id = :r AND question_id = :q", soci::use(response_id),
          soci::use(q), soci::into(id);
      return id;
    });
  }

  long long count(const std::string& table) { return fixture::count_rows(*db, table); }
  long long count_where(const std::string& sql_text) {
    return db->read([&](soci::session& sql) {
      long long n = 0;
      sql << sql_text, soci::into(n);
      return n;
    });
  }

  // Column names of a table, from the engine's catalogue.
  std::set<std::string> columns_of(const std::string& table) {
    return db->read([&](soci::session& sql) {
      std::set<std::string> out;
      if (db->is_sqlite()) {
        soci::rowset<soci::row> rs = sql.prepare << "PRAGMA table_info(" + table + ")";
        for (const auto& r : rs) out.insert(store::col_str(r, 1));
      } else {
        soci::rowset<soci::row> rs =
            (sql.prepare << "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                            "current_schema() AND table_name = :t",
             soci::use(table));
        for (const auto& r : rs) out.insert(store::col_str(r, 0));
      }
      return out;
    });
  }

  // Every value of a column as text ("" for NULL).
  std::vector<std::string> values_of(const std::string& table, const std::string& column) {
    return db->read([&](soci::session& sql) {
      std::vector<std::string> out;
      soci::rowset<soci::row> rs = sql.prepare << "SELECT CAST(" + column + " AS TEXT) FROM " + table;
      for (const auto& r : rs) out.push_back(store::col_str(r, 0));
      return out;
    });
  }
};

// ---- questionnaires -----------------------------------------------------------------------------------------

TEST_P(SurveysStore, CopyTemplateIsConfinedToTheTerritory) {
  long long id = copy(ta, "perception_eleves");
  auto q = store::questionnaire_by_id(*db, ta, id);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->territory_id, ta);
  EXPECT_EQ(q->template_code, "perception_eleves");
  EXPECT_EQ(q->audience, "pupils");
  EXPECT_TRUE(q->pre_post);
  EXPECT_FALSE(q->archived);
  EXPECT_EQ(q->title, "Ton regard sur les métiers de l’industrie");
  const std::vector<std::string> codes = {"sales",       "bruyants", "force_physique", "aussi_pour_les_filles",
                                          "je_pourrais", "avenir"};
  ASSERT_EQ(q->questions.size(), 6u);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(q->questions[i].code, codes[i]);
    EXPECT_EQ(q->questions[i].kind, "scale");
    EXPECT_EQ(q->questions[i].position, static_cast<int>(i + 1));
    EXPECT_GT(q->questions[i].id, 0);
  }
  EXPECT_EQ(q->questions[0].text, "Les métiers de l’industrie sont des métiers sales.");
  EXPECT_EQ(count("survey_questions"), 6);

  auto unknown = store::copy_questionnaire_template(*db, ta, "perception_parents", by);
  EXPECT_EQ(unknown.status, Status::not_found);
  EXPECT_EQ(count("questionnaires"), 1);

  // Territory B sees nothing of it.
  EXPECT_FALSE(store::questionnaire_by_id(*db, tb, id));
  EXPECT_TRUE(store::questionnaires_of(*db, tb).empty());
  EXPECT_EQ(store::copy_questionnaire(*db, tb, id, by).status, Status::not_found);
  ASSERT_EQ(store::questionnaires_of(*db, ta).size(), 1u);

  // A copy of the copy: same statements, "(copie)" appended, new question ids.
  auto c = store::copy_questionnaire(*db, ta, id, by);
  ASSERT_TRUE(c.ok());
  auto q2 = store::questionnaire_by_id(*db, ta, c.id);
  ASSERT_TRUE(q2);
  EXPECT_EQ(q2->title, "Ton regard sur les métiers de l’industrie (copie)");
  ASSERT_EQ(q2->questions.size(), 6u);
  EXPECT_EQ(q2->questions[5].code, "avenir");
  EXPECT_NE(q2->questions[5].id, q->questions[5].id);
  EXPECT_EQ(count("survey_questions"), 12);

  // The default perception questionnaire is the oldest one; territory B gets its own copy.
  EXPECT_EQ(store::default_perception_questionnaire(*db, ta, by), id);
  long long b = store::default_perception_questionnaire(*db, tb, by);
  EXPECT_NE(b, id);
  EXPECT_TRUE(store::questionnaire_by_id(*db, tb, b));
  EXPECT_EQ(store::default_perception_questionnaire(*db, tb, by), b) << "not copied twice";
}

TEST_P(SurveysStore, UpdateKeepsAnsweredQuestionsAndDeletesTheOthers) {
  long long qid = copy(ta, "perception_eleves");
  long long l = link(ta, validated(ta, "2025-03-14"), qid);
  respond(l, submission(qid, "pre", {{"sales", 5}, {"force_physique", 4}}));

  auto q = *store::questionnaire_by_id(*db, ta, qid);
  long long bruyants = q.questions[1].id, force = q.questions[2].id;
  q.title = "Ton regard (version courte)";
  q.questions[0].text = "Les métiers de l’industrie sont salissants.";
  q.questions.erase(q.questions.begin() + 1, q.questions.begin() + 3);  // bruyants (no answer), force_physique
  domain::SurveyQuestion added;
  added.code = "visiter_usine";
  added.kind = "scale";
  added.text = "J’aimerais visiter une usine.";
  q.questions.push_back(added);
  auto r = store::update_questionnaire(*db, q, by);
  ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->first);

  auto after = store::questionnaire_by_id(*db, ta, qid);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->title, "Ton regard (version courte)");
  const std::vector<std::string> codes = {"sales", "aussi_pour_les_filles", "je_pourrais", "avenir", "visiter_usine"};
  ASSERT_EQ(after->questions.size(), codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(after->questions[i].code, codes[i]);
    EXPECT_EQ(after->questions[i].position, static_cast<int>(i + 1));
  }
  EXPECT_EQ(after->questions[0].text, "Les métiers de l’industrie sont salissants.");
  EXPECT_EQ(after->questions[0].id, q.questions[0].id) << "edited in place";

  // The unanswered question is gone; the answered one stays, flagged removed, with its answer.
  EXPECT_EQ(count_where("SELECT COUNT(*) FROM survey_questions WHERE id = " + std::to_string(bruyants)), 0);
  EXPECT_EQ(count_where("SELECT COUNT(*) FROM survey_questions WHERE removed = 1 AND id = " + std::to_string(force)),
            1);
  EXPECT_EQ(count("survey_questions"), 6);
  EXPECT_EQ(count("survey_answers"), 2);
  auto answers = store::scale_answers(*db, {.territory_id = ta});
  ASSERT_EQ(answers.size(), 2u);
  std::map<std::string, int> by_code;
  for (const auto& a : answers) by_code[a.question] = a.value.value_or(0);
  EXPECT_EQ(by_code["sales"], 5);
  EXPECT_EQ(by_code["force_physique"], 4) << "the removed question's answer still counts";
  auto texts = store::scale_question_texts(*db, {.territory_id = ta});
  EXPECT_EQ(texts["sales"], "Les métiers de l’industrie sont salissants.");

  // A new answer to the removed question is ignored; the added question takes answers.
  long long resp = respond(l, submission(qid, "pre", {{"force_physique", 1}, {"visiter_usine", 5}}));
  EXPECT_EQ(count_where("SELECT COUNT(*) FROM survey_answers WHERE response_id = " + std::to_string(resp)), 1);
  EXPECT_EQ(answer_id(resp, qid, "force_physique"), 0);
  EXPECT_NE(answer_id(resp, qid, "visiter_usine"), 0);

  // Validation errors come back keyed by field, and nothing changes.
  auto bad = *after;
  bad.title = " ";
  bad.questions[1].text = "";
  bad.questions[2].kind = "slider";
  bad.questions[3].code = "sales";
  auto invalid = store::update_questionnaire(*db, bad, by);
  EXPECT_EQ(invalid.status, Status::invalid);
  EXPECT_TRUE(invalid.errors.count("title"));
  EXPECT_TRUE(invalid.errors.count("q1_text"));
  EXPECT_TRUE(invalid.errors.count("q2_kind"));
  EXPECT_TRUE(invalid.errors.count("q3_code")) << "two questions coded « sales »";
  EXPECT_EQ(store::questionnaire_by_id(*db, ta, qid)->title, "Ton regard (version courte)");
  EXPECT_EQ(store::questionnaire_by_id(*db, ta, qid)->questions.size(), 5u);

  // A question of another questionnaire cannot be slipped in; another territory reads it as absent.
  long long other = copy(ta, "satisfaction_enseignants");
  auto foreign = *after;
  foreign.questions.push_back(store::questionnaire_by_id(*db, ta, other)->questions[0]);
  auto refused = store::update_questionnaire(*db, foreign, by);
  EXPECT_EQ(refused.status, Status::invalid);
  EXPECT_TRUE(refused.errors.count("questions"));
  auto moved = *after;
  moved.territory_id = tb;
  EXPECT_EQ(store::update_questionnaire(*db, moved, by).status, Status::not_found);
}

// ---- links --------------------------------------------------------------------------------------------------

TEST_P(SurveysStore, LinksHaveShortTokensOnePerActionAndPhases) {
  long long qid = copy(ta, "perception_eleves");
  long long teachers = copy(ta, "satisfaction_enseignants");
  long long a1 = validated(ta, "2025-03-14");
  long long l = link(ta, a1, qid);
  auto got = store::survey_link_by_id(*db, ta, l);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->token.size(), 6u);
  for (char c : got->token)
    EXPECT_NE(std::string("ABCDEFGHJKMNPQRSTUVWXYZ23456789").find(c), std::string::npos) << got->token;
  EXPECT_EQ(got->phase, "pre");
  EXPECT_TRUE(got->pre_post);
  EXPECT_EQ(got->action_id, a1);
  EXPECT_EQ(got->action_day, "2025-03-14");
  EXPECT_EQ(got->action_place, "Collège Victor Hugo") << "the first school";
  auto by_token = store::survey_link_by_token(*db, got->token);
  ASSERT_TRUE(by_token);
  EXPECT_EQ(by_token->id, l);
  EXPECT_FALSE(store::survey_link_by_token(*db, "ABC"));

  // One link per action and questionnaire: the second attempt names the first.
  auto again = store::create_survey_link(*db, ta, a1, qid, by);
  EXPECT_EQ(again.status, Status::conflict);
  EXPECT_EQ(again.id, l);
  EXPECT_EQ(count("survey_links"), 1);

  // Another territory's action or questionnaire is refused, and the link reads as absent from B.
  long long b1 = validated(tb, "2025-03-20");
  auto cross = store::create_survey_link(*db, ta, b1, qid, by);
  EXPECT_EQ(cross.status, Status::invalid);
  EXPECT_TRUE(cross.errors.count("action_id"));
  auto cross_q = store::create_survey_link(*db, tb, b1, qid, by);
  EXPECT_EQ(cross_q.status, Status::invalid);
  EXPECT_TRUE(cross_q.errors.count("questionnaire_id"));
  EXPECT_FALSE(store::survey_link_by_id(*db, tb, l));
  EXPECT_EQ(store::set_survey_link_phase(*db, tb, l, "post", by).status, Status::not_found);
  EXPECT_TRUE(store::survey_links_of_action(*db, tb, a1).empty());

  // pre → post → closed; "single" belongs to questionnaires without before/after.
  EXPECT_EQ(store::set_survey_link_phase(*db, ta, l, "single", by).status, Status::invalid);
  EXPECT_EQ(store::set_survey_link_phase(*db, ta, l, "après", by).status, Status::invalid);
  phase(ta, l, "post");
  EXPECT_EQ(store::survey_link_by_id(*db, ta, l)->phase, "post");
  phase(ta, l, "closed");
  EXPECT_EQ(store::survey_link_by_id(*db, ta, l)->phase, "closed");

  long long t = link(ta, a1, teachers);
  EXPECT_EQ(store::survey_link_by_id(*db, ta, t)->phase, "single");
  auto wrong = store::set_survey_link_phase(*db, ta, t, "pre", by);
  EXPECT_EQ(wrong.status, Status::invalid);
  EXPECT_TRUE(wrong.errors.count("phase"));
  EXPECT_EQ(store::set_survey_link_phase(*db, ta, t, "post", by).status, Status::invalid);
  auto links = store::survey_links_of_action(*db, ta, a1);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].id, l);
  EXPECT_EQ(links[1].id, t);
  EXPECT_EQ(links[1].audience, "teachers");
}

// ---- answers ------------------------------------------------------------------------------------------------

TEST_P(SurveysStore, ResponsesFollowTheLinkPhaseAndStoreOnlyKnownQuestions) {
  long long qid = copy(ta, "perception_eleves");
  long long teachers = copy(ta, "satisfaction_enseignants");
  long long l = link(ta, validated(ta, "2025-03-14"), qid);

  // The form was opened before the phase changed: refused, nothing stored.
  auto late = store::insert_survey_response(*db, l, submission(qid, "post", {{"sales", 4}}), "2025-03-14");
  EXPECT_EQ(late.status, Status::invalid);
  EXPECT_TRUE(late.errors.count("phase"));
  EXPECT_EQ(count("survey_responses"), 0);
  EXPECT_EQ(store::insert_survey_response(*db, 999999, submission(qid, "pre", {}), "2025-03-14").status,
            Status::not_found);

  // Answers to another questionnaire's question or to no question at all, and skipped ones, are left out;
  // "je ne sais pas" is stored as NULL.
  auto s = submission(qid, "pre", {{"sales", 4}, nsp("bruyants")}, "girl", "4e", "LUNA");
  domain::SubmittedAnswer foreign;
  foreign.question_id = question_id(teachers, "attentes");
  ASSERT_NE(foreign.question_id, 0);
  foreign.value = 5;
  foreign.answered = true;
  s.answers.push_back(foreign);
  domain::SubmittedAnswer unknown;
  unknown.question_id = 987654;
  unknown.value = 3;
  unknown.answered = true;
  s.answers.push_back(unknown);
  domain::SubmittedAnswer skipped;
  skipped.question_id = question_id(qid, "avenir");
  skipped.value = 2;
  skipped.answered = false;
  s.answers.push_back(skipped);
  long long r = respond(l, s);
  EXPECT_EQ(count("survey_responses"), 1);
  EXPECT_EQ(count("survey_answers"), 2);
  auto stored = db->read([&](soci::session& sql) {
    std::vector<std::pair<long long, std::optional<int>>> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT question_id, value FROM survey_answers WHERE response_id = :r ORDER BY question_id",
         soci::use(r));
    for (const auto& row : rs)
      out.emplace_back(store::col_ll(row, 0), row.get_indicator(1) == soci::i_null
                                                  ? std::nullopt
                                                  : std::optional<int>(store::col_int(row, 1)));
    return out;
  });
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].first, question_id(qid, "sales"));
  EXPECT_EQ(stored[0].second, 4);
  EXPECT_EQ(stored[1].first, question_id(qid, "bruyants"));
  EXPECT_EQ(stored[1].second, std::nullopt) << "je ne sais pas → NULL";
  auto resp = db->read([&](soci::session& sql) {
    soci::row row;
    sql << "SELECT phase, day, gender, level, code FROM survey_responses WHERE id = :r", soci::use(r), soci::into(row);
    return std::vector<std::string>{store::col_str(row, 0), store::col_str(row, 1), store::col_str(row, 2),
                                    store::col_str(row, 3), store::col_str(row, 4)};
  });
  EXPECT_EQ(resp, (std::vector<std::string>{"pre", "2025-03-14", "girl", "4e", "LUNA"}));
  EXPECT_EQ(store::survey_link_by_id(*db, ta, l)->responses_pre, 1);

  // Closed: refused whatever the phase.
  phase(ta, l, "closed");
  auto closed = store::insert_survey_response(*db, l, submission(qid, "pre", {{"sales", 2}}), "2025-03-15");
  EXPECT_EQ(closed.status, Status::invalid);
  EXPECT_TRUE(closed.errors.count("phase"));
  auto closed2 = store::insert_survey_response(*db, l, submission(qid, "closed", {{"sales", 2}}), "2025-03-15");
  EXPECT_EQ(closed2.status, Status::invalid);
  EXPECT_EQ(count("survey_responses"), 1);
}

// Three validated actions and a declared one in A, one in B, every answer to "sales" (values by hand):
//   L1 (A1, 2025-03, i1) pre : girl ABCD 5, boy – 4, girl LUNA 3      post: girl ABCD 2, unsaid – nsp
//   L2 (A2, 2025-10, i2) pre : boy – 4                                 post: girl LUNA 1, boy – 2
//   L3 (A3, 2025-10, i1, declared) pre: girl – 5                       post: girl – 1
//   LB (B1, territory B)  pre : girl ABCD 5                            post: girl ABCD 1
class SurveyScopes : public SurveysStore {
 protected:
  void SetUp() override {
    SurveysStore::SetUp();
    qa = copy(ta, "perception_eleves");
    qb = copy(tb, "perception_eleves");
    a1 = validated(ta, "2025-03-14", i1);
    a2 = validated(ta, "2025-10-07", i2);
    a3 = insert(action(ta, "temoignage_classe", "2025-10-20", 60, {10, 10}, {s3}, i1));
    b1 = validated(tb, "2025-03-20", i_b);
    l1 = link(ta, a1, qa);
    l2 = link(ta, a2, qa);
    l3 = link(ta, a3, qa);
    lb = link(tb, b1, qb);
    auto sales = [&](long long q, const std::string& ph, std::optional<int> v, const std::string& gender,
                     const std::string& code) {
      return submission(q, ph, {{"sales", v}}, gender, gender == "girl" ? "4e" : "", code);
    };
    respond(l1, sales(qa, "pre", 5, "girl", "ABCD"));
    respond(l1, sales(qa, "pre", 4, "boy", ""));
    respond(l1, sales(qa, "pre", 3, "girl", "LUNA"));
    respond(l2, sales(qa, "pre", 4, "boy", ""));
    respond(l3, sales(qa, "pre", 5, "girl", ""));
    respond(lb, sales(qb, "pre", 5, "girl", "ABCD"));
    for (auto [t, l] : std::vector<std::pair<long long, long long>>{{ta, l1}, {ta, l2}, {ta, l3}, {tb, lb}})
      phase(t, l, "post");
    respond(l1, sales(qa, "post", 2, "girl", "ABCD"), "2025-03-21");
    respond(l1, sales(qa, "post", std::nullopt, "", ""), "2025-03-21");
    respond(l2, sales(qa, "post", 1, "girl", "LUNA"), "2025-10-14");
    respond(l2, sales(qa, "post", 2, "boy", ""), "2025-10-14");
    respond(l3, sales(qa, "post", 1, "girl", ""), "2025-10-27");
    respond(lb, sales(qb, "post", 1, "girl", "ABCD"), "2025-03-27");
  }

  // n_pre, n_post, paired_n of "sales" in a scope.
  std::tuple<long, long, long> sales_stats(const store::SurveyScope& scope) {
    auto stats = domain::survey_stats(store::scale_answers(*db, scope));
    if (stats.empty()) return {0, 0, 0};
    EXPECT_EQ(stats.size(), 1u);
    EXPECT_EQ(stats[0].question, "sales");
    return {stats[0].n_pre, stats[0].n_post, stats[0].paired_n};
  }

  long long qa = 0, qb = 0, a1 = 0, a2 = 0, a3 = 0, b1 = 0, l1 = 0, l2 = 0, l3 = 0, lb = 0;
};

TEST_P(SurveyScopes, CodesPairOnlyWithinOneLink) {
  auto answers = store::scale_answers(*db, {.territory_id = ta});
  ASSERT_EQ(answers.size(), 10u);
  std::multiset<std::string> codes;
  long long nsp_count = 0;
  for (const auto& a : answers) {
    if (!a.code.empty()) codes.insert(a.code);
    nsp_count += a.value ? 0 : 1;
  }
  const std::string p1 = std::to_string(l1) + ":", p2 = std::to_string(l2) + ":";
  EXPECT_EQ(codes, (std::multiset<std::string>{p1 + "ABCD", p1 + "ABCD", p1 + "LUNA", p2 + "LUNA"}));
  EXPECT_EQ(nsp_count, 1);

  // LUNA answered before in L1 and after in L2: two pupils, not a pair.
  auto stats = domain::survey_stats(answers);
  ASSERT_EQ(stats.size(), 1u);
  EXPECT_EQ(stats[0].n_pre, 5);
  EXPECT_EQ(stats[0].n_post, 4) << "je ne sais pas is left out";
  EXPECT_EQ(stats[0].paired_n, 1);
  EXPECT_DOUBLE_EQ(*stats[0].mean_pre, 21.0 / 5);
  EXPECT_DOUBLE_EQ(*stats[0].mean_post, 6.0 / 4);
  EXPECT_DOUBLE_EQ(*stats[0].agree_pre, 4.0 / 5);
  EXPECT_DOUBLE_EQ(*stats[0].agree_post, 0.0);

  // Every territory: B's ABCD pairs with B's ABCD only.
  EXPECT_EQ(sales_stats({}), std::make_tuple(6L, 5L, 2L));
  EXPECT_EQ(sales_stats({.territory_id = tb}), std::make_tuple(1L, 1L, 1L));
}

TEST_P(SurveyScopes, ScopeFilters) {
  EXPECT_EQ(sales_stats({.territory_id = ta, .validated_only = true}), std::make_tuple(4L, 3L, 1L));
  // Period by the action's month.
  EXPECT_EQ(sales_stats({.territory_id = ta, .from_month = "2025-09", .to_month = "2025-12"}),
            std::make_tuple(2L, 3L, 0L));
  EXPECT_EQ(sales_stats({.territory_id = ta, .from_month = "2025-09", .validated_only = true}),
            std::make_tuple(1L, 2L, 0L));
  EXPECT_EQ(sales_stats({.territory_id = ta, .to_month = "2025-03"}), std::make_tuple(3L, 1L, 1L));
  EXPECT_EQ(sales_stats({.territory_id = ta, .from_month = "2026-01"}), std::make_tuple(0L, 0L, 0L));
  // Initiative, action.
  EXPECT_EQ(sales_stats({.territory_id = ta, .initiative_id = i1}), std::make_tuple(4L, 2L, 1L));
  EXPECT_EQ(sales_stats({.territory_id = ta, .initiative_id = i1, .validated_only = true}),
            std::make_tuple(3L, 1L, 1L));
  EXPECT_EQ(sales_stats({.territory_id = ta, .action_id = a2}), std::make_tuple(1L, 2L, 0L));
  EXPECT_EQ(sales_stats({.territory_id = tb, .action_id = a2}), std::make_tuple(0L, 0L, 0L))
      << "another territory's action";
  // Respondents' gender.
  EXPECT_EQ(sales_stats({.territory_id = ta, .gender = "girl"}), std::make_tuple(3L, 3L, 1L));
  EXPECT_EQ(sales_stats({.territory_id = ta, .gender = "boy"}), std::make_tuple(2L, 1L, 0L));
  // Audience: no teachers' answers.
  EXPECT_EQ(sales_stats({.territory_id = ta, .audience = "teachers"}), std::make_tuple(0L, 0L, 0L));
}

TEST_P(SurveyScopes, ResponseCounts) {
  auto c = store::response_counts(*db, {.territory_id = ta});
  EXPECT_EQ(c.pre, 5);
  EXPECT_EQ(c.post, 5);
  EXPECT_EQ(c.single, 0);
  EXPECT_EQ(c.linked, 1) << "L1's ABCD; L2's LUNA has no before in L2";
  EXPECT_EQ(c.girls, 6);
  EXPECT_EQ(c.boys, 3);
  EXPECT_EQ(c.other_or_unsaid, 1);

  auto v = store::response_counts(*db, {.territory_id = ta, .validated_only = true});
  EXPECT_EQ(v.pre, 4);
  EXPECT_EQ(v.post, 4);
  EXPECT_EQ(v.girls, 4);

  // A teachers' link adds single-phase responses.
  long long teachers = copy(ta, "satisfaction_enseignants");
  long long lt = link(ta, a1, teachers);
  respond(lt, submission(teachers, "single", {{"attentes", 4}}));
  respond(lt, submission(teachers, "single", {{"attentes", 5}}));
  auto all = store::response_counts(*db, {});
  EXPECT_EQ(all.pre, 6);
  EXPECT_EQ(all.post, 6);
  EXPECT_EQ(all.single, 2);
  EXPECT_EQ(all.linked, 2);
  EXPECT_EQ(all.girls, 8);
  EXPECT_EQ(all.other_or_unsaid, 3);
  auto teachers_only = store::response_counts(*db, {.territory_id = ta, .audience = "teachers"});
  EXPECT_EQ(teachers_only.single, 2);
  EXPECT_EQ(teachers_only.pre + teachers_only.post, 0);
}

TEST_P(SurveysStore, ChoiceCounts) {
  long long teachers = copy(ta, "satisfaction_enseignants");
  long long companies = copy(ta, "satisfaction_entreprises");
  long long a1 = validated(ta, "2025-03-14"), a2 = validated(ta, "2025-04-02");
  long long lt = link(ta, a1, teachers), lc = link(ta, a2, companies);
  respond(lt,
          submission(teachers, "single", {{"attentes", 5}, {"interet_eleves", 4}, {"renouveler", {}, "", {"Oui"}}}));
  respond(lt, submission(teachers, "single", {nsp("attentes"), {"renouveler", {}, "", {"Peut-être"}}}));
  respond(lt, submission(teachers, "single", {{"attentes", 2}, {"renouveler", {}, "", {"Oui"}}}));
  respond(lc, submission(companies, "single",
                         {{"suites", {}, "", {"Accueillir des stagiaires", "Témoigner en classe"}}, {"accueil", 5}}));
  respond(lc, submission(companies, "single", {{"suites", {}, "", {"Témoigner en classe"}}}));

  auto counts = store::choice_counts(*db, {.territory_id = ta});
  auto find = [&](const std::string& code, const std::string& option) -> const store::ChoiceCount* {
    for (const auto& c : counts)
      if (c.question_code == code && c.option == option) return &c;
    return nullptr;
  };
  auto n = [&](const std::string& code, const std::string& option) {
    auto c = find(code, option);
    EXPECT_TRUE(c) << code << " / " << option;
    return c ? c->count : -1;
  };
  // Single choice: every option listed, in the form's order, unchosen ones at 0.
  EXPECT_EQ(n("renouveler", "Oui"), 2);
  EXPECT_EQ(n("renouveler", "Peut-être"), 1);
  EXPECT_EQ(n("renouveler", "Non"), 0);
  EXPECT_EQ(find("renouveler", "Oui")->respondents, 3);
  // Multiple choice: a respondent counts once per option.
  EXPECT_EQ(n("suites", "Accueillir des stagiaires"), 1);
  EXPECT_EQ(n("suites", "Proposer de l’apprentissage"), 0);
  EXPECT_EQ(n("suites", "Recevoir un autre groupe"), 0);
  EXPECT_EQ(n("suites", "Témoigner en classe"), 2);
  EXPECT_EQ(find("suites", "Témoigner en classe")->respondents, 2);
  // A scale of a single-phase questionnaire: the five points and "Je ne sais pas".
  EXPECT_EQ(n("attentes", "5 – Tout à fait d’accord"), 1);
  EXPECT_EQ(n("attentes", "2 – Plutôt pas d’accord"), 1);
  EXPECT_EQ(n("attentes", "1 – Pas du tout d’accord"), 0);
  EXPECT_EQ(n("attentes", "Je ne sais pas"), 1);
  EXPECT_EQ(find("attentes", "Je ne sais pas")->respondents, 3);
  EXPECT_EQ(n("interet_eleves", "4 – Plutôt d’accord"), 1);
  EXPECT_EQ(n("accueil", "5 – Tout à fait d’accord"), 1);
  // attentes (6), interet_eleves (6), renouveler (3), accueil (6), suites (4): nothing else.
  EXPECT_EQ(counts.size(), 25u);
  EXPECT_EQ(counts.front().question_code, "attentes");
  EXPECT_EQ(counts[15].question_code, "accueil") << "questionnaires in id order, questions in form order";

  auto only_companies = store::choice_counts(*db, {.territory_id = ta, .audience = "companies"});
  EXPECT_EQ(only_companies.size(), 10u);
  EXPECT_TRUE(store::choice_counts(*db, {.territory_id = tb}).empty());

  // Perception (before/after) scales are not choice counts.
  long long qid = copy(ta, "perception_eleves");
  respond(link(ta, a1, qid), submission(qid, "pre", {{"sales", 3}}));
  EXPECT_EQ(store::choice_counts(*db, {.territory_id = ta}).size(), 25u);
}

// ---- free text, themes, quotes ---------------------------------------------------------------------------------

class SurveyTexts : public SurveysStore {
 protected:
  void SetUp() override {
    SurveysStore::SetUp();
    teachers = copy(ta, "satisfaction_enseignants");
    action1 = validated(ta, "2025-03-10");
    lt = link(ta, action1, teachers);
    const std::vector<std::pair<std::string, std::string>> texts = {
        {"mieux_fonctionne", "Le témoignage sur le Métier de soudeuse a passionné la classe."},
        {"mieux_fonctionne", "Les élèves ont aimé : 100% des questions portaient sur le salaire."},
        {"ameliorer", "100 élèves ravis, mais un peu long."},
        {"mieux_fonctionne", "La démonstration de force physique du robot était parfaite."},
        {"ameliorer", "Prévoir plus de temps pour les questions sur le METIER."},
    };
    for (std::size_t i = 0; i < texts.size(); ++i) {
      long long r = respond(lt, submission(teachers, "single", {{texts[i].first, {}, texts[i].second, {}}}),
                            "2025-03-1" + std::to_string(i + 1));
      ids.push_back(answer_id(r, teachers, texts[i].first));
    }
  }

  // Ids of the answers found, in the order returned.
  std::vector<long long> found(const std::string& query, const std::string& theme = "", int page = 1, int per_page = 50,
                               long long* total = nullptr) {
    auto p = store::text_answers(*db, {.territory_id = ta}, query, theme, page, per_page);
    if (total) *total = p.total;
    std::vector<long long> out;
    for (const auto& a : p.answers) out.push_back(a.id);
    return out;
  }

  long long teachers = 0, action1 = 0, lt = 0;
  std::vector<long long> ids;  // answers 0..4, days 2025-03-11..15
};

TEST_P(SurveyTexts, SearchIgnoresAccentsAndCaseAndTakesWildcardsLiterally) {
  using V = std::vector<long long>;
  EXPECT_EQ(found(""), (V{ids[4], ids[3], ids[2], ids[1], ids[0]})) << "newest first";
  EXPECT_EQ(found("metier"), (V{ids[4], ids[0]}));
  EXPECT_EQ(found("MÉTIER"), (V{ids[4], ids[0]}));
  EXPECT_EQ(found("metier soudeuse"), (V{ids[0]})) << "every word must appear";
  EXPECT_EQ(found("metier absent"), V{});
  EXPECT_EQ(found("eleves"), (V{ids[2], ids[1]}));
  EXPECT_EQ(found("100%"), (V{ids[1]})) << "% is a character, not a wildcard";
  EXPECT_EQ(found("%"), (V{ids[1]}));
  EXPECT_EQ(found("_"), V{}) << "_ is a character, not a wildcard";
  EXPECT_EQ(found("m_tier"), V{});
  EXPECT_EQ(found("\\"), V{});

  auto page = store::text_answers(*db, {.territory_id = ta}, "", "", 1, 50);
  ASSERT_EQ(page.answers.size(), 5u);
  const auto& first = page.answers.back();
  EXPECT_EQ(first.text, "Le témoignage sur le Métier de soudeuse a passionné la classe.");
  EXPECT_EQ(first.question, "Qu’est-ce qui a le mieux fonctionné ?");
  EXPECT_EQ(first.day, "2025-03-11");
  EXPECT_EQ(first.audience, "teachers");
  EXPECT_EQ(first.phase, "single");
  EXPECT_EQ(first.action_id, action1);
  EXPECT_FALSE(first.quoted);

  // Pages of two: 5 answers → pages 1, 2, 3 (one answer).
  long long total = 0;
  EXPECT_EQ(found("", "", 3, 2, &total), (V{ids[0]}));
  EXPECT_EQ(total, 5);
  EXPECT_EQ(found("", "", 2, 2, &total), (V{ids[2], ids[1]}));
  EXPECT_EQ(found("metier", "", 1, 1, &total), (V{ids[4]}));
  EXPECT_EQ(total, 2);

  // Another territory's scope sees none; scale answers are not free text.
  EXPECT_EQ(store::text_answers(*db, {.territory_id = tb}, "", "", 1).total, 0);
  respond(lt, submission(teachers, "single", {{"attentes", 5}}));
  EXPECT_EQ(store::text_answers(*db, {.territory_id = ta}, "", "", 1).total, 5);
}

TEST_P(SurveyTexts, ThemesAreReplacedCountedAndFiltered) {
  ASSERT_TRUE(store::set_answer_themes(*db, ta, ids[1], {"salaire", " égalité ", ""}, by).ok());
  ASSERT_TRUE(store::set_answer_themes(*db, ta, ids[3], {"cliché force physique", "égalité"}, by).ok());
  auto page = store::text_answers(*db, {.territory_id = ta}, "salaire", "", 1);
  ASSERT_EQ(page.answers.size(), 1u);
  std::set<std::string> themes(page.answers[0].themes.begin(), page.answers[0].themes.end());
  EXPECT_EQ(themes, (std::set<std::string>{"salaire", "égalité"})) << "trimmed, empty dropped";

  using V = std::vector<long long>;
  EXPECT_EQ(found("", "égalité"), (V{ids[3], ids[1]}));
  EXPECT_EQ(found("100%", "égalité"), (V{ids[1]}));
  EXPECT_EQ(found("", "inconnu"), V{});
  auto counts = store::answer_themes(*db, ta);
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0], (std::pair<std::string, long long>{"égalité", 2}));
  std::map<std::string, long long> as_map(counts.begin(), counts.end());
  EXPECT_EQ(as_map["salaire"], 1);
  EXPECT_EQ(as_map["cliché force physique"], 1);

  // Replacing, not adding.
  ASSERT_TRUE(store::set_answer_themes(*db, ta, ids[1], {"salaire"}, by).ok());
  EXPECT_EQ(found("", "égalité"), (V{ids[3]}));
  EXPECT_EQ(store::answer_themes(*db, ta)[0].second, 1);
  ASSERT_TRUE(store::set_answer_themes(*db, ta, ids[3], {}, by).ok());
  EXPECT_EQ(store::answer_themes(*db, ta), (std::vector<std::pair<std::string, long long>>{{"salaire", 1}}));

  // Too long, another territory.
  auto long_theme = store::set_answer_themes(*db, ta, ids[0], {std::string(61, 'x')}, by);
  EXPECT_EQ(long_theme.status, Status::invalid);
  EXPECT_TRUE(long_theme.errors.count("themes"));
  EXPECT_EQ(store::set_answer_themes(*db, tb, ids[0], {"vol"}, by).status, Status::not_found);
  EXPECT_TRUE(store::answer_themes(*db, tb).empty());
}

TEST_P(SurveyTexts, QuotesArePupilsAnonymousAndAdultsWithConsent) {
  // A pupils' questionnaire with a free-text question.
  domain::Questionnaire pq;
  pq.territory_id = ta;
  pq.audience = "pupils";
  pq.title = "Ce que tu retiens";
  domain::SurveyQuestion t;
  t.kind = "text";
  t.code = "retenu";
  t.text = "Qu’as-tu retenu ?";
  pq.questions = {t};
  auto created = store::insert_questionnaire(*db, pq, by);
  ASSERT_TRUE(created.ok());
  long long lp = link(ta, action1, created.id);
  EXPECT_EQ(store::survey_link_by_id(*db, ta, lp)->phase, "single");
  auto pupil = [&](const std::string& text, const std::string& gender, const std::string& level, bool consent) {
    long long r = respond(lp, submission(created.id, "single", {{"retenu", {}, text, {}}}, gender, level, "", consent),
                          "2025-03-20");
    return answer_id(r, created.id, "retenu");
  };
  long long girl = pupil("Souder, ce n’est pas sale !", "girl", "4e", false);
  long long boy = pupil("Il y a des filles ingénieures.", "boy", "", false);
  long long unsaid = pupil("Je veux visiter une usine.", "", "Tle", false);

  auto q1 = store::quote_answer(*db, ta, girl, by);
  ASSERT_TRUE(q1.ok()) << "a pupil's answer is quoted without consent: anonymous by construction";
  ASSERT_TRUE(store::quote_answer(*db, ta, boy, by).ok());
  ASSERT_TRUE(store::quote_answer(*db, ta, unsaid, by).ok());
  auto quotes = store::quotes_of(*db, ta, false);
  ASSERT_EQ(quotes.size(), 3u);
  std::map<std::string, std::string> attribution;
  for (const auto& q : quotes) attribution[q.text] = q.attribution;
  EXPECT_EQ(attribution["Souder, ce n’est pas sale !"], "Une élève de 4e");
  EXPECT_EQ(attribution["Il y a des filles ingénieures."], "Un élève");
  EXPECT_EQ(attribution["Je veux visiter une usine."], "Un·e élève de Terminale");
  auto first = std::find_if(quotes.begin(), quotes.end(), [&](const auto& q) { return q.id == q1.id; });
  ASSERT_NE(first, quotes.end());
  EXPECT_EQ(first->answer_id, girl);
  EXPECT_EQ(first->action_id, action1);
  EXPECT_EQ(first->day, "2025-03-20");
  EXPECT_EQ(first->territory_name, "Territoire A");
  EXPECT_TRUE(first->is_public);

  // Adults: only with their consent.
  auto refused = store::quote_answer(*db, ta, ids[0], by);
  EXPECT_EQ(refused.status, Status::invalid);
  EXPECT_TRUE(refused.errors.count("quote"));
  long long r = respond(
      lt,
      submission(teachers, "single", {{"ameliorer", {}, "Plus de temps pour les questions.", {}}}, "", "", "", true),
      "2025-03-20");
  long long consented = answer_id(r, teachers, "ameliorer");
  auto q2 = store::quote_answer(*db, ta, consented, by);
  ASSERT_TRUE(q2.ok());
  auto again = store::quote_answer(*db, ta, consented, by);
  EXPECT_EQ(again.status, Status::conflict);
  auto adult = store::quotes_of(*db, ta, true, 1);
  ASSERT_EQ(adult.size(), 1u);
  EXPECT_EQ(adult[0].attribution, "Un·e enseignant·e");
  EXPECT_EQ(adult[0].text, "Plus de temps pour les questions.");
  auto page = store::text_answers(*db, {.territory_id = ta}, "plus de temps questions", "", 1);
  ASSERT_EQ(page.answers.size(), 2u);
  EXPECT_TRUE(page.answers[0].quoted);
  EXPECT_TRUE(page.answers[0].quote_consent);
  EXPECT_FALSE(page.answers[1].quoted);
  EXPECT_FALSE(page.answers[1].quote_consent);

  // Public or not; every territory's public quotes; another territory cannot touch them.
  ASSERT_TRUE(store::set_quote_public(*db, ta, q2.id, false, by).ok());
  EXPECT_EQ(store::quotes_of(*db, ta, true).size(), 3u);
  EXPECT_EQ(store::quotes_of(*db, 0, true).size(), 3u);
  EXPECT_EQ(store::quotes_of(*db, ta, false).size(), 4u);
  EXPECT_EQ(store::quote_answer(*db, tb, consented, by).status, Status::not_found);
  EXPECT_EQ(store::set_quote_public(*db, tb, q2.id, true, by).status, Status::not_found);
  EXPECT_FALSE(store::delete_quote(*db, tb, q2.id, by));
  EXPECT_TRUE(store::quotes_of(*db, tb, false).empty());
  EXPECT_EQ(store::quotes_of(*db, ta, false).size(), 4u);
  EXPECT_TRUE(store::delete_quote(*db, ta, q2.id, by));
  EXPECT_FALSE(store::delete_quote(*db, ta, q2.id, by));
  EXPECT_EQ(store::quotes_of(*db, ta, false).size(), 3u);
  EXPECT_TRUE(store::quote_answer(*db, ta, consented, by).ok()) << "quoted again once the quote is deleted";
}

// ---- privacy and deletion ---------------------------------------------------------------------------------------

TEST_P(SurveyScopes, StoredAnswersHoldNoAddressAgentOrTimeFinerThanTheDay) {
  long long teachers = copy(ta, "satisfaction_enseignants");
  long long lt = link(ta, a1, teachers);
  respond(lt,
          submission(teachers, "single",
                     {{"attentes", 5}, {"renouveler", {}, "", {"Oui"}}, {"mieux_fonctionne", {}, "Très clair.", {}}},
                     "", "", "", true));

  // The columns an answer may have, read from the engine's catalogue: nothing else may ever appear.
  EXPECT_EQ(columns_of("survey_responses"),
            (std::set<std::string>{"id", "link_id", "phase", "day", "gender", "level", "code", "quote_consent"}));
  EXPECT_EQ(columns_of("survey_answers"),
            (std::set<std::string>{"id", "response_id", "question_id", "value", "choices", "text", "search"}));

  const std::regex day(R"(^\d{4}-\d{2}-\d{2}$)");
  auto days = values_of("survey_responses", "day");
  ASSERT_EQ(days.size(), 13u);
  for (const auto& d : days) EXPECT_TRUE(std::regex_match(d, day)) << d;

  const std::regex ipv4(R"((^|[^0-9])\d{1,3}(\.\d{1,3}){3}([^0-9]|$))");
  ASSERT_TRUE(std::regex_search("reçu de 192.168.0.12", ipv4)) << "the scan can find one";
  long long scanned = 0;
  for (const std::string table : {"survey_responses", "survey_answers"})
    for (const auto& column : columns_of(table))
      for (const auto& v : values_of(table, column)) {
        ++scanned;
        EXPECT_FALSE(std::regex_search(v, ipv4)) << table << "." << column << ": " << v;
        EXPECT_EQ(v.find("Mozilla/"), std::string::npos) << table << "." << column << ": " << v;
      }
  EXPECT_EQ(scanned, 13 * 8 + 15 * 7) << "13 responses, 12 + 3 answers";
}

TEST_P(SurveyScopes, DeletingAnActionDeletesItsLinksAndAnswers) {
  long long teachers = copy(ta, "satisfaction_enseignants");
  long long lt = link(ta, a1, teachers);
  long long r =
      respond(lt, submission(teachers, "single", {{"ameliorer", {}, "Plus de manipulations.", {}}}, "", "", "", true));
  long long text = answer_id(r, teachers, "ameliorer");
  ASSERT_TRUE(store::set_answer_themes(*db, ta, text, {"manipulations"}, by).ok());
  auto quote = store::quote_answer(*db, ta, text, by);
  ASSERT_TRUE(quote.ok());
  EXPECT_EQ(count("survey_links"), 5);
  EXPECT_EQ(count("survey_responses"), 13);
  EXPECT_EQ(count("survey_answers"), 13);

  // A1 has L1 (5 responses, 5 answers) and the teachers' link (1 and 1).
  ASSERT_TRUE(store::delete_action(*db, ta, a1, by));
  EXPECT_EQ(count("survey_links"), 3);
  EXPECT_EQ(count("survey_responses"), 7);
  EXPECT_EQ(count("survey_answers"), 7);
  EXPECT_EQ(count("survey_answer_themes"), 0);
  EXPECT_FALSE(store::survey_link_by_id(*db, ta, l1));
  EXPECT_EQ(sales_stats({.territory_id = ta}), std::make_tuple(2L, 3L, 0L));
  // The quote stays, detached: its text was copied and is anonymous.
  auto quotes = store::quotes_of(*db, ta, false);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "Plus de manipulations.");
  EXPECT_EQ(quotes[0].answer_id, 0);
  EXPECT_EQ(quotes[0].action_id, 0);
  // The questionnaires stay.
  EXPECT_EQ(store::questionnaires_of(*db, ta).size(), 2u);
}

// The dashboard and the report show the quotes of their period and initiative only.
TEST_P(SurveyTexts, QuotesInScopeFollowThePeriodAndTheInitiative) {
  long long in_i1 = validated(ta, "2025-06-02", i1);
  long long lq = link(ta, in_i1, teachers);
  long long march = ids[0];  // answered 2025-03-11 at action1 (no initiative)
  long long june = answer_id(
      respond(lq,
              submission(teachers, "single", {{"mieux_fonctionne", {}, "Très bonne visite.", {}}}, "", "", "", true),
              "2025-06-03"),
      teachers, "mieux_fonctionne");
  // Adults need their consent: quote the consenting June answer; make March's answer consenting by a pupils' copy.
  ASSERT_TRUE(store::quote_answer(*db, ta, june, by).ok());
  EXPECT_FALSE(store::quote_answer(*db, ta, march, by).ok()) << "no consent";
  long long march_consent =
      answer_id(respond(lt, submission(teachers, "single", {{"ameliorer", {}, "Plus de temps.", {}}}, "", "", "", true),
                        "2025-03-25"),
                teachers, "ameliorer");
  auto q_march = store::quote_answer(*db, ta, march_consent, by);
  ASSERT_TRUE(q_march.ok());

  auto texts_of = [&](const store::SurveyScope& sc, bool public_only = true) {
    std::vector<std::string> out;
    for (const auto& q : store::quotes_in_scope(*db, sc, public_only, 10)) out.push_back(q.text);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(texts_of({.territory_id = ta}), (V{"Très bonne visite.", "Plus de temps."})) << "newest first";
  EXPECT_EQ(texts_of({.territory_id = ta, .from_month = "2025-03", .to_month = "2025-03"}), V{"Plus de temps."});
  EXPECT_EQ(texts_of({.territory_id = ta, .from_month = "2025-04"}), V{"Très bonne visite."});
  EXPECT_EQ(texts_of({.territory_id = ta, .initiative_id = i1}), V{"Très bonne visite."});
  EXPECT_EQ(texts_of({.territory_id = ta, .initiative_id = i2}), V{});
  EXPECT_EQ(texts_of({.territory_id = tb}), V{});
  EXPECT_EQ(texts_of({}).size(), 2u) << "every territory";
  ASSERT_TRUE(store::set_quote_public(*db, ta, q_march.id, false, by).ok());
  EXPECT_EQ(texts_of({.territory_id = ta}), V{"Très bonne visite."});
  EXPECT_EQ(texts_of({.territory_id = ta}, false).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, SurveysStore, ::testing::ValuesIn(fixture::engines()));
INSTANTIATE_TEST_SUITE_P(Engines, SurveyScopes, ::testing::ValuesIn(fixture::engines()));
INSTANTIATE_TEST_SUITE_P(Engines, SurveyTexts, ::testing::ValuesIn(fixture::engines()));
