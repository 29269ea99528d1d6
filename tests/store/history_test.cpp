// The history generator (cli/history.hpp) on a small size, on every engine: its rows follow the schema's rules and
// the counting rules, the aggregates it leaves equal a rebuild and stay right under the store API, indicators()
// equals indicators_from_actions() for several filters, and one seed gives one history.
#include "cli/history.hpp"

#include <gtest/gtest.h>

#include "domain/school.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/directory.hpp"
#include "store/indicators.hpp"
#include "store/plan.hpp"
#include "store/row.hpp"
#include "store/schools.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

// Every generated row of the action tables as text, in id order (ids included: they are part of the contract).
std::vector<std::string> dump(store::Store& s) {
  std::vector<std::string> out;
  s.read([&](soci::session& sql) {
    for (const char* q :
         {"SELECT id, territory_id, kind, title, starts_on, month, duration_minutes, place, commune_insee, department, "
          "COALESCE(initiative_id, 0), status, COALESCE(same_group_as, 0), girls, boys, women_reconversion, teachers, "
          "prescribers, employees, parents, highlight, rejection_reason, search, COALESCE(declared_by, 0), "
          "COALESCE(validated_by, 0), validated_at, created_at, updated_at FROM actions ORDER BY id",
          "SELECT action_id, school_id FROM action_schools ORDER BY action_id, school_id",
          "SELECT action_id, level, track FROM action_classes ORDER BY action_id, level, track",
          "SELECT action_id, user_id FROM action_ambassadors ORDER BY action_id, user_id",
          "SELECT action_id, organisation_id, role FROM action_organisations ORDER BY action_id, organisation_id",
          "SELECT i.territory_id, i.name, t.year, t.indicator, t.target FROM initiative_targets t JOIN initiatives i "
          "ON "
          "i.id = t.initiative_id ORDER BY i.territory_id, i.position, t.year, t.indicator"}) {
      soci::rowset<soci::row> rows = sql.prepare << q;
      for (const auto& r : rows) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) line += store::col_str(r, i) + "|";
        out.push_back(line);
      }
    }
  });
  return out;
}

long long scalar(store::Store& s, const std::string& q) {
  long long n = 0;
  s.read([&](soci::session& sql) { sql << q, soci::into(n); });
  return n;
}

void expect_same_totals(const store::Totals& a, const store::Totals& b, const std::string& what) {
  EXPECT_EQ(a.actions, b.actions) << what;
  EXPECT_EQ(a.minutes, b.minutes) << what;
  EXPECT_EQ(a.people, b.people) << what;
  EXPECT_EQ(a.audience.n, b.audience.n) << what;
}

void expect_same_rows(const std::vector<store::Row>& a, const std::vector<store::Row>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].key, b[i].key) << what;
    expect_same_totals(a[i].totals, b[i].totals, what + " " + a[i].key);
  }
}

}  // namespace

class HistoryStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db = fixture::fresh_store(GetParam()); }

  // Schools in 025 and 039 (a REP collège and a lycée professionnel among them) and in 062; territory A over
  // 025 and 039 with a coordinator, two ambassadors, a company and an association; territory B over 062.
  void seed_territories(store::Store& s) {
    s.write([&](soci::session& sql) {
      int n = 0;
      for (const std::string dep : {"025", "039", "062"})
        for (int i = 0; i < 6; ++i, ++n) {
          domain::School sc;
          char uai[16];
          std::snprintf(uai, sizeof uai, "%s%04d", dep.c_str(), 100 + i);
          sc.uai = std::string(uai) + "ABCDEFGHJKLMNPRSTUVWXYZ"[std::stol(uai) % 23];
          sc.name = (i == 5 ? "Lycée professionnel " : "Collège ") + std::string("Essai ") + std::to_string(n);
          sc.kind = i == 5 ? "lycee_professionnel" : "college";
          sc.commune_insee = dep.substr(1) + "056";
          sc.commune_name = "Commune " + dep;
          sc.department = dep;
          sc.priority_education = i == 0 ? "REP" : "";
          sc.source = "test";
          store::upsert_school(sql, sc);
        }
    });
    ta = store::insert_territory(s, {0, "ta", "Territoire A", "cmq", {"025", "039"}, "", "", 1.3});
    tb = store::insert_territory(s, {0, "tb", "Territoire B", "cmq", {"062"}, "", "", 1.3});
    auto user = [&](const std::string& email, domain::Role role, long long t) {
      domain::User u;
      u.email = email;
      u.role = role;
      u.territory_id = t;
      return store::insert_user(s, u, "x");
    };
    coordinator = user("coord@a.test", domain::Role::coordinator, ta);
    ambassadors = {user("amb1@a.test", domain::Role::ambassador, ta),
                   user("amb2@a.test", domain::Role::ambassador, ta)};
    for (const auto& [kind, name] : std::vector<std::pair<std::string, std::string>>{
             {"company", "Usine Essai"}, {"association", "Association Essai"}}) {
      domain::Organisation o;
      o.territory_id = ta;
      o.kind = kind;
      o.name = name;
      EXPECT_TRUE(store::insert_organisation(s, o, {0, "test"}).ok());
    }
  }

  cli::HistoryOptions options(unsigned long long seed = 7) {
    cli::HistoryOptions o;
    o.territory_ids = {ta, tb};
    o.years = 3;
    o.end_day = "2026-06-30";
    o.actions = 900;
    o.seed = seed;
    return o;
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0, coordinator = 0;
  std::vector<long long> ambassadors;
};

TEST_P(HistoryStore, RowsFollowTheRules) {
  seed_territories(*db);
  auto r = cli::generate_history(*db, options());
  EXPECT_EQ(r.actions, 900);
  EXPECT_EQ(r.territories, 2);
  EXPECT_EQ(r.initiatives_created, 8);
  EXPECT_EQ(r.first_day, "2023-07-01");
  EXPECT_EQ(r.last_day, "2026-06-30");
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM actions"), 900);
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM actions WHERE starts_on < '2023-07-01' OR starts_on > '2026-06-30'"), 0);
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM actions WHERE month <> SUBSTR(starts_on, 1, 7)"), 0);
  // Statuses: ~90 % validated, ~7 % declared, ~3 % rejected.
  const long long validated = scalar(*db, "SELECT COUNT(*) FROM actions WHERE status = 'validated'");
  const long long declared = scalar(*db, "SELECT COUNT(*) FROM actions WHERE status = 'declared'");
  EXPECT_NEAR(validated, 810, 40);
  EXPECT_NEAR(declared, 63, 30);
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM actions WHERE status = 'declared' AND (validated_by IS NOT NULL OR "
                   "validated_at <> 0)"),
            0);
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM actions WHERE status = 'rejected' AND rejection_reason = ''"), 0);
  // Summer is quiet: July and August hold far fewer actions than an average month.
  EXPECT_LT(scalar(*db, "SELECT COUNT(*) FROM actions WHERE SUBSTR(month, 6, 2) IN ('07', '08')"), 900 / 12);
  // Every school reached is in the action's territory's départements and gives the action its department.
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM action_schools x JOIN actions a ON a.id = x.action_id JOIN schools s ON "
                   "s.id = x.school_id JOIN territories t ON t.id = a.territory_id WHERE a.department <> "
                   "s.department OR t.departments NOT LIKE '%' || s.department || '%'"),
            0);
  EXPECT_GT(scalar(*db, "SELECT COUNT(*) FROM action_schools"), 600);
  // Follow-ups (~10 %): an earlier, validated first session of the same territory and school.
  const long long follow_ups = scalar(*db, "SELECT COUNT(*) FROM actions WHERE same_group_as IS NOT NULL");
  EXPECT_NEAR(follow_ups, 90, 45);
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM actions f JOIN actions g ON g.id = f.same_group_as WHERE g.territory_id "
                   "<> f.territory_id OR g.starts_on > f.starts_on OR g.same_group_as IS NOT NULL OR g.status <> "
                   "'validated' OR g.id >= f.id OR NOT EXISTS (SELECT 1 FROM action_schools fs JOIN "
                   "action_schools gs ON gs.school_id = fs.school_id WHERE fs.action_id = f.id AND gs.action_id = "
                   "g.id)"),
            0);
  // Ambassadors and organisations only of territory A (B has none), and only its own.
  EXPECT_GT(scalar(*db, "SELECT COUNT(*) FROM action_ambassadors"), 100);
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM action_ambassadors x JOIN actions a ON a.id = x.action_id JOIN users u ON "
                   "u.id = x.user_id WHERE u.territory_id <> a.territory_id OR u.role <> 'ambassador'"),
            0);
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM action_organisations x JOIN actions a ON a.id = x.action_id JOIN "
                   "organisations o ON o.id = x.organisation_id WHERE o.territory_id <> a.territory_id"),
            0);
  EXPECT_GT(scalar(*db, "SELECT COUNT(*) FROM action_organisations WHERE role = 'company'"), 10);
  // Classes: pupils of a class are 20–30 (10–16 in CAP and SEGPA), girls 35–55 % (give or take the rounding to a
  // whole girl), except for follow-ups (absentees).
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM action_classes c JOIN actions a ON a.id = c.action_id WHERE c.level NOT "
                   "IN ('6e', '5e', '4e', '3e', 'cap', 'bac_pro')"),
            0);
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM actions a WHERE a.same_group_as IS NULL AND a.kind = "
                   "'temoignage_classe' AND (a.girls + a.boys < 10 OR a.girls + a.boys > 30 OR 200 * a.girls < "
                   "70 * (a.girls + a.boys) - 100 OR 200 * a.girls > 110 * (a.girls + a.boys) + 100)"),
            0);
  // A few highlights, each a quote.
  const long long highlights = scalar(*db, "SELECT COUNT(*) FROM actions WHERE highlight <> ''");
  EXPECT_GT(highlights, 5);
  EXPECT_LT(highlights, 70);
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM actions WHERE highlight <> '' AND highlight NOT LIKE '« %'"), 0);
  // Targets for each initiative, each indicator and each calendar year of the period (2023–2026).
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM initiative_targets"), 8 * 4 * 4);
  EXPECT_GT(scalar(*db, "SELECT COUNT(*) FROM actions WHERE initiative_id IS NOT NULL"), 800);
}

TEST_P(HistoryStore, AggregatesEqualARebuildAndStayRightUnderTheApi) {
  seed_territories(*db);
  cli::generate_history(*db, options());
  auto generated = store::aggregate_rows(*db);
  ASSERT_FALSE(generated.empty());
  store::rebuild_aggregates(*db);
  EXPECT_EQ(store::aggregate_rows(*db), generated);

  // People reached, counted by hand from the raw rows: validated first sessions only.
  store::IndicatorFilter all;
  all.territory_id = ta;
  all.from_month = "2023-07";  // the whole history (without a period: the current school year)
  all.to_month = "2026-06";
  auto ind = store::indicators(*db, all);
  EXPECT_EQ(ind.total.people,
            scalar(*db,
                   "SELECT COALESCE(SUM(girls + boys + women_reconversion + teachers + prescribers + employees + "
                   "parents), 0) FROM actions WHERE territory_id = " +
                       std::to_string(ta) + " AND status = 'validated' AND same_group_as IS NULL"));
  EXPECT_EQ(ind.total.actions, scalar(*db, "SELECT COUNT(*) FROM actions WHERE territory_id = " + std::to_string(ta) +
                                               " AND status = 'validated'"));
  EXPECT_EQ(ind.schools_reached,
            scalar(*db,
                   "SELECT COUNT(DISTINCT x.school_id) FROM action_schools x JOIN actions a ON a.id = x.action_id "
                   "WHERE a.territory_id = " +
                       std::to_string(ta) + " AND a.status = 'validated'"));

  // The API keeps what the generator wrote right: delete a first session that has follow-ups, edit and reopen
  // generated actions, add one.
  const store::Author by{coordinator, "coord@a.test"};
  long long leader = scalar(*db, "SELECT MIN(same_group_as) FROM actions WHERE territory_id = " + std::to_string(ta));
  ASSERT_GT(leader, 0);
  EXPECT_TRUE(store::delete_action(*db, ta, leader, by));
  long long some =
      scalar(*db, "SELECT MAX(id) FROM actions WHERE status = 'validated' AND territory_id = " + std::to_string(ta));
  auto a = store::action_by_id(*db, ta, some);
  ASSERT_TRUE(a);
  a->audience[0] += 5;
  a->starts_on = "2024-03-08";
  EXPECT_TRUE(store::update_action(*db, *a, by).ok());
  EXPECT_TRUE(store::set_action_status(*db, ta, some, "declared", "", by).ok());
  domain::Action n = *a;
  n.id = 0;
  n.same_group_as = 0;
  n.status = "validated";
  EXPECT_TRUE(store::insert_action(*db, n, by).ok());
  auto maintained = store::aggregate_rows(*db);
  store::rebuild_aggregates(*db);
  EXPECT_EQ(store::aggregate_rows(*db), maintained);
}

TEST_P(HistoryStore, IndicatorsFromAggregatesEqualIndicatorsFromActions) {
  seed_territories(*db);
  cli::generate_history(*db, options());
  const long long initiative = store::initiatives_of(*db, ta).at(1).id;
  struct Case {
    std::string name;
    store::IndicatorFilter f;
  };
  std::vector<Case> cases = {
      {"territory", {ta, "2023-07", "2026-06", 0, "", "", "", false}},
      {"territory up to", {ta, "", "2025-12", 0, "", "", "", false}},
      {"federation", {0, "2023-07", "2026-06", 0, "", "", "", false}},
      {"period", {ta, "2024-09", "2025-06", 0, "", "", "", false}},
      {"kind", {ta, "2023-07", "2026-06", 0, "temoignage_classe", "", "", false}},
      {"initiative", {ta, "2023-07", "2026-06", initiative, "", "", "", false}},
      {"audience", {ta, "2023-09", "2026-06", 0, "", "girls", "", false}},
      {"level", {ta, "2023-07", "2026-06", 0, "", "", "college", false}},
      {"priority", {ta, "2023-07", "2026-06", 0, "", "", "", true}},
      {"federation kind", {0, "2025-01", "2025-12", 0, "visite_entreprise", "", "", false}},
  };
  for (const auto& c : cases) {
    auto fast = store::indicators(*db, c.f);
    auto slow = store::indicators_from_actions(*db, c.f);
    expect_same_totals(fast.total, slow.total, c.name);
    EXPECT_EQ(fast.schools_reached, slow.schools_reached) << c.name;
    expect_same_rows(fast.by_month, slow.by_month, c.name + " by month");
    expect_same_rows(fast.by_kind, slow.by_kind, c.name + " by kind");
    expect_same_rows(fast.by_initiative, slow.by_initiative, c.name + " by initiative");
    expect_same_rows(fast.by_department, slow.by_department, c.name + " by department");
    expect_same_rows(fast.by_territory, slow.by_territory, c.name + " by territory");
    expect_same_rows(fast.by_audience, slow.by_audience, c.name + " by audience");
    expect_same_rows(fast.by_organisation, slow.by_organisation, c.name + " by organisation");
    EXPECT_GT(fast.total.actions, 0) << c.name << ": every case must count something to prove anything";
  }
}

TEST_P(HistoryStore, OneSeedGivesOneHistory) {
  seed_territories(*db);
  cli::generate_history(*db, options(7));
  auto first = dump(*db);
  auto first_aggregates = store::aggregate_rows(*db);

  auto again = fixture::fresh_store(GetParam());
  seed_territories(*again);
  cli::generate_history(*again, options(7));
  EXPECT_EQ(dump(*again), first);
  EXPECT_EQ(store::aggregate_rows(*again), first_aggregates);

  auto other = fixture::fresh_store(GetParam());
  seed_territories(*other);
  cli::generate_history(*other, options(8));
  EXPECT_NE(dump(*other), first);
}

TEST_P(HistoryStore, BenchTerritoriesAreCreatedOnceOverRealDepartments) {
  seed_territories(*db);  // schools in 025, 039 and 062 only
  cli::HistoryOptions o;
  o.territories = 3;
  o.years = 1;
  o.end_day = "2026-06-30";
  o.actions = 60;
  auto r = cli::generate_history(*db, o);
  EXPECT_EQ(r.territories, 3);
  EXPECT_EQ(r.territories_without_schools, 3);  // 001, 002–003, 004–006: none of the seeded départements
  auto t1 = store::territory_by_slug(*db, "bench-001");
  auto t3 = store::territory_by_slug(*db, "bench-003");
  ASSERT_TRUE(t1 && t3);
  EXPECT_EQ(t1->departments, (std::vector<std::string>{"001"}));
  EXPECT_EQ(t3->departments, (std::vector<std::string>{"004", "005", "006"}));
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM actions WHERE territory_id IN (SELECT id FROM territories WHERE slug "
                   "LIKE 'bench-%')"),
            60);
  EXPECT_EQ(scalar(*db,
                   "SELECT COUNT(*) FROM actions a JOIN territories t ON t.id = a.territory_id WHERE "
                   "t.departments NOT LIKE '%' || a.department || '%'"),
            0);
  // Again: the same territories and plans, 60 more actions.
  r = cli::generate_history(*db, o);
  EXPECT_EQ(r.initiatives_created, 0);
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM territories WHERE slug LIKE 'bench-%'"), 3);
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM initiatives"), 12);
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM actions"), 120);
  if (db->dialect() == store::Dialect::postgresql) {
    // The identity sequence follows the ids the generator set: the API's next insert gets a fresh id.
    domain::Action a;
    a.territory_id = t1->id;
    a.kind = "atelier";
    a.starts_on = "2026-05-12";
    a.audience[5] = 3;
    auto w = store::insert_action(*db, a, {0, "test"});
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w.id, 121);
  }
}

TEST_P(HistoryStore, RefusesOptionsOutOfRange) {
  seed_territories(*db);
  for (auto change : std::vector<std::function<void(cli::HistoryOptions&)>>{
           [](auto& o) { o.years = 0; }, [](auto& o) { o.actions = -1; }, [](auto& o) { o.end_day = "2026-02-30"; },
           [](auto& o) {
             o.declared_share = 0.8;
             o.rejected_share = 0.3;
           },
           [](auto& o) { o.territory_ids = {999999}; }}) {
    auto o = options();
    change(o);
    EXPECT_THROW(cli::generate_history(*db, o), std::invalid_argument);
  }
  EXPECT_EQ(scalar(*db, "SELECT COUNT(*) FROM actions"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, HistoryStore, ::testing::ValuesIn(fixture::engines()));
