// SQL for teachers' intervention requests: insert with a private token, confirmation, edits that keep the days
// ambassadors hold, cancellation that cancels their assignments, the coordinators' list, expiry and erasure.
#include "store/requests.hpp"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

const char* const kRequestColumns =
    "SELECT r.id, r.territory_id, t.slug, t.name, r.status, r.token, r.confirmed_at, COALESCE(r.school_id, 0), "
    "COALESCE(s.name, ''), COALESCE(s.uai, ''), COALESCE(s.commune_name, ''), COALESCE(s.priority_education, ''), "
    "r.contact_name, r.email, r.phone, r.role, r.kind, r.class_levels, r.girls, r.boys, r.needed, r.domains, r.jobs, "
    "r.accessibility, r.language, r.message, r.day, r.shortage_reason, r.shortage_since, r.cancel_reason, "
    "r.cancelled_by, COALESCE(r.action_id, 0), r.anonymised, r.created_at, r.updated_at "
    "FROM intervention_requests r JOIN territories t ON t.id = r.territory_id "
    "LEFT JOIN schools s ON s.id = r.school_id ";

domain::InterventionRequest request_from_row(const soci::row& row) {
  domain::InterventionRequest r;
  std::size_t i = 0;
  r.id = col_ll(row, i++);
  r.territory_id = col_ll(row, i++);
  r.territory_slug = col_str(row, i++);
  r.territory_name = col_str(row, i++);
  r.status = col_str(row, i++);
  r.token = col_str(row, i++);
  r.confirmed_at = col_ll(row, i++);
  r.school_id = col_ll(row, i++);
  r.school_name = col_str(row, i++);
  r.school_uai = col_str(row, i++);
  r.school_commune = col_str(row, i++);
  r.school_priority = col_str(row, i++);
  r.contact_name = col_str(row, i++);
  r.email = col_str(row, i++);
  r.phone = col_str(row, i++);
  r.role = col_str(row, i++);
  r.kind = col_str(row, i++);
  r.class_levels = domain::split_list(col_str(row, i++));
  r.girls = col_int(row, i++);
  r.boys = col_int(row, i++);
  r.needed = col_int(row, i++);
  r.domains = domain::split_list(col_str(row, i++));
  r.jobs = col_str(row, i++);
  r.accessibility = col_str(row, i++);
  r.language = col_str(row, i++);
  r.message = col_str(row, i++);
  r.day = col_str(row, i++);
  r.shortage_reason = col_str(row, i++);
  r.shortage_since = col_ll(row, i++);
  r.cancel_reason = col_str(row, i++);
  r.cancelled_by = col_str(row, i++);
  r.action_id = col_ll(row, i++);
  r.anonymised = col_int(row, i++) != 0;
  r.created_at = col_ll(row, i++);
  r.updated_at = col_ll(row, i++);
  return r;
}

// Fills `days` of each request from request_days.
void load_days(soci::session& sql, std::vector<domain::InterventionRequest>& rs) {
  if (rs.empty()) return;
  std::map<long long, domain::InterventionRequest*> by_id;
  std::string ids;
  for (auto& r : rs) {
    by_id[r.id] = &r;
    ids += (ids.empty() ? "" : ",") + std::to_string(r.id);
  }
  for_each_row(sql, "SELECT request_id, day FROM request_days WHERE request_id IN (" + ids + ") ORDER BY day", {},
               [&](const soci::row& row) {
                 if (auto it = by_id.find(col_ll(row, 0)); it != by_id.end())
                   it->second->days.push_back(col_str(row, 1));
               });
}

std::vector<domain::InterventionRequest> select_requests(soci::session& sql, const std::string& where_and_order,
                                                         const std::vector<std::string>& params) {
  std::vector<domain::InterventionRequest> out;
  for_each_row(sql, std::string(kRequestColumns) + where_and_order, params,
               [&](const soci::row& r) { out.push_back(request_from_row(r)); });
  load_days(sql, out);
  return out;
}

std::optional<domain::InterventionRequest> request_where(soci::session& sql, const std::string& where,
                                                         const std::vector<std::string>& params) {
  auto v = select_requests(sql, where, params);
  if (v.empty()) return std::nullopt;
  return v.front();
}

// 32 URL-safe characters from 24 random bytes.
std::string new_request_token() {
  unsigned char bytes[24];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

long long territory_of_school_in(soci::session& sql, long long school_id) {
  if (school_id <= 0) return 0;
  std::string department;
  sql << "SELECT department FROM schools WHERE id = :id", use(school_id), into(department);
  if (!sql.got_data() || department.empty()) return 0;
  long long found = 0;
  for_each_row(sql, "SELECT id, departments FROM territories ORDER BY id", {}, [&](const soci::row& row) {
    if (found != 0) return;
    for (const auto& d : domain::split_list(col_str(row, 1)))
      if (d == department) found = col_ll(row, 0);
  });
  return found;
}

const char* const kUnknownSchool =
    "Cet établissement n’est pas dans l’annuaire d’un territoire de Passerelles : choisissez-le dans la liste "
    "proposée.";

void write_days(soci::session& sql, long long request_id, const std::vector<std::string>& days) {
  sql << "DELETE FROM request_days WHERE request_id = :id", use(request_id);
  int n = 0;
  for (const auto& d : days) {
    if (n++ >= domain::kMaxRequestDays) break;
    std::string day = d;
    sql << "INSERT INTO request_days (request_id, day) VALUES (:r, :d)", use(request_id), use(day);
  }
}

// Cancels the request (locked by the caller) and its invited and accepted assignments; drops its proposals.
RequestCancel cancel_in(soci::session& sql, const domain::InterventionRequest& r, const std::string& reason,
                        const std::string& by_whom, long long now) {
  RequestCancel out;
  if (r.status == "cancelled") {
    out.result = failed(WriteResult::Status::conflict, {{"status", "Cette demande est déjà annulée."}});
    return out;
  }
  if (r.status == "done") {
    out.result = failed(WriteResult::Status::conflict, {{"status",
                                                         "Cette intervention a eu lieu : elle ne peut "
                                                         "plus être annulée."}});
    return out;
  }
  std::string why = domain::trim(reason);
  if (why.size() > 1000) {
    std::size_t cut = 1000;
    while (cut > 0 && (static_cast<unsigned char>(why[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    why.resize(cut);
  }
  for_each_row(sql,
               "SELECT id FROM request_assignments WHERE request_id = " + std::to_string(r.id) +
                   " AND status IN ('invited', 'accepted') ORDER BY id",
               {}, [&](const soci::row& row) { out.assignment_ids.push_back(col_ll(row, 0)); });
  sql << "UPDATE request_assignments SET status = 'cancelled', cancel_reason = :r, cancelled_by = :b, updated_at = :u "
         "WHERE request_id = :id AND status IN ('invited', 'accepted')",
      use(why), use(by_whom), use(now), use(r.id);
  sql << "DELETE FROM request_assignments WHERE request_id = :id AND status = 'proposed'", use(r.id);
  sql << "UPDATE intervention_requests SET status = 'cancelled', cancel_reason = :r, cancelled_by = :b, "
         "updated_at = :u WHERE id = :id",
      use(why), use(by_whom), use(now), use(r.id);
  out.result = done(r.id);
  return out;
}

}  // namespace

long long territory_of_school(Store& s, long long school_id) {
  return s.read([&](soci::session& sql) { return territory_of_school_in(sql, school_id); });
}

RequestInsert insert_request(Store& s, const domain::InterventionRequest& r) {
  return s.write([&](soci::session& sql) {
    RequestInsert out;
    long long territory = territory_of_school_in(sql, r.school_id);
    if (territory == 0) {
      out.result = failed(WriteResult::Status::invalid, {{"school_id", kUnknownSchool}});
      return out;
    }
    long long now = now_unix();
    out.token = new_request_token();
    std::string levels = domain::join(r.class_levels), domains = domain::join(r.domains);
    long long id = 0;
    sql << "INSERT INTO intervention_requests (territory_id, status, token, school_id, contact_name, email, phone, "
           "role, kind, class_levels, girls, boys, needed, domains, jobs, accessibility, language, message, "
           "created_at, updated_at) VALUES (:t, 'unconfirmed', :tok, :s, :n, :em, :ph, :ro, :k, :lv, :g, :b, :nd, "
           ":dm, :j, :ac, :la, :m, :c, :u) RETURNING id",
        use(territory), use(out.token), use(r.school_id), use(r.contact_name), use(r.email), use(r.phone), use(r.role),
        use(r.kind), use(levels), use(r.girls), use(r.boys), use(r.needed), use(domains), use(r.jobs),
        use(r.accessibility), use(r.language), use(r.message), use(now), use(now), into(id);
    write_days(sql, id, r.days);
    out.result = done(id);
    return out;
  });
}

std::optional<domain::InterventionRequest> request_by_token(Store& s, const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  return s.read([&](soci::session& sql) { return request_where(sql, "WHERE r.token = :p1", {token}); });
}

std::optional<domain::InterventionRequest> request_by_id(Store& s, long long territory_id, long long id) {
  if (territory_id <= 0 || id <= 0) return std::nullopt;
  return s.read([&](soci::session& sql) {
    return request_where(
        sql, "WHERE r.territory_id = " + std::to_string(territory_id) + " AND r.id = " + std::to_string(id), {});
  });
}

WriteResult confirm_request(Store& s, const std::string& token, long long now) {
  return s.write([&](soci::session& sql) {
    auto r = request_where(sql, "WHERE r.token = :p1" + for_update(sql, "r"), {token});
    if (!r) return failed(WriteResult::Status::not_found);
    if (r->status == "cancelled")
      return failed(WriteResult::Status::conflict,
                    {{"status", "Cette demande est annulée : faites-en une nouvelle si besoin."}});
    if (r->status == "unconfirmed")
      sql << "UPDATE intervention_requests SET status = 'open', confirmed_at = :c, updated_at = :u WHERE id = :id",
          use(now), use(now), use(r->id);
    return done(r->id);
  });
}

WriteResult update_request(Store& s, const std::string& token, const domain::InterventionRequest& in, long long now) {
  return s.write([&](soci::session& sql) {
    auto before = request_where(sql, "WHERE r.token = :p1" + for_update(sql, "r"), {token});
    if (!before) return failed(WriteResult::Status::not_found);
    if (before->anonymised || (before->status != "unconfirmed" && before->status != "open"))
      return failed(WriteResult::Status::conflict,
                    {{"status", "Cette demande est " + std::string(domain::request_status_label(before->status)) +
                                    " : elle ne peut plus être modifiée."}});
    domain::Errors errors;
    std::map<std::string, int> held;  // days held by invited or accepted ambassadors
    long long holding = 0;
    for_each_row(sql,
                 "SELECT day FROM request_assignments WHERE request_id = " + std::to_string(before->id) +
                     " AND status IN ('invited', 'accepted')",
                 {}, [&](const soci::row& row) {
                   ++held[col_str(row, 0)];
                   ++holding;
                 });
    long long territory = territory_of_school_in(sql, in.school_id);
    if (territory == 0)
      errors["school_id"] = kUnknownSchool;
    else if (territory != before->territory_id && holding > 0)
      errors["school_id"] =
          "Cet établissement dépend d’un autre territoire, et des ambassadrices sont déjà sollicitées : annulez "
          "cette demande et faites-en une nouvelle.";
    for (const auto& [day, n] : held)
      if (!std::binary_search(in.days.begin(), in.days.end(), day)) {
        errors["dates"] = "Le " + domain::format_day_fr(day) +
                          " est retenu par une ambassadrice : gardez ce jour, ou annulez la demande.";
        break;
      }
    if (holding > in.needed)
      errors["needed"] = std::to_string(holding) + " ambassadrices sont déjà sollicitées : gardez ce nombre.";
    if (!errors.empty()) return failed(WriteResult::Status::invalid, errors);
    std::string levels = domain::join(in.class_levels), domains = domain::join(in.domains);
    sql << "UPDATE intervention_requests SET territory_id = :t, school_id = :s, contact_name = :n, email = :em, "
           "phone = :ph, role = :ro, kind = :k, class_levels = :lv, girls = :g, boys = :b, needed = :nd, domains = "
           ":dm, "
           "jobs = :j, accessibility = :ac, language = :la, message = :m, updated_at = :u WHERE id = :id",
        use(territory), use(in.school_id), use(in.contact_name), use(in.email), use(in.phone), use(in.role),
        use(in.kind), use(levels), use(in.girls), use(in.boys), use(in.needed), use(domains), use(in.jobs),
        use(in.accessibility), use(in.language), use(in.message), use(now), use(before->id);
    sql << "DELETE FROM request_assignments WHERE request_id = :id AND status = 'proposed'", use(before->id);
    write_days(sql, before->id, in.days);
    return done(before->id);
  });
}

RequestCancel cancel_request(Store& s, const std::string& token, const std::string& reason, long long now) {
  return s.write([&](soci::session& sql) {
    auto r = request_where(sql, "WHERE r.token = :p1" + for_update(sql, "r"), {token});
    if (!r) return RequestCancel{failed(WriteResult::Status::not_found), {}};
    return cancel_in(sql, *r, reason, "teacher", now);
  });
}

RequestCancel cancel_request_by_coordinator(Store& s, long long territory_id, long long id, const std::string& reason,
                                            const Author& by) {
  return s.write([&](soci::session& sql) {
    if (territory_id <= 0 || id <= 0) return RequestCancel{failed(WriteResult::Status::not_found), {}};
    auto r = request_where(sql,
                           "WHERE r.territory_id = " + std::to_string(territory_id) +
                               " AND r.id = " + std::to_string(id) + for_update(sql, "r"),
                           {});
    if (!r) return RequestCancel{failed(WriteResult::Status::not_found), {}};
    auto out = cancel_in(sql, *r, reason, "coordinator", now_unix());
    if (out.result.ok())
      audit(sql, territory_id, by.user_id, by.label, "cancel_request", "intervention_request", r->id,
            r->school_name.empty() ? "demande n° " + std::to_string(r->id) : r->school_name);
    return out;
  });
}

Page<domain::InterventionRequest> requests_matching(Store& s, const RequestFilter& f) {
  Page<domain::InterventionRequest> page;
  page.per_page = std::clamp(f.per_page, 1, kMaxPerPage);
  page.page = std::max(1, f.page);
  std::string where = "WHERE r.territory_id = " + std::to_string(f.territory_id);
  std::vector<std::string> params;
  if (!domain::request_status_label(f.status).empty()) {
    where += " AND r.status = :p1";
    params.push_back(f.status);
  } else {
    where += " AND r.status <> 'unconfirmed'";
  }
  if (f.shortage_only) where += " AND r.status = 'open' AND r.shortage_reason <> ''";
  auto words = domain::split_list(domain::fold(f.query), ' ');
  return s.read([&](soci::session& sql) {
    auto all = select_requests(sql, where + " ORDER BY r.created_at DESC, r.id DESC", params);
    std::vector<domain::InterventionRequest> kept;
    for (auto& r : all) {
      std::string text = domain::fold(r.school_name + " " + r.school_commune + " " + r.school_uai + " " +
                                      r.contact_name + " " + r.email);
      bool ok = std::all_of(words.begin(), words.end(),
                            [&](const std::string& w) { return text.find(w) != std::string::npos; });
      if (ok) kept.push_back(std::move(r));
    }
    page.total = static_cast<long long>(kept.size());
    std::size_t from = static_cast<std::size_t>(page.page - 1) * static_cast<std::size_t>(page.per_page);
    for (std::size_t i = from; i < kept.size() && i < from + static_cast<std::size_t>(page.per_page); ++i)
      page.rows.push_back(std::move(kept[i]));
    return page;
  });
}

long long expire_unconfirmed_requests(Store& s, long long now, long long max_age_seconds) {
  return s.write([&](soci::session& sql) {
    long long before = now - max_age_seconds;
    long long n = 0;
    sql << "SELECT COUNT(*) FROM intervention_requests WHERE status = 'unconfirmed' AND created_at < :b", use(before),
        into(n);
    const std::string which = "(SELECT id FROM intervention_requests WHERE status = 'unconfirmed' AND created_at < " +
                              std::to_string(before) + ")";
    sql << "DELETE FROM request_days WHERE request_id IN " + which;
    sql << "DELETE FROM request_assignments WHERE request_id IN " + which;
    sql << "DELETE FROM intervention_requests WHERE status = 'unconfirmed' AND created_at < :b", use(before);
    return n;
  });
}

long long anonymise_requests(Store& s, std::string_view before_day) {
  return s.write([&](soci::session& sql) {
    std::string day(before_day);
    const std::string last_day =
        "COALESCE(NULLIF(day, ''), (SELECT MAX(d.day) FROM request_days d WHERE d.request_id = "
        "intervention_requests.id))";
    long long n = 0;
    sql << "SELECT COUNT(*) FROM intervention_requests WHERE anonymised = 0 AND " + last_day + " < :d", use(day),
        into(n);
    long long now = now_unix();
    sql << "UPDATE intervention_requests SET contact_name = '', email = '', phone = '', role = '', message = '', "
           "anonymised = 1, updated_at = :u WHERE anonymised = 0 AND " +
               last_day + " < :d",
        use(now), use(day);
    return n;
  });
}

std::vector<RequestAmbassador> request_ambassadors(Store& s, long long request_id) {
  return s.read([&](soci::session& sql) {
    std::vector<RequestAmbassador> out;
    for_each_row(sql,
                 "SELECT a.first_name, a.job_title FROM request_assignments x JOIN ambassadors a ON a.id = "
                 "x.ambassador_id WHERE x.request_id = " +
                     std::to_string(request_id) + " AND x.status IN ('accepted', 'reported') ORDER BY x.id",
                 {}, [&](const soci::row& row) {
                   out.push_back({col_str(row, 0), col_str(row, 1)});
                 });
    return out;
  });
}

std::vector<std::string> coordinator_emails(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<std::string> out;
    for_each_row(sql,
                 "SELECT email FROM users WHERE territory_id = " + std::to_string(territory_id) +
                     " AND role = 'coordinator' AND active = 1",
                 {}, [&](const soci::row& row) { out.push_back(col_str(row, 0)); });
    std::sort(out.begin(), out.end());  // byte order, the same on both engines
    return out;
  });
}

}  // namespace passerelles::store
