// SQL for questionnaires, survey links, anonymous answers, and what statistics, lists and quotes read back.
#include "store/surveys.hpp"

#include <algorithm>
#include <set>

#include "domain/action.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

constexpr std::size_t kMaxTheme = 60;
constexpr std::size_t kMaxThemes = 10;

std::string options_text(const std::vector<std::string>& options) {
  return domain::join(options, "\n");
}

std::vector<std::string> options_of(const std::string& text) {
  std::vector<std::string> out;
  for (auto& o : domain::split_list(text, '\n'))
    if (!o.empty()) out.push_back(o);
  return out;
}

const char* kQuestionnaireColumns =
    "SELECT q.id, q.territory_id, q.template_code, q.audience, q.title, q.intro, q.pre_post, q.archived "
    "FROM questionnaires q ";

domain::Questionnaire questionnaire_from_row(const soci::row& r) {
  domain::Questionnaire q;
  q.id = col_ll(r, 0);
  q.territory_id = col_ll(r, 1);
  q.template_code = col_str(r, 2);
  q.audience = col_str(r, 3);
  q.title = col_str(r, 4);
  q.intro = col_str(r, 5);
  q.pre_post = col_int(r, 6) != 0;
  q.archived = col_int(r, 7) != 0;
  return q;
}

void load_questions(soci::session& sql, domain::Questionnaire& q) {
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT id, position, code, kind, text, options, required FROM survey_questions "
                      "WHERE questionnaire_id = :q AND removed = 0 ORDER BY position, id",
       use(q.id));
  for (const auto& r : rs) {
    domain::SurveyQuestion qu;
    qu.id = col_ll(r, 0);
    qu.position = col_int(r, 1);
    qu.code = col_str(r, 2);
    qu.kind = col_str(r, 3);
    qu.text = col_str(r, 4);
    qu.options = options_of(col_str(r, 5));
    qu.required = col_int(r, 6) != 0;
    q.questions.push_back(std::move(qu));
  }
}

std::optional<domain::Questionnaire> load_questionnaire(soci::session& sql, long long territory_id, long long id,
                                                        bool lock = false) {
  auto q = row_in_territory(sql, kQuestionnaireColumns, "q", territory_id, id, lock, questionnaire_from_row);
  if (q) load_questions(sql, *q);
  return q;
}

void insert_question(soci::session& sql, long long questionnaire_id, const domain::SurveyQuestion& qu) {
  std::string options = options_text(qu.options);
  int required = qu.required ? 1 : 0;
  sql << "INSERT INTO survey_questions (questionnaire_id, position, code, kind, text, options, required) VALUES "
         "(:q, :p, :c, :k, :t, :o, :r)",
      use(questionnaire_id), use(qu.position), use(qu.code), use(qu.kind), use(qu.text), use(options), use(required);
}

long long insert_questionnaire_rows(soci::session& sql, const domain::Questionnaire& q, const Author& by) {
  long long now = now_unix(), id = 0;
  int pre_post = q.pre_post ? 1 : 0, archived = q.archived ? 1 : 0;
  sql << "INSERT INTO questionnaires (territory_id, template_code, audience, title, intro, pre_post, archived, "
         "created_at, updated_at) VALUES (:t, :tc, :a, :ti, :i, :pp, :ar, :c, :u) RETURNING id",
      use(q.territory_id), use(q.template_code), use(q.audience), use(q.title), use(q.intro), use(pre_post),
      use(archived), use(now), use(now), into(id);
  for (const auto& qu : q.questions) insert_question(sql, id, qu);
  audit(sql, q.territory_id, by.user_id, by.label, "create", "questionnaire", id, q.title);
  return id;
}

WriteResult insert_checked(Store& s, domain::Questionnaire q, const Author& by) {
  domain::normalise(q);
  if (auto e = domain::validate(q); !e.empty()) return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) { return done(insert_questionnaire_rows(sql, q, by)); });
}

// ---- links ----

const char* kLinkColumns =
    "SELECT l.id, l.territory_id, l.action_id, l.questionnaire_id, l.token, l.phase, q.title, q.audience, q.pre_post, "
    "(SELECT COUNT(*) FROM survey_responses r WHERE r.link_id = l.id AND r.phase = 'pre'), "
    "(SELECT COUNT(*) FROM survey_responses r WHERE r.link_id = l.id AND r.phase = 'post'), "
    "(SELECT COUNT(*) FROM survey_responses r WHERE r.link_id = l.id AND r.phase = 'single'), "
    "a.kind, a.starts_on, "
    "COALESCE(NULLIF(a.place, ''), (SELECT MIN(sc.name) FROM action_schools x JOIN schools sc ON sc.id = x.school_id "
    "WHERE x.action_id = a.id), '') "
    "FROM survey_links l JOIN questionnaires q ON q.id = l.questionnaire_id JOIN actions a ON a.id = l.action_id ";

SurveyLink link_from_row(const soci::row& r) {
  SurveyLink l;
  l.id = col_ll(r, 0);
  l.territory_id = col_ll(r, 1);
  l.action_id = col_ll(r, 2);
  l.questionnaire_id = col_ll(r, 3);
  l.token = col_str(r, 4);
  l.phase = col_str(r, 5);
  l.questionnaire_title = col_str(r, 6);
  l.audience = col_str(r, 7);
  l.pre_post = col_int(r, 8) != 0;
  l.responses_pre = col_ll(r, 9);
  l.responses_post = col_ll(r, 10);
  l.responses_single = col_ll(r, 11);
  l.action_kind = col_str(r, 12);
  l.action_day = col_str(r, 13);
  l.action_place = col_str(r, 14);
  return l;
}

// The WHERE clause and binds of a scope, over survey_links l, questionnaires q, actions a, survey_responses r.
struct ScopeSql {
  std::string where;
  std::string from, to;
};

ScopeSql scope_sql(const SurveyScope& sc) {
  ScopeSql out;
  out.from = sc.from_month;
  out.to = sc.to_month.empty() ? "9999-99" : sc.to_month;
  out.where =
      " WHERE (:t1 = 0 OR l.territory_id = :t2) AND (:a1 = 0 OR l.action_id = :a2) AND (:i1 = 0 OR "
      "a.initiative_id = :i2) AND a.month >= :from AND a.month <= :to AND (:au1 = '' OR q.audience = :au2) "
      "AND (:v = 0 OR a.status = 'validated') AND (:g1 = '' OR r.gender = :g2) ";
  return out;
}

// Binds the scope's parameters in the order of scope_sql's WHERE clause.
template <class Stmt>
void bind_scope(Stmt& st, const SurveyScope& sc, const ScopeSql& q, int& validated) {
  validated = sc.validated_only ? 1 : 0;
  st.exchange(use(sc.territory_id));
  st.exchange(use(sc.territory_id));
  st.exchange(use(sc.action_id));
  st.exchange(use(sc.action_id));
  st.exchange(use(sc.initiative_id));
  st.exchange(use(sc.initiative_id));
  st.exchange(use(q.from));
  st.exchange(use(q.to));
  st.exchange(use(sc.audience));
  st.exchange(use(sc.audience));
  st.exchange(use(validated));
  st.exchange(use(sc.gender));
  st.exchange(use(sc.gender));
}

const char* kScopeJoins =
    " FROM survey_answers an JOIN survey_responses r ON r.id = an.response_id "
    "JOIN survey_links l ON l.id = r.link_id JOIN questionnaires q ON q.id = l.questionnaire_id "
    "JOIN actions a ON a.id = l.action_id JOIN survey_questions sq ON sq.id = an.question_id ";

// Runs `select` + joins + scope + `tail` and calls f(row) for each row.
template <class F>
void for_each_in_scope(soci::session& sql, const SurveyScope& sc, const std::string& select, const char* joins,
                       const std::string& extra_where, const std::vector<std::string>& extra_binds,
                       const std::string& tail, F&& f) {
  ScopeSql q = scope_sql(sc);
  int validated = 0;
  soci::row row;
  soci::statement st(sql);
  st.alloc();
  st.prepare(select + joins + q.where + extra_where + tail);
  bind_scope(st, sc, q, validated);
  for (const auto& b : extra_binds) st.exchange(use(b));
  st.exchange(into(row));
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) f(row);
}

std::string attribution_for(const std::string& audience, const std::string& gender, const std::string& level) {
  if (audience == "pupils") {
    std::string who = gender == "girl" ? "Une élève" : gender == "boy" ? "Un élève" : "Un·e élève";
    std::string_view l = domain::class_level_label(level);
    if (!l.empty())
      who += (level == "sup" ? " de l’" : " de ") + std::string(level == "sup" ? "enseignement supérieur" : l);
    return who;
  }
  if (audience == "teachers") return "Un·e enseignant·e";
  if (audience == "companies") return "Une entreprise partenaire";
  if (audience == "ambassadors") return "Une ambassadrice";
  return "Un·e participant·e";
}

}  // namespace

// ---- questionnaires ----------------------------------------------------------------------------------------

std::vector<domain::Questionnaire> questionnaires_of(Store& s, long long territory_id, bool with_archived) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::Questionnaire> out;
    int all = with_archived ? 1 : 0;
    {
      soci::rowset<soci::row> rs = (sql.prepare << std::string(kQuestionnaireColumns) +
                                                       "WHERE q.territory_id = :t AND (:all = 1 OR q.archived = 0) "
                                                       "ORDER BY q.archived, q.title, q.id",
                                    use(territory_id), use(all));
      for (const auto& r : rs) out.push_back(questionnaire_from_row(r));
    }
    for (auto& q : out) load_questions(sql, q);
    return out;
  });
}

std::optional<domain::Questionnaire> questionnaire_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_questionnaire(sql, territory_id, id); });
}

WriteResult copy_questionnaire_template(Store& s, long long territory_id, const std::string& template_code,
                                        const Author& by) {
  const domain::Questionnaire* t = domain::questionnaire_template(template_code);
  if (!t) return failed(WriteResult::Status::not_found);
  domain::Questionnaire q = *t;
  q.territory_id = territory_id;
  return insert_checked(s, q, by);
}

WriteResult copy_questionnaire(Store& s, long long territory_id, long long id, const Author& by) {
  auto q = questionnaire_by_id(s, territory_id, id);
  if (!q) return failed(WriteResult::Status::not_found);
  q->id = 0;
  q->archived = false;
  q->title += " (copie)";
  for (auto& qu : q->questions) qu.id = 0;
  return insert_checked(s, *q, by);
}

WriteResult insert_questionnaire(Store& s, const domain::Questionnaire& q, const Author& by) {
  domain::Questionnaire copy = q;
  for (auto& qu : copy.questions) qu.id = 0;
  return insert_checked(s, copy, by);
}

WriteResult update_questionnaire(Store& s, const domain::Questionnaire& in, const Author& by) {
  domain::Questionnaire q = in;
  domain::normalise(q);
  if (auto e = domain::validate(q); !e.empty()) return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    auto before = load_questionnaire(sql, q.territory_id, q.id, true);
    if (!before) return failed(WriteResult::Status::not_found);
    auto answers_to = [&](long long question_id) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM survey_answers WHERE question_id = :q", use(question_id), into(n);
      return n;
    };
    domain::Errors e;
    std::set<long long> kept;
    for (std::size_t i = 0; i < q.questions.size(); ++i) {
      const auto& qu = q.questions[i];
      if (qu.id == 0) continue;
      auto it = std::find_if(before->questions.begin(), before->questions.end(),
                             [&](const domain::SurveyQuestion& b) { return b.id == qu.id; });
      if (it == before->questions.end())
        return failed(WriteResult::Status::invalid,
                      {{"questions", "Une des questions n’appartient pas à ce questionnaire."}});
      // Answers were given to this kind of question: a scale answer read as a text would be meaningless.
      if (it->kind != qu.kind && answers_to(qu.id) > 0)
        e["q" + std::to_string(i) + "_kind"] =
            "Cette question a déjà des réponses : son type ne peut plus changer (ajoutez une nouvelle question).";
      kept.insert(qu.id);
    }
    // Links already collect (or collected) before/after answers in this mode: switching it would misfile them.
    if (before->pre_post != q.pre_post) {
      long long links = 0;
      sql << "SELECT COUNT(*) FROM survey_links WHERE questionnaire_id = :q", use(q.id), into(links);
      if (links > 0)
        e["pre_post"] =
            "Ce questionnaire est déjà utilisé par des actions : le mode avant/après ne peut plus "
            "changer (faites-en une copie).";
    }
    if (!e.empty()) return failed(WriteResult::Status::invalid, e);
    // A new question may reuse the code of a removed one: it is then the same statement, and the statistics add
    // their answers up (that is how a statement is reworded without losing its history).
    long long now = now_unix();
    int pre_post = q.pre_post ? 1 : 0, archived = q.archived ? 1 : 0;
    // updated_at grows with every edit, even two in the same second: it is the version of the cached public form.
    sql << "UPDATE questionnaires SET audience = :a, title = :ti, intro = :i, pre_post = :pp, archived = :ar, "
           "updated_at = CASE WHEN updated_at < :u1 THEN :u2 ELSE updated_at + 1 END WHERE territory_id = :t AND id = "
           ":id",
        use(q.audience), use(q.title), use(q.intro), use(pre_post), use(archived), use(now), use(now),
        use(q.territory_id), use(q.id);
    for (const auto& b : before->questions) {
      if (kept.count(b.id)) continue;
      long long answers = 0;
      sql << "SELECT COUNT(*) FROM survey_answers WHERE question_id = :q", use(b.id), into(answers);
      if (answers > 0)
        sql << "UPDATE survey_questions SET removed = 1 WHERE id = :q", use(b.id);
      else
        sql << "DELETE FROM survey_questions WHERE id = :q", use(b.id);
    }
    for (const auto& qu : q.questions) {
      if (qu.id == 0) {
        insert_question(sql, q.id, qu);
        continue;
      }
      std::string options = options_text(qu.options);
      int required = qu.required ? 1 : 0;
      sql << "UPDATE survey_questions SET position = :p, code = :c, kind = :k, text = :t, options = :o, required = :r "
             "WHERE id = :id AND questionnaire_id = :q",
          use(qu.position), use(qu.code), use(qu.kind), use(qu.text), use(options), use(required), use(qu.id),
          use(q.id);
    }
    audit(sql, q.territory_id, by.user_id, by.label, "update", "questionnaire", q.id, q.title);
    return done(q.id);
  });
}

long long default_perception_questionnaire(Store& s, long long territory_id, const Author& by) {
  long long id = s.read([&](soci::session& sql) {
    long long found = 0;
    soci::indicator ind;
    sql << "SELECT MIN(id) FROM questionnaires WHERE territory_id = :t AND audience = 'pupils' AND pre_post = 1 "
           "AND archived = 0",
        use(territory_id), into(found, ind);
    return ind == soci::i_ok ? found : 0LL;
  });
  if (id) return id;
  return copy_questionnaire_template(s, territory_id, "perception_eleves", by).id;
}

// ---- links --------------------------------------------------------------------------------------------------

std::vector<SurveyLink> survey_links_of_action(Store& s, long long territory_id, long long action_id) {
  return s.read([&](soci::session& sql) {
    std::vector<SurveyLink> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << std::string(kLinkColumns) + "WHERE l.territory_id = :t AND l.action_id = :a ORDER BY l.id",
         use(territory_id), use(action_id));
    for (const auto& r : rs) out.push_back(link_from_row(r));
    return out;
  });
}

std::optional<SurveyLink> survey_link_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) {
    return row_in_territory(sql, kLinkColumns, "l", territory_id, id, false, link_from_row);
  });
}

std::optional<SurveyLink> survey_link_by_token(Store& s, const std::string& token) {
  if (!domain::is_survey_token(token)) return std::nullopt;
  return s.read([&](soci::session& sql) -> std::optional<SurveyLink> {
    soci::row r;
    sql << std::string(kLinkColumns) + "WHERE l.token = :tok", use(token), into(r);
    if (!sql.got_data()) return std::nullopt;
    return link_from_row(r);
  });
}

std::optional<SurveyFormStamp> survey_form_stamp(Store& s, const std::string& token) {
  if (!domain::is_survey_token(token)) return std::nullopt;
  return s.read([&](soci::session& sql) -> std::optional<SurveyFormStamp> {
    soci::row r;
    sql << "SELECT l.id, l.phase, q.id, q.updated_at, a.id, a.updated_at FROM survey_links l JOIN questionnaires q ON "
           "q.id = l.questionnaire_id JOIN actions a ON a.id = l.action_id WHERE l.token = :tok",
        use(token), into(r);
    if (!sql.got_data()) return std::nullopt;
    SurveyFormStamp st;
    st.link_id = col_ll(r, 0);
    st.phase = col_str(r, 1);
    st.version = std::to_string(st.link_id) + "|" + st.phase + "|" + std::to_string(col_ll(r, 2)) + "@" +
                 std::to_string(col_ll(r, 3)) + "|" + std::to_string(col_ll(r, 4)) + "@" + std::to_string(col_ll(r, 5));
    return st;
  });
}

WriteResult create_survey_link(Store& s, long long territory_id, long long action_id, long long questionnaire_id,
                               const Author& by) {
  return s.write([&](soci::session& sql) {
    domain::Errors e;
    if (action_id <= 0 || !in_territory(sql, "actions", territory_id, action_id))
      e["action_id"] = "Cette action n’existe pas dans ce territoire.";
    auto q = load_questionnaire(sql, territory_id, questionnaire_id);
    if (!q) e["questionnaire_id"] = "Ce questionnaire n’existe pas dans ce territoire.";
    if (q && q->archived) e["questionnaire_id"] = "Ce questionnaire est archivé : remettez-le en service d’abord.";
    if (!e.empty()) return failed(WriteResult::Status::invalid, e);
    long long existing = 0;
    soci::indicator ind;
    sql << "SELECT MIN(id) FROM survey_links WHERE action_id = :a AND questionnaire_id = :q", use(action_id),
        use(questionnaire_id), into(existing, ind);
    if (ind == soci::i_ok && existing) {
      WriteResult r = failed(WriteResult::Status::conflict,
                             {{"questionnaire_id", "Ce questionnaire a déjà un lien pour cette action."}});
      r.id = existing;
      return r;
    }
    std::string phase = q->pre_post ? "pre" : "single";
    long long now = now_unix(), id = 0;
    for (int attempt = 0;; ++attempt) {
      std::string token = domain::new_survey_token();
      long long taken = 0;
      sql << "SELECT COUNT(*) FROM survey_links WHERE token = :tok", use(token), into(taken);
      if (taken && attempt < 20) continue;
      sql << "INSERT INTO survey_links (territory_id, action_id, questionnaire_id, token, phase, created_at) VALUES "
             "(:t, :a, :q, :tok, :p, :c) RETURNING id",
          use(territory_id), use(action_id), use(questionnaire_id), use(token), use(phase), use(now), into(id);
      break;
    }
    audit(sql, territory_id, by.user_id, by.label, "create", "survey_link", id, q->title);
    return done(id);
  });
}

WriteResult set_survey_link_phase(Store& s, long long territory_id, long long link_id, const std::string& phase,
                                  const Author& by) {
  return s.write([&](soci::session& sql) {
    auto l = row_in_territory(sql, kLinkColumns, "l", territory_id, link_id, false, link_from_row);
    if (!l) return failed(WriteResult::Status::not_found);
    bool ok = phase == "closed" || (l->pre_post ? (phase == "pre" || phase == "post") : phase == "single");
    if (!ok)
      return failed(WriteResult::Status::invalid, {{"phase", "Cette étape n’existe pas pour ce questionnaire."}});
    sql << "UPDATE survey_links SET phase = :p WHERE id = :id", use(phase), use(link_id);
    audit(sql, territory_id, by.user_id, by.label, "phase", "survey_link", link_id, l->phase + " → " + phase);
    return done(link_id);
  });
}

// ---- answers ------------------------------------------------------------------------------------------------

WriteResult insert_survey_response(Store& s, long long link_id, const domain::SurveySubmission& sub,
                                   const std::string& day) {
  // What the form parser guarantees, checked again here: only a day, and nothing but the allowed small values.
  domain::Errors checks;
  if (!domain::is_iso_day(day)) checks["day"] = "Date invalide.";
  if (!sub.gender.empty() && sub.gender != "girl" && sub.gender != "boy" && sub.gender != "other")
    checks["gender"] = "Valeur invalide.";
  if (!sub.level.empty() && domain::class_level_label(sub.level).empty()) checks["level"] = "Classe invalide.";
  if (domain::Errors e; !sub.code.empty() && domain::normalise_link_code(sub.code, e) != sub.code)
    checks["code"] = "Code invalide.";
  if (!checks.empty()) return failed(WriteResult::Status::invalid, checks);
  return s.write([&](soci::session& sql) {
    std::string phase;
    long long questionnaire_id = 0;
    sql << "SELECT phase, questionnaire_id FROM survey_links WHERE id = :id" + for_update(sql), use(link_id),
        into(phase), into(questionnaire_id);
    if (!sql.got_data()) return failed(WriteResult::Status::not_found);
    if (phase == "closed")
      return failed(WriteResult::Status::invalid,
                    {{"phase", "Ce questionnaire est fermé : il ne reçoit plus de réponse."}});
    if (phase != sub.phase)
      return failed(WriteResult::Status::invalid, {{"phase", "Le questionnaire est passé à l’étape « " +
                                                                 std::string(domain::survey_phase_label(phase)) +
                                                                 " » : rechargez la page pour répondre."}});
    std::set<long long> questions;
    {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT id FROM survey_questions WHERE questionnaire_id = :q AND removed = 0",
           use(questionnaire_id));
      for (const auto& r : rs) questions.insert(col_ll(r, 0));
    }
    long long id = 0;
    int consent = sub.quote_consent ? 1 : 0;
    sql << "INSERT INTO survey_responses (link_id, phase, day, gender, level, code, quote_consent) VALUES "
           "(:l, :p, :d, :g, :lv, :c, :qc) RETURNING id",
        use(link_id), use(sub.phase), use(day), use(sub.gender), use(sub.level), use(sub.code), use(consent), into(id);
    for (const auto& a : sub.answers) {
      if (!a.answered || !questions.count(a.question_id)) continue;
      int value = a.value.value_or(0);
      soci::indicator vi = a.value ? soci::i_ok : soci::i_null;
      std::string choices = domain::join(a.choices, "\n"), search = domain::fold(a.text);
      sql << "INSERT INTO survey_answers (response_id, question_id, value, choices, text, search) VALUES "
             "(:r, :q, :v, :c, :t, :s)",
          use(id), use(a.question_id), use(value, vi), use(choices), use(a.text), use(search);
    }
    return done(id);
  });
}

std::vector<domain::ScaleAnswer> scale_answers(Store& s, const SurveyScope& scope) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::ScaleAnswer> out;
    for_each_in_scope(sql, scope, "SELECT sq.code, r.phase, an.value, r.code, l.id", kScopeJoins,
                      "AND sq.kind = 'scale' AND q.pre_post = 1 AND r.phase IN ('pre', 'post') ", {},
                      " ORDER BY q.id, sq.position, r.id", [&](const soci::row& r) {
                        domain::ScaleAnswer a;
                        a.question = col_str(r, 0);
                        a.post = col_str(r, 1) == "post";
                        if (r.get_indicator(2) == soci::i_ok) a.value = col_int(r, 2);
                        std::string code = col_str(r, 3);
                        if (!code.empty()) a.code = std::to_string(col_ll(r, 4)) + ":" + code;
                        out.push_back(std::move(a));
                      });
    return out;
  });
}

std::map<std::string, std::string> scale_question_texts(Store& s, const SurveyScope& scope) {
  return s.read([&](soci::session& sql) {
    std::map<std::string, std::string> out;
    // Newest wording last, so that it wins.
    for_each_in_scope(sql, scope, "SELECT DISTINCT sq.code, sq.text, sq.id", kScopeJoins,
                      "AND sq.kind = 'scale' AND q.pre_post = 1 ", {}, " ORDER BY sq.id",
                      [&](const soci::row& r) { out[col_str(r, 0)] = col_str(r, 1); });
    return out;
  });
}

ResponseCounts response_counts(Store& s, const SurveyScope& scope) {
  return s.read([&](soci::session& sql) {
    ResponseCounts c;
    std::set<std::string> pre_codes;
    std::vector<std::string> post_codes;
    for_each_in_scope(sql, scope, "SELECT r.phase, r.gender, r.code, l.id",
                      " FROM survey_responses r JOIN survey_links l ON l.id = r.link_id JOIN questionnaires q ON "
                      "q.id = l.questionnaire_id JOIN actions a ON a.id = l.action_id ",
                      "", {}, "", [&](const soci::row& r) {
                        std::string phase = col_str(r, 0), gender = col_str(r, 1), code = col_str(r, 2);
                        if (phase == "pre") ++c.pre;
                        if (phase == "post") ++c.post;
                        if (phase == "single") ++c.single;
                        if (gender == "girl")
                          ++c.girls;
                        else if (gender == "boy")
                          ++c.boys;
                        else
                          ++c.other_or_unsaid;
                        if (!code.empty()) {
                          std::string key = std::to_string(col_ll(r, 3)) + ":" + code;
                          if (phase == "pre") pre_codes.insert(key);
                          if (phase == "post") post_codes.push_back(key);
                        }
                      });
    for (const auto& k : post_codes) c.linked += pre_codes.count(k) ? 1 : 0;
    return c;
  });
}

std::vector<ChoiceCount> choice_counts(Store& s, const SurveyScope& scope) {
  return s.read([&](soci::session& sql) {
    // Questions in scope in form order; options in their order, then any option since removed.
    struct Q {
      std::string code, text, kind;
      std::vector<std::string> options;
      std::map<std::string, long long> counts;
      long long respondents = 0;
    };
    std::vector<Q> qs;
    std::map<std::string, std::size_t> index;
    for_each_in_scope(sql, scope, "SELECT sq.code, sq.text, sq.kind, sq.options, an.value, an.choices", kScopeJoins,
                      "AND (sq.kind IN ('single', 'multiple') OR (sq.kind = 'scale' AND q.pre_post = 0)) ", {},
                      " ORDER BY q.id, sq.position, sq.id", [&](const soci::row& r) {
                        std::string code = col_str(r, 0);
                        auto [it, added] = index.emplace(code, qs.size());
                        if (added) {
                          Q q{code, col_str(r, 1), col_str(r, 2), {}, {}, 0};
                          if (q.kind == "scale") {
                            for (const auto& c : domain::agreement_scale())
                              q.options.push_back(std::string(c.code) + " – " + std::string(c.label));
                            q.options.push_back("Je ne sais pas");
                          } else {
                            q.options = options_of(col_str(r, 3));
                          }
                          qs.push_back(std::move(q));
                        }
                        Q& q = qs[it->second];
                        ++q.respondents;
                        if (q.kind == "scale") {
                          if (r.get_indicator(4) == soci::i_ok) {
                            int v = col_int(r, 4);
                            if (v >= 1 && v <= 5) ++q.counts[q.options[static_cast<std::size_t>(v - 1)]];
                          } else {
                            ++q.counts["Je ne sais pas"];
                          }
                        } else {
                          for (const auto& o : options_of(col_str(r, 5))) ++q.counts[o];
                        }
                      });
    std::vector<ChoiceCount> out;
    for (auto& q : qs) {
      std::vector<std::string> order = q.options;
      for (const auto& [o, n] : q.counts)
        if (std::find(order.begin(), order.end(), o) == order.end()) order.push_back(o);
      for (const auto& o : order)
        out.push_back({q.code, q.text, o, q.counts.count(o) ? q.counts[o] : 0, q.respondents});
    }
    return out;
  });
}

// ---- free text, themes, quotes ---------------------------------------------------------------------------------

TextAnswerPage text_answers(Store& s, const SurveyScope& scope, const std::string& query, const std::string& theme,
                            int page, int per_page) {
  return s.read([&](soci::session& sql) {
    TextAnswerPage out;
    std::string extra = "AND sq.kind = 'text' AND an.text <> '' ";
    std::vector<std::string> binds;
    for (const auto& word : domain::split_list(domain::fold(query), ' ')) {
      if (word.empty()) continue;
      extra += "AND an.search LIKE :w" + std::to_string(binds.size()) + " ";
      std::string escaped;
      for (char c : word) {
        if (c == '%' || c == '_' || c == '\\') escaped += '\\';
        escaped += c;
      }
      binds.push_back("%" + escaped + "%");
      extra.insert(extra.size() - 1, " ESCAPE '\\'");
    }
    if (!theme.empty()) {
      extra += "AND EXISTS (SELECT 1 FROM survey_answer_themes th WHERE th.answer_id = an.id AND th.theme = :th) ";
      binds.push_back(theme);
    }
    for_each_in_scope(sql, scope, "SELECT COUNT(*)", kScopeJoins, extra, binds, "",
                      [&](const soci::row& r) { out.total = col_ll(r, 0); });
    page = std::max(page, 1);
    per_page = std::clamp(per_page, 1, 500);
    std::string tail = " ORDER BY r.day DESC, an.id DESC LIMIT " + std::to_string(per_page) + " OFFSET " +
                       std::to_string(static_cast<long long>(page - 1) * per_page);
    for_each_in_scope(sql, scope,
                      "SELECT an.id, l.action_id, r.day, q.audience, r.phase, sq.text, an.text, r.level, r.gender, "
                      "r.quote_consent, (SELECT COUNT(*) FROM survey_quotes sqt WHERE sqt.answer_id = an.id)",
                      kScopeJoins, extra, binds, tail, [&](const soci::row& r) {
                        TextAnswer a;
                        a.id = col_ll(r, 0);
                        a.action_id = col_ll(r, 1);
                        a.day = col_str(r, 2);
                        a.audience = col_str(r, 3);
                        a.phase = col_str(r, 4);
                        a.question = col_str(r, 5);
                        a.text = col_str(r, 6);
                        a.level = col_str(r, 7);
                        a.gender = col_str(r, 8);
                        a.quote_consent = col_int(r, 9) != 0;
                        a.quoted = col_ll(r, 10) > 0;
                        out.answers.push_back(std::move(a));
                      });
    for (auto& a : out.answers) {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT theme FROM survey_answer_themes WHERE answer_id = :a ORDER BY theme", use(a.id));
      for (const auto& r : rs) a.themes.push_back(col_str(r, 0));
    }
    return out;
  });
}

std::vector<std::pair<std::string, long long>> answer_themes(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<std::pair<std::string, long long>> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT th.theme, COUNT(*) FROM survey_answer_themes th JOIN survey_answers an ON an.id = "
                        "th.answer_id JOIN survey_responses r ON r.id = an.response_id JOIN survey_links l ON l.id = "
                        "r.link_id WHERE l.territory_id = :t GROUP BY th.theme ORDER BY COUNT(*) DESC, th.theme",
         use(territory_id));
    for (const auto& r : rs) out.emplace_back(col_str(r, 0), col_ll(r, 1));
    return out;
  });
}

namespace {

// The answer's territory check and what a quote needs: audience, gender, level, consent, text, action, day.
struct AnswerInfo {
  std::string audience, gender, level, text, day;
  bool consent = false;
  long long action_id = 0;
};

std::optional<AnswerInfo> answer_in_territory(soci::session& sql, long long territory_id, long long answer_id) {
  soci::row r;
  sql << "SELECT q.audience, r.gender, r.level, an.text, r.day, r.quote_consent, l.action_id FROM survey_answers an "
         "JOIN survey_responses r ON r.id = an.response_id JOIN survey_links l ON l.id = r.link_id "
         "JOIN questionnaires q ON q.id = l.questionnaire_id WHERE l.territory_id = :t AND an.id = :id",
      use(territory_id), use(answer_id), into(r);
  if (!sql.got_data()) return std::nullopt;
  return AnswerInfo{col_str(r, 0), col_str(r, 1),      col_str(r, 2), col_str(r, 3),
                    col_str(r, 4), col_int(r, 5) != 0, col_ll(r, 6)};
}

}  // namespace

WriteResult set_answer_themes(Store& s, long long territory_id, long long answer_id,
                              const std::vector<std::string>& themes, const Author& by) {
  std::set<std::string> clean;
  for (const auto& t : themes)
    if (auto x = domain::trim(t); !x.empty()) clean.insert(x);
  domain::Errors e;
  for (const auto& t : clean)
    if (domain::utf8_length(t) > kMaxTheme || !domain::valid_utf8(t))
      e["themes"] = "Un thème compte au plus " + std::to_string(kMaxTheme) + " caractères.";
  if (clean.size() > kMaxThemes) e["themes"] = "Au plus " + std::to_string(kMaxThemes) + " thèmes par réponse.";
  if (!e.empty()) return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    if (!answer_in_territory(sql, territory_id, answer_id)) return failed(WriteResult::Status::not_found);
    sql << "DELETE FROM survey_answer_themes WHERE answer_id = :a", use(answer_id);
    for (const auto& t : clean)
      sql << "INSERT INTO survey_answer_themes (answer_id, theme) VALUES (:a, :t)", use(answer_id), use(t);
    audit(sql, territory_id, by.user_id, by.label, "themes", "survey_answer", answer_id,
          domain::join(std::vector<std::string>(clean.begin(), clean.end()), ", "));
    return done(answer_id);
  });
}

WriteResult quote_answer(Store& s, long long territory_id, long long answer_id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto a = answer_in_territory(sql, territory_id, answer_id);
    if (!a || a->text.empty()) return failed(WriteResult::Status::not_found);
    if (a->audience != "pupils" && !a->consent)
      return failed(WriteResult::Status::invalid,
                    {{"quote", "Cette personne n’a pas accepté que sa réponse soit citée : elle ne peut pas l’être."}});
    long long existing = 0;
    sql << "SELECT COUNT(*) FROM survey_quotes WHERE answer_id = :a", use(answer_id), into(existing);
    if (existing) return failed(WriteResult::Status::conflict, {{"quote", "Cette réponse est déjà citée."}});
    std::string attribution = attribution_for(a->audience, a->gender, a->level);
    long long now = now_unix(), id = 0, author = by.user_id;
    soci::indicator author_i =
        by.user_id && in_territory(sql, "users", territory_id, by.user_id) ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO survey_quotes (territory_id, answer_id, action_id, text, attribution, day, public, created_by, "
           "created_at) VALUES (:t, :a, :ac, :tx, :at, :d, 1, :cb, :c) RETURNING id",
        use(territory_id), use(answer_id), use(a->action_id), use(a->text), use(attribution), use(a->day),
        use(author, author_i), use(now), into(id);
    audit(sql, territory_id, by.user_id, by.label, "create", "survey_quote", id, attribution);
    return done(id);
  });
}

bool delete_quote(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    if (!in_territory(sql, "survey_quotes", territory_id, id) || id <= 0) return false;
    sql << "DELETE FROM survey_quotes WHERE territory_id = :t AND id = :id", use(territory_id), use(id);
    audit(sql, territory_id, by.user_id, by.label, "delete", "survey_quote", id, "");
    return true;
  });
}

WriteResult set_quote_public(Store& s, long long territory_id, long long id, bool is_public, const Author& by) {
  return s.write([&](soci::session& sql) {
    if (id <= 0 || !in_territory(sql, "survey_quotes", territory_id, id)) return failed(WriteResult::Status::not_found);
    int p = is_public ? 1 : 0;
    sql << "UPDATE survey_quotes SET public = :p WHERE territory_id = :t AND id = :id", use(p), use(territory_id),
        use(id);
    audit(sql, territory_id, by.user_id, by.label, "public", "survey_quote", id, is_public ? "publique" : "retirée");
    return done(id);
  });
}

std::vector<SurveyQuote> quotes_of(Store& s, long long territory_id, bool public_only, int limit) {
  SurveyScope every_period;
  every_period.territory_id = territory_id;
  return quotes_in_scope(s, every_period, public_only, limit);
}

std::vector<SurveyQuote> quotes_in_scope(Store& s, const SurveyScope& scope, bool public_only, int limit) {
  std::string from = scope.from_month, to = scope.to_month.empty() ? "9999-99" : scope.to_month;
  return s.read([&](soci::session& sql) {
    std::vector<SurveyQuote> out;
    int only = public_only ? 1 : 0;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT sq.id, sq.territory_id, COALESCE(sq.answer_id, 0), COALESCE(sq.action_id, 0), sq.text, "
                        "sq.attribution, sq.day, t.name, sq.public FROM survey_quotes sq JOIN territories t ON t.id = "
                        "sq.territory_id LEFT JOIN actions a ON a.id = sq.action_id "
                        "WHERE (:t1 = 0 OR sq.territory_id = :t2) AND (:p = 0 OR sq.public = 1) "
                        "AND SUBSTR(sq.day, 1, 7) >= :from AND SUBSTR(sq.day, 1, 7) <= :to "
                        "AND (:i1 = 0 OR a.initiative_id = :i2) ORDER BY sq.day DESC, sq.id DESC LIMIT :lim",
         use(scope.territory_id), use(scope.territory_id), use(only), use(from), use(to), use(scope.initiative_id),
         use(scope.initiative_id), use(limit));
    for (const auto& r : rs)
      out.push_back({col_ll(r, 0), col_ll(r, 1), col_ll(r, 2), col_ll(r, 3), col_str(r, 4), col_str(r, 5),
                     col_str(r, 6), col_str(r, 7), col_int(r, 8) != 0});
    return out;
  });
}

}  // namespace passerelles::store
