// Privacy of mentees and candidates: search, JSON export, erasure on request, the scheduled purge of minors' data
// and the register (privacy_log).
#include "store/privacy.hpp"

#include <sodium.h>

#include "domain/mentoring.hpp"
#include "domain/opportunity.hpp"
#include "domain/plan.hpp"
#include "domain/privacy.hpp"
#include "domain/text.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using soci::into;
using soci::use;
using namespace detail;

namespace {

constexpr const char* kMentee = "mentee";
constexpr const char* kCandidate = "candidate";

// The register's subject for an address's subject.
const char* log_subject(const std::string& subject) {
  return subject == kMentee ? "mentee_application" : "offer_application";
}

// A fresh secret nobody knows: 32 URL-safe characters from 24 random bytes (the UNIQUE token columns stay valid).
std::string unusable_token() {
  unsigned char bytes[24];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

// Runs a prepared write and returns the number of rows it changed.
long long changed(soci::statement&& st) {
  st.execute(true);
  return st.get_affected_rows();
}

void log_entry(soci::session& sql, long long territory_id, const char* kind, const std::string& subject,
               long long subject_id, long long rows, long long done_by, long long now) {
  soci::indicator ti = territory_id ? soci::i_ok : soci::i_null;
  soci::indicator ui = done_by ? soci::i_ok : soci::i_null;
  std::string k(kind);
  sql << "INSERT INTO privacy_log (territory_id, kind, subject, subject_id, rows_changed, done_by, done_at) VALUES "
         "(:t, :k, :s, :sid, :r, :u, :at)",
      use(territory_id, ti), use(k), use(subject), use(subject_id), use(rows), use(done_by, ui), use(now);
}

// The audit log keeps what happened, never who she was: entries about the record lose their detail, and the personal
// strings given are removed from the territory's other entries (and from the names entries are signed with).
long long scrub_audit(soci::session& sql, long long territory_id, const char* entity, long long id,
                      const std::vector<std::string>& personal) {
  std::string e(entity);
  long long n = changed((sql.prepare << "UPDATE audit_log SET detail = '' WHERE entity = :e AND entity_id = :id AND "
                                        "detail <> ''",
                         use(e), use(id)));
  for (const auto& p : personal) {
    if (domain::trim(p).size() < 3) continue;  // an initial alone would blank unrelated text
    std::string pattern = like_pattern(p);
    n += changed((sql.prepare << "UPDATE audit_log SET detail = REPLACE(detail, :p, '') WHERE territory_id = :t AND "
                                 "detail LIKE :l ESCAPE '\\'",
                  use(p), use(territory_id), use(pattern)));
    n += changed((sql.prepare << "UPDATE audit_log SET user_label = '' WHERE territory_id = :t AND user_label = :p",
                  use(territory_id), use(p)));
  }
  return n;
}

// Erases one mentee's personal data (see erase_person); returns the rows changed.
long long erase_mentee_in(soci::session& sql, long long territory_id, long long id, long long now) {
  soci::row r;
  sql << "SELECT first_name, last_name, email, guardian_name, guardian_email FROM mentee_applications WHERE id = :id",
      use(id), into(r);
  if (!sql.got_data()) return 0;
  std::vector<std::string> personal = {domain::trim(col_str(r, 0) + " " + col_str(r, 1)), col_str(r, 2), col_str(r, 3),
                                       col_str(r, 4)};
  const std::string erased = domain::kErasedName;
  std::string token = unusable_token(), vouch = unusable_token(), consent = unusable_token();
  long long n = changed(
      (sql.prepare << "UPDATE mentee_applications SET first_name = :f, last_name = '', birth_month = '', email = '', "
                      "phone = '', school_id = NULL, class_level = '', commune_insee = '', motivation = '', "
                      "voucher_name = '', voucher_email = '', guardian_name = '', guardian_email = '', "
                      "token = :tk, vouch_token = CASE WHEN vouch_token = '' THEN '' ELSE :vt END, "
                      "consent_token = CASE WHEN consent_token = '' THEN '' ELSE :ct END, outcome_text = '', "
                      "withdrawn_reason = '', erased_at = :now, updated_at = :now2 WHERE id = :id",
       use(erased), use(token), use(vouch), use(consent), use(now), use(now), use(id)));
  const std::string pairs = "(SELECT id FROM mentoring_pairs WHERE application_id = :id)";
  n += changed((sql.prepare << "DELETE FROM mentoring_messages WHERE pair_id IN " + pairs, use(id)));
  n += changed((sql.prepare << "UPDATE mentoring_meetings SET summary = '' WHERE summary <> '' AND pair_id IN " + pairs,
                use(id)));
  n += changed((sql.prepare << "UPDATE mentoring_feedback SET comment = '' WHERE comment <> '' AND pair_id IN " + pairs,
                use(id)));
  n += changed((sql.prepare << "UPDATE mentoring_pairs SET why = '', end_reason = '', updated_at = :now WHERE "
                               "application_id = :id AND (why <> '' OR end_reason <> '')",
                use(now), use(id)));
  n += scrub_audit(sql, territory_id, "mentee_application", id, personal);
  return n;
}

// Erases one candidate's personal data (see erase_person); returns the rows changed.
long long erase_candidate_in(soci::session& sql, long long territory_id, long long id, long long now) {
  soci::row r;
  sql << "SELECT first_name, last_name, email FROM offer_applications WHERE id = :id", use(id), into(r);
  if (!sql.got_data()) return 0;
  std::vector<std::string> personal = {domain::trim(col_str(r, 0) + " " + col_str(r, 1)), col_str(r, 2)};
  const std::string erased = domain::kErasedName;
  long long n = changed(
      (sql.prepare << "UPDATE offer_applications SET first_name = :f, last_name = '', email = '', phone = '', "
                      "school_id = NULL, class_level = '', message = '', interview_on = '', decline_reason = '', "
                      "erased_at = :now, updated_at = :now2 WHERE id = :id",
       use(erased), use(now), use(now), use(id)));
  n += scrub_audit(sql, territory_id, "offer_application", id, personal);
  return n;
}

// ---- reading -------------------------------------------------------------------------------------------------------

const char* const kMenteeRecord =
    "SELECT a.id, a.first_name, a.last_name, a.email, a.status, a.minor, a.created_at, a.erased_at, p.name, "
    "a.guardian_email, a.voucher_email FROM mentee_applications a JOIN mentoring_programmes p ON p.id = "
    "a.programme_id ";
const char* const kCandidateRecord =
    "SELECT a.id, a.first_name, a.last_name, a.email, a.status, a.minor, a.created_at, a.erased_at, o.title, "
    "COALESCE(g.name, '') FROM offer_applications a JOIN offers o ON o.id = a.offer_id "
    "LEFT JOIN organisations g ON g.id = o.organisation_id ";

PrivacyRecord record_from_row(const soci::row& r, const char* subject) {
  PrivacyRecord p;
  p.subject = subject;
  p.id = col_ll(r, 0);
  p.first_name = col_str(r, 1);
  p.last_name = col_str(r, 2);
  p.email = col_str(r, 3);
  p.status = col_str(r, 4);
  p.minor = col_int(r, 5) != 0;
  p.created_at = col_ll(r, 6);
  p.erased_at = col_ll(r, 7);
  p.context = col_str(r, 8);
  if (p.subject == kCandidate && !col_str(r, 9).empty()) p.context += " — " + col_str(r, 9);
  return p;
}

// Every column of a row, by name, as JSON (NULL as null); columns holding a secret link (token, *_token) are left out.
nlohmann::json row_json(const soci::row& r) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t i = 0; i < r.size(); ++i) {
    const auto& props = r.get_properties(i);
    std::string name = props.get_name();
    if (name == "token" || name.ends_with("_token")) continue;
    if (r.get_indicator(i) == soci::i_null) {
      j[name] = nullptr;
      continue;
    }
    switch (props.get_data_type()) {
      case soci::dt_integer:
      case soci::dt_long_long:
      case soci::dt_unsigned_long_long: j[name] = col_ll(r, i); break;
      case soci::dt_double: j[name] = col_dbl(r, i); break;
      default: j[name] = col_str(r, i);
    }
  }
  return j;
}

nlohmann::json rows_json(soci::session& sql, const std::string& query, long long id) {
  nlohmann::json out = nlohmann::json::array();
  for_each_row(sql, query, {std::to_string(id)}, [&](const soci::row& r) { out.push_back(row_json(r)); });
  return out;
}

nlohmann::json school_json(soci::session& sql, long long school_id) {
  if (school_id <= 0) return nullptr;
  soci::row r;
  sql << "SELECT uai, name, commune_name FROM schools WHERE id = :id", use(school_id), into(r);
  if (!sql.got_data()) return nullptr;
  return {{"id", school_id}, {"uai", col_str(r, 0)}, {"name", col_str(r, 1)}, {"commune", col_str(r, 2)}};
}

nlohmann::json mentee_json(soci::session& sql, long long territory_id, long long id) {
  soci::row app;
  sql << "SELECT * FROM mentee_applications WHERE territory_id = :t AND id = :id", use(territory_id), use(id),
      into(app);
  if (!sql.got_data()) return nullptr;
  nlohmann::json j = {{"subject", kMentee}, {"application", row_json(app)}};
  auto& a = j["application"];
  a["status_label"] =
      std::string(domain::choice_label(domain::mentoring::application_statuses(), a.value("status", "")));
  a["outcome_label"] = std::string(domain::choice_label(domain::mentoring::outcomes(), a.value("outcome", "")));
  long long programme_id = a.value("programme_id", 0LL);
  soci::row p;
  sql << "SELECT id, name, audience, starts_on, ends_on FROM mentoring_programmes WHERE id = :id", use(programme_id),
      into(p);
  if (sql.got_data())
    j["programme"] = {
        {"id", col_ll(p, 0)},
        {"name", col_str(p, 1)},
        {"audience", col_str(p, 2)},
        {"audience_label", std::string(domain::choice_label(domain::mentoring::audiences(), col_str(p, 2)))},
        {"starts_on", col_str(p, 3)},
        {"ends_on", col_str(p, 4)}};
  j["school"] = a.contains("school_id") && a["school_id"].is_number()
                    ? school_json(sql, a["school_id"].get<long long>())
                    : nlohmann::json(nullptr);
  std::string insee = a.value("commune_insee", std::string());
  j["commune"] = nullptr;
  if (!insee.empty()) {
    std::string name;
    sql << "SELECT name FROM communes WHERE insee = :i", use(insee), into(name);
    if (sql.got_data()) j["commune"] = {{"insee", insee}, {"name", name}};
  }
  nlohmann::json pairs = nlohmann::json::array();
  for_each_row(
      sql,
      "SELECT x.id, x.status, x.remote, x.why, x.started_at, x.ended_at, x.end_reason, x.created_at, "
      "a.first_name FROM mentoring_pairs x JOIN ambassadors a ON a.id = x.ambassador_id WHERE "
      "x.application_id = :p1 ORDER BY x.id",
      {std::to_string(id)}, [&](const soci::row& r) {
        pairs.push_back(
            {{"id", col_ll(r, 0)},
             {"status", col_str(r, 1)},
             {"remote", col_int(r, 2) != 0},
             {"why", col_str(r, 3)},
             {"started_at", col_ll(r, 4)},
             {"ended_at", col_ll(r, 5)},
             {"end_reason", col_str(r, 6)},
             {"created_at", col_ll(r, 7)},
             {"status_label", std::string(domain::choice_label(domain::mentoring::pair_statuses(), col_str(r, 1)))},
             {"mentor_first_name", col_str(r, 8)}});
      });
  for (auto& pair : pairs) {
    long long pid = pair["id"].get<long long>();
    pair["meetings"] = rows_json(sql, "SELECT * FROM mentoring_meetings WHERE pair_id = :p1 ORDER BY day, id", pid);
    pair["messages"] =
        rows_json(sql, "SELECT * FROM mentoring_messages WHERE pair_id = :p1 ORDER BY created_at, id", pid);
    pair["feedback"] = rows_json(sql, "SELECT * FROM mentoring_feedback WHERE pair_id = :p1 ORDER BY id", pid);
  }
  j["pairs"] = pairs;
  return j;
}

nlohmann::json candidate_json(soci::session& sql, long long territory_id, long long id) {
  soci::row app;
  sql << "SELECT * FROM offer_applications WHERE territory_id = :t AND id = :id", use(territory_id), use(id), into(app);
  if (!sql.got_data()) return nullptr;
  nlohmann::json j = {{"subject", kCandidate}, {"application", row_json(app)}};
  auto& a = j["application"];
  a["status_label"] = std::string(domain::application_status_label(a.value("status", "")));
  soci::row o;
  long long offer_id = a.value("offer_id", 0LL);
  sql << "SELECT o.id, o.kind, o.title, o.starts_on, o.ends_on, o.commune_insee, COALESCE(g.name, '') FROM offers o "
         "LEFT JOIN organisations g ON g.id = o.organisation_id WHERE o.id = :id",
      use(offer_id), into(o);
  if (sql.got_data())
    j["offer"] = {{"id", col_ll(o, 0)},
                  {"kind", col_str(o, 1)},
                  {"kind_label", std::string(domain::offer_kind_label(col_str(o, 1)))},
                  {"title", col_str(o, 2)},
                  {"starts_on", col_str(o, 3)},
                  {"ends_on", col_str(o, 4)},
                  {"commune_insee", col_str(o, 5)},
                  {"company", col_str(o, 6)}};
  j["school"] = a.contains("school_id") && a["school_id"].is_number()
                    ? school_json(sql, a["school_id"].get<long long>())
                    : nlohmann::json(nullptr);
  return j;
}

}  // namespace

bool valid_privacy_subject(std::string_view subject) {
  return subject == kMentee || subject == kCandidate;
}

std::vector<PrivacyRecord> privacy_search(Store& s, long long territory_id, const std::string& query, int limit) {
  std::vector<std::string> words = domain::split_list(domain::fold(query), ' ');
  if (words.empty()) return {};
  auto matches = [&](const std::string& text) {
    std::string folded = domain::fold(text);
    for (const auto& w : words)
      if (folded.find(w) == std::string::npos) return false;
    return true;
  };
  return s.read([&](soci::session& sql) {
    std::vector<PrivacyRecord> out;
    std::string t = std::to_string(territory_id);
    for_each_row(sql,
                 std::string(kMenteeRecord) +
                     "WHERE a.territory_id = :p1 AND a.erased_at = 0 ORDER BY a.created_at DESC, a.id DESC",
                 {t}, [&](const soci::row& r) {
                   if (static_cast<int>(out.size()) >= limit) return;
                   std::string text = col_str(r, 1) + " " + col_str(r, 2) + " " + col_str(r, 3) + " " + col_str(r, 9) +
                                      " " + col_str(r, 10);
                   if (matches(text)) out.push_back(record_from_row(r, kMentee));
                 });
    for_each_row(sql,
                 std::string(kCandidateRecord) +
                     "WHERE a.territory_id = :p1 AND a.erased_at = 0 ORDER BY a.created_at DESC, a.id DESC",
                 {t}, [&](const soci::row& r) {
                   if (static_cast<int>(out.size()) >= limit) return;
                   if (matches(col_str(r, 1) + " " + col_str(r, 2) + " " + col_str(r, 3)))
                     out.push_back(record_from_row(r, kCandidate));
                 });
    return out;
  });
}

std::optional<PrivacyRecord> privacy_record(Store& s, long long territory_id, const std::string& subject,
                                            long long id) {
  if (!valid_privacy_subject(subject) || id <= 0) return std::nullopt;
  return s.read([&](soci::session& sql) -> std::optional<PrivacyRecord> {
    std::optional<PrivacyRecord> out;
    const char* subj = subject == kMentee ? kMentee : kCandidate;
    for_each_row(sql,
                 std::string(subject == kMentee ? kMenteeRecord : kCandidateRecord) +
                     "WHERE a.territory_id = :p1 AND a.id = :p2",
                 {std::to_string(territory_id), std::to_string(id)},
                 [&](const soci::row& r) { out = record_from_row(r, subj); });
    return out;
  });
}

std::optional<nlohmann::json> export_person(Store& s, long long territory_id, const std::string& subject, long long id,
                                            const Author& by, long long now) {
  if (!valid_privacy_subject(subject) || id <= 0) return std::nullopt;
  return s.write([&](soci::session& sql) -> std::optional<nlohmann::json> {
    nlohmann::json j = subject == kMentee ? mentee_json(sql, territory_id, id) : candidate_json(sql, territory_id, id);
    if (j.is_null()) return std::nullopt;
    j["exported_at"] = now;
    log_entry(sql, territory_id, "export", log_subject(subject), id, 0, by.user_id, now);
    return j;
  });
}

WriteResult erase_person(Store& s, long long territory_id, const std::string& subject, long long id, const Author& by,
                         long long now) {
  if (!valid_privacy_subject(subject) || id <= 0) return failed(WriteResult::Status::not_found);
  return s.write([&](soci::session& sql) {
    const std::string table = subject == kMentee ? "mentee_applications" : "offer_applications";
    long long erased_at = 0;
    sql << "SELECT erased_at FROM " + table + " WHERE territory_id = :t AND id = :id" + for_update(sql),
        use(territory_id), use(id), into(erased_at);
    if (!sql.got_data() || erased_at != 0) return failed(WriteResult::Status::not_found);
    long long rows = subject == kMentee ? erase_mentee_in(sql, territory_id, id, now)
                                        : erase_candidate_in(sql, territory_id, id, now);
    log_entry(sql, territory_id, "erasure", log_subject(subject), id, rows, by.user_id, now);
    return done(id);
  });
}

PurgeReport purge_minors_data(Store& s, const std::string& today, int months, long long now) {
  PurgeReport report;
  if (!domain::valid_day(today) || months < 0) return report;
  struct Due {
    long long id, territory_id;
  };
  // Candidates first found by a cheap filter (ended before today), then checked with the calendar rule.
  auto due = [&](const std::string& query) {
    return s.read([&](soci::session& sql) {
      std::vector<Due> out;
      for_each_row(sql, query, {today}, [&](const soci::row& r) {
        if (domain::purge_due(col_str(r, 2), months, today)) out.push_back({col_ll(r, 0), col_ll(r, 1)});
      });
      return out;
    });
  };
  for (const auto& p : due("SELECT id, territory_id, ends_on FROM mentoring_programmes WHERE purged_at = 0 AND "
                           "ends_on < :p1 ORDER BY id")) {
    s.write([&](soci::session& sql) {
      long long purged_at = 0;
      sql << "SELECT purged_at FROM mentoring_programmes WHERE id = :id" + for_update(sql), use(p.id), into(purged_at);
      if (!sql.got_data() || purged_at != 0) return;  // purged meanwhile by another server
      std::vector<long long> minors;
      for_each_row(sql,
                   "SELECT id FROM mentee_applications WHERE programme_id = :p1 AND minor = 1 AND erased_at = 0 "
                   "ORDER BY id",
                   {std::to_string(p.id)}, [&](const soci::row& r) { minors.push_back(col_ll(r, 0)); });
      long long rows = 0;
      for (long long m : minors) rows += erase_mentee_in(sql, p.territory_id, m, now);
      rows += changed(
          (sql.prepare << "UPDATE mentoring_programmes SET purged_at = :now WHERE id = :id", use(now), use(p.id)));
      log_entry(sql, p.territory_id, "purge", "programme", p.id, rows, 0, now);
      ++report.programmes;
      report.mentees += static_cast<long long>(minors.size());
    });
  }
  for (const auto& o : due("SELECT o.id, o.territory_id, COALESCE(NULLIF(o.ends_on, ''), o.expires_on) FROM offers o "
                           "WHERE COALESCE(NULLIF(o.ends_on, ''), o.expires_on) < :p1 AND EXISTS (SELECT 1 FROM "
                           "offer_applications a WHERE a.offer_id = o.id AND a.minor = 1 AND a.erased_at = 0) "
                           "ORDER BY o.id")) {
    s.write([&](soci::session& sql) {
      long long locked = 0;
      sql << "SELECT id FROM offers WHERE id = :id" + for_update(sql), use(o.id), into(locked);
      std::vector<long long> minors;
      for_each_row(sql,
                   "SELECT id FROM offer_applications WHERE offer_id = :p1 AND minor = 1 AND erased_at = 0 ORDER BY id",
                   {std::to_string(o.id)}, [&](const soci::row& r) { minors.push_back(col_ll(r, 0)); });
      if (minors.empty()) return;  // erased meanwhile
      long long rows = 0;
      for (long long c : minors) rows += erase_candidate_in(sql, o.territory_id, c, now);
      log_entry(sql, o.territory_id, "purge", "offer", o.id, rows, 0, now);
      ++report.offers;
      report.candidates += static_cast<long long>(minors.size());
    });
  }
  return report;
}

std::vector<PrivacyLogEntry> privacy_log_entries(Store& s, long long territory_id, int limit, int offset) {
  return s.read([&](soci::session& sql) {
    std::vector<PrivacyLogEntry> out;
    for_each_row(sql,
                 "SELECT l.id, l.kind, l.subject, l.subject_id, l.rows_changed, COALESCE(NULLIF(u.display_name, ''), "
                 "u.email, ''), l.done_at FROM privacy_log l LEFT JOIN users u ON u.id = l.done_by WHERE "
                 "l.territory_id = :p1 ORDER BY l.done_at DESC, l.id DESC LIMIT " +
                     std::to_string(limit) + " OFFSET " + std::to_string(offset),
                 {std::to_string(territory_id)}, [&](const soci::row& r) {
                   out.push_back({col_ll(r, 0), col_str(r, 1), col_str(r, 2), col_ll(r, 3), col_ll(r, 4), col_str(r, 5),
                                  col_ll(r, 6)});
                 });
    return out;
  });
}

}  // namespace passerelles::store
