// SQL for ambassadors' assignments on intervention requests. Every answer locks the request row, then the
// ambassador's row (SELECT … FOR UPDATE on PostgreSQL, always in that order; SQLite writers are serialised by
// Store::write), so "never twice on one day" and "confirmed when every place is accepted" hold under concurrency.
#include "store/assignments.hpp"

#include <algorithm>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

const char* const kColumns =
    "SELECT a.id, a.status, a.day, a.why, a.distance_km, a.response_token, a.decline_reason, a.cancel_reason, "
    "a.cancelled_by, a.invited_at, a.answered_at, a.reminded_at, a.reported_at, a.ambassador_id, "
    "COALESCE(m.user_id, 0), m.first_name, m.last_name, m.email, m.phone, m.job_title, "
    "q.id, q.territory_id, t.slug, t.name, q.status, q.token, q.confirmed_at, COALESCE(q.school_id, 0), "
    "COALESCE(s.name, ''), COALESCE(s.uai, ''), COALESCE(s.commune_name, ''), COALESCE(s.priority_education, ''), "
    "q.contact_name, q.email, q.phone, q.role, q.kind, q.class_levels, q.girls, q.boys, q.needed, q.domains, q.jobs, "
    "q.accessibility, q.language, q.message, q.day, q.shortage_reason, q.shortage_since, q.cancel_reason, "
    "q.cancelled_by, COALESCE(q.action_id, 0), q.anonymised, q.created_at, q.updated_at, COALESCE(s.address, ''), "
    "COALESCE(s.postal_code, '') "
    "FROM request_assignments a JOIN ambassadors m ON m.id = a.ambassador_id "
    "JOIN intervention_requests q ON q.id = a.request_id JOIN territories t ON t.id = q.territory_id "
    "LEFT JOIN schools s ON s.id = q.school_id ";

AssignmentView view_from_row(const soci::row& r) {
  AssignmentView v;
  std::size_t i = 0;
  v.id = col_ll(r, i++);
  v.status = col_str(r, i++);
  v.day = col_str(r, i++);
  v.why = col_str(r, i++);
  v.distance_km = col_dbl(r, i++);
  v.response_token = col_str(r, i++);
  v.decline_reason = col_str(r, i++);
  v.cancel_reason = col_str(r, i++);
  v.cancelled_by = col_str(r, i++);
  v.invited_at = col_ll(r, i++);
  v.answered_at = col_ll(r, i++);
  v.reminded_at = col_ll(r, i++);
  v.reported_at = col_ll(r, i++);
  v.ambassador_id = col_ll(r, i++);
  v.ambassador_user_id = col_ll(r, i++);
  std::string first = col_str(r, i++), last = col_str(r, i++);
  v.ambassador_name = domain::trim(first + " " + last);
  v.ambassador_email = col_str(r, i++);
  v.ambassador_phone = col_str(r, i++);
  v.ambassador_job = col_str(r, i++);
  auto& q = v.request;
  q.id = col_ll(r, i++);
  q.territory_id = col_ll(r, i++);
  q.territory_slug = col_str(r, i++);
  q.territory_name = col_str(r, i++);
  q.status = col_str(r, i++);
  q.token = col_str(r, i++);
  q.confirmed_at = col_ll(r, i++);
  q.school_id = col_ll(r, i++);
  q.school_name = col_str(r, i++);
  q.school_uai = col_str(r, i++);
  q.school_commune = col_str(r, i++);
  q.school_priority = col_str(r, i++);
  q.contact_name = col_str(r, i++);
  q.email = col_str(r, i++);
  q.phone = col_str(r, i++);
  q.role = col_str(r, i++);
  q.kind = col_str(r, i++);
  q.class_levels = domain::split_list(col_str(r, i++));
  q.girls = col_int(r, i++);
  q.boys = col_int(r, i++);
  q.needed = col_int(r, i++);
  q.domains = domain::split_list(col_str(r, i++));
  q.jobs = col_str(r, i++);
  q.accessibility = col_str(r, i++);
  q.language = col_str(r, i++);
  q.message = col_str(r, i++);
  q.day = col_str(r, i++);
  q.shortage_reason = col_str(r, i++);
  q.shortage_since = col_ll(r, i++);
  q.cancel_reason = col_str(r, i++);
  q.cancelled_by = col_str(r, i++);
  q.action_id = col_ll(r, i++);
  q.anonymised = col_int(r, i++) != 0;
  q.created_at = col_ll(r, i++);
  q.updated_at = col_ll(r, i++);
  std::string address = col_str(r, i++), postal = col_str(r, i++);
  std::string town = domain::trim(postal + " " + q.school_commune);
  v.school_address = address.empty() ? town : (town.empty() ? address : address + ", " + town);
  return v;
}

// The views `where` selects (numbers inlined by the caller, text bound from params), with days and partners.
std::vector<AssignmentView> select_views(soci::session& sql, const std::string& where,
                                         const std::vector<std::string>& params) {
  std::vector<AssignmentView> out;
  for_each_row(sql, kColumns + where, params, [&](const soci::row& r) { out.push_back(view_from_row(r)); });
  for (auto& v : out) {
    const std::string rid = std::to_string(v.request.id);
    for_each_row(sql, "SELECT day FROM request_days WHERE request_id = " + rid + " ORDER BY day", {},
                 [&](const soci::row& r) { v.request.days.push_back(col_str(r, 0)); });
    for_each_row(
        sql,
        "SELECT m.first_name, m.last_name FROM request_assignments a JOIN ambassadors m ON m.id = "
        "a.ambassador_id WHERE a.request_id = " +
            rid + " AND a.status IN ('accepted', 'reported') AND a.id <> " + std::to_string(v.id) + " ORDER BY a.id",
        {}, [&](const soci::row& r) { v.partners.push_back(domain::trim(col_str(r, 0) + " " + col_str(r, 1))); });
  }
  return out;
}

std::optional<AssignmentView> one_view(soci::session& sql, const std::string& where,
                                       const std::vector<std::string>& params = {}) {
  auto v = select_views(sql, where, params);
  if (v.empty()) return std::nullopt;
  return v.front();
}

struct Head {
  long long request_id = 0, ambassador_id = 0, created_by = 0;
  std::string status, day;
};

// The assignment, then its request and its ambassador, locked in that order (see the file's comment).
struct Locked {
  Head a;
  long long territory_id = 0, action_id = 0, school_id = 0;
  std::string request_status, kind, class_levels;
  int needed = 1;
};
std::optional<Locked> lock_assignment(soci::session& sql, long long id) {
  Locked l;
  soci::row r;
  sql << "SELECT request_id, ambassador_id, COALESCE(created_by, 0), status, day FROM request_assignments WHERE id = "
         ":id",
      use(id), into(r);
  if (!sql.got_data()) return std::nullopt;
  l.a = {col_ll(r, 0), col_ll(r, 1), col_ll(r, 2), col_str(r, 3), col_str(r, 4)};
  soci::row q;
  sql << "SELECT territory_id, status, needed, COALESCE(action_id, 0), kind, class_levels, COALESCE(school_id, 0) "
         "FROM intervention_requests WHERE id = :id" +
             for_update(sql),
      use(l.a.request_id), into(q);
  if (!sql.got_data()) return std::nullopt;
  l.territory_id = col_ll(q, 0);
  l.request_status = col_str(q, 1);
  l.needed = col_int(q, 2);
  l.action_id = col_ll(q, 3);
  l.kind = col_str(q, 4);
  l.class_levels = col_str(q, 5);
  l.school_id = col_ll(q, 6);
  long long amb = 0;
  sql << "SELECT id FROM ambassadors WHERE id = :id" + for_update(sql), use(l.a.ambassador_id), into(amb);
  // Re-read the assignment now that nobody else can change it (PostgreSQL: a concurrent answer may have won).
  sql << "SELECT status, day FROM request_assignments WHERE id = :id", use(id), into(l.a.status), into(l.a.day);
  return l;
}

const char* kNotInvited = "Cette proposition n’attend plus de réponse : elle a déjà été acceptée, déclinée ou annulée.";

// Whether the school lies in one of the territory's départements (an action only names those).
bool in_school_departments(soci::session& sql, long long territory_id, long long school_id) {
  std::string dep;
  sql << "SELECT department FROM schools WHERE id = :s", use(school_id), into(dep);
  const auto deps = territory_departments(sql, territory_id);
  return !dep.empty() && std::find(deps.begin(), deps.end(), dep) != deps.end();
}

std::string new_token() {
  return http::random_token(24);  // 32 URL-safe characters
}

}  // namespace

std::optional<AssignmentView> assignment_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) {
    return one_view(sql, "WHERE a.id = " + std::to_string(id) +
                             " AND q.territory_id = " + std::to_string(territory_id) + " AND a.status <> 'proposed'");
  });
}

std::optional<AssignmentView> assignment_by_token(Store& s, const std::string& response_token) {
  if (response_token.empty()) return std::nullopt;
  return s.read([&](soci::session& sql) {
    return one_view(sql, "WHERE a.response_token = :p1 AND a.status <> 'proposed'", {response_token});
  });
}

std::vector<AssignmentView> assignments_of_ambassador(Store& s, long long ambassador_id) {
  return s.read([&](soci::session& sql) {
    const std::string amb = std::to_string(ambassador_id);
    auto out = select_views(
        sql, "WHERE a.ambassador_id = " + amb + " AND a.status IN ('invited', 'accepted') ORDER BY a.day, a.id", {});
    auto others = select_views(sql,
                               "WHERE a.ambassador_id = " + amb +
                                   " AND a.status IN ('declined', 'cancelled', 'reported') ORDER BY a.day DESC, "
                                   "a.id DESC LIMIT 20",
                               {});
    out.insert(out.end(), others.begin(), others.end());
    return out;
  });
}

std::vector<AssignmentView> assignments_of_request(Store& s, long long territory_id, long long request_id) {
  return s.read([&](soci::session& sql) {
    return select_views(sql,
                        "WHERE a.request_id = " + std::to_string(request_id) +
                            " AND q.territory_id = " + std::to_string(territory_id) + " ORDER BY a.id",
                        {});
  });
}

AnswerOutcome accept_assignment(Store& s, long long assignment_id, long long now) {
  return s.write([&](soci::session& sql) {
    AnswerOutcome out;
    auto l = lock_assignment(sql, assignment_id);
    if (!l || l->a.status == "proposed") {
      out.result = failed(WriteResult::Status::not_found);
      return out;
    }
    if (l->a.status != "invited") {
      out.result = failed(WriteResult::Status::conflict, {{"status", kNotInvited}});
      return out;
    }
    if (l->request_status != "open") {
      out.result = failed(WriteResult::Status::conflict,
                          {{"status", "Cette demande n’attend plus d’ambassadrice : elle a été annulée ou pourvue."}});
      return out;
    }
    long long same_day = 0;
    sql << "SELECT COUNT(*) FROM request_assignments WHERE ambassador_id = :a AND day = :d AND id <> :id AND status "
           "IN ('accepted', 'reported')",
        use(l->a.ambassador_id), use(l->a.day), use(assignment_id), into(same_day);
    if (same_day > 0) {
      out.result = failed(WriteResult::Status::conflict,
                          {{"day", "Vous intervenez déjà ailleurs le " + domain::format_day_fr(l->a.day) +
                                       " : déclinez cette proposition, la place sera reproposée."}});
      return out;
    }
    sql << "UPDATE request_assignments SET status = 'accepted', answered_at = :n, updated_at = :u WHERE id = :id",
        use(now), use(now), use(assignment_id);
    long long accepted = 0;
    sql << "SELECT COUNT(*) FROM request_assignments WHERE request_id = :r AND status IN ('accepted', 'reported')",
        use(l->a.request_id), into(accepted);
    if (accepted >= l->needed) {
      sql << "UPDATE intervention_requests SET status = 'confirmed', day = :d, shortage_reason = '', "
             "shortage_since = 0, updated_at = :u WHERE id = :id",
          use(l->a.day), use(now), use(l->a.request_id);
      out.request_confirmed = true;
    }
    out.result = done(assignment_id);
    return out;
  });
}

WriteResult decline_assignment(Store& s, long long assignment_id, const std::string& reason_in, long long now) {
  const std::string reason = domain::trim(reason_in);
  return s.write([&](soci::session& sql) {
    auto l = lock_assignment(sql, assignment_id);
    if (!l || l->a.status == "proposed") return failed(WriteResult::Status::not_found);
    if (l->a.status != "invited") return failed(WriteResult::Status::conflict, {{"status", kNotInvited}});
    if (reason.empty())
      return failed(WriteResult::Status::invalid,
                    {{"reason", "Indiquez la raison : elle aide la coordinatrice à mieux vous proposer."}});
    if (reason.size() > 500)
      return failed(WriteResult::Status::invalid, {{"reason", "La raison tient en 500 caractères au plus."}});
    sql << "UPDATE request_assignments SET status = 'declined', decline_reason = :r, answered_at = :n, updated_at = "
           ":u WHERE id = :id",
        use(reason), use(now), use(now), use(assignment_id);
    return done(assignment_id);
  });
}

WriteResult cancel_assignment(Store& s, long long assignment_id, const std::string& by_whom,
                              const std::string& reason_in, long long now) {
  const std::string reason = domain::trim(reason_in);
  return s.write([&](soci::session& sql) {
    auto l = lock_assignment(sql, assignment_id);
    if (!l || l->a.status == "proposed") return failed(WriteResult::Status::not_found);
    if (l->a.status != "accepted" && l->a.status != "invited")
      return failed(WriteResult::Status::conflict,
                    {{"status", "Seule une intervention acceptée ou en attente de réponse peut être annulée."}});
    if (by_whom != "ambassador" && by_whom != "coordinator" && by_whom != "teacher")
      return failed(WriteResult::Status::invalid, {{"cancelled_by", "Annulation par une personne inconnue."}});
    if (reason.empty())
      return failed(WriteResult::Status::invalid,
                    {{"reason", "Indiquez la raison de l’annulation : elle est transmise à l’enseignante."}});
    if (reason.size() > 500)
      return failed(WriteResult::Status::invalid, {{"reason", "La raison tient en 500 caractères au plus."}});
    sql << "UPDATE request_assignments SET status = 'cancelled', cancel_reason = :r, cancelled_by = :b, updated_at "
           "= :u WHERE id = :id",
        use(reason), use(by_whom), use(now), use(assignment_id);
    if (l->request_status == "confirmed")
      sql << "UPDATE intervention_requests SET status = 'open', day = '', updated_at = :u WHERE id = :id", use(now),
          use(l->a.request_id);
    return done(assignment_id);
  });
}

// Taken and marked in one transaction: two concurrent runs never both get the same assignment.
namespace {
std::vector<AssignmentView> take(Store& s, const std::string& where, const std::string& day, const char* column,
                                 long long now) {
  return s.write([&](soci::session& sql) {
    std::vector<long long> ids;
    for_each_row(sql,
                 "SELECT a.id FROM request_assignments a JOIN intervention_requests q ON q.id = a.request_id " + where +
                     " ORDER BY a.id" + for_update(sql, "a"),
                 {day}, [&](const soci::row& r) { ids.push_back(col_ll(r, 0)); });
    std::vector<AssignmentView> out;
    for (long long id : ids) {
      sql << std::string("UPDATE request_assignments SET ") + column + " = :n WHERE id = :id", use(now), use(id);
      if (auto v = one_view(sql, "WHERE a.id = " + std::to_string(id))) out.push_back(*v);
    }
    return out;
  });
}
}  // namespace

std::vector<AssignmentView> take_due_assignment_reminders(Store& s, std::string_view tomorrow, long long now) {
  return take(s,
              "WHERE a.status = 'accepted' AND a.day = :p1 AND a.reminded_at = 0 AND q.status IN ('open', "
              "'confirmed')",
              std::string(tomorrow), "reminded_at", now);
}

std::vector<AssignmentView> take_due_report_requests(Store& s, std::string_view today, long long now) {
  return take(s,
              "WHERE a.status = 'accepted' AND a.day < :p1 AND a.report_asked_at = 0 AND q.status IN ('open', "
              "'confirmed')",
              std::string(today), "report_asked_at", now);
}

WriteResult report_assignment(Store& s, long long assignment_id, const InterventionReport& report, const Author& by,
                              std::string_view today) {
  domain::Errors e;
  auto count = [&](const char* field, int n) {
    if (n < 0 || n > domain::kMaxAudiencePerCategory)
      e[field] = "Indiquez un nombre entier entre 0 et " + std::to_string(domain::kMaxAudiencePerCategory) + ".";
  };
  count("girls", report.girls);
  count("boys", report.boys);
  count("teachers", report.teachers);
  if (!e.count("girls") && !e.count("boys") && report.girls + report.boys == 0)
    e["girls"] = "Indiquez combien d’élèves étaient présents (filles et garçons).";
  if (report.duration_minutes < 1 || report.duration_minutes > 600)
    e["duration_minutes"] = "Indiquez la durée en minutes, entre 1 et 600.";
  const std::string highlight = domain::trim(report.highlight);
  if (highlight.size() > domain::kMaxHighlight)
    e["highlight"] = "Le moment fort tient en " + std::to_string(domain::kMaxHighlight) + " caractères au plus.";
  return s.write([&](soci::session& sql) {
    auto l = lock_assignment(sql, assignment_id);
    if (!l || l->a.status == "proposed") return failed(WriteResult::Status::not_found);
    if (l->a.status == "reported")
      return failed(WriteResult::Status::conflict, {{"status", "Vous avez déjà rendu compte de cette intervention."}});
    if (l->a.status != "accepted")
      return failed(
          WriteResult::Status::conflict,
          {{"status", "Seule une intervention que vous avez acceptée peut faire l’objet d’un compte rendu."}});
    if (l->a.day > today)
      return failed(WriteResult::Status::conflict,
                    {{"day", "Le compte rendu s’écrit le jour de l’intervention ou après (le " +
                                 domain::format_day_fr(l->a.day) + ")."}});
    if (!e.empty()) return failed(WriteResult::Status::invalid, e);
    long long now = now_unix();
    long long action_id = l->action_id;
    if (action_id == 0) {
      domain::Action a;
      a.territory_id = l->territory_id;
      a.kind = std::string(domain::action_kind_of_request(l->kind));
      std::string school;
      if (l->school_id != 0) sql << "SELECT name FROM schools WHERE id = :s", use(l->school_id), into(school);
      std::string label(domain::request_kind_label(l->kind));
      a.title = label.empty() ? school : (school.empty() ? label : label + " — " + school);
      a.starts_on = l->a.day;
      a.duration_minutes = report.duration_minutes;
      const auto& cats = domain::audience_categories();
      for (std::size_t k = 0; k < cats.size(); ++k) {
        if (cats[k].code == "girls") a.audience[k] = report.girls;
        if (cats[k].code == "boys") a.audience[k] = report.boys;
        if (cats[k].code == "teachers") a.audience[k] = report.teachers;
      }
      a.highlight = highlight;
      if (l->school_id != 0 && in_school_departments(sql, l->territory_id, l->school_id)) a.school_ids = {l->school_id};
      for (const auto& level : domain::split_list(l->class_levels)) a.classes.push_back({level, ""});
      for_each_row(sql,
                   "SELECT DISTINCT m.user_id FROM request_assignments a JOIN ambassadors m ON m.id = a.ambassador_id "
                   "JOIN users u ON u.id = m.user_id WHERE a.request_id = " +
                       std::to_string(l->a.request_id) + " AND a.status IN ('accepted', 'reported') ORDER BY m.user_id",
                   {}, [&](const soci::row& r) { a.ambassador_ids.push_back(col_ll(r, 0)); });
      long long her_user = 0;
      sql << "SELECT COALESCE(user_id, 0) FROM ambassadors WHERE id = :a", use(l->a.ambassador_id), into(her_user);
      a.declared_by = her_user;
      a.status = "validated";
      Author validator{l->a.created_by != 0 ? l->a.created_by : by.user_id, by.label};
      WriteResult w = insert_action_in(sql, a, validator);
      if (!w.ok()) return w;
      action_id = w.id;
      sql << "UPDATE intervention_requests SET status = 'done', action_id = :ac, updated_at = :u WHERE id = :id",
          use(action_id), use(now), use(l->a.request_id);
    }
    sql << "UPDATE request_assignments SET status = 'reported', reported_at = :n, updated_at = :u WHERE id = :id",
        use(now), use(now), use(assignment_id);
    return done(action_id);
  });
}

std::string calendar_token_of(Store& s, long long ambassador_id) {
  return s.write([&](soci::session& sql) {
    std::string token;
    sql << "SELECT calendar_token FROM ambassadors WHERE id = :id" + for_update(sql), use(ambassador_id), into(token);
    if (!sql.got_data()) return std::string();
    if (token.empty()) {
      token = new_token();
      sql << "UPDATE ambassadors SET calendar_token = :t WHERE id = :id", use(token), use(ambassador_id);
    }
    return token;
  });
}

std::optional<std::vector<AssignmentView>> calendar_of_token(Store& s, const std::string& token) {
  if (token.size() < 16) return std::nullopt;
  return s.read([&](soci::session& sql) -> std::optional<std::vector<AssignmentView>> {
    long long id = 0;
    sql << "SELECT id FROM ambassadors WHERE calendar_token = :t AND status <> 'left'", use(token), into(id);
    if (!sql.got_data()) return std::nullopt;
    return select_views(sql,
                        "WHERE a.ambassador_id = " + std::to_string(id) +
                            " AND a.status IN ('accepted', 'reported') ORDER BY a.day, a.id",
                        {});
  });
}

}  // namespace passerelles::store
