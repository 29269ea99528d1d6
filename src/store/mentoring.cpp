// SQL for mentoring programmes: programmes, mentors, applications with vouch and consent, the matching run and
// its pairs, and the pairs' logged messages, meetings and feedback. Every write that contacts a mentee goes
// through the consent gate (domain::mentoring::contact_allowed) inside its transaction.
#include "store/mentoring.hpp"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/collective.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;
using soci::into;
using soci::use;
namespace mt = domain::mentoring;

namespace {

std::string new_token() {
  unsigned char bytes[24];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string id_text(long long id) {
  return std::to_string(id);
}

// ---- programmes ----

const char* const kProgrammeColumns =
    "SELECT p.id, p.territory_id, p.name, p.audience, p.starts_on, p.ends_on, p.description, p.remote_allowed, "
    "p.status, p.purged_at, p.created_at, p.updated_at FROM mentoring_programmes p ";

mt::Programme programme_from_row(const soci::row& r) {
  mt::Programme p;
  std::size_t i = 0;
  p.id = col_ll(r, i++);
  p.territory_id = col_ll(r, i++);
  p.name = col_str(r, i++);
  p.audience = col_str(r, i++);
  p.starts_on = col_str(r, i++);
  p.ends_on = col_str(r, i++);
  p.description = col_str(r, i++);
  p.remote_allowed = col_int(r, i++) != 0;
  p.status = col_str(r, i++);
  p.purged_at = col_ll(r, i++);
  p.created_at = col_ll(r, i++);
  p.updated_at = col_ll(r, i++);
  return p;
}

std::vector<mt::Programme> select_programmes(soci::session& sql, const std::string& where) {
  std::vector<mt::Programme> out;
  for_each_row(sql, std::string(kProgrammeColumns) + where, {},
               [&](const soci::row& r) { out.push_back(programme_from_row(r)); });
  return out;
}

std::optional<mt::Programme> programme_in(soci::session& sql, long long territory_id, long long id, bool lock = false) {
  if (territory_id <= 0 || id <= 0) return std::nullopt;
  return row_in_territory(sql, kProgrammeColumns, "p", territory_id, id, lock, programme_from_row);
}

// ---- applications ----

const char* const kApplicationColumns =
    "SELECT a.id, a.programme_id, a.territory_id, a.status, a.token, a.first_name, a.last_name, a.birth_month, "
    "a.minor, a.under_15, a.sex, a.email, a.phone, COALESCE(a.school_id, 0), COALESCE(s.name, ''), a.class_level, "
    "a.commune_insee, COALESCE(c.name, ''), a.domains, a.remote_ok, a.weekly, a.motivation, a.voucher_name, "
    "a.voucher_email, a.vouch_token, a.vouched_at, COALESCE(a.vouched_by, 0), a.guardian_name, a.guardian_email, "
    "a.consent_token, a.consent_at, a.consent_method, COALESCE(a.consent_recorded_by, 0), a.outcome, "
    "a.outcome_text, a.outcome_at, a.withdrawn_reason, a.erased_at, a.created_at, a.updated_at "
    "FROM mentee_applications a LEFT JOIN schools s ON s.id = a.school_id "
    "LEFT JOIN communes c ON c.insee = a.commune_insee ";

mt::Application application_from_row(const soci::row& r) {
  mt::Application a;
  std::size_t i = 0;
  a.id = col_ll(r, i++);
  a.programme_id = col_ll(r, i++);
  a.territory_id = col_ll(r, i++);
  a.status = col_str(r, i++);
  a.token = col_str(r, i++);
  a.first_name = col_str(r, i++);
  a.last_name = col_str(r, i++);
  a.birth_month = col_str(r, i++);
  a.minor = col_int(r, i++) != 0;
  a.under_15 = col_int(r, i++) != 0;
  a.sex = col_str(r, i++);
  a.email = col_str(r, i++);
  a.phone = col_str(r, i++);
  a.school_id = col_ll(r, i++);
  a.school_name = col_str(r, i++);
  a.class_level = col_str(r, i++);
  a.commune_insee = col_str(r, i++);
  a.commune_name = col_str(r, i++);
  a.domains = domain::split_list(col_str(r, i++));
  a.remote_ok = col_int(r, i++) != 0;
  a.weekly = domain::split_list(col_str(r, i++));
  a.motivation = col_str(r, i++);
  a.voucher_name = col_str(r, i++);
  a.voucher_email = col_str(r, i++);
  a.vouch_token = col_str(r, i++);
  a.vouched_at = col_ll(r, i++);
  a.vouched_by = col_ll(r, i++);
  a.guardian_name = col_str(r, i++);
  a.guardian_email = col_str(r, i++);
  a.consent_token = col_str(r, i++);
  a.consent_at = col_ll(r, i++);
  a.consent_method = col_str(r, i++);
  a.consent_recorded_by = col_ll(r, i++);
  a.outcome = col_str(r, i++);
  a.outcome_text = col_str(r, i++);
  a.outcome_at = col_ll(r, i++);
  a.withdrawn_reason = col_str(r, i++);
  a.erased_at = col_ll(r, i++);
  a.created_at = col_ll(r, i++);
  a.updated_at = col_ll(r, i++);
  return a;
}

std::vector<mt::Application> select_applications(soci::session& sql, const std::string& where,
                                                 const std::vector<std::string>& params = {}) {
  std::vector<mt::Application> out;
  for_each_row(sql, std::string(kApplicationColumns) + where, params,
               [&](const soci::row& r) { out.push_back(application_from_row(r)); });
  return out;
}

std::optional<mt::Application> application_where(soci::session& sql, const std::string& where,
                                                 const std::vector<std::string>& params = {}) {
  auto v = select_applications(sql, where, params);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<mt::Application> application_locked(soci::session& sql, long long id) {
  return application_where(sql, "WHERE a.id = " + id_text(id) + for_update(sql, "a"));
}

WriteResult gate_refused() {
  return failed(WriteResult::Status::conflict,
                {{"status",
                  "Aucun contact n’est possible avec cette candidate : sa candidature n’est pas prête (caution de "
                  "l’établissement ou accord parental manquant)."}});
}

// ---- pairs ----

const char* const kPairColumns =
    "SELECT x.id, x.programme_id, x.application_id, x.ambassador_id, x.status, x.why, x.end_reason, x.cost, "
    "x.distance_km, x.remote, x.started_at, x.ended_at, m.first_name, m.last_name, m.job_title, m.email, "
    "a.first_name, a.last_name, a.class_level, a.domains, p.name "
    "FROM mentoring_pairs x JOIN ambassadors m ON m.id = x.ambassador_id "
    "JOIN mentee_applications a ON a.id = x.application_id JOIN mentoring_programmes p ON p.id = x.programme_id ";

PairView pair_from_row(const soci::row& r) {
  PairView v;
  std::size_t i = 0;
  v.id = col_ll(r, i++);
  v.programme_id = col_ll(r, i++);
  v.application_id = col_ll(r, i++);
  v.ambassador_id = col_ll(r, i++);
  v.status = col_str(r, i++);
  v.why = col_str(r, i++);
  v.end_reason = col_str(r, i++);
  v.cost = col_ll(r, i++);
  v.distance_km = col_dbl(r, i++);
  v.remote = col_int(r, i++) != 0;
  v.started_at = col_ll(r, i++);
  v.ended_at = col_ll(r, i++);
  v.mentor_first_name = col_str(r, i++);
  v.mentor_last_name = col_str(r, i++);
  v.mentor_job = col_str(r, i++);
  v.mentor_email = col_str(r, i++);
  mt::Application a;
  a.first_name = col_str(r, i++);
  a.last_name = col_str(r, i++);
  v.mentee_name = a.display_name();
  v.mentee_class = col_str(r, i++);
  v.mentee_domains = domain::split_list(col_str(r, i++));
  v.programme_name = col_str(r, i++);
  return v;
}

std::vector<PairView> select_pairs(soci::session& sql, const std::string& where) {
  std::vector<PairView> out;
  for_each_row(sql, std::string(kPairColumns) + where, {},
               [&](const soci::row& r) { out.push_back(pair_from_row(r)); });
  return out;
}

struct PairRow {
  long long id = 0, programme_id = 0, application_id = 0, ambassador_id = 0, territory_id = 0;
  std::string status;
};

std::optional<PairRow> pair_row(soci::session& sql, long long pair_id, long long territory_id = 0) {
  std::optional<PairRow> out;
  std::string where = "WHERE x.id = " + id_text(pair_id);
  if (territory_id > 0) where += " AND p.territory_id = " + id_text(territory_id);
  for_each_row(sql,
               "SELECT x.id, x.programme_id, x.application_id, x.ambassador_id, p.territory_id, x.status FROM "
               "mentoring_pairs x JOIN mentoring_programmes p ON p.id = x.programme_id " +
                   where + for_update(sql, "x"),
               {}, [&](const soci::row& r) {
                 out = PairRow{col_ll(r, 0), col_ll(r, 1), col_ll(r, 2), col_ll(r, 3), col_ll(r, 4), col_str(r, 5)};
               });
  return out;
}

int active_pairs_of(soci::session& sql, long long programme_id, long long ambassador_id) {
  int n = 0;
  sql << "SELECT COUNT(*) FROM mentoring_pairs WHERE programme_id = :p AND ambassador_id = :a AND status = 'active'",
      use(programme_id), use(ambassador_id), into(n);
  return n;
}

}  // namespace

// ---- programmes ------------------------------------------------------------------------------------------------

WriteResult insert_programme(Store& s, const mt::Programme& in, const Author& by) {
  mt::Programme p = in;
  mt::normalise(p);
  if (auto e = mt::validate(p); !e.empty()) return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    long long now = now_unix(), id = 0;
    int remote = p.remote_allowed ? 1 : 0;
    long long creator = by.user_id;
    soci::indicator ci = null_if_zero(creator);
    sql << "INSERT INTO mentoring_programmes (territory_id, name, audience, starts_on, ends_on, description, "
           "remote_allowed, status, created_by, created_at, updated_at) VALUES (:t, :n, :a, :s, :e, :d, :r, :st, :b, "
           ":c, :u) RETURNING id",
        use(p.territory_id), use(p.name), use(p.audience), use(p.starts_on), use(p.ends_on), use(p.description),
        use(remote), use(p.status), use(creator, ci), use(now), use(now), into(id);
    audit(sql, p.territory_id, by.user_id, by.label, "create", "mentoring_programme", id, p.name);
    return done(id);
  });
}

WriteResult update_programme(Store& s, const mt::Programme& in, const Author& by) {
  mt::Programme p = in;
  mt::normalise(p);
  if (auto e = mt::validate(p); !e.empty()) return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    if (!programme_in(sql, p.territory_id, p.id, true)) return failed(WriteResult::Status::not_found);
    long long now = now_unix();
    int remote = p.remote_allowed ? 1 : 0;
    sql << "UPDATE mentoring_programmes SET name = :n, audience = :a, starts_on = :s, ends_on = :e, description = :d, "
           "remote_allowed = :r, status = :st, updated_at = :u WHERE id = :id",
        use(p.name), use(p.audience), use(p.starts_on), use(p.ends_on), use(p.description), use(remote), use(p.status),
        use(now), use(p.id);
    audit(sql, p.territory_id, by.user_id, by.label, "update", "mentoring_programme", p.id, p.name);
    return done(p.id);
  });
}

std::optional<mt::Programme> programme_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return programme_in(sql, territory_id, id); });
}

std::optional<mt::Programme> programme_public(Store& s, long long id) {
  if (id <= 0) return std::nullopt;
  return s.read([&](soci::session& sql) -> std::optional<mt::Programme> {
    auto v = select_programmes(sql, "WHERE p.id = " + id_text(id));
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::vector<mt::Programme> programmes_of(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    return select_programmes(
        sql, "WHERE p.territory_id = " + id_text(territory_id) + " ORDER BY p.starts_on DESC, p.id DESC");
  });
}

std::vector<mt::Programme> open_programmes(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    return select_programmes(
        sql, "WHERE p.territory_id = " + id_text(territory_id) + " AND p.status = 'open' ORDER BY p.starts_on, p.id");
  });
}

// ---- mentors ---------------------------------------------------------------------------------------------------

WriteResult join_programme(Store& s, long long territory_id, long long programme_id, long long ambassador_id,
                           int capacity, bool remote, const Author& by) {
  if (capacity < 1 || capacity > mt::kMaxMentorCapacity)
    return failed(WriteResult::Status::invalid, {{"capacity", "Choisissez de 1 à 5 filleules."}});
  return s.write([&](soci::session& sql) {
    auto p = programme_in(sql, territory_id, programme_id, true);
    if (!p) return failed(WriteResult::Status::not_found);
    if (p->status != "open")
      return failed(WriteResult::Status::conflict, {{"status", "Ce programme n’accueille pas de marraines."}});
    std::string status, offers;
    long long t = 0;
    sql << "SELECT status, offers, territory_id FROM ambassadors WHERE id = :a", use(ambassador_id), into(status),
        into(offers), into(t);
    if (!sql.got_data() || t != territory_id) return failed(WriteResult::Status::not_found);
    auto list = domain::split_list(offers);
    if (status != "active" || std::find(list.begin(), list.end(), "mentor") == list.end())
      return failed(
          WriteResult::Status::conflict,
          {{"ambassador_id", "Pour marrainer, une ambassadrice active doit proposer « marrainer » dans son profil."}});
    long long now = now_unix(), existing = 0;
    int rem = remote ? 1 : 0;
    sql << "SELECT id FROM mentoring_mentors WHERE programme_id = :p AND ambassador_id = :a", use(programme_id),
        use(ambassador_id), into(existing);
    if (sql.got_data() && existing > 0) {
      sql << "UPDATE mentoring_mentors SET capacity = :c, remote = :r, status = 'active', updated_at = :u WHERE id = "
             ":id",
          use(capacity), use(rem), use(now), use(existing);
    } else {
      sql << "INSERT INTO mentoring_mentors (programme_id, ambassador_id, capacity, remote, status, created_at, "
             "updated_at) VALUES (:p, :a, :c, :r, 'active', :n, :u) RETURNING id",
          use(programme_id), use(ambassador_id), use(capacity), use(rem), use(now), use(now), into(existing);
    }
    audit(sql, territory_id, by.user_id, by.label, "join", "mentoring_mentor", existing,
          "programme " + id_text(programme_id) + ", ambassadrice " + id_text(ambassador_id));
    return done(existing);
  });
}

WriteResult withdraw_mentor(Store& s, long long territory_id, long long programme_id, long long ambassador_id,
                            const Author& by) {
  return s.write([&](soci::session& sql) {
    if (!programme_in(sql, territory_id, programme_id, true)) return failed(WriteResult::Status::not_found);
    long long id = 0;
    sql << "SELECT id FROM mentoring_mentors WHERE programme_id = :p AND ambassador_id = :a AND status = 'active'",
        use(programme_id), use(ambassador_id), into(id);
    if (!sql.got_data() || id == 0) return failed(WriteResult::Status::not_found);
    long long now = now_unix();
    sql << "UPDATE mentoring_mentors SET status = 'withdrawn', updated_at = :u WHERE id = :id", use(now), use(id);
    sql << "DELETE FROM mentoring_pairs WHERE programme_id = :p AND ambassador_id = :a AND status = 'proposed'",
        use(programme_id), use(ambassador_id);
    audit(sql, territory_id, by.user_id, by.label, "withdraw", "mentoring_mentor", id,
          "programme " + id_text(programme_id));
    return done(id);
  });
}

std::vector<MentorView> mentors_of(Store& s, long long programme_id) {
  return s.read([&](soci::session& sql) {
    std::vector<MentorView> out;
    for_each_row(sql,
                 "SELECT m.id, m.programme_id, m.ambassador_id, a.first_name, a.last_name, a.job_title, a.domain, "
                 "COALESCE(c.name, ''), m.capacity, m.remote, m.status, (SELECT COUNT(*) FROM mentoring_pairs x WHERE "
                 "x.programme_id = m.programme_id AND x.ambassador_id = m.ambassador_id AND x.status = 'active') FROM "
                 "mentoring_mentors m JOIN ambassadors a ON a.id = m.ambassador_id LEFT JOIN communes c ON c.insee = "
                 "a.home_commune_insee WHERE m.programme_id = " +
                     id_text(programme_id) + " ORDER BY m.status, a.first_name, m.id",
                 {}, [&](const soci::row& r) {
                   MentorView v;
                   std::size_t i = 0;
                   v.id = col_ll(r, i++);
                   v.programme_id = col_ll(r, i++);
                   v.ambassador_id = col_ll(r, i++);
                   v.first_name = col_str(r, i++);
                   v.last_name = col_str(r, i++);
                   v.job_title = col_str(r, i++);
                   v.domain = col_str(r, i++);
                   v.commune_name = col_str(r, i++);
                   v.capacity = col_int(r, i++);
                   v.remote = col_int(r, i++) != 0;
                   v.status = col_str(r, i++);
                   v.load = col_int(r, i++);
                   out.push_back(v);
                 });
    return out;
  });
}

// ---- applications ----------------------------------------------------------------------------------------------

ApplicationInsert insert_mentee_application(Store& s, long long programme_id, mt::Application a) {
  return s.write([&](soci::session& sql) {
    ApplicationInsert out;
    auto ps = select_programmes(sql, "WHERE p.id = " + id_text(programme_id));
    if (ps.empty()) {
      out.result = failed(WriteResult::Status::not_found);
      return out;
    }
    if (ps.front().status != "open") {
      out.result = failed(WriteResult::Status::conflict, {{"status", "Ce programme ne reçoit plus de candidatures."}});
      return out;
    }
    long long now = now_unix(), id = 0, territory = ps.front().territory_id;
    out.token = new_token();
    std::string status = mt::initial_status(a), vouch = a.minor ? new_token() : "";
    std::string domains = domain::join(a.domains), weekly = domain::join(a.weekly);
    int minor = a.minor ? 1 : 0, under = a.under_15 ? 1 : 0, remote = a.remote_ok ? 1 : 0;
    soci::indicator si = null_if_zero(a.school_id);
    sql << "INSERT INTO mentee_applications (programme_id, territory_id, status, token, first_name, last_name, "
           "birth_month, minor, under_15, sex, email, phone, school_id, class_level, commune_insee, domains, "
           "remote_ok, weekly, motivation, voucher_name, voucher_email, vouch_token, guardian_name, guardian_email, "
           "created_at, updated_at) VALUES (:p, :t, :st, :tok, :f, :l, :b, :mi, :u15, :sx, :em, :ph, :sc, :cl, :co, "
           ":dm, :ro, :w, :mo, :vn, :ve, :vt, :gn, :ge, :c, :u) RETURNING id",
        use(programme_id), use(territory), use(status), use(out.token), use(a.first_name), use(a.last_name),
        use(a.birth_month), use(minor), use(under), use(a.sex), use(a.email), use(a.phone), use(a.school_id, si),
        use(a.class_level), use(a.commune_insee), use(domains), use(remote), use(weekly), use(a.motivation),
        use(a.voucher_name), use(a.voucher_email), use(vouch), use(a.guardian_name), use(a.guardian_email), use(now),
        use(now), into(id);
    out.result = done(id);
    return out;
  });
}

std::optional<mt::Application> mentee_application_by_token(Store& s, const std::string& token) {
  if (token.size() < 16 || token.size() > 100) return std::nullopt;
  return s.read([&](soci::session& sql) { return application_where(sql, "WHERE a.token = :p1", {token}); });
}

std::optional<mt::Application> mentee_application_by_vouch_token(Store& s, const std::string& token) {
  if (token.size() < 16 || token.size() > 100) return std::nullopt;
  return s.read([&](soci::session& sql) { return application_where(sql, "WHERE a.vouch_token = :p1", {token}); });
}

std::optional<mt::Application> mentee_application_by_consent_token(Store& s, const std::string& token) {
  if (token.size() < 16 || token.size() > 100) return std::nullopt;
  return s.read([&](soci::session& sql) { return application_where(sql, "WHERE a.consent_token = :p1", {token}); });
}

std::optional<mt::Application> mentee_application_by_id(Store& s, long long territory_id, long long id) {
  if (territory_id <= 0 || id <= 0) return std::nullopt;
  return s.read([&](soci::session& sql) {
    return application_where(sql, "WHERE a.territory_id = " + id_text(territory_id) + " AND a.id = " + id_text(id));
  });
}

std::vector<mt::Application> mentee_applications_of(Store& s, long long programme_id) {
  return s.read([&](soci::session& sql) {
    return select_applications(sql, "WHERE a.programme_id = " + id_text(programme_id) + " ORDER BY a.id");
  });
}

std::vector<mt::Application> mentee_applications_to_vouch(Store& s, const std::string& email) {
  if (email.empty()) return {};
  return s.read([&](soci::session& sql) {
    return select_applications(
        sql, "WHERE a.status = 'submitted' AND a.erased_at = 0 AND LOWER(a.voucher_email) = LOWER(:p1) ORDER BY a.id",
        {email});
  });
}

namespace {
VouchResult vouch_in(soci::session& sql, mt::Application a, long long user_id, long long now) {
  VouchResult out;
  if (a.status != "submitted" || a.vouched_at != 0) {
    out.result = failed(WriteResult::Status::conflict,
                        {{"status", a.vouched_at != 0 ? "Cette candidature est déjà cautionnée."
                                                      : "Cette candidature n’attend plus de caution."}});
    return out;
  }
  a.vouched_at = now;
  std::string status = mt::status_after_vouch(a);
  if (status == "awaiting_consent") out.consent_token = new_token();
  soci::indicator ui = null_if_zero(user_id);
  sql << "UPDATE mentee_applications SET status = :s, vouched_at = :v, vouched_by = :b, consent_token = :c, "
         "updated_at = :u WHERE id = :id",
      use(status), use(now), use(user_id, ui), use(out.consent_token), use(now), use(a.id);
  audit(sql, a.territory_id, user_id, "", "vouch", "mentee_application", a.id, "");
  out.result = done(a.id);
  return out;
}
}  // namespace

VouchResult vouch_by_token(Store& s, const std::string& vouch_token, long long now) {
  if (vouch_token.size() < 16 || vouch_token.size() > 100) return {failed(WriteResult::Status::not_found), ""};
  return s.write([&](soci::session& sql) {
    auto a = application_where(sql, "WHERE a.vouch_token = :p1" + for_update(sql, "a"), {vouch_token});
    if (!a || a->erased_at != 0) return VouchResult{failed(WriteResult::Status::not_found), ""};
    return vouch_in(sql, *a, 0, now);
  });
}

VouchResult vouch_by_user(Store& s, long long application_id, long long user_id, const std::string& user_email,
                          long long now) {
  return s.write([&](soci::session& sql) {
    auto a = application_locked(sql, application_id);
    if (!a || a->erased_at != 0 || user_email.empty() || domain::fold(a->voucher_email) != domain::fold(user_email))
      return VouchResult{failed(WriteResult::Status::not_found), ""};
    return vouch_in(sql, *a, user_id, now);
  });
}

namespace {
WriteResult consent_in(soci::session& sql, const mt::Application& a, const std::string& method, long long by,
                       long long now) {
  if (!a.under_15 || a.erased_at != 0)
    return failed(WriteResult::Status::conflict, {{"status", "Cette candidature ne demande pas d’accord parental."}});
  if (a.consent_at != 0) return done(a.id);
  if (a.status != "awaiting_consent")
    return failed(
        WriteResult::Status::conflict,
        {{"status", "L’accord parental sera demandé une fois la candidature cautionnée par l’établissement."}});
  soci::indicator bi = null_if_zero(by);
  sql << "UPDATE mentee_applications SET status = 'ready', consent_at = :c, consent_method = :m, "
         "consent_recorded_by = :b, updated_at = :u WHERE id = :id",
      use(now), use(method), use(by, bi), use(now), use(a.id);
  audit(sql, a.territory_id, by, "", "consent", "mentee_application", a.id, method);
  return done(a.id);
}
}  // namespace

WriteResult consent_by_token(Store& s, const std::string& consent_token, long long now) {
  if (consent_token.size() < 16 || consent_token.size() > 100) return failed(WriteResult::Status::not_found);
  return s.write([&](soci::session& sql) {
    auto a = application_where(sql, "WHERE a.consent_token = :p1" + for_update(sql, "a"), {consent_token});
    if (!a) return failed(WriteResult::Status::not_found);
    return consent_in(sql, *a, "email_link", 0, now);
  });
}

WriteResult record_paper_consent(Store& s, long long territory_id, long long application_id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto a = application_locked(sql, application_id);
    if (!a || a->territory_id != territory_id) return failed(WriteResult::Status::not_found);
    return consent_in(sql, *a, "paper", by.user_id, now_unix());
  });
}

WriteResult mentee_withdraw_application(Store& s, const std::string& token, const std::string& reason, long long now) {
  return s.write([&](soci::session& sql) {
    auto a = application_where(sql, "WHERE a.token = :p1" + for_update(sql, "a"), {token});
    if (!a || a->erased_at != 0) return failed(WriteResult::Status::not_found);
    if (a->status == "withdrawn" || a->status == "finished")
      return failed(WriteResult::Status::conflict, {{"status", "Cette candidature est déjà close."}});
    std::string why = domain::trim(reason).substr(0, 500);
    sql << "UPDATE mentee_applications SET status = 'withdrawn', withdrawn_reason = :r, updated_at = :u WHERE id = "
           ":id",
        use(why), use(now), use(a->id);
    sql << "DELETE FROM mentoring_pairs WHERE application_id = :id AND status = 'proposed'", use(a->id);
    std::string ended = "withdrawn";
    sql << "UPDATE mentoring_pairs SET status = 'ended', ended_at = :e, end_reason = :r, updated_at = :u WHERE "
           "application_id = :id AND status = 'active'",
        use(now), use(ended), use(now), use(a->id);
    audit(sql, a->territory_id, 0, "", "withdraw", "mentee_application", a->id, "");
    return done(a->id);
  });
}

WriteResult mentee_set_outcome(Store& s, const std::string& token, const std::string& outcome, const std::string& text,
                               long long now) {
  if (!outcome.empty() && !domain::is_choice(mt::outcomes(), outcome))
    return failed(WriteResult::Status::invalid, {{"outcome", "Choisissez une réponse de la liste."}});
  std::string t = domain::trim(text);
  if (domain::utf8_length(t) > 500)
    return failed(WriteResult::Status::invalid, {{"outcome_text", "La précision est limitée à 500 caractères."}});
  return s.write([&](soci::session& sql) {
    auto a = application_where(sql, "WHERE a.token = :p1" + for_update(sql, "a"), {token});
    if (!a || a->erased_at != 0) return failed(WriteResult::Status::not_found);
    long long at = outcome.empty() ? 0 : now;
    sql << "UPDATE mentee_applications SET outcome = :o, outcome_text = :t, outcome_at = :a, updated_at = :u WHERE "
           "id = :id",
        use(outcome), use(t), use(at), use(now), use(a->id);
    return done(a->id);
  });
}

// ---- matching --------------------------------------------------------------------------------------------------

namespace {
MentoringInstance instance_in(soci::session& sql, const mt::Programme& p) {
  MentoringInstance in;
  in.remote_allowed = p.remote_allowed;
  double f = 1.3;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT road_factor FROM territories WHERE id = :t", use(p.territory_id), into(f, ind);
  if (sql.got_data() && ind == soci::i_ok && f > 0) in.weights.road_factor = f;
  // Mentees: ready, allowed contact, not in a proposed or active pair.
  auto apps = select_applications(sql, "WHERE a.programme_id = " + id_text(p.id) +
                                           " AND a.status = 'ready' AND a.erased_at = 0 AND NOT EXISTS (SELECT 1 FROM "
                                           "mentoring_pairs x WHERE x.application_id = a.id AND x.status IN "
                                           "('proposed', 'active')) ORDER BY a.id");
  std::map<std::string, std::pair<double, double>> where;
  for_each_row(sql,
               "SELECT c.insee, c.lat, c.lon FROM communes c WHERE c.lat IS NOT NULL AND c.insee IN (SELECT "
               "commune_insee FROM mentee_applications WHERE programme_id = " +
                   id_text(p.id) +
                   " UNION SELECT a.home_commune_insee FROM ambassadors a JOIN mentoring_mentors m ON m.ambassador_id "
                   "= a.id WHERE m.programme_id = " +
                   id_text(p.id) + ")",
               {}, [&](const soci::row& r) {
                 where[col_str(r, 0)] = {col_dbl(r, 1), col_dbl(r, 2)};
               });
  for (const auto& a : apps) {
    if (!mt::contact_allowed(a)) continue;  // the consent gate
    mt::MenteeSide m;
    m.id = "m" + id_text(a.id);
    if (auto it = where.find(a.commune_insee); it != where.end()) {
      m.lat = it->second.first;
      m.lon = it->second.second;
    }
    m.weekly = a.weekly;
    m.domains = a.domains;
    m.remote_ok = a.remote_ok;
    in.mentees.push_back(m);
  }
  for_each_row(sql,
               "SELECT m.ambassador_id, a.home_commune_insee, a.max_km, a.weekly, a.domain, m.capacity, m.remote, "
               "(SELECT COUNT(*) FROM mentoring_pairs x WHERE x.programme_id = m.programme_id AND x.ambassador_id = "
               "m.ambassador_id AND x.status = 'active') FROM mentoring_mentors m JOIN ambassadors a ON a.id = "
               "m.ambassador_id WHERE m.programme_id = " +
                   id_text(p.id) + " AND m.status = 'active' AND a.status = 'active' ORDER BY m.ambassador_id",
               {}, [&](const soci::row& r) {
                 mt::MentorSide x;
                 x.id = "a" + id_text(col_ll(r, 0));
                 if (auto it = where.find(col_str(r, 1)); it != where.end()) {
                   x.lat = it->second.first;
                   x.lon = it->second.second;
                 }
                 x.max_km = col_dbl(r, 2);
                 x.weekly = domain::split_list(col_str(r, 3));
                 std::string d = col_str(r, 4);
                 if (!d.empty()) x.domains = {d};
                 x.capacity = col_int(r, 5);
                 x.remote = col_int(r, 6) != 0;
                 x.load = col_int(r, 7);
                 in.mentors.push_back(x);
               });
  return in;
}
}  // namespace

MentoringInstance mentoring_instance(Store& s, long long programme_id) {
  return s.read([&](soci::session& sql) {
    auto ps = select_programmes(sql, "WHERE p.id = " + id_text(programme_id));
    if (ps.empty()) return MentoringInstance{};
    return instance_in(sql, ps.front());
  });
}

MentoringRun run_mentoring_matching(Store& s, long long territory_id, long long programme_id, const Author& by) {
  return s.write([&](soci::session& sql) {
    MentoringRun run;
    auto p = programme_in(sql, territory_id, programme_id, true);
    if (!p) {
      run.result = failed(WriteResult::Status::not_found);
      return run;
    }
    if (p->status != "open") {
      run.result =
          failed(WriteResult::Status::conflict, {{"status", "L’appariement se lance sur un programme ouvert."}});
      return run;
    }
    sql << "DELETE FROM mentoring_pairs WHERE programme_id = :p AND status = 'proposed'", use(programme_id);
    auto in = instance_in(sql, *p);
    auto result = domain::matching::solve(mt::instance_of(in.mentees, in.mentors, in.remote_allowed, in.weights));
    std::map<std::string, const mt::MenteeSide*> mentees;
    std::map<std::string, const mt::MentorSide*> mentors;
    for (const auto& m : in.mentees) mentees[m.id] = &m;
    for (const auto& a : in.mentors) mentors[a.id] = &a;
    long long now = now_unix();
    for (const auto& x : result.assignments) {
      auto o = mt::pair_option(*mentees.at(x.request), *mentors.at(x.ambassador), in.remote_allowed, in.weights);
      if (!o) continue;
      long long app = std::stoll(x.request.substr(1)), amb = std::stoll(x.ambassador.substr(1));
      int remote = o->remote ? 1 : 0;
      sql << "INSERT INTO mentoring_pairs (programme_id, application_id, ambassador_id, status, cost, distance_km, "
             "remote, why, created_at, updated_at) VALUES (:p, :a, :m, 'proposed', :c, :d, :r, :w, :n, :u)",
          use(programme_id), use(app), use(amb), use(o->cost), use(o->distance_km), use(remote), use(o->why), use(now),
          use(now);
      ++run.proposals;
    }
    run.unmatched = static_cast<int>(in.mentees.size()) - run.proposals;
    audit(sql, territory_id, by.user_id, by.label, "match", "mentoring_programme", programme_id,
          std::to_string(run.proposals) + " propositions");
    run.result = done(programme_id);
    return run;
  });
}

std::vector<PairView> pairs_of(Store& s, long long programme_id) {
  return s.read([&](soci::session& sql) {
    return select_pairs(sql, "WHERE x.programme_id = " + id_text(programme_id) +
                                 " AND x.status <> 'cancelled' ORDER BY x.status, x.id");
  });
}

std::optional<PairView> pair_by_id(Store& s, long long territory_id, long long id) {
  if (territory_id <= 0 || id <= 0) return std::nullopt;
  return s.read([&](soci::session& sql) -> std::optional<PairView> {
    auto v = select_pairs(sql, "WHERE x.id = " + id_text(id) + " AND p.territory_id = " + id_text(territory_id));
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

std::vector<PairView> pairs_of_ambassador(Store& s, long long ambassador_id) {
  return s.read([&](soci::session& sql) {
    return select_pairs(sql, "WHERE x.ambassador_id = " + id_text(ambassador_id) +
                                 " AND x.status IN ('active', 'ended') ORDER BY x.status, x.id");
  });
}

std::optional<PairView> pair_of_application(Store& s, long long application_id) {
  return s.read([&](soci::session& sql) -> std::optional<PairView> {
    auto v = select_pairs(sql, "WHERE x.application_id = " + id_text(application_id) +
                                   " AND x.status IN ('active', 'ended') ORDER BY x.id DESC");
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

WriteResult accept_pair(Store& s, long long territory_id, long long pair_id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto x = pair_row(sql, pair_id, territory_id);
    if (!x) return failed(WriteResult::Status::not_found);
    if (x->status != "proposed")
      return failed(WriteResult::Status::conflict, {{"status", "Ce binôme n’est plus une proposition."}});
    auto a = application_locked(sql, x->application_id);
    if (!a || !mt::contact_allowed(*a) || a->status != "ready") return gate_refused();
    int capacity = 0;
    sql << "SELECT capacity FROM mentoring_mentors WHERE programme_id = :p AND ambassador_id = :a AND status = "
           "'active'",
        use(x->programme_id), use(x->ambassador_id), into(capacity);
    if (!sql.got_data() || active_pairs_of(sql, x->programme_id, x->ambassador_id) >= capacity)
      return failed(WriteResult::Status::conflict, {{"status", "Cette marraine n’a plus de place dans le programme."}});
    long long now = now_unix();
    sql << "UPDATE mentoring_pairs SET status = 'active', started_at = :s, updated_at = :u WHERE id = :id", use(now),
        use(now), use(pair_id);
    sql << "UPDATE mentee_applications SET status = 'matched', updated_at = :u WHERE id = :id", use(now), use(a->id);
    audit(sql, territory_id, by.user_id, by.label, "accept", "mentoring_pair", pair_id, "");
    return done(pair_id);
  });
}

WriteResult discard_pair(Store& s, long long territory_id, long long pair_id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto x = pair_row(sql, pair_id, territory_id);
    if (!x || x->status != "proposed") return failed(WriteResult::Status::not_found);
    sql << "DELETE FROM mentoring_pairs WHERE id = :id", use(pair_id);
    audit(sql, territory_id, by.user_id, by.label, "discard", "mentoring_pair", pair_id, "");
    return done(pair_id);
  });
}

WriteResult end_pair(Store& s, long long territory_id, long long pair_id, const std::string& reason, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto x = pair_row(sql, pair_id, territory_id);
    if (!x) return failed(WriteResult::Status::not_found);
    if (x->status != "active")
      return failed(WriteResult::Status::conflict, {{"status", "Seul un binôme en cours peut être terminé."}});
    std::string why = domain::trim(reason);
    if (domain::utf8_length(why) > 500)
      return failed(WriteResult::Status::invalid, {{"end_reason", "La raison est limitée à 500 caractères."}});
    long long now = now_unix();
    sql << "UPDATE mentoring_pairs SET status = 'ended', ended_at = :e, end_reason = :r, updated_at = :u WHERE id = "
           ":id",
        use(now), use(why), use(now), use(pair_id);
    sql << "UPDATE mentee_applications SET status = 'finished', updated_at = :u WHERE id = :id AND status = "
           "'matched'",
        use(now), use(x->application_id);
    audit(sql, territory_id, by.user_id, by.label, "end", "mentoring_pair", pair_id, "");
    return done(pair_id);
  });
}

// ---- messages, meetings, feedback ------------------------------------------------------------------------------

namespace {
// The pair (locked) and its mentee, when the gate lets a contact through and the pair's status is in `statuses`.
std::optional<PairRow> pair_open_for_contact(soci::session& sql, long long pair_id,
                                             const std::set<std::string>& statuses, WriteResult& refused) {
  auto x = pair_row(sql, pair_id);
  if (!x) {
    refused = failed(WriteResult::Status::not_found);
    return std::nullopt;
  }
  auto a = application_locked(sql, x->application_id);
  bool gate = a && a->erased_at == 0 && (!a->minor || a->vouched_at != 0) && (!a->under_15 || a->consent_at != 0);
  if (!gate) {
    refused = gate_refused();
    return std::nullopt;
  }
  if (!statuses.count(x->status)) {
    refused = failed(WriteResult::Status::conflict, {{"status", "Ce binôme n’est pas en cours."}});
    return std::nullopt;
  }
  return x;
}
}  // namespace

WriteResult add_message(Store& s, long long pair_id, const std::string& author, const std::string& body,
                        long long now) {
  if (author != "mentor" && author != "mentee" && author != "guardian" && author != "coordinator")
    return failed(WriteResult::Status::invalid, {{"author", "Auteur inconnu."}});
  if (auto e = mt::validate_message(body); !e.empty()) return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    WriteResult refused;
    auto x = pair_open_for_contact(sql, pair_id, {"active"}, refused);
    if (!x) return refused;
    std::string text = domain::trim(body);
    long long id = 0;
    sql << "INSERT INTO mentoring_messages (pair_id, author, body, created_at) VALUES (:p, :a, :b, :c) RETURNING id",
        use(pair_id), use(author), use(text), use(now), into(id);
    return done(id);
  });
}

std::vector<MessageView> messages_of(Store& s, long long pair_id) {
  return s.read([&](soci::session& sql) {
    std::vector<MessageView> out;
    for_each_row(sql,
                 "SELECT id, author, body, created_at FROM mentoring_messages WHERE pair_id = " + id_text(pair_id) +
                     " ORDER BY created_at, id",
                 {}, [&](const soci::row& r) {
                   out.push_back({col_ll(r, 0), col_str(r, 1), col_str(r, 2), col_ll(r, 3)});
                 });
    return out;
  });
}

WriteResult add_meeting(Store& s, long long pair_id, const std::string& day, int minutes, const std::string& mode,
                        const std::string& summary, long long logged_by, long long now) {
  std::string text = domain::trim(summary);
  if (auto e = mt::validate_meeting(day, minutes, mode, text); !e.empty())
    return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    WriteResult refused;
    auto x = pair_open_for_contact(sql, pair_id, {"active", "ended"}, refused);
    if (!x) return refused;
    long long id = 0;
    soci::indicator li = null_if_zero(logged_by);
    sql << "INSERT INTO mentoring_meetings (pair_id, day, minutes, mode, summary, logged_by, created_at) VALUES (:p, "
           ":d, :m, :mo, :s, :b, :c) RETURNING id",
        use(pair_id), use(day), use(minutes), use(mode), use(text), use(logged_by, li), use(now), into(id);
    return done(id);
  });
}

std::vector<MeetingView> meetings_of(Store& s, long long pair_id) {
  return s.read([&](soci::session& sql) {
    std::vector<MeetingView> out;
    for_each_row(
        sql,
        "SELECT id, day, mode, summary, minutes, created_at FROM mentoring_meetings WHERE pair_id = " +
            id_text(pair_id) + " ORDER BY day, id",
        {}, [&](const soci::row& r) {
          out.push_back({col_ll(r, 0), col_str(r, 1), col_str(r, 2), col_str(r, 3), col_int(r, 4), col_ll(r, 5)});
        });
    return out;
  });
}

WriteResult add_feedback(Store& s, long long pair_id, const std::string& phase, const std::string& side, int rating,
                         const std::string& comment, long long now) {
  std::string text = domain::trim(comment);
  auto e = mt::validate_feedback(phase, rating, text);
  if (side != "mentor" && side != "mentee") e["side"] = "Côté inconnu.";
  if (!e.empty()) return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    WriteResult refused;
    auto x = pair_open_for_contact(sql, pair_id, {"active", "ended"}, refused);
    if (!x) return refused;
    long long n = 0;
    sql << "SELECT COUNT(*) FROM mentoring_feedback WHERE pair_id = :p AND phase = :ph AND side = :s", use(pair_id),
        use(phase), use(side), into(n);
    if (n > 0) return failed(WriteResult::Status::conflict, {{"phase", "Ce bilan est déjà donné : merci !"}});
    long long id = 0;
    sql << "INSERT INTO mentoring_feedback (pair_id, phase, side, rating, comment, created_at) VALUES (:p, :ph, :s, "
           ":r, :c, :n) RETURNING id",
        use(pair_id), use(phase), use(side), use(rating), use(text), use(now), into(id);
    return done(id);
  });
}

std::vector<FeedbackView> feedback_of(Store& s, long long pair_id) {
  return s.read([&](soci::session& sql) {
    std::vector<FeedbackView> out;
    for_each_row(sql,
                 "SELECT phase, side, comment, rating, created_at FROM mentoring_feedback WHERE pair_id = " +
                     id_text(pair_id) + " ORDER BY created_at, id",
                 {}, [&](const soci::row& r) {
                   out.push_back({col_str(r, 0), col_str(r, 1), col_str(r, 2), col_int(r, 3), col_ll(r, 4)});
                 });
    return out;
  });
}

std::vector<FeedbackRequest> take_due_feedback_requests(Store& s, std::string_view today, long long now) {
  const std::string day(today);
  return s.write([&](soci::session& sql) {
    struct Due {
      long long pair_id = 0, application_id = 0;
      std::string phase;
    };
    std::vector<Due> due;
    for_each_row(sql,
                 "SELECT x.id, x.application_id, p.starts_on, p.ends_on, x.mid_asked_at, x.end_asked_at FROM "
                 "mentoring_pairs x JOIN mentoring_programmes p ON p.id = x.programme_id WHERE x.status = 'active' "
                 "AND (x.mid_asked_at = 0 OR x.end_asked_at = 0) ORDER BY x.id" +
                     for_update(sql, "x"),
                 {}, [&](const soci::row& r) {
                   mt::Programme p;
                   p.starts_on = col_str(r, 2);
                   p.ends_on = col_str(r, 3);
                   const std::string middle = p.middle_day();
                   if (middle.empty()) return;
                   bool mid_asked = col_ll(r, 4) != 0, end_asked = col_ll(r, 5) != 0;
                   Due d{col_ll(r, 0), col_ll(r, 1), ""};
                   if (!end_asked && p.ends_on <= day) {
                     if (day > domain::add_days(p.ends_on, kFeedbackLateDays)) return;
                     d.phase = "end";  // a mid-term request not sent by then is dropped (marked below)
                   } else if (!mid_asked && middle <= day && day <= domain::add_days(middle, kFeedbackLateDays)) {
                     d.phase = "mid";
                   } else {
                     return;
                   }
                   due.push_back(d);
                 });
    std::vector<FeedbackRequest> out;
    for (const auto& d : due) {
      auto a = application_where(sql, "WHERE a.id = " + id_text(d.application_id));
      if (!a || !mt::contact_allowed(*a)) continue;
      auto pairs = select_pairs(sql, "WHERE x.id = " + id_text(d.pair_id));
      if (pairs.empty()) continue;
      if (d.phase == "end") {
        sql << "UPDATE mentoring_pairs SET end_asked_at = :n, mid_asked_at = CASE WHEN mid_asked_at = 0 THEN :n2 ELSE "
               "mid_asked_at END WHERE id = :id",
            use(now), use(now), use(d.pair_id);
      } else {
        sql << "UPDATE mentoring_pairs SET mid_asked_at = :n WHERE id = :id", use(now), use(d.pair_id);
      }
      out.push_back({pairs.front(), d.phase, *a});
    }
    return out;
  });
}

}  // namespace passerelles::store
