// SQL for the server side of matching: a territory's instance from the database, the proposals of a run and the
// coordinator's review of them, the per-territory weights, the shortages and the recruitment needs.
#include "store/matching.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "domain/collective.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done (store/write_support.hpp)
using soci::into;
using soci::use;
namespace m = domain::matching;

namespace {

// "mon" … "sun" for a valid day (2024-01-01 was a Monday).
std::string weekday_code(std::string_view day) {
  static const char* codes[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  long long n = domain::days_between("2024-01-01", day);
  return codes[((n % 7) + 7) % 7];
}

bool free_that_weekday(const std::vector<std::string>& weekly, std::string_view day) {
  std::string prefix = weekday_code(day) + "-";
  return std::any_of(weekly.begin(), weekly.end(), [&](const std::string& w) { return w.rfind(prefix, 0) == 0; });
}

std::string collective_domain_label(std::string_view code) {
  return std::string(domain::choice_label(domain::collective_domains(), code));
}

// "025" for a commune's "25", "02A" for "2A", "971" unchanged: the schools' 3-character form.
std::string three_char_department(const std::string& d) {
  return d.size() == 2 ? "0" + d : d;
}

// What the instance is built from, with what each proposal's explanation needs.
struct RequestInfo {
  long long id = 0;
  std::string priority;  // '', 'REP', 'REP+'
  bool named_domains = false;
  bool never_reached = false;
  std::set<long long> past;  // ambassadors who already came to the school
  int places_left = 0;
};
struct AmbassadorInfo {
  long long id = 0;
  std::string domain;
  int load = 0;
  std::set<std::string> booked;  // days with an invited or accepted assignment
};
struct Built {
  TerritoryInstance t;
  std::map<std::string, RequestInfo> requests;        // by "r<id>"
  std::map<std::string, AmbassadorInfo> ambassadors;  // by "a<id>"
  // Open requests with places left and days to come that could not enter the instance, with why.
  std::map<long long, std::string> skipped;
};

// The territory's weights: the saved row or the defaults, and territories.road_factor.
m::Weights weights_in(soci::session& sql, long long territory_id) {
  m::Weights w;
  soci::row r;
  sql << "SELECT per_km, domain_mismatch, load_step, repeat_school, never_reached_bonus, priority_bonus "
         "FROM matching_weights WHERE territory_id = :t",
      use(territory_id), into(r);
  if (sql.got_data()) {
    w.per_km = col_dbl(r, 0);
    w.domain_mismatch = col_dbl(r, 1);
    w.load_step = col_dbl(r, 2);
    w.repeat_school = col_dbl(r, 3);
    w.never_reached_bonus = col_dbl(r, 4);
    w.priority_bonus = col_dbl(r, 5);
  }
  soci::row f;
  sql << "SELECT road_factor FROM territories WHERE id = :t", use(territory_id), into(f);
  if (sql.got_data()) w.road_factor = col_dbl(f, 0);
  return w;
}

Built build(soci::session& sql, long long territory_id, std::string_view today_view) {
  const std::string today(today_view), term = domain::school_term_start(today);
  Built b;
  auto& in = b.t.instance;

  in.weights = weights_in(sql, territory_id);

  // Places taken per request (invited, accepted, reported) and the day an invited or accepted one holds.
  std::map<long long, int> taken;
  std::map<long long, std::string> held_day;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT x.request_id, x.status, x.day FROM request_assignments x JOIN intervention_requests r "
                        "ON r.id = x.request_id WHERE r.territory_id = :t AND r.status = 'open' AND x.status IN "
                        "('invited', 'accepted', 'reported')",
         use(territory_id));
    for (const auto& r : rs) {
      ++taken[col_ll(r, 0)];
      if (col_str(r, 1) != "reported") held_day[col_ll(r, 0)] = col_str(r, 2);
    }
  }
  std::map<long long, std::vector<std::string>> days_of;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT d.request_id, d.day FROM request_days d JOIN intervention_requests r ON r.id = "
                        "d.request_id WHERE r.territory_id = :t AND r.status = 'open' AND d.day > :today ORDER BY "
                        "d.request_id, d.day",
         use(territory_id), use(today));
    for (const auto& r : rs) days_of[col_ll(r, 0)].push_back(col_str(r, 1));
  }
  // Schools reached: by a validated action, or by a reported intervention.
  std::set<long long> reached;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT DISTINCT s.school_id FROM action_schools s JOIN actions a ON a.id = s.action_id WHERE "
                        "a.status = 'validated' UNION SELECT DISTINCT r.school_id FROM request_assignments x JOIN "
                        "intervention_requests r ON r.id = x.request_id WHERE x.status = 'reported' AND r.school_id "
                        "IS NOT NULL");
    for (const auto& r : rs) reached.insert(col_ll(r, 0));
  }
  std::map<long long, std::set<long long>> past_at_school;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare
         << "SELECT r.school_id, x.ambassador_id FROM request_assignments x JOIN intervention_requests r ON "
            "r.id = x.request_id WHERE x.status IN ('accepted', 'reported') AND r.school_id IS NOT NULL");
    for (const auto& r : rs) past_at_school[col_ll(r, 0)].insert(col_ll(r, 1));
  }

  std::set<std::string> all_days;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT r.id, r.needed, r.domains, COALESCE(r.school_id, 0), s.lat, s.lon, "
                        "COALESCE(s.priority_education, '') FROM intervention_requests r LEFT JOIN schools s ON s.id = "
                        "r.school_id WHERE r.territory_id = :t AND r.status = 'open' AND r.confirmed_at > 0 ORDER BY "
                        "r.id",
         use(territory_id));
    for (const auto& row : rs) {
      long long id = col_ll(row, 0);
      int left = col_int(row, 1) - taken[id];
      if (left <= 0) continue;
      std::vector<std::string> days = days_of[id];
      if (auto h = held_day.find(id); h != held_day.end())  // a pair comes together: the day already held
        days = std::find(days.begin(), days.end(), h->second) != days.end() ? std::vector<std::string>{h->second}
                                                                            : std::vector<std::string>{};
      if (days.empty()) continue;
      long long school = col_ll(row, 3);
      auto lat = col_opt_dbl(row, 4), lon = col_opt_dbl(row, 5);
      if (!lat || !lon) {
        b.skipped[id] = "établissement sans coordonnées connues";
        continue;
      }
      m::Request q;
      q.id = "r" + std::to_string(id);
      q.lat = *lat;
      q.lon = *lon;
      q.dates = days;
      q.needed = left;
      q.domains = domain::split_list(col_str(row, 2));
      RequestInfo info;
      info.id = id;
      info.priority = col_str(row, 6);
      info.named_domains = !q.domains.empty();
      info.never_reached = school != 0 && !reached.count(school);
      info.places_left = left;
      if (school) info.past = past_at_school[school];
      q.never_reached = info.never_reached;
      q.priority_education = info.priority == "REP" || info.priority == "REP+";
      for (long long a : info.past) q.past_ambassadors.push_back("a" + std::to_string(a));
      all_days.insert(days.begin(), days.end());
      b.t.request_ids[q.id] = id;
      b.requests[q.id] = std::move(info);
      in.requests.push_back(std::move(q));
    }
  }

  // Ambassadors: days off, booked days, per-month use, load this term.
  std::map<long long, std::set<std::string>> days_off;
  {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT o.ambassador_id, o.day FROM ambassador_days_off o JOIN "
                                                 "ambassadors a ON a.id = o.ambassador_id WHERE a.territory_id = :t",
                                  use(territory_id));
    for (const auto& r : rs) days_off[col_ll(r, 0)].insert(col_str(r, 1));
  }
  std::map<long long, std::set<std::string>> booked;
  std::map<long long, std::map<std::string, int>> month_used;
  std::map<long long, std::set<long long>> term_actions;
  std::map<long long, int> term_extra;  // reported assignments whose request has no action
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT x.ambassador_id, x.day, x.status, COALESCE(r.action_id, 0) FROM request_assignments x "
                        "JOIN ambassadors a ON a.id = x.ambassador_id JOIN intervention_requests r ON r.id = "
                        "x.request_id WHERE a.territory_id = :t AND x.status IN ('invited', 'accepted', 'reported')",
         use(territory_id));
    for (const auto& r : rs) {
      long long a = col_ll(r, 0);
      std::string day = col_str(r, 1), status = col_str(r, 2);
      if (status != "reported") booked[a].insert(day);
      if (day.size() >= 7) ++month_used[a][day.substr(0, 7)];
      if (status == "reported" && day >= term) {
        long long action = col_ll(r, 3);
        if (action)
          term_actions[a].insert(action);
        else
          ++term_extra[a];
      }
    }
  }
  std::map<long long, std::set<long long>> actions_of_user;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT x.user_id, a.id FROM action_ambassadors x JOIN actions a ON a.id = x.action_id WHERE "
                        "a.territory_id = :t AND a.status = 'validated' AND a.starts_on >= :term AND a.starts_on <= "
                        ":today",
         use(territory_id), use(term), use(today));
    for (const auto& r : rs) actions_of_user[col_ll(r, 0)].insert(col_ll(r, 1));
  }
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT a.id, COALESCE(a.user_id, 0), a.domain, a.max_km, a.weekly, a.max_per_month, c.lat, "
                        "c.lon FROM ambassadors a JOIN communes c ON c.insee = a.home_commune_insee WHERE "
                        "a.territory_id = :t AND a.status = 'active' AND c.lat IS NOT NULL AND c.lon IS NOT NULL "
                        "ORDER BY a.id",
         use(territory_id));
    for (const auto& row : rs) {
      long long id = col_ll(row, 0), user = col_ll(row, 1);
      auto weekly = domain::split_list(col_str(row, 4));
      int per_month = col_int(row, 5);
      m::Ambassador a;
      a.id = "a" + std::to_string(id);
      a.lat = col_dbl(row, 6);
      a.lon = col_dbl(row, 7);
      a.max_km = col_int(row, 3);
      for (const auto& d : all_days)
        if (free_that_weekday(weekly, d) && !days_off[id].count(d) && !booked[id].count(d)) a.dates.push_back(d);
      int capacity = 0;
      for (const auto& d : a.dates) {
        std::string month = d.substr(0, 7);
        if (a.month_capacity.count(month)) continue;
        int left = std::max(0, per_month - month_used[id][month]);
        a.month_capacity[month] = left;
        capacity += left;
      }
      if (a.dates.empty() || capacity == 0) continue;
      a.capacity = capacity;
      std::string dom = col_str(row, 2);
      if (!dom.empty()) a.domains.push_back(dom);
      std::set<long long> acts = term_actions[id];
      if (user) acts.insert(actions_of_user[user].begin(), actions_of_user[user].end());
      a.load = static_cast<int>(acts.size()) + term_extra[id];
      AmbassadorInfo info{id, dom, a.load, booked[id]};
      b.t.ambassador_ids[a.id] = id;
      b.ambassadors[a.id] = std::move(info);
      in.ambassadors.push_back(std::move(a));
    }
  }
  return b;
}

double road_km(const m::Request& r, const m::Ambassador& a, const m::Weights& w) {
  return m::distance_km(r.lat, r.lon, a.lat, a.lon) * w.road_factor;
}

std::string why_of(const Built& b, const m::Request& r, const m::Ambassador& a) {
  const auto& ri = b.requests.at(r.id);
  const auto& ai = b.ambassadors.at(a.id);
  bool shared = !ai.domain.empty() &&
                (r.domains.empty() || std::find(r.domains.begin(), r.domains.end(), ai.domain) != r.domains.end());
  return domain::proposal_why(road_km(r, a, b.t.instance.weights), shared ? collective_domain_label(ai.domain) : "",
                              ri.named_domains, ai.load, ri.never_reached, ri.priority, ri.past.count(ai.id) > 0);
}

const m::Request* request_named(const Built& b, const std::string& id) {
  for (const auto& r : b.t.instance.requests)
    if (r.id == id) return &r;
  return nullptr;
}

std::vector<Proposal> candidates_in(soci::session& sql, const Built& b, long long territory_id, long long request_id) {
  std::vector<Proposal> out;
  const m::Request* r = request_named(b, "r" + std::to_string(request_id));
  if (!r) return out;
  // Who is already on the request, and the days each ambassador is proposed elsewhere.
  std::set<long long> on_request;
  std::map<long long, std::set<std::string>> proposed_days;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT x.request_id, x.ambassador_id, x.day, x.status FROM request_assignments x JOIN "
                        "intervention_requests r ON r.id = x.request_id WHERE r.territory_id = :t AND x.status IN "
                        "('proposed', 'invited', 'accepted')",
         use(territory_id));
    for (const auto& row : rs) {
      if (col_ll(row, 0) == request_id)
        on_request.insert(col_ll(row, 1));
      else if (col_str(row, 3) == "proposed")
        proposed_days[col_ll(row, 1)].insert(col_str(row, 2));
    }
  }
  std::map<long long, std::pair<std::string, std::string>> names;  // id -> name, job
  {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, first_name, last_name, job_title FROM ambassadors WHERE "
                                                 "territory_id = :t AND status = 'active'",
                                  use(territory_id));
    for (const auto& row : rs)
      names[col_ll(row, 0)] = {col_str(row, 1) + (col_str(row, 2).empty() ? "" : " " + col_str(row, 2)),
                               col_str(row, 3)};
  }
  std::string school_name, school_commune, kind;
  {
    soci::row row;
    sql << "SELECT COALESCE(s.name, ''), COALESCE(s.commune_name, ''), r.kind FROM intervention_requests r LEFT JOIN "
           "schools s ON s.id = r.school_id WHERE r.id = :id",
        use(request_id), into(row);
    if (sql.got_data()) {
      school_name = col_str(row, 0);
      school_commune = col_str(row, 1);
      kind = col_str(row, 2);
    }
  }
  for (const auto& a : b.t.instance.ambassadors) {
    long long aid = b.t.ambassador_ids.at(a.id);
    if (on_request.count(aid)) continue;
    auto cost = m::pair_cost(*r, a, b.t.instance.weights);
    if (!cost) continue;
    std::string day;
    for (const auto& d : r->dates)
      if (std::find(a.dates.begin(), a.dates.end(), d) != a.dates.end() && !proposed_days[aid].count(d)) {
        auto mc = a.month_capacity.find(d.substr(0, 7));
        if (mc != a.month_capacity.end() && mc->second <= 0) continue;
        day = d;
        break;
      }
    if (day.empty()) continue;
    Proposal p;
    p.request_id = request_id;
    p.school_name = school_name;
    p.school_commune = school_commune;
    p.request_kind = kind;
    p.ambassador_id = aid;
    p.ambassador_name = names[aid].first;
    p.ambassador_job = names[aid].second;
    p.day = day;
    p.status = "proposed";
    p.why = why_of(b, *r, a);
    p.cost = *cost;
    p.distance_km = road_km(*r, a, b.t.instance.weights);
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const Proposal& x, const Proposal& y) {
    return std::tie(x.cost, x.ambassador_id) < std::tie(y.cost, y.ambassador_id);
  });
  return out;
}

// Requests of the territory (no status filter) with the fields the shortage list shows.
struct RequestRow {
  domain::InterventionRequest request;
  std::string department;  // the school's, 3 characters
};
std::vector<RequestRow> requests_where(soci::session& sql, long long territory_id, const std::string& where) {
  std::vector<RequestRow> out;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT r.id, r.status, r.confirmed_at, COALESCE(r.school_id, 0), COALESCE(s.name, ''), "
                      "COALESCE(s.uai, ''), COALESCE(s.commune_name, ''), COALESCE(s.priority_education, ''), "
                      "r.contact_name, r.email, r.kind, r.class_levels, r.girls, r.boys, r.needed, r.domains, r.jobs, "
                      "r.shortage_reason, r.shortage_since, r.created_at, r.updated_at, COALESCE(s.department, '') "
                      "FROM intervention_requests r LEFT JOIN schools s ON s.id = r.school_id WHERE r.territory_id = "
                      ":t " +
                          where,
       use(territory_id));
  for (const auto& row : rs) {
    domain::InterventionRequest q;
    int i = 0;
    q.id = col_ll(row, i++);
    q.territory_id = territory_id;
    q.status = col_str(row, i++);
    q.confirmed_at = col_ll(row, i++);
    q.school_id = col_ll(row, i++);
    q.school_name = col_str(row, i++);
    q.school_uai = col_str(row, i++);
    q.school_commune = col_str(row, i++);
    q.school_priority = col_str(row, i++);
    q.contact_name = col_str(row, i++);
    q.email = col_str(row, i++);
    q.kind = col_str(row, i++);
    q.class_levels = domain::split_list(col_str(row, i++));
    q.girls = col_int(row, i++);
    q.boys = col_int(row, i++);
    q.needed = col_int(row, i++);
    q.domains = domain::split_list(col_str(row, i++));
    q.jobs = col_str(row, i++);
    q.shortage_reason = col_str(row, i++);
    q.shortage_since = col_ll(row, i++);
    q.created_at = col_ll(row, i++);
    q.updated_at = col_ll(row, i++);
    out.push_back({std::move(q), col_str(row, i++)});
  }
  for (auto& [q, dept] : out) {
    soci::rowset<soci::row> ds =
        (sql.prepare << "SELECT day FROM request_days WHERE request_id = :r ORDER BY day", use(q.id));
    for (const auto& d : ds) q.days.push_back(col_str(d, 0));
  }
  return out;
}

std::map<long long, int> places_taken(soci::session& sql, long long territory_id) {
  std::map<long long, int> taken;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT x.request_id, COUNT(*) FROM request_assignments x JOIN intervention_requests r ON r.id = "
                      "x.request_id WHERE r.territory_id = :t AND x.status IN ('invited', 'accepted', 'reported') "
                      "GROUP BY x.request_id",
       use(territory_id));
  for (const auto& r : rs) taken[col_ll(r, 0)] = col_int(r, 1);
  return taken;
}

std::string weights_detail(const m::Weights& w) {
  auto f = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  return "facteur routier " + f(w.road_factor) + ", km " + f(w.per_km) + ", hors domaine " + f(w.domain_mismatch) +
         ", charge " + f(w.load_step) + ", même établissement " + f(w.repeat_school) + ", jamais atteint " +
         f(w.never_reached_bonus) + ", éducation prioritaire " + f(w.priority_bonus);
}

}  // namespace

// ---- weights --------------------------------------------------------------------------------------------------

m::Weights matching_weights(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) { return weights_in(sql, territory_id); });
}

WriteResult save_matching_weights(Store& s, long long territory_id, const m::Weights& w, const Author& by) {
  domain::Errors e;
  if (!std::isfinite(w.road_factor) || w.road_factor < 1 || w.road_factor > 3)
    e["road_factor"] = "Le facteur routier doit être un nombre compris entre 1 et 3 (par exemple 1,3).";
  const std::pair<const char*, double> others[] = {{"per_km", w.per_km},
                                                   {"domain_mismatch", w.domain_mismatch},
                                                   {"load_step", w.load_step},
                                                   {"repeat_school", w.repeat_school},
                                                   {"never_reached_bonus", w.never_reached_bonus},
                                                   {"priority_bonus", w.priority_bonus}};
  for (const auto& [field, v] : others)
    if (!std::isfinite(v) || v < 0 || v > 100000) e[field] = "Indiquez un nombre compris entre 0 et 100 000.";
  if (!e.empty()) return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM territories WHERE id = :t", use(territory_id), into(n);
    if (n == 0) return failed(WriteResult::Status::not_found);
    long long now = now_unix();
    soci::indicator author_i = null_if_zero(by.user_id);
    sql << "DELETE FROM matching_weights WHERE territory_id = :t", use(territory_id);
    sql << "INSERT INTO matching_weights (territory_id, per_km, domain_mismatch, load_step, repeat_school, "
           "never_reached_bonus, priority_bonus, updated_by, updated_at) VALUES (:t, :a, :b, :c, :d, :e, :f, :u, :n)",
        use(territory_id), use(w.per_km), use(w.domain_mismatch), use(w.load_step), use(w.repeat_school),
        use(w.never_reached_bonus), use(w.priority_bonus), use(by.user_id, author_i), use(now);
    sql << "UPDATE territories SET road_factor = :f WHERE id = :t", use(w.road_factor), use(territory_id);
    audit(sql, territory_id, by.user_id, by.label, "update", "matching_weights", territory_id, weights_detail(w));
    return done(territory_id);
  });
}

// ---- instance and runs ----------------------------------------------------------------------------------------

TerritoryInstance matching_instance(Store& s, long long territory_id, std::string_view today) {
  return s.read([&](soci::session& sql) { return build(sql, territory_id, today).t; });
}

MatchingRun run_matching(Store& s, long long territory_id, std::string_view today, const Author& by) {
  Built b = s.read([&](soci::session& sql) { return build(sql, territory_id, today); });
  MatchingRun run;
  auto started = std::chrono::steady_clock::now();
  m::Result result = m::solve(b.t.instance);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.proposals = static_cast<int>(result.assignments.size());
  run.total_cost = result.total_cost;
  for (const auto& u : result.unfilled) run.unfilled_places += u.places;

  std::map<std::string, const m::Request*> req_by_id;
  std::map<std::string, const m::Ambassador*> amb_by_id;
  for (const auto& r : b.t.instance.requests) req_by_id[r.id] = &r;
  for (const auto& a : b.t.instance.ambassadors) amb_by_id[a.id] = &a;
  std::map<std::string, std::string> unfilled_reason;
  for (const auto& u : result.unfilled) unfilled_reason[u.request] = u.reason;

  s.write([&](soci::session& sql) {
    long long now = now_unix();
    soci::indicator author_i = null_if_zero(by.user_id);
    sql << "DELETE FROM request_assignments WHERE status = 'proposed' AND request_id IN (SELECT id FROM "
           "intervention_requests WHERE territory_id = :t)",
        use(territory_id);
    for (const auto& x : result.assignments) {
      const m::Request& r = *req_by_id.at(x.request);
      const m::Ambassador& a = *amb_by_id.at(x.ambassador);
      long long request_id = b.t.request_ids.at(x.request), ambassador_id = b.t.ambassador_ids.at(x.ambassador);
      std::string why = why_of(b, r, a), token = http::random_token(24);
      double km = road_km(r, a, b.t.instance.weights);
      sql << "INSERT INTO request_assignments (request_id, ambassador_id, day, status, cost, distance_km, why, "
             "response_token, created_by, created_at, updated_at) VALUES (:r, :a, :d, 'proposed', :c, :k, :w, :tok, "
             ":u, :n, :n2)",
          use(request_id), use(ambassador_id), use(x.date), use(x.cost), use(km), use(why), use(token),
          use(by.user_id, author_i), use(now), use(now);
    }
    auto set_reason = [&](long long id, const std::string& reason) {
      if (reason.empty())
        sql << "UPDATE intervention_requests SET shortage_reason = '', shortage_since = 0 WHERE id = :id", use(id);
      else
        sql << "UPDATE intervention_requests SET shortage_reason = :r, shortage_since = CASE WHEN shortage_since = 0 "
               "THEN :n ELSE shortage_since END WHERE id = :id",
            use(reason), use(now), use(id);
    };
    for (const auto& [rid, id] : b.t.request_ids) {
      auto it = unfilled_reason.find(rid);
      set_reason(id, it == unfilled_reason.end() ? "" : it->second);
    }
    for (const auto& [id, reason] : b.skipped) set_reason(id, reason);
    audit(sql, territory_id, by.user_id, by.label, "match", "matching", territory_id,
          std::to_string(run.proposals) + " propositions, " + std::to_string(run.unfilled_places) +
              " places non pourvues");
  });
  return run;
}

std::vector<Proposal> proposals_of(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<Proposal> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT x.id, x.request_id, COALESCE(s.name, ''), COALESCE(s.commune_name, ''), r.kind, "
                        "x.ambassador_id, a.first_name, a.last_name, a.job_title, x.day, x.status, x.why, x.cost, "
                        "x.distance_km FROM request_assignments x JOIN intervention_requests r ON r.id = x.request_id "
                        "LEFT JOIN schools s ON s.id = r.school_id JOIN ambassadors a ON a.id = x.ambassador_id WHERE "
                        "r.territory_id = :t AND x.status = 'proposed' ORDER BY x.request_id, x.cost, x.id",
         use(territory_id));
    for (const auto& row : rs) {
      Proposal p;
      int i = 0;
      p.id = col_ll(row, i++);
      p.request_id = col_ll(row, i++);
      p.school_name = col_str(row, i++);
      p.school_commune = col_str(row, i++);
      p.request_kind = col_str(row, i++);
      p.ambassador_id = col_ll(row, i++);
      std::string first = col_str(row, i++), last = col_str(row, i++);
      p.ambassador_name = first + (last.empty() ? "" : " " + last);
      p.ambassador_job = col_str(row, i++);
      p.day = col_str(row, i++);
      p.status = col_str(row, i++);
      p.why = col_str(row, i++);
      p.cost = col_ll(row, i++);
      p.distance_km = col_dbl(row, i++);
      out.push_back(std::move(p));
    }
    return out;
  });
}

std::vector<Proposal> candidates_for(Store& s, long long territory_id, long long request_id, std::string_view today) {
  return s.read([&](soci::session& sql) {
    Built b = build(sql, territory_id, today);
    return candidates_in(sql, b, territory_id, request_id);
  });
}

WriteResult replace_proposal(Store& s, long long territory_id, long long assignment_id, long long ambassador_id,
                             const std::string& day, std::string_view today, const Author& by) {
  return s.write([&](soci::session& sql) {
    soci::row row;
    sql << "SELECT x.request_id FROM request_assignments x JOIN intervention_requests r ON r.id = x.request_id WHERE "
           "x.id = :id AND r.territory_id = :t AND x.status = 'proposed'" +
               for_update(sql, "x"),
        use(assignment_id), use(territory_id), into(row);
    if (!sql.got_data()) return failed(WriteResult::Status::not_found);
    long long request_id = col_ll(row, 0);
    Built b = build(sql, territory_id, today);
    auto candidates = candidates_in(sql, b, territory_id, request_id);
    auto it = std::find_if(candidates.begin(), candidates.end(), [&](const Proposal& p) {
      return p.ambassador_id == ambassador_id && (day.empty() || p.day == day);
    });
    if (it == candidates.end())
      return failed(WriteResult::Status::invalid,
                    {{"ambassador_id",
                      "Cette ambassadrice ne peut pas être proposée pour cette demande ce jour-là : "
                      "choisissez-en une dans la liste."}});
    long long now = now_unix();
    sql << "UPDATE request_assignments SET ambassador_id = :a, day = :d, cost = :c, distance_km = :k, why = :w, "
           "updated_at = :n WHERE id = :id",
        use(ambassador_id), use(it->day), use(it->cost), use(it->distance_km), use(it->why), use(now),
        use(assignment_id);
    audit(sql, territory_id, by.user_id, by.label, "replace", "assignment", assignment_id,
          it->ambassador_name + ", " + it->day);
    return done(assignment_id);
  });
}

WriteResult discard_proposal(Store& s, long long territory_id, long long assignment_id, const Author& by) {
  return s.write([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM request_assignments x JOIN intervention_requests r ON r.id = x.request_id WHERE x.id "
           "= :id AND r.territory_id = :t AND x.status = 'proposed'",
        use(assignment_id), use(territory_id), into(n);
    if (n == 0) return failed(WriteResult::Status::not_found);
    sql << "DELETE FROM request_assignments WHERE id = :id", use(assignment_id);
    audit(sql, territory_id, by.user_id, by.label, "discard", "assignment", assignment_id, "");
    return done(assignment_id);
  });
}

std::vector<long long> accept_proposals(Store& s, long long territory_id, const std::vector<long long>& ids,
                                        const Author& by) {
  return s.write([&](soci::session& sql) {
    std::set<long long> wanted(ids.begin(), ids.end());
    struct Row {
      long long id, request, ambassador;
      std::string day;
      int needed;
    };
    std::vector<Row> rows;
    {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT x.id, x.request_id, x.ambassador_id, x.day, r.needed FROM request_assignments x JOIN "
                          "intervention_requests r ON r.id = x.request_id WHERE r.territory_id = :t AND x.status = "
                          "'proposed' AND r.status = 'open' ORDER BY x.request_id, x.cost, x.id",
           use(territory_id));
      for (const auto& r : rs)
        if (wanted.empty() || wanted.count(col_ll(r, 0)))
          rows.push_back({col_ll(r, 0), col_ll(r, 1), col_ll(r, 2), col_str(r, 3), col_int(r, 4)});
    }
    std::map<long long, int> taken = places_taken(sql, territory_id);
    std::set<std::pair<long long, std::string>> held;  // (ambassador, day) invited or accepted
    {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT x.ambassador_id, x.day FROM request_assignments x JOIN ambassadors a ON a.id = "
                          "x.ambassador_id WHERE a.territory_id = :t AND x.status IN ('invited', 'accepted')",
           use(territory_id));
      for (const auto& r : rs) held.insert({col_ll(r, 0), col_str(r, 1)});
    }
    long long now = now_unix();
    soci::indicator author_i = null_if_zero(by.user_id);
    std::vector<long long> invited;
    for (const auto& r : rows) {
      if (taken[r.request] >= r.needed || held.count({r.ambassador, r.day})) continue;
      sql << "UPDATE request_assignments SET status = 'invited', invited_at = :n, created_by = :u, updated_at = :n2 "
             "WHERE id = :id AND status = 'proposed'",
          use(now), use(by.user_id, author_i), use(now), use(r.id);
      ++taken[r.request];
      held.insert({r.ambassador, r.day});
      invited.push_back(r.id);
    }
    if (!invited.empty())
      audit(sql, territory_id, by.user_id, by.label, "accept", "matching", territory_id,
            std::to_string(invited.size()) + " propositions acceptées");
    return invited;
  });
}

// ---- shortages ------------------------------------------------------------------------------------------------

std::vector<Shortage> shortages(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<Shortage> out;
    auto requests = requests_where(sql, territory_id,
                                   "AND r.status = 'open' AND r.confirmed_at > 0 AND r.shortage_reason <> '' "
                                   "ORDER BY r.shortage_since, r.id");
    auto taken = places_taken(sql, territory_id);
    for (auto& [q, dept] : requests) {
      int left = q.needed - taken[q.id];
      if (left <= 0) continue;
      out.push_back({std::move(q), left});
    }
    return out;
  });
}

std::vector<RecruitmentNeed> recruitment_needs(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    auto requests = requests_where(sql, territory_id,
                                   "AND r.status = 'open' AND r.confirmed_at > 0 AND r.shortage_reason <> '' "
                                   "ORDER BY r.id");
    auto taken = places_taken(sql, territory_id);
    std::map<std::pair<std::string, std::string>, RecruitmentNeed> needs;
    for (const auto& [q, dept] : requests) {
      int left = q.needed - taken[q.id];
      if (left <= 0) continue;
      std::vector<std::string> domains = q.domains.empty() ? std::vector<std::string>{""} : q.domains;
      for (const auto& d : domains) {
        auto& n = needs[{dept, d}];
        n.department = dept;
        n.domain = d;
        ++n.requests;
        n.places += left;
      }
    }
    // Active ambassadors by (département, domain).
    std::map<std::pair<std::string, std::string>, int> there;
    std::map<std::string, int> there_any;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT c.department, a.domain FROM ambassadors a JOIN communes c ON c.insee = "
                        "a.home_commune_insee WHERE a.territory_id = :t AND a.status = 'active'",
         use(territory_id));
    for (const auto& r : rs) {
      std::string dept = three_char_department(col_str(r, 0));
      ++there[{dept, col_str(r, 1)}];
      ++there_any[dept];
    }
    std::vector<RecruitmentNeed> out;
    for (auto& [key, n] : needs) {
      n.ambassadors_there = n.domain.empty() ? there_any[n.department] : there[key];
      out.push_back(n);
    }
    std::stable_sort(out.begin(), out.end(), [](const RecruitmentNeed& x, const RecruitmentNeed& y) {
      return std::tie(y.places, y.requests) < std::tie(x.places, x.requests);
    });
    return out;
  });
}

}  // namespace passerelles::store
