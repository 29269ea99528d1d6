// SQL for actions: territory-confined reads and writes, each write keeping the aggregates right in the same
// transaction (the old contribution of every affected action is taken out, the new one put in).
#include "store/actions.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "domain/account.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/bound.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

// "1,2,3" from ids the program holds as numbers (never from text a user typed).
std::string id_list(const std::vector<long long>& ids) {
  std::string out;
  for (long long id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

template <class T>
void unique_in_order(std::vector<T>& v) {
  std::vector<T> out;
  for (const auto& x : v)
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  v = std::move(out);
}

// ---- aggregates -----------------------------------------------------------------------------------------------

// What one action adds to the aggregates (docs/counting.md): nothing unless validated; a follow-up session of a
// group (same_group_as set) adds its action, minutes and schools but no people.
struct Contribution {
  bool counted = false;
  long long territory_id = 0;
  std::string month, department, kind;
  long long initiative_id = 0;
  long long minutes = 0;
  domain::Audience audience;  // counted values
  std::vector<long long> schools, organisations;
};

// actions, minutes, people, then the seven audience categories.
using Values = std::array<long long, 3 + domain::kAudienceCount>;

Values values_of(const Contribution& c, int sign) {
  Values v{};
  v[0] = sign;
  v[1] = sign * c.minutes;
  v[2] = sign * c.audience.total();
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i) v[3 + i] = sign * c.audience[i];
  return v;
}

void add_to(Values& into_values, const Values& v) {
  for (std::size_t i = 0; i < v.size(); ++i) into_values[i] += v[i];
}

bool all_zero(const Values& v) {
  return std::all_of(v.begin(), v.end(), [](long long x) { return x == 0; });
}

// Differences to apply, keyed like the tables' primary keys; std::map keeps keys sorted, so concurrent writers on
// PostgreSQL lock aggregate rows in the same order.
struct Delta {
  std::map<std::tuple<long long, std::string, std::string, long long, std::string>, Values> agg;
  std::map<std::tuple<long long, std::string, std::string>, Values> month;
  std::map<std::tuple<long long, std::string, long long, std::string, long long>, long long> schools;
  std::map<std::tuple<long long, std::string, long long, std::string, long long>, Values> orgs;

  void add(const Contribution& c, int sign) {
    if (!c.counted) return;
    Values v = values_of(c, sign);
    add_to(agg[{c.territory_id, c.month, c.department, c.initiative_id, c.kind}], v);
    add_to(month[{c.territory_id, c.month, c.department}], v);
    for (long long s : c.schools) schools[{c.territory_id, c.month, s, c.kind, c.initiative_id}] += sign;
    for (long long o : c.organisations) add_to(orgs[{c.territory_id, c.month, o, c.kind, c.initiative_id}], v);
  }
};

const char* kValueColumns =
    "actions, minutes, people, girls, boys, women_reconversion, teachers, prescribers, employees, parents";

std::string increments(const std::string& table) {
  std::string out;
  for (const auto& col : domain::split_list(kValueColumns))
    out += (out.empty() ? "" : ", ") + col + " = " + table + "." + col + " + excluded." + col;
  return out;
}

// Pure upserts with increments (concurrent writers never lose one), then the rows whose action count fell to 0
// go, so that maintained rows equal rebuilt rows.
void apply(soci::session& sql, const Delta& d) {
  static const std::string agg_upsert =
      std::string("INSERT INTO action_agg (territory_id, month, department, initiative_id, kind, ") + kValueColumns +
      ") VALUES (:t, :m, :d, :i, :k, :a, :min, :p, :v0, :v1, :v2, :v3, :v4, :v5, :v6) ON CONFLICT (territory_id, "
      "month, department, initiative_id, kind) DO UPDATE SET " +
      increments("action_agg");
  for (const auto& [key, v] : d.agg) {
    if (all_zero(v)) continue;
    const auto& [t, m, dep, i, k] = key;
    sql << agg_upsert, use(t), use(m), use(dep), use(i), use(k), use(v[0]), use(v[1]), use(v[2]), use(v[3]), use(v[4]),
        use(v[5]), use(v[6]), use(v[7]), use(v[8]), use(v[9]);
    if (v[0] < 0)
      sql << "DELETE FROM action_agg WHERE territory_id = :t AND month = :m AND department = :d AND "
             "initiative_id = :i AND kind = :k AND actions <= 0",
          use(t), use(m), use(dep), use(i), use(k);
  }
  static const std::string month_upsert =
      std::string("INSERT INTO action_agg_month (territory_id, month, department, ") + kValueColumns +
      ") VALUES (:t, :m, :d, :a, :min, :p, :v0, :v1, :v2, :v3, :v4, :v5, :v6) ON CONFLICT (territory_id, month, "
      "department) DO UPDATE SET " +
      increments("action_agg_month");
  for (const auto& [key, v] : d.month) {
    if (all_zero(v)) continue;
    const auto& [t, m, dep] = key;
    sql << month_upsert, use(t), use(m), use(dep), use(v[0]), use(v[1]), use(v[2]), use(v[3]), use(v[4]), use(v[5]),
        use(v[6]), use(v[7]), use(v[8]), use(v[9]);
    if (v[0] < 0)
      sql << "DELETE FROM action_agg_month WHERE territory_id = :t AND month = :m AND department = :d AND "
             "actions <= 0",
          use(t), use(m), use(dep);
  }
  for (const auto& [key, n] : d.schools) {
    if (n == 0) continue;
    const auto& [t, m, school, k, i] = key;
    sql << "INSERT INTO school_reach (territory_id, month, school_id, kind, initiative_id, actions) VALUES "
           "(:t, :m, :s, :k, :i, :n) ON CONFLICT (territory_id, month, school_id, kind, initiative_id) DO UPDATE "
           "SET actions = school_reach.actions + excluded.actions",
        use(t), use(m), use(school), use(k), use(i), use(n);
    if (n < 0)
      sql << "DELETE FROM school_reach WHERE territory_id = :t AND month = :m AND school_id = :s AND kind = :k AND "
             "initiative_id = :i AND actions <= 0",
          use(t), use(m), use(school), use(k), use(i);
  }
  static const std::string org_upsert =
      std::string("INSERT INTO action_agg_org (territory_id, month, organisation_id, kind, initiative_id, ") +
      kValueColumns +
      ") VALUES (:t, :m, :o, :k, :i, :a, :min, :p, :v0, :v1, :v2, :v3, :v4, :v5, :v6) ON CONFLICT (territory_id, "
      "month, organisation_id, kind, initiative_id) DO UPDATE SET " +
      increments("action_agg_org");
  for (const auto& [key, v] : d.orgs) {
    if (all_zero(v)) continue;
    const auto& [t, m, o, k, i] = key;
    sql << org_upsert, use(t), use(m), use(o), use(k), use(i), use(v[0]), use(v[1]), use(v[2]), use(v[3]), use(v[4]),
        use(v[5]), use(v[6]), use(v[7]), use(v[8]), use(v[9]);
    if (v[0] < 0)
      sql << "DELETE FROM action_agg_org WHERE territory_id = :t AND month = :m AND organisation_id = :o AND "
             "kind = :k AND initiative_id = :i AND actions <= 0",
          use(t), use(m), use(o), use(k), use(i);
  }
}

// The action's contribution as the database holds it now (its row and its links).
Contribution contribution_of(soci::session& sql, long long id) {
  Contribution c;
  soci::row r;
  sql << "SELECT territory_id, status, month, department, COALESCE(initiative_id, 0), kind, duration_minutes, "
         "CASE WHEN same_group_as IS NULL THEN 0 ELSE 1 END, girls, boys, women_reconversion, teachers, prescribers, "
         "employees, parents FROM actions WHERE id = :id",
      use(id), into(r);
  if (!sql.got_data() || col_str(r, 1) != "validated") return c;
  c.counted = true;
  c.territory_id = col_ll(r, 0);
  c.month = col_str(r, 2);
  c.department = col_str(r, 3);
  c.initiative_id = col_ll(r, 4);
  c.kind = col_str(r, 5);
  c.minutes = col_ll(r, 6);
  bool follow_up = col_ll(r, 7) != 0;
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i) c.audience[i] = follow_up ? 0 : col_ll(r, 8 + i);
  long long link = 0;
  soci::statement st =
      (sql.prepare << "SELECT school_id FROM action_schools WHERE action_id = :id", use(id), into(link));
  st.execute();
  while (st.fetch()) c.schools.push_back(link);
  soci::statement so =
      (sql.prepare << "SELECT organisation_id FROM action_organisations WHERE action_id = :id", use(id), into(link));
  so.execute();
  while (so.fetch()) c.organisations.push_back(link);
  return c;
}

// ---- reading ----------------------------------------------------------------------------------------------------

const char* kActionColumns =
    "SELECT a.id, a.territory_id, a.kind, a.title, a.starts_on, a.duration_minutes, a.place, a.commune_insee, "
    "a.department, COALESCE(a.initiative_id, 0), COALESCE(i.name, ''), a.status, COALESCE(a.same_group_as, 0), "
    "a.girls, a.boys, a.women_reconversion, a.teachers, a.prescribers, a.employees, a.parents, a.highlight, a.notes, "
    "a.rejection_reason, COALESCE(a.declared_by, 0), COALESCE(a.validated_by, 0), a.validated_at, "
    "COALESCE(NULLIF(u.display_name, ''), u.email, ''), a.created_at, a.updated_at "
    "FROM actions a LEFT JOIN initiatives i ON i.id = a.initiative_id LEFT JOIN users u ON u.id = a.declared_by ";

domain::Action action_from_row(const soci::row& r) {
  domain::Action a;
  a.id = col_ll(r, 0);
  a.territory_id = col_ll(r, 1);
  a.kind = col_str(r, 2);
  a.title = col_str(r, 3);
  a.starts_on = col_str(r, 4);
  a.duration_minutes = col_int(r, 5);
  a.place = col_str(r, 6);
  a.commune_insee = col_str(r, 7);
  a.department = col_str(r, 8);
  a.initiative_id = col_ll(r, 9);
  a.initiative_name = col_str(r, 10);
  a.status = col_str(r, 11);
  a.same_group_as = col_ll(r, 12);
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i) a.audience[i] = col_ll(r, 13 + i);
  a.highlight = col_str(r, 20);
  a.notes = col_str(r, 21);
  a.rejection_reason = col_str(r, 22);
  a.declared_by = col_ll(r, 23);
  a.validated_by = col_ll(r, 24);
  a.validated_at = col_ll(r, 25);
  a.declared_by_name = col_str(r, 26);
  a.created_at = col_ll(r, 27);
  a.updated_at = col_ll(r, 28);
  return a;
}

// Fills the links (schools, organisations, ambassadors, classes) of actions already read, four queries in all.
void load_links(soci::session& sql, std::vector<domain::Action>& actions) {
  if (actions.empty()) return;
  std::map<long long, domain::Action*> by_id;
  std::vector<long long> ids;
  for (auto& a : actions) {
    by_id[a.id] = &a;
    ids.push_back(a.id);
  }
  std::string in = "(" + id_list(ids) + ")";
  soci::rowset<soci::row> schools =
      sql.prepare << "SELECT x.action_id, s.id, s.name FROM action_schools x JOIN schools s ON s.id = x.school_id "
                     "WHERE x.action_id IN " +
                         in + " ORDER BY x.action_id, s.id";
  for (const auto& r : schools) {
    auto* a = by_id[col_ll(r, 0)];
    a->school_ids.push_back(col_ll(r, 1));
    a->school_names.push_back(col_str(r, 2));
  }
  soci::rowset<soci::row> orgs =
      sql.prepare << "SELECT x.action_id, o.id, x.role, o.name FROM action_organisations x JOIN organisations o ON "
                     "o.id = x.organisation_id WHERE x.action_id IN " +
                         in + " ORDER BY x.action_id, o.id";
  for (const auto& r : orgs) by_id[col_ll(r, 0)]->organisations.push_back({col_ll(r, 1), col_str(r, 2), col_str(r, 3)});
  soci::rowset<soci::row> people =
      sql.prepare << "SELECT x.action_id, u.id, COALESCE(NULLIF(u.display_name, ''), u.email) FROM action_ambassadors "
                     "x JOIN users u ON u.id = x.user_id WHERE x.action_id IN " +
                         in + " ORDER BY x.action_id, u.id";
  for (const auto& r : people) {
    auto* a = by_id[col_ll(r, 0)];
    a->ambassador_ids.push_back(col_ll(r, 1));
    a->ambassador_names.push_back(col_str(r, 2));
  }
  soci::rowset<soci::row> classes = sql.prepare
                                    << "SELECT action_id, level, track FROM action_classes WHERE action_id IN " + in +
                                           " ORDER BY action_id, id";
  for (const auto& r : classes) by_id[col_ll(r, 0)]->classes.push_back({col_str(r, 1), col_str(r, 2)});
}

std::optional<domain::Action> load_action(soci::session& sql, long long territory_id, long long id) {
  auto a = row_in_territory(sql, kActionColumns, "a", territory_id, id, false, action_from_row);
  if (!a) return std::nullopt;
  std::vector<domain::Action> one{std::move(*a)};
  load_links(sql, one);
  return one.front();
}

// The row's status and group, locked for the rest of the transaction on PostgreSQL.
struct Head {
  long long id = 0;
  std::string status;
  long long same_group_as = 0;
  std::string title;
};

// How an action is named in messages and the audit log: its title, else its kind and day (the title is optional).
std::string display_title(const std::string& title, const std::string& kind, const std::string& day) {
  if (!title.empty()) return title;
  return std::string(domain::action_kind_label(kind)) + " du " + day;
}

std::optional<Head> lock_action(soci::session& sql, long long territory_id, long long id) {
  return row_in_territory(
      sql, "SELECT a.id, a.status, COALESCE(a.same_group_as, 0), a.title, a.kind, a.starts_on FROM actions a ", "a",
      territory_id, id, true, [](const soci::row& r) {
        return Head{col_ll(r, 0), col_str(r, 1), col_ll(r, 2),
                    display_title(col_str(r, 3), col_str(r, 4), col_str(r, 5))};
      });
}

// ---- checking and writing -----------------------------------------------------------------------------------------

// Resolves `group` (same_group_as) to its group's first session and locks that row; "" or a French message.
// Writers lock a group's first session before any of its follow-ups (rejecting or deleting a first session
// locks it, then its follow-ups), so the first session is found without a lock, then locked, then re-checked.
std::string lock_group(soci::session& sql, long long territory_id, long long& group, long long self) {
  if (group == 0) return "";
  const std::string absent = "Cette action n’existe pas dans le territoire.";
  long long root = 0;
  sql << "SELECT COALESCE(same_group_as, 0) FROM actions WHERE territory_id = :t AND id = :id", use(territory_id),
      use(group), into(root);
  if (!sql.got_data()) return absent;
  if (root == 0) root = group;
  std::optional<Head> first;
  for (int hop = 0; hop < 2; ++hop) {
    if (self != 0 && root == self)
      return "Une action ne peut pas être la suite d’elle-même : choisissez la première séance d’un autre groupe.";
    first = lock_action(sql, territory_id, root);
    if (!first) return absent;
    if (first->same_group_as == 0) break;
    root = first->same_group_as;  // it joined another group meanwhile
  }
  if (first->same_group_as != 0) return absent;
  if (first->status == "rejected")
    return "L’action « " + first->title + " » a été refusée : elle ne peut pas ouvrir un groupe.";
  group = first->id;
  return "";
}

// Checks every other id the action points at against the territory (field errors) and derives the department.
domain::Errors check_references(soci::session& sql, domain::Action& a) {
  domain::Errors e;
  long long t = a.territory_id;
  if (!in_territory(sql, "initiatives", t, a.initiative_id))
    e["initiative_id"] = "Cette initiative n’existe pas dans le plan d’action du territoire.";
  unique_in_order(a.ambassador_ids);
  for (long long uid : a.ambassador_ids) {
    if (uid == 0 || !in_territory(sql, "users", t, uid)) {
      e["ambassadors"] = "Cette personne n’est pas une ambassadrice du territoire.";
      break;
    }
  }
  std::vector<domain::ActionOrg> orgs;
  for (const auto& o : a.organisations)
    if (std::none_of(orgs.begin(), orgs.end(), [&](const auto& x) { return x.organisation_id == o.organisation_id; }))
      orgs.push_back(o);
  a.organisations = std::move(orgs);
  for (auto& o : a.organisations) {
    sql << "SELECT name FROM organisations WHERE territory_id = :t AND id = :id", use(t), use(o.organisation_id),
        into(o.name);
    if (!sql.got_data()) {
      e["organisations"] = "Cette organisation n’existe pas dans l’annuaire du territoire.";
      break;
    }
  }
  unique_in_order(a.school_ids);
  a.school_names.clear();
  auto departments = territory_departments(sql, t);
  for (long long sid : a.school_ids) {
    std::string name, dep;
    sql << "SELECT name, department FROM schools WHERE id = :id", use(sid), into(name), into(dep);
    if (!sql.got_data()) {
      e["schools"] = "Cet établissement n’existe pas dans l’annuaire des établissements.";
      break;
    }
    if (std::find(departments.begin(), departments.end(), dep) == departments.end()) {
      e["schools"] = "L’établissement « " + name + " » n’est pas dans les départements du territoire (" +
                     domain::join(departments, ", ") + ").";
      break;
    }
    a.school_names.push_back(name);
  }
  std::string commune_department;
  if (!a.commune_insee.empty()) {
    sql << "SELECT department FROM communes WHERE insee = :c", use(a.commune_insee), into(commune_department);
    // Checked against the reference table once it is imported; before that, the code is kept as typed.
    int any = 0;
    if (!sql.got_data()) sql << "SELECT COUNT(*) FROM (SELECT 1 FROM communes LIMIT 1) c", into(any);
    if (any) e["commune_insee"] = "Cette commune est introuvable : vérifiez son code INSEE.";
  }
  if (!in_territory(sql, "users", t, a.declared_by))
    e["declared_by"] = "Cette personne n’est pas membre du territoire.";
  if (!e.empty()) return e;
  // The department: the first school's (by id), else the commune's, else none.
  a.department.clear();
  if (!a.school_ids.empty()) {
    long long first = *std::min_element(a.school_ids.begin(), a.school_ids.end());
    sql << "SELECT department FROM schools WHERE id = :id", use(first), into(a.department);
  } else if (!commune_department.empty()) {
    a.department = domain::department_code3(commune_department);
  }
  return e;
}

std::string search_text(const domain::Action& a) {
  std::string s = a.title + " " + std::string(domain::action_kind_label(a.kind)) + " " + a.place;
  for (const auto& n : a.school_names) s += " " + n;
  return domain::fold(s);
}

// Writes the editable fields and replaces the links; status and validation fields are left alone.
void write_action(soci::session& sql, const domain::Action& a, long long now) {
  long long init = a.initiative_id, group = a.same_group_as;
  soci::indicator init_i = null_if_zero(init), group_i = null_if_zero(group);
  std::string month = a.month(), search = search_text(a);
  const auto& n = a.audience.n;
  sql << "UPDATE actions SET kind = :k, title = :ti, starts_on = :s, month = :m, duration_minutes = :d, place = :p, "
         "commune_insee = :c, department = :dep, initiative_id = :i, same_group_as = :g, girls = :a0, boys = :a1, "
         "women_reconversion = :a2, teachers = :a3, prescribers = :a4, employees = :a5, parents = :a6, "
         "highlight = :h, notes = :n, search = :q, updated_at = :now WHERE territory_id = :t AND id = :id",
      use(a.kind), use(a.title), use(a.starts_on), use(month), use(a.duration_minutes), use(a.place),
      use(a.commune_insee), use(a.department), use(init, init_i), use(group, group_i), use(n[0]), use(n[1]), use(n[2]),
      use(n[3]), use(n[4]), use(n[5]), use(n[6]), use(a.highlight), use(a.notes), use(search), use(now),
      use(a.territory_id), use(a.id);
  sql << "DELETE FROM action_schools WHERE action_id = :id", use(a.id);
  for (long long sid : a.school_ids)
    sql << "INSERT INTO action_schools (action_id, school_id) VALUES (:a, :s)", use(a.id), use(sid);
  sql << "DELETE FROM action_organisations WHERE action_id = :id", use(a.id);
  for (const auto& o : a.organisations)
    sql << "INSERT INTO action_organisations (action_id, organisation_id, role) VALUES (:a, :o, :r)", use(a.id),
        use(o.organisation_id), use(o.role);
  sql << "DELETE FROM action_ambassadors WHERE action_id = :id", use(a.id);
  for (long long uid : a.ambassador_ids)
    sql << "INSERT INTO action_ambassadors (action_id, user_id) VALUES (:a, :u)", use(a.id), use(uid);
  sql << "DELETE FROM action_classes WHERE action_id = :id", use(a.id);
  for (const auto& c : a.classes)
    sql << "INSERT INTO action_classes (action_id, level, track) VALUES (:a, :l, :t)", use(a.id), use(c.level),
        use(c.track);
}

// The follow-ups of a group whose first action is rejected or deleted become first sessions of their own
// group (and count their own audience from now on): their change goes into `d`.
void detach_follow_ups(soci::session& sql, long long territory_id, long long first_id, Delta& d, long long now) {
  std::vector<long long> ids;
  long long id = 0;
  soci::statement st = (sql.prepare << "SELECT id FROM actions WHERE territory_id = :t AND same_group_as = :g "
                                       "ORDER BY id" +
                                           for_update(sql),
                        use(territory_id), use(first_id), into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  for (long long f : ids) {
    d.add(contribution_of(sql, f), -1);
    sql << "UPDATE actions SET same_group_as = NULL, updated_at = :now WHERE id = :id", use(now), use(f);
    d.add(contribution_of(sql, f), +1);
  }
}

std::string changed_fields(const domain::Action& a, const domain::Action& b) {
  domain::ChangedFields changed;
  changed.add("kind", a.kind != b.kind);
  changed.add("title", a.title != b.title);
  changed.add("starts_on", a.starts_on != b.starts_on);
  changed.add("duration_minutes", a.duration_minutes != b.duration_minutes);
  changed.add("place", a.place != b.place);
  changed.add("commune_insee", a.commune_insee != b.commune_insee);
  changed.add("initiative_id", a.initiative_id != b.initiative_id);
  changed.add("same_group_as", a.same_group_as != b.same_group_as);
  changed.add("audience", a.audience.n != b.audience.n);
  changed.add("highlight", a.highlight != b.highlight);
  changed.add("notes", a.notes != b.notes);
  changed.add("school_ids", a.school_ids != b.school_ids);
  std::vector<std::pair<long long, std::string>> oa, ob;
  for (const auto& o : a.organisations) oa.emplace_back(o.organisation_id, o.role);
  for (const auto& o : b.organisations) ob.emplace_back(o.organisation_id, o.role);
  changed.add("organisations", oa != ob);
  changed.add("ambassador_ids", a.ambassador_ids != b.ambassador_ids);
  std::vector<std::pair<std::string, std::string>> ca, cb;
  for (const auto& c : a.classes) ca.emplace_back(c.level, c.track);
  for (const auto& c : b.classes) cb.emplace_back(c.level, c.track);
  changed.add("classes", ca != cb);
  return changed.text();
}

}  // namespace

WriteResult insert_action(Store& s, const domain::Action& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  return s.write([&](soci::session& sql) { return detail::insert_action_in(sql, in, by); });
}

WriteResult detail::insert_action_in(soci::session& sql, const domain::Action& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  domain::Action a = in;
  a.id = 0;
  if (a.status.empty()) a.status = "declared";
  // The author declares it, when she is a member of the territory (an admin's id is not kept).
  if (a.declared_by == 0 && by.user_id != 0 && in_territory(sql, "users", a.territory_id, by.user_id))
    a.declared_by = by.user_id;
  domain::Errors e;
  if (auto g = lock_group(sql, a.territory_id, a.same_group_as, 0); !g.empty()) e["same_group_as"] = g;
  domain::merge_into(e, check_references(sql, a));
  if (a.status != "declared" && a.status != "validated") e["status"] = "Une nouvelle action est déclarée ou validée.";
  if (!e.empty()) return failed(WriteResult::Status::invalid, e);
  long long now = now_unix();
  std::string month = a.month();
  sql << "INSERT INTO actions (territory_id, kind, starts_on, month, status, created_at, updated_at) VALUES "
         "(:t, :k, :s, :m, :st, :c, :u) RETURNING id",
      use(a.territory_id), use(a.kind), use(a.starts_on), use(month), use(a.status), use(now), use(now), into(a.id);
  write_action(sql, a, now);
  long long declared = a.declared_by, validator = by.user_id, validated_at = a.validated() ? now : 0;
  soci::indicator declared_i = null_if_zero(declared);
  soci::indicator validator_i = a.validated() && validator ? soci::i_ok : soci::i_null;
  sql << "UPDATE actions SET declared_by = :d, validated_by = :v, validated_at = :va WHERE id = :id",
      use(declared, declared_i), use(validator, validator_i), use(validated_at), use(a.id);
  Delta d;
  d.add(contribution_of(sql, a.id), +1);
  apply(sql, d);
  audit(sql, a.territory_id, by.user_id, by.label, "create", "action", a.id,
        display_title(a.title, a.kind, a.starts_on));
  return done(a.id);
}

WriteResult update_action(Store& s, const domain::Action& in, const Author& by) {
  return s.write([&](soci::session& sql) { return detail::update_action_in(sql, in, by); });
}

WriteResult detail::update_action_in(soci::session& sql, const domain::Action& in, const Author& by) {
  domain::Action a = in;
  std::string group_error = lock_group(sql, a.territory_id, a.same_group_as, a.id);  // before the action itself
  auto head = lock_action(sql, a.territory_id, a.id);
  if (!head) return failed(WriteResult::Status::not_found);
  auto before = load_action(sql, a.territory_id, a.id);
  a.declared_by = 0;  // not editable: not checked, not written
  domain::Errors e = check_references(sql, a);
  if (!group_error.empty()) e["same_group_as"] = group_error;
  if (!e.empty()) return failed(WriteResult::Status::invalid, e);
  Delta d;
  d.add(contribution_of(sql, a.id), -1);
  long long now = now_unix();
  write_action(sql, a, now);
  // When the first session of a group becomes a follow-up of another group, its follow-ups move with it
  // (they stay follow-ups: their contributions do not change).
  if (a.same_group_as != 0)
    sql << "UPDATE actions SET same_group_as = :g, updated_at = :now WHERE territory_id = :t AND same_group_as = :id",
        use(a.same_group_as), use(now), use(a.territory_id), use(a.id);
  d.add(contribution_of(sql, a.id), +1);
  apply(sql, d);
  audit(sql, a.territory_id, by.user_id, by.label, "update", "action", a.id,
        with_changes(display_title(a.title, a.kind, a.starts_on), changed_fields(*before, a)));
  return done(a.id);
}

WriteResult set_action_status(Store& s, long long territory_id, long long id, const std::string& status,
                              const std::string& reason, const Author& by) {
  if (domain::action_status_label(status).empty())
    return failed(WriteResult::Status::invalid, {{"status", "Ce statut n’existe pas."}});
  std::string why = domain::trim(reason);
  if (status == "rejected") {
    domain::Errors e;
    domain::require_text(e, "rejection_reason", why, domain::kMaxHighlight);
    if (!e.empty()) {
      if (why.empty()) e["rejection_reason"] = "Indiquez le motif du refus : il sera montré à l’auteur de l’action.";
      return failed(WriteResult::Status::invalid, e);
    }
  }
  return s.write([&](soci::session& sql) {
    auto head = lock_action(sql, territory_id, id);
    if (!head) return failed(WriteResult::Status::not_found);
    const std::string& from = head->status;
    bool allowed = (from == "declared" && (status == "validated" || status == "rejected")) ||
                   ((from == "validated" || from == "rejected") && status == "declared");
    if (!allowed) {
      static const std::map<std::string, std::string> kAdjective = {
          {"declared", "déclarée"}, {"validated", "validée"}, {"rejected", "refusée"}};
      std::string msg = from == status ? "Cette action est déjà " + kAdjective.at(from) + "."
                                       : "Une action " + kAdjective.at(from) + " doit d’abord être rouverte.";
      return failed(WriteResult::Status::conflict, {{"status", msg}});
    }
    Delta d;
    d.add(contribution_of(sql, id), -1);
    long long now = now_unix(), validator = by.user_id;
    if (status == "validated") {
      soci::indicator vi = null_if_zero(validator);
      sql << "UPDATE actions SET status = 'validated', validated_by = :v, validated_at = :at, rejection_reason = '', "
             "updated_at = :now WHERE id = :id",
          use(validator, vi), use(now), use(now), use(id);
    } else if (status == "rejected") {
      sql << "UPDATE actions SET status = 'rejected', rejection_reason = :r, updated_at = :now WHERE id = :id",
          use(why), use(now), use(id);
    } else {
      sql << "UPDATE actions SET status = 'declared', validated_by = NULL, validated_at = 0, rejection_reason = '', "
             "updated_at = :now WHERE id = :id",
          use(now), use(id);
    }
    d.add(contribution_of(sql, id), +1);
    if (status == "rejected") detach_follow_ups(sql, territory_id, id, d, now);
    apply(sql, d);
    const char* verb = status == "validated" ? "validate" : status == "rejected" ? "reject" : "reopen";
    audit(sql, territory_id, by.user_id, by.label, verb, "action", id,
          status == "rejected" ? head->title + " (" + why + ")" : head->title);
    return done(id);
  });
}

bool delete_action(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto head = lock_action(sql, territory_id, id);
    if (!head) return false;
    Delta d;
    long long now = now_unix();
    detach_follow_ups(sql, territory_id, id, d, now);
    d.add(contribution_of(sql, id), -1);
    // Its evidence goes with it, unless another action or a partnership uses the same file.
    sql << "DELETE FROM files WHERE territory_id = :t AND id IN (SELECT file_id FROM action_files WHERE action_id = "
           ":a) AND id NOT IN (SELECT file_id FROM action_files WHERE action_id <> :a2) AND id NOT IN (SELECT "
           "document_file_id FROM partnerships WHERE document_file_id IS NOT NULL)",
        use(territory_id), use(id), use(id);
    sql << "DELETE FROM actions WHERE territory_id = :t AND id = :id", use(territory_id), use(id);
    apply(sql, d);
    audit(sql, territory_id, by.user_id, by.label, "delete", "action", id, head->title);
    return true;
  });
}

std::vector<std::string> detail::territory_departments(soci::session& sql, long long territory_id) {
  std::string deps;
  sql << "SELECT departments FROM territories WHERE id = :t", use(territory_id), into(deps);
  std::vector<std::string> out;
  for (const auto& d : domain::split_list(deps)) out.push_back(domain::department_code3(d));
  return out;
}

std::optional<domain::Action> detail::load_action_in(soci::session& sql, long long territory_id, long long id) {
  return load_action(sql, territory_id, id);
}

std::optional<domain::Action> action_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_action(sql, territory_id, id); });
}

Page<domain::Action> actions_matching(Store& s, long long territory_id, const ActionFilter& f) {
  Page<domain::Action> out;
  out.page = std::clamp(f.page, 1, 1000000);
  out.per_page = std::clamp(f.per_page, 1, kMaxPerPage);
  if (!domain::valid_utf8(f.query) || !domain::valid_utf8(f.status) || !domain::valid_utf8(f.kind)) return out;
  Binds b;
  std::string where = "WHERE a.territory_id = " + b.add(territory_id);
  if (!f.status.empty()) where += " AND a.status = " + b.add(f.status);
  if (!f.kind.empty()) where += " AND a.kind = " + b.add(f.kind);
  if (f.initiative_id) where += " AND a.initiative_id = " + b.add(f.initiative_id);
  if (f.declared_by) where += " AND a.declared_by = " + b.add(f.declared_by);
  if (f.ambassador_id)
    where += " AND EXISTS (SELECT 1 FROM action_ambassadors x WHERE x.action_id = a.id AND x.user_id = " +
             b.add(f.ambassador_id) + ")";
  if (domain::is_iso_day(f.from_day)) where += " AND a.starts_on >= " + b.add(f.from_day);
  if (domain::is_iso_day(f.to_day)) where += " AND a.starts_on <= " + b.add(f.to_day);
  for (const auto& word : domain::split_list(domain::fold(f.query), ' '))
    where += " AND a.search LIKE " + b.add(like_pattern(word)) + " ESCAPE '\\'";
  return s.read([&](soci::session& sql) {
    b.each_row(sql, "SELECT COUNT(*) FROM actions a " + where, [&](const soci::row& r) { out.total = col_ll(r, 0); });
    Binds page = b;
    std::string q = std::string(kActionColumns) + where + " ORDER BY a.starts_on DESC, a.id DESC LIMIT " +
                    page.add(static_cast<long long>(out.per_page)) + " OFFSET " +
                    page.add(static_cast<long long>(out.page - 1) * out.per_page);
    page.each_row(sql, q, [&](const soci::row& r) { out.rows.push_back(action_from_row(r)); });
    load_links(sql, out.rows);
    return out;
  });
}

std::vector<domain::Action> group_candidates(Store& s, long long territory_id,
                                             const std::vector<long long>& school_ids) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::Action> out;
    std::string q = std::string(kActionColumns) +
                    "WHERE a.territory_id = :t AND a.status IN ('declared', 'validated') AND a.same_group_as IS NULL";
    if (!school_ids.empty())
      q += " AND EXISTS (SELECT 1 FROM action_schools x WHERE x.action_id = a.id AND x.school_id IN (" +
           id_list(school_ids) + "))";
    q += " ORDER BY a.starts_on DESC, a.id DESC LIMIT 50";
    soci::rowset<soci::row> rs = (sql.prepare << q, use(territory_id));
    for (const auto& r : rs) out.push_back(action_from_row(r));
    load_links(sql, out);
    return out;
  });
}

std::vector<std::pair<long long, std::string>> ambassadors_of(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<std::pair<long long, std::string>> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT id, COALESCE(NULLIF(display_name, ''), email) AS n FROM users WHERE territory_id = :t "
                        "AND role = 'ambassador' AND active = 1 ORDER BY n, id",
         use(territory_id));
    for (const auto& r : rs) out.emplace_back(col_ll(r, 0), col_str(r, 1));
    return out;
  });
}

bool attach_action_file(Store& s, long long territory_id, long long action_id, long long file_id,
                        const std::string& kind) {
  if (kind != "photo" && kind != "attendance") return false;
  return s.write([&](soci::session& sql) {
    auto head = lock_action(sql, territory_id, action_id);
    if (!head) return false;
    std::string name;
    sql << "SELECT name FROM files WHERE territory_id = :t AND id = :id", use(territory_id), use(file_id), into(name);
    if (!sql.got_data()) return false;
    sql << "INSERT INTO action_files (action_id, file_id, kind) VALUES (:a, :f, :k) ON CONFLICT (action_id, file_id) "
           "DO NOTHING",
        use(action_id), use(file_id), use(kind);
    audit(sql, territory_id, 0, "", "attach", "action", action_id, head->title + " : " + name);
    return true;
  });
}

}  // namespace passerelles::store
