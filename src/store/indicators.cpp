// Indicators: the counted figures read from the aggregates, or computed from the actions themselves (the reference
// the aggregates are checked against); both are assembled into the same Indicators by one function.
#include "store/indicators.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "domain/account.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/bound.hpp"
#include "store/row.hpp"

namespace passerelles::store {

using soci::into;
using soci::use;

std::optional<double> Totals::girls_share() const {
  long long pupils = audience[0] + audience[1];
  if (pupils <= 0) return std::nullopt;
  return static_cast<double>(audience[0]) / static_cast<double>(pupils);
}

Totals& Totals::operator+=(const Totals& o) {
  actions += o.actions;
  minutes += o.minutes;
  people += o.people;
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i) audience[i] += o.audience[i];
  return *this;
}

std::optional<double> Indicators::schools_share() const {
  if (territory_schools <= 0) return std::nullopt;
  return static_cast<double>(schools_reached) / static_cast<double>(territory_schools);
}

namespace {

// Periods are clamped to these months: action days are validated from 2000 to a year ahead, targets' years from
// 2000 to 2100, so the clamp never changes a figure and keeps by_month bounded.
constexpr const char* kFirstMonth = "2000-01";
constexpr const char* kLastMonth = "2100-12";

const char* kCategories = "girls, boys, women_reconversion, teachers, prescribers, employees, parents";

std::string month_text(int year, int month) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string next_month(const std::string& m) {
  int year = std::stoi(m.substr(0, 4)), month = std::stoi(m.substr(5, 2)) + 1;
  if (month > 12) {
    month = 1;
    ++year;
  }
  return month_text(year, month);
}

// Today's year and month (UTC).
std::pair<int, int> this_month() {
  std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return {static_cast<int>(today.year()), static_cast<int>(static_cast<unsigned>(today.month()))};
}

// The filter with values that cannot match anything meaningful dropped (an unknown audience or level group, a
// month that is not 'YYYY-MM'), so that both computations read the same request.
IndicatorFilter cleaned(const IndicatorFilter& in) {
  IndicatorFilter f = in;
  if (!domain::is_iso_month(f.from_month)) f.from_month.clear();
  if (!domain::is_iso_month(f.to_month)) f.to_month.clear();
  if (domain::audience_label(f.audience).empty()) f.audience.clear();
  if (std::none_of(domain::level_groups().begin(), domain::level_groups().end(),
                   [&](const domain::Choice& c) { return c.code == f.level_group; }))
    f.level_group.clear();
  if (f.territory_id < 0) f.territory_id = 0;
  return f;
}

// The effective period (docs/counting.md): both ends empty = the current school year (September to August,
// UTC); no start = from the first month with a counted action (`earliest`, "" when none); no end = this month.
std::pair<std::string, std::string> period_of(const IndicatorFilter& f, const std::string& earliest) {
  auto [year, month] = this_month();
  std::string from = f.from_month, to = f.to_month, now = month_text(year, month);
  if (from.empty() && to.empty()) {
    int start = month >= 9 ? year : year - 1;
    from = month_text(start, 9);
    to = month_text(start + 1, 8);
  } else if (from.empty()) {
    from = !earliest.empty() && earliest < to ? earliest : to;
  } else if (to.empty()) {
    to = std::max(from, now);
  }
  if (from > to) std::swap(from, to);
  auto clamp = [](const std::string& m) {
    return std::min(std::max(m, std::string(kFirstMonth)), std::string(kLastMonth));
  };
  return {clamp(from), clamp(to)};
}

// Sums of counted values gathered by either computation, before labels and the audience filter.
struct Raw {
  std::string from, to;
  Totals total;
  std::map<std::string, Totals> months, kinds, departments;
  std::map<long long, Totals> initiatives, territories, organisations;
  long long schools_reached = 0;
  std::vector<ReachedSchool> schools;
};

// Reads actions, minutes and the seven categories from columns first, first+1, first+2…
Totals totals_at(const soci::row& r, std::size_t first) {
  Totals t;
  t.actions = col_ll(r, first);
  t.minutes = col_ll(r, first + 1);
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i) t.audience[i] = col_ll(r, first + 2 + i);
  return t;
}

// "CAST(SUM(actions) AS BIGINT), …" for each of `columns` (the SUM of a BIGINT is NUMERIC on PostgreSQL).
std::string summed(const std::string& columns = std::string("actions, minutes, ") + kCategories) {
  std::string out;
  for (const auto& c : domain::split_list(columns))
    out += (out.empty() ? "" : ", ") + ("CAST(SUM(" + c + ") AS BIGINT)");
  return out;
}

ReachedSchool school_at(const soci::row& r) {
  ReachedSchool s;
  s.id = col_ll(r, 0);
  s.uai = col_str(r, 1);
  s.name = col_str(r, 2);
  s.commune = col_str(r, 3);
  s.department = col_str(r, 4);
  s.priority_education = col_str(r, 5);
  s.lat = col_opt_dbl(r, 6);
  s.lon = col_opt_dbl(r, 7);
  s.actions = col_ll(r, 8);
  return s;
}

const char* kSchoolColumns = "s.id, s.uai, s.name, s.commune_name, s.department, s.priority_education, s.lat, s.lon";

std::vector<std::string> departments_of(soci::session& sql, long long territory_id) {
  std::set<std::string> deps;
  std::string text;
  soci::statement st =
      territory_id ? (sql.prepare << "SELECT departments FROM territories WHERE id = :t", use(territory_id), into(text))
                   : (sql.prepare << "SELECT departments FROM territories", into(text));
  st.execute();
  while (st.fetch())
    for (const auto& d : domain::split_list(text)) deps.insert(domain::department_code3(d));
  return {deps.begin(), deps.end()};
}

long long schools_in(soci::session& sql, const std::vector<std::string>& departments) {
  if (departments.empty()) return 0;
  Binds b;
  std::string in;
  for (const auto& d : departments) in += (in.empty() ? "" : ", ") + b.add(d);
  long long n = 0;
  b.each_row(sql, "SELECT COUNT(*) FROM schools WHERE department IN (" + in + ")",
             [&](const soci::row& r) { n = col_ll(r, 0); });
  return n;
}

Row row_of(std::string key, std::string label, Totals t) {
  return Row{std::move(key), std::move(label), t};
}

// Labels, the audience filter, empty months, targets and the directory's school count: the same for both
// computations.
Indicators assemble(soci::session& sql, const IndicatorFilter& f, Raw raw) {
  Indicators out;
  out.filter = f;
  out.from_month = raw.from;
  out.to_month = raw.to;
  std::size_t only = domain::kAudienceCount;  // the audience filter's category, or none
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i)
    if (domain::audience_categories()[i].code == f.audience) only = i;
  auto counted = [&](Totals t) {
    t.people = only < domain::kAudienceCount ? t.audience[only] : t.audience.total();
    return t;
  };
  out.total = counted(raw.total);
  out.schools_reached = raw.schools_reached;
  out.territory_schools = schools_in(sql, departments_of(sql, f.territory_id));
  for (std::string m = raw.from; m <= raw.to; m = next_month(m)) {
    auto it = raw.months.find(m);
    out.by_month.push_back(row_of(m, m, counted(it == raw.months.end() ? Totals{} : it->second)));
  }
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i) {
    const auto& c = domain::audience_categories()[i];
    Totals t;
    t.audience[i] = raw.total.audience[i];
    out.by_audience.push_back(row_of(std::string(c.code), std::string(c.label), counted(t)));
  }
  // Actions whose département is unknown (no school, no commune) are left out of this breakdown only.
  for (const auto& [code, t] : raw.departments)
    if (!code.empty()) out.by_department.push_back(row_of(code, code, counted(t)));
  if (f.territory_id == 0) {
    soci::rowset<soci::row> rs = sql.prepare << "SELECT id, slug, name FROM territories ORDER BY name, id";
    for (const auto& r : rs) {
      auto it = raw.territories.find(col_ll(r, 0));
      out.by_territory.push_back(
          row_of(col_str(r, 1), col_str(r, 2), counted(it == raw.territories.end() ? Totals{} : it->second)));
    }
    return out;
  }
  // Territory view.
  for (const auto& k : domain::action_kinds())
    if (auto it = raw.kinds.find(std::string(k.code)); it != raw.kinds.end())
      out.by_kind.push_back(row_of(std::string(k.code), std::string(k.label), counted(it->second)));
  {
    long long tid = f.territory_id;
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, name FROM initiatives WHERE territory_id = :t ORDER BY "
                                                 "position, name, id",
                                  use(tid));
    for (const auto& r : rs) {
      long long id = col_ll(r, 0);
      if (f.initiative_id && id != f.initiative_id) continue;
      auto it = raw.initiatives.find(id);
      out.by_initiative.push_back(
          row_of(std::to_string(id), col_str(r, 1), counted(it == raw.initiatives.end() ? Totals{} : it->second)));
    }
    if (auto it = raw.initiatives.find(0); it != raw.initiatives.end() && f.initiative_id == 0)
      out.by_initiative.push_back(row_of("0", "Sans initiative", counted(it->second)));
  }
  {
    std::map<long long, std::string> names;
    long long tid = f.territory_id;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT id, name FROM organisations WHERE territory_id = :t", use(tid));
    for (const auto& r : rs) names[col_ll(r, 0)] = col_str(r, 1);
    std::vector<std::pair<std::string, Row>> rows;
    for (const auto& [id, t] : raw.organisations) {
      std::string name = names.count(id) ? names[id] : std::to_string(id);
      rows.emplace_back(domain::fold(name), row_of(std::to_string(id), name, counted(t)));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first, a.second.key) < std::tie(b.first, b.second.key);
    });
    for (auto& [folded, row] : rows) out.by_organisation.push_back(std::move(row));
  }
  {
    // Targets: the yearly targets of every calendar year overlapping the period, of the territory's initiatives
    // (or of the filtered one).
    Binds b;
    std::string q =
        "SELECT it.indicator, CAST(SUM(it.target) AS BIGINT) FROM initiative_targets it JOIN initiatives "
        "i ON i.id = it.initiative_id WHERE i.territory_id = " +
        b.add(f.territory_id) + " AND it.year >= " + b.add(std::stoll(raw.from.substr(0, 4))) +
        " AND it.year <= " + b.add(std::stoll(raw.to.substr(0, 4)));
    if (f.initiative_id) q += " AND i.id = " + b.add(f.initiative_id);
    std::map<std::string, long long> targets;
    b.each_row(sql, q + " GROUP BY it.indicator", [&](const soci::row& r) { targets[col_str(r, 0)] = col_ll(r, 1); });
    static const std::vector<std::pair<std::string, std::string>> kIndicators = {
        {"people_reached", "Personnes sensibilisées"},
        {"girls", "Filles sensibilisées"},
        {"actions", "Actions"},
        {"schools_reached", "Établissements touchés"}};
    for (const auto& [code, label] : kIndicators) {
      auto it = targets.find(code);
      if (it == targets.end()) continue;
      long long actual = code == "people_reached" ? raw.total.audience.total()
                         : code == "girls"        ? raw.total.audience[0]
                         : code == "actions"      ? raw.total.actions
                                                  : raw.schools_reached;
      out.targets.push_back({code, label, it->second, actual});
    }
  }
  out.schools = std::move(raw.schools);
  return out;
}

// ---- from the aggregates ----------------------------------------------------------------------------------------

// " AND kind = … AND initiative_id = …" for the filters the aggregates carry.
std::string agg_filters(const IndicatorFilter& f, Binds& b, const std::string& prefix = "") {
  std::string w;
  if (!f.kind.empty()) w += " AND " + prefix + "kind = " + b.add(f.kind);
  if (f.initiative_id) w += " AND " + prefix + "initiative_id = " + b.add(f.initiative_id);
  return w;
}

std::string earliest_counted_month(soci::session& sql, long long territory_id, bool from_actions) {
  std::string m;
  soci::indicator ind = soci::i_null;
  if (from_actions) {
    if (territory_id)
      sql << "SELECT MIN(month) FROM actions WHERE status = 'validated' AND territory_id = :t", use(territory_id),
          into(m, ind);
    else
      sql << "SELECT MIN(month) FROM actions WHERE status = 'validated'", into(m, ind);
  } else {
    if (territory_id)
      sql << "SELECT MIN(month) FROM action_agg_month WHERE territory_id = :t", use(territory_id), into(m, ind);
    else
      sql << "SELECT MIN(month) FROM action_agg_month", into(m, ind);
  }
  return ind == soci::i_ok ? m : std::string();
}

Raw raw_from_aggregates(soci::session& sql, const IndicatorFilter& f) {
  Raw raw;
  std::tie(raw.from, raw.to) =
      period_of(f, f.from_month.empty() ? earliest_counted_month(sql, f.territory_id, false) : std::string());
  bool filtered = !f.kind.empty() || f.initiative_id;
  if (f.territory_id == 0) {
    // The federation: summed by territory, by month and by département in SQL (three grouped scans of
    // action_agg_month, or of action_agg with a kind or initiative filter), so that only a few hundred rows reach
    // C++ whatever the period; reading the 72,000 rows of ten years one by one took 200 ms at 5 million actions.
    const char* table = filtered ? "action_agg" : "action_agg_month";
    for (const char* key : {"territory_id", "month", "department"}) {
      Binds b;
      std::string where = "month >= " + b.add(raw.from) + " AND month <= " + b.add(raw.to) + agg_filters(f, b);
      b.each_row(
          sql,
          std::string("SELECT ") + key + ", " + summed() + " FROM " + table + " WHERE " + where + " GROUP BY " + key,
          [&](const soci::row& r) {
            Totals t = totals_at(r, 1);
            if (std::string(key) == "territory_id") {
              raw.total += t;
              raw.territories[col_ll(r, 0)] += t;
            } else if (std::string(key) == "month") {
              raw.months[col_str(r, 0)] += t;
            } else {
              raw.departments[col_str(r, 0)] += t;
            }
          });
    }
    // Distinct schools: one index probe (school_reach_school_month) per school of the directory, so the cost
    // follows the number of schools, not the length of the history or of the period (COUNT(DISTINCT) over the
    // period's rows took 1.5 s for ten years at 5 million actions).
    Binds bs;
    std::string in_period =
        "r.month >= " + bs.add(raw.from) + " AND r.month <= " + bs.add(raw.to) + agg_filters(f, bs, "r.");
    bs.each_row(sql,
                "SELECT COUNT(*) FROM schools s WHERE EXISTS (SELECT 1 FROM school_reach r WHERE r.school_id = s.id "
                "AND " +
                    in_period + ")",
                [&](const soci::row& r) { raw.schools_reached = col_ll(r, 0); });
    return raw;
  }
  Binds b;
  std::string where = "territory_id = " + b.add(f.territory_id) + " AND month >= " + b.add(raw.from) +
                      " AND month <= " + b.add(raw.to) + agg_filters(f, b);
  // One grouped scan per breakdown (the rows of a territory's ten years stay in the database engine).
  for (const char* key : {"month", "kind", "department", "initiative_id"}) {
    b.each_row(sql,
               std::string("SELECT ") + key + ", " + summed() + " FROM action_agg WHERE " + where + " GROUP BY " + key,
               [&](const soci::row& r) {
                 Totals t = totals_at(r, 1);
                 std::string k(key);
                 if (k == "month") {
                   raw.total += t;
                   raw.months[col_str(r, 0)] += t;
                 } else if (k == "kind") {
                   raw.kinds[col_str(r, 0)] += t;
                 } else if (k == "department") {
                   raw.departments[col_str(r, 0)] += t;
                 } else {
                   raw.initiatives[col_ll(r, 0)] += t;
                 }
               });
  }
  b.each_row(
      sql, "SELECT organisation_id, " + summed() + " FROM action_agg_org WHERE " + where + " GROUP BY organisation_id",
      [&](const soci::row& r) { raw.organisations[col_ll(r, 0)] += totals_at(r, 1); });
  b.each_row(sql,
             std::string("SELECT ") + kSchoolColumns +
                 ", r.n FROM (SELECT school_id, CAST(SUM(actions) AS BIGINT) AS n FROM school_reach WHERE " + where +
                 " GROUP BY school_id) r JOIN schools s ON s.id = r.school_id ORDER BY s.name, s.id",
             [&](const soci::row& r) { raw.schools.push_back(school_at(r)); });
  raw.schools_reached = static_cast<long long>(raw.schools.size());
  return raw;
}

// ---- from the actions (the reference) ----------------------------------------------------------------------------

// The counted value of one category: a follow-up session of a group (same_group_as set) adds no people.
std::string counted_categories() {
  std::string out;
  for (const auto& c : domain::split_list(kCategories))
    out += ", CAST(SUM(CASE WHEN a.same_group_as IS NULL THEN a." + c + " ELSE 0 END) AS BIGINT)";
  return out;
}

Raw raw_from_actions(soci::session& sql, const IndicatorFilter& f) {
  Raw raw;
  std::tie(raw.from, raw.to) =
      period_of(f, f.from_month.empty() ? earliest_counted_month(sql, f.territory_id, true) : std::string());
  Binds b;
  std::string where = "a.status = 'validated' AND a.month >= " + b.add(raw.from) + " AND a.month <= " + b.add(raw.to);
  if (f.territory_id) where += " AND a.territory_id = " + b.add(f.territory_id);
  if (!f.kind.empty()) where += " AND a.kind = " + b.add(f.kind);
  if (f.initiative_id) where += " AND a.initiative_id = " + b.add(f.initiative_id);
  if (!f.level_group.empty()) {
    std::string levels;
    for (const auto& l : domain::class_levels())
      if (domain::level_group_of(l.code) == f.level_group)
        levels += (levels.empty() ? "" : ", ") + b.add(std::string(l.code));
    where += " AND EXISTS (SELECT 1 FROM action_classes c WHERE c.action_id = a.id AND c.level IN (" + levels + "))";
  }
  if (f.priority_only)
    where +=
        " AND EXISTS (SELECT 1 FROM action_schools x JOIN schools s ON s.id = x.school_id WHERE x.action_id = "
        "a.id AND s.priority_education IN ('REP', 'REP+'))";
  std::string values = "COUNT(*), CAST(SUM(a.duration_minutes) AS BIGINT)" + counted_categories();
  b.each_row(sql, "SELECT " + values + " FROM actions a WHERE " + where,
             [&](const soci::row& r) { raw.total = totals_at(r, 0); });
  auto by = [&](const std::string& expr, auto&& put) {
    b.each_row(sql, "SELECT " + expr + ", " + values + " FROM actions a WHERE " + where + " GROUP BY " + expr,
               [&](const soci::row& r) { put(r, totals_at(r, 1)); });
  };
  by("a.month", [&](const soci::row& r, const Totals& t) { raw.months[col_str(r, 0)] = t; });
  b.each_row(
      sql,
      "SELECT COUNT(DISTINCT x.school_id) FROM actions a JOIN action_schools x ON x.action_id = a.id WHERE " + where,
      [&](const soci::row& r) { raw.schools_reached = col_ll(r, 0); });
  by("a.department", [&](const soci::row& r, const Totals& t) { raw.departments[col_str(r, 0)] = t; });
  if (f.territory_id == 0) {
    by("a.territory_id", [&](const soci::row& r, const Totals& t) { raw.territories[col_ll(r, 0)] = t; });
    return raw;
  }
  by("a.kind", [&](const soci::row& r, const Totals& t) { raw.kinds[col_str(r, 0)] = t; });
  by("COALESCE(a.initiative_id, 0)", [&](const soci::row& r, const Totals& t) { raw.initiatives[col_ll(r, 0)] = t; });
  b.each_row(sql,
             "SELECT o.organisation_id, " + values +
                 " FROM actions a JOIN action_organisations o ON o.action_id = a.id WHERE " + where +
                 " GROUP BY o.organisation_id",
             [&](const soci::row& r) { raw.organisations[col_ll(r, 0)] = totals_at(r, 1); });
  b.each_row(sql,
             std::string("SELECT ") + kSchoolColumns +
                 ", COUNT(*) FROM actions a JOIN action_schools x ON x.action_id = a.id JOIN schools s ON s.id = "
                 "x.school_id WHERE " +
                 where + " GROUP BY " + kSchoolColumns + " ORDER BY s.name, s.id",
             [&](const soci::row& r) { raw.schools.push_back(school_at(r)); });
  return raw;
}

}  // namespace

Indicators indicators(Store& s, const IndicatorFilter& in) {
  IndicatorFilter f = cleaned(in);
  // Class levels and priority education are not in the aggregates: such views read the actions.
  if (f.needs_actions_scan()) return indicators_from_actions(s, in);
  return s.read([&](soci::session& sql) { return assemble(sql, f, raw_from_aggregates(sql, f)); });
}

Indicators indicators_from_actions(Store& s, const IndicatorFilter& in) {
  IndicatorFilter f = cleaned(in);
  return s.read([&](soci::session& sql) { return assemble(sql, f, raw_from_actions(sql, f)); });
}

// ---- maintenance ------------------------------------------------------------------------------------------------

void rebuild_aggregates(Store& s, long long territory_id) {
  s.write([&](soci::session& sql) {
    bool pg = sql.get_backend_name() == "postgresql";
    // Concurrent writers (PostgreSQL) wait until the rebuilt rows are committed, then apply their change on top:
    // none is lost or counted twice. Readers are not blocked.
    if (pg) sql << "LOCK TABLE action_agg, action_agg_month, school_reach, action_agg_org IN EXCLUSIVE MODE";
    for (const char* table : {"action_agg", "action_agg_month", "school_reach", "action_agg_org"}) {
      if (territory_id)
        sql << std::string("DELETE FROM ") + table + " WHERE territory_id = :t", use(territory_id);
      else
        sql << std::string(pg ? "TRUNCATE " : "DELETE FROM ") + table;
    }
    std::string only = territory_id ? " AND a.territory_id = :t" : "";
    // Every territory: a plain scan of the table (SQLite would otherwise walk an index and fetch each row).
    std::string actions = territory_id || pg ? "actions a" : "actions a NOT INDEXED";
    std::string people =
        "CAST(SUM(CASE WHEN a.same_group_as IS NULL THEN a.girls + a.boys + a.women_reconversion + "
        "a.teachers + a.prescribers + a.employees + a.parents ELSE 0 END) AS BIGINT)";
    std::string values = "COUNT(*), CAST(SUM(a.duration_minutes) AS BIGINT), " + people + counted_categories();
    std::string value_columns = "actions, minutes, people, " + std::string(kCategories);
    auto run = [&](const std::string& q) {
      if (territory_id)
        sql << q, use(territory_id);
      else
        sql << q;
    };
    run("INSERT INTO action_agg (territory_id, month, department, initiative_id, kind, " + value_columns +
        ") SELECT a.territory_id, a.month, a.department, COALESCE(a.initiative_id, 0), a.kind, " + values + " FROM " +
        actions + " WHERE a.status = 'validated'" + only +
        " GROUP BY a.territory_id, a.month, a.department, COALESCE(a.initiative_id, 0), a.kind");
    run("INSERT INTO action_agg_month (territory_id, month, department, " + value_columns +
        ") SELECT territory_id, month, department, " + summed(value_columns) + " FROM action_agg" +
        (territory_id ? " WHERE territory_id = :t" : "") + " GROUP BY territory_id, month, department");
    run("INSERT INTO school_reach (territory_id, month, school_id, kind, initiative_id, actions) SELECT "
        "a.territory_id, a.month, x.school_id, a.kind, COALESCE(a.initiative_id, 0), COUNT(*) FROM " +
        actions + " JOIN action_schools x ON x.action_id = a.id WHERE a.status = 'validated'" + only +
        " GROUP BY a.territory_id, a.month, x.school_id, a.kind, COALESCE(a.initiative_id, 0)");
    run("INSERT INTO action_agg_org (territory_id, month, organisation_id, kind, initiative_id, " + value_columns +
        ") SELECT a.territory_id, a.month, x.organisation_id, a.kind, COALESCE(a.initiative_id, 0), " + values +
        " FROM " + actions + " JOIN action_organisations x ON x.action_id = a.id WHERE a.status = 'validated'" + only +
        " GROUP BY a.territory_id, a.month, x.organisation_id, a.kind, COALESCE(a.initiative_id, 0)");
  });
}

std::vector<std::string> aggregate_rows(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<std::string> out;
    std::string cats = kCategories;
    std::vector<std::pair<std::string, std::string>> tables = {
        {"action_agg", "territory_id, month, department, initiative_id, kind, actions, minutes, people, " + cats},
        {"action_agg_month", "territory_id, month, department, actions, minutes, people, " + cats},
        {"school_reach", "territory_id, month, school_id, kind, initiative_id, actions"},
        {"action_agg_org",
         "territory_id, month, organisation_id, kind, initiative_id, actions, minutes, people, " + cats}};
    for (const auto& [table, columns] : tables) {
      Binds b;
      std::string q = "SELECT " + columns + " FROM " + table;
      if (territory_id) q += " WHERE territory_id = " + b.add(territory_id);
      b.each_row(sql, q, [&](const soci::row& r) {
        std::string line = table;
        for (std::size_t i = 0; i < r.size(); ++i) line += "|" + col_str(r, i);
        out.push_back(std::move(line));
      });
    }
    std::sort(out.begin(), out.end());
    return out;
  });
}

}  // namespace passerelles::store
