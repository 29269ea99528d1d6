// Store tests for the indicators, on every engine: every counting rule of docs/counting.md checked against figures
// computed by hand, from the aggregates and from the actions; and the aggregates kept right through a long random
// sequence of edits (compared with a rebuild, and the indicators with the recount from the actions).
#include "store/indicators.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <sstream>
#include <thread>

#include "action_fixture.hpp"

// Filters are written with designated initializers; the fields left out keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace passerelles;

namespace {

std::string describe(const store::Totals& t) {
  std::ostringstream o;
  o << t.actions << "a " << t.minutes << "min " << t.people << "p [";
  for (auto n : t.audience.n) o << n << " ";
  o << "]";
  return o.str();
}

// Everything an Indicators holds, as text: two computations agree when their descriptions are equal.
std::string describe(const store::Indicators& x) {
  std::ostringstream o;
  o << "period " << x.from_month << ".." << x.to_month << "\ntotal " << describe(x.total) << "\nschools "
    << x.schools_reached << "/" << x.territory_schools << "\n";
  auto rows = [&](const char* name, const std::vector<store::Row>& v) {
    for (const auto& r : v) o << name << " " << r.key << " " << r.label << " " << describe(r.totals) << "\n";
  };
  rows("month", x.by_month);
  rows("kind", x.by_kind);
  rows("initiative", x.by_initiative);
  rows("department", x.by_department);
  rows("territory", x.by_territory);
  rows("audience", x.by_audience);
  rows("organisation", x.by_organisation);
  for (const auto& t : x.targets)
    o << "target " << t.indicator << " " << t.label << " " << t.target << " " << t.actual << "\n";
  for (const auto& s : x.schools) o << "school " << s.id << " " << s.uai << " " << s.name << " " << s.actions << "\n";
  return o.str();
}

const store::Row* find_row(const std::vector<store::Row>& rows, const std::string& key) {
  for (const auto& r : rows)
    if (r.key == key) return &r;
  return nullptr;
}

// Both computations, so that every expectation checks both.
std::vector<std::pair<std::string, store::Indicators>> both(store::Store& db, const store::IndicatorFilter& f) {
  return {{"aggregates", store::indicators(db, f)}, {"actions", store::indicators_from_actions(db, f)}};
}

}  // namespace

class Indicators : public fixture::ActionWorld {
 protected:
  // The known set of actions described in the test below; ids kept for the checks.
  void build_known_set() {
    auto x1 = action(ta, "temoignage_classe", "2024-10-03", 60, {12, 14, 0, 1}, {s1}, i1);
    x1.classes = {{"3e", ""}};
    x1.ambassador_ids = {amb1, amb2};  // two ambassadors: still one action
    x1.organisations = {{p1, "partner", ""}};
    x1.status = "validated";
    X1 = insert(x1);
    auto x2 = action(ta, "temoignage_classe", "2024-11-07", 60, {12, 13, 0, 1}, {s1}, i1);
    x2.classes = {{"3e", ""}};
    x2.same_group_as = X1;  // the same class seen again: no people added
    x2.status = "validated";
    X2 = insert(x2);
    auto x3 = action(ta, "visite_entreprise", "2024-11-20", 120, {8, 16, 0, 2}, {s2}, i2);
    x3.classes = {{"2nde", "STI2D"}};
    x3.organisations = {{p1, "partner", ""}, {p2, "partner", ""}, {company, "company", ""}};  // co-delivered
    x3.status = "validated";
    X3 = insert(x3);
    auto x4 = action(ta, "atelier", "2025-01-15", 90, {10, 9, 0, 0, 0, 0, 4}, {s3});  // REP+ school, no initiative
    x4.classes = {{"4e", ""}};
    X4 = insert(x4);
    set_status(ta, X4, "validated");
    auto x5 = action(ta, "atelier", "2025-01-22", 90, {5, 5}, {s1}, i1);  // same school as X1
    x5.classes = {{"5e", ""}};
    X5 = insert(x5);
    set_status(ta, X5, "validated");
    X6 = insert(action(ta, "forum_salon", "2025-02-10", 240, {100, 100}, {s7}, i1));  // declared only
    X7 = insert(action(ta, "job_dating", "2025-03-05", 120, {50}, {s7}, i2));
    set_status(ta, X7, "rejected", "Doublon de l’action du 4 mars");
    auto x8 = action(ta, "webinaire", "2025-03-12", 30, {0, 0, 7, 0, 3}, {}, i2);
    x8.commune_insee = "39198";
    X8 = insert(x8);  // declared: rejected below
    auto x9 = action(ta, "webinaire", "2025-04-09", 30, {0, 0, 6, 0, 3}, {}, i2);
    x9.commune_insee = "39198";
    x9.same_group_as = X8;
    x9.status = "validated";
    X9 = insert(x9);
    auto x10 = action(ta, "visite_laboratoire", "2025-05-06", 180, {6, 10, 0, 1}, {s4, s2}, i2);
    x10.classes = {{"bts", "CIRA"}};
    x10.organisations = {{lab, "lab", ""}};
    x10.status = "validated";
    X10 = insert(x10);
    auto x11 = action(ta, "temoignage_classe", "2025-09-10", 60, {20, 20}, {s1}, i1);  // next school year
    x11.status = "validated";
    X11 = insert(x11);
    auto x12 = action(ta, "atelier", "2024-06-18", 60, {9, 9}, {s3});  // previous school year
    x12.status = "validated";
    X12 = insert(x12);
    auto y1 = action(tb, "temoignage_classe", "2024-10-10", 45, {11, 9}, {s5}, i_b);  // territory B, REP school
    y1.classes = {{"3e", ""}};
    y1.status = "validated";
    Y1 = insert(y1);
    Y2 = insert(action(tb, "forum_salon", "2024-10-11", 45, {30, 30}, {s5}, i_b));  // declared only
    target(i1, 2024, "people_reached", 300);
    target(i1, 2025, "people_reached", 500);
    target(i1, 2026, "people_reached", 600);  // outside the period's years
    target(i1, 2025, "girls", 200);
    target(i2, 2025, "actions", 10);
    target(i2, 2026, "actions", 12);
    target(i2, 2025, "schools_reached", 3);
    target(i_b, 2025, "people_reached", 1000);  // another territory's
  }

  store::IndicatorFilter year_of(long long territory) {
    store::IndicatorFilter f;
    f.territory_id = territory;
    f.from_month = "2024-09";
    f.to_month = "2025-08";
    return f;
  }

  long long X1 = 0, X2 = 0, X3 = 0, X4 = 0, X5 = 0, X6 = 0, X7 = 0, X8 = 0, X9 = 0, X10 = 0, X11 = 0, X12 = 0;
  long long Y1 = 0, Y2 = 0;
};

TEST_P(Indicators, EveryCountingRuleByHand) {
  build_known_set();
  // Before X8 is rejected, X9 is a follow-up of X8's group: it adds no people.
  for (const auto& [how, x] : both(*db, year_of(ta))) {
    // Counted (validated, 2024-09..2025-08): X1 X2 X3 X4 X5 X9 X10 = 7 actions.
    // People: X1 12+14+1=27, X2 0 (follow-up), X3 8+16+2=26, X4 10+9+4=23, X5 5+5=10, X9 0 (follow-up),
    // X10 6+10+1=17 → 27+26+23+10+17 = 103.
    EXPECT_EQ(x.total.actions, 7) << how;
    EXPECT_EQ(x.total.people, 103) << how;
  }
  set_status(ta, X8, "rejected", "Webinaire annulé");
  auto x9 = store::action_by_id(*db, ta, X9);
  ASSERT_TRUE(x9);
  EXPECT_EQ(x9->same_group_as, 0) << "the follow-up of a rejected first action is detached";

  for (const auto& [how, x] : both(*db, year_of(ta))) {
    SCOPED_TRACE(how);
    EXPECT_EQ(x.from_month, "2024-09");
    EXPECT_EQ(x.to_month, "2025-08");
    // Rule 1: X6 (declared), X7 and X8 (rejected) count nowhere; X11 and X12 are outside the period.
    EXPECT_EQ(x.total.actions, 7);    // X1 X2 X3 X4 X5 X9 X10
    EXPECT_EQ(x.total.minutes, 630);  // 60+60+120+90+90+30+180
    // Rule 2: X9, detached, now counts its own audience: 6 + 3 = 9 → 103 + 9 = 112.
    EXPECT_EQ(x.total.people, 112);
    EXPECT_EQ(x.total.audience[0], 41);  // girls 12+8+10+5+6
    EXPECT_EQ(x.total.audience[1], 54);  // boys 14+16+9+5+10
    EXPECT_EQ(x.total.audience[2], 6);   // women in reconversion: X9
    EXPECT_EQ(x.total.audience[3], 4);   // teachers 1+2+1
    EXPECT_EQ(x.total.audience[4], 3);   // prescribers: X9
    EXPECT_EQ(x.total.audience[5], 0);
    EXPECT_EQ(x.total.audience[6], 4);  // parents: X4
    // Rule 4: share of girls = 41 / (41 + 54).
    ASSERT_TRUE(x.total.girls_share());
    EXPECT_DOUBLE_EQ(*x.total.girls_share(), 41.0 / 95.0);
    // Rule 3: schools S1 (X1 X2 X5), S2 (X3 X10), S3 (X4), S4 (X10) = 4 of the 5 schools of 025 and 039
    // (S1 S2 S3 S7 in the Doubs, S4 in the Jura).
    EXPECT_EQ(x.schools_reached, 4);
    EXPECT_EQ(x.territory_schools, 5);
    ASSERT_TRUE(x.schools_share());
    EXPECT_DOUBLE_EQ(*x.schools_share(), 0.8);
    ASSERT_EQ(x.schools.size(), 4u);  // by name: Diderot (S3), Victor Hugo (S1), Jacques Duhamel (S4), Jules Haag (S2)
    EXPECT_EQ(x.schools[0].id, s3);
    EXPECT_EQ(x.schools[0].actions, 1);
    EXPECT_EQ(x.schools[0].priority_education, "REP+");
    EXPECT_EQ(x.schools[1].id, s1);
    EXPECT_EQ(x.schools[1].actions, 3);  // X1 X2 X5
    EXPECT_EQ(x.schools[2].id, s4);
    EXPECT_EQ(x.schools[3].id, s2);
    EXPECT_EQ(x.schools[3].actions, 2);  // X3 X10
    // Rule 6: every month of the period, empty ones included.
    ASSERT_EQ(x.by_month.size(), 12u);
    EXPECT_EQ(x.by_month[0].key, "2024-09");
    EXPECT_EQ(x.by_month[0].totals.actions, 0);
    EXPECT_EQ(x.by_month[1].totals.people, 27);    // 2024-10: X1
    EXPECT_EQ(x.by_month[2].totals.actions, 2);    // 2024-11: X2 X3
    EXPECT_EQ(x.by_month[2].totals.minutes, 180);  // 60 + 120
    EXPECT_EQ(x.by_month[2].totals.people, 26);    // 0 + 26
    EXPECT_EQ(x.by_month[4].totals.people, 33);    // 2025-01: X4 23 + X5 10
    EXPECT_EQ(x.by_month[5].totals.actions, 0);    // 2025-02: X6 is only declared
    EXPECT_EQ(x.by_month[6].totals.actions, 0);    // 2025-03: X7 and X8 rejected
    EXPECT_EQ(x.by_month[7].totals.people, 9);     // 2025-04: X9
    EXPECT_EQ(x.by_month[8].totals.people, 17);    // 2025-05: X10
    EXPECT_EQ(x.by_month[11].key, "2025-08");
    // By kind, in the list's order.
    ASSERT_EQ(x.by_kind.size(), 5u);
    EXPECT_EQ(x.by_kind[0].key, "temoignage_classe");
    EXPECT_EQ(x.by_kind[0].totals.actions, 2);  // X1 X2
    EXPECT_EQ(x.by_kind[0].totals.people, 27);  // 27 + 0
    EXPECT_EQ(x.by_kind[1].key, "visite_entreprise");
    EXPECT_EQ(x.by_kind[2].key, "visite_laboratoire");
    EXPECT_EQ(x.by_kind[3].key, "atelier");
    EXPECT_EQ(x.by_kind[3].totals.people, 33);  // 23 + 10
    EXPECT_EQ(x.by_kind[4].key, "webinaire");
    EXPECT_EQ(x.by_kind[4].label, "Webinaire");
    // By initiative, in plan order, then the actions without one.
    ASSERT_EQ(x.by_initiative.size(), 3u);
    EXPECT_EQ(x.by_initiative[0].key, std::to_string(i1));
    EXPECT_EQ(x.by_initiative[0].totals.actions, 3);    // X1 X2 X5
    EXPECT_EQ(x.by_initiative[0].totals.minutes, 210);  // 60+60+90
    EXPECT_EQ(x.by_initiative[0].totals.people, 37);    // 27+0+10
    EXPECT_EQ(x.by_initiative[1].key, std::to_string(i2));
    EXPECT_EQ(x.by_initiative[1].totals.actions, 3);  // X3 X9 X10
    EXPECT_EQ(x.by_initiative[1].totals.people, 52);  // 26+9+17
    EXPECT_EQ(x.by_initiative[2].key, "0");
    EXPECT_EQ(x.by_initiative[2].label, "Sans initiative");
    EXPECT_EQ(x.by_initiative[2].totals.people, 23);  // X4
    // By département: the first school's (X10: S2 before S4 by id → 025), else the commune's (X9: Dole → 039).
    ASSERT_EQ(x.by_department.size(), 2u);
    EXPECT_EQ(x.by_department[0].key, "025");
    EXPECT_EQ(x.by_department[0].totals.actions, 6);
    EXPECT_EQ(x.by_department[0].totals.people, 103);  // 112 - 9
    EXPECT_EQ(x.by_department[1].key, "039");
    EXPECT_EQ(x.by_department[1].totals.people, 9);
    // Rule 5: X3 is credited in full to both partners and the company, X1 to Femmes & Sciences too; the total
    // counts X3 once (112, not 112 + 26 + 26).
    ASSERT_EQ(x.by_organisation.size(), 4u);  // by name
    EXPECT_EQ(x.by_organisation[0].label, "Elles bougent");
    EXPECT_EQ(x.by_organisation[0].totals.people, 26);  // X3
    EXPECT_EQ(x.by_organisation[1].label, "Femmes & Sciences");
    EXPECT_EQ(x.by_organisation[1].totals.actions, 2);    // X1 X3
    EXPECT_EQ(x.by_organisation[1].totals.minutes, 180);  // 60 + 120
    EXPECT_EQ(x.by_organisation[1].totals.people, 53);    // 27 + 26
    EXPECT_EQ(x.by_organisation[2].label, "Laboratoire FEMTO-ST");
    EXPECT_EQ(x.by_organisation[2].totals.people, 17);  // X10
    EXPECT_EQ(x.by_organisation[3].label, "Métallerie Comtoise");
    EXPECT_EQ(x.by_organisation[3].totals.people, 26);  // X3
    // By audience: one row per category.
    ASSERT_EQ(x.by_audience.size(), 7u);
    EXPECT_EQ(x.by_audience[0].key, "girls");
    EXPECT_EQ(x.by_audience[0].totals.people, 41);
    EXPECT_EQ(x.by_audience[1].totals.people, 54);
    EXPECT_TRUE(x.by_territory.empty());
    // Rule 7: the years overlapping 2024-09..2025-08 are 2024 and 2025.
    ASSERT_EQ(x.targets.size(), 4u);
    EXPECT_EQ(x.targets[0].indicator, "people_reached");
    EXPECT_EQ(x.targets[0].label, "Personnes sensibilisées");
    EXPECT_EQ(x.targets[0].target, 800);  // 300 (2024) + 500 (2025); 2026 and territory B's excluded
    EXPECT_EQ(x.targets[0].actual, 112);
    EXPECT_EQ(x.targets[1].indicator, "girls");
    EXPECT_EQ(x.targets[1].target, 200);
    EXPECT_EQ(x.targets[1].actual, 41);
    EXPECT_EQ(x.targets[2].indicator, "actions");
    EXPECT_EQ(x.targets[2].target, 10);  // 2026's 12 excluded
    EXPECT_EQ(x.targets[2].actual, 7);
    EXPECT_EQ(x.targets[3].indicator, "schools_reached");
    EXPECT_EQ(x.targets[3].label, "Établissements touchés");
    EXPECT_EQ(x.targets[3].target, 3);
    EXPECT_EQ(x.targets[3].actual, 4);
  }
}

TEST_P(Indicators, FiltersByHand) {
  build_known_set();
  set_status(ta, X8, "rejected", "Webinaire annulé");
  {
    // Rule 8: audience filter "girls": people counts girls only, everywhere; the categories stay whole.
    auto f = year_of(ta);
    f.audience = "girls";
    for (const auto& [how, x] : both(*db, f)) {
      SCOPED_TRACE(how);
      EXPECT_EQ(x.total.people, 41);       // 12+8+10+5+6
      EXPECT_EQ(x.total.audience[1], 54);  // boys still there
      EXPECT_EQ(x.total.actions, 7);
      EXPECT_EQ(x.by_month[1].totals.people, 12);                    // 2024-10: X1's girls
      EXPECT_EQ(find_row(x.by_kind, "atelier")->totals.people, 15);  // 10 + 5
      EXPECT_EQ(find_row(x.by_audience, "girls")->totals.people, 41);
      EXPECT_EQ(find_row(x.by_audience, "boys")->totals.people, 0);
      EXPECT_EQ(x.by_organisation[1].totals.people, 20);  // Femmes & Sciences: X1 12 + X3 8
      EXPECT_EQ(x.targets[0].actual, 112) << "the people-reached target compares with every category";
    }
  }
  {
    // Kind filter: ateliers X4 and X5; schools S3 and S1.
    auto f = year_of(ta);
    f.kind = "atelier";
    for (const auto& [how, x] : both(*db, f)) {
      SCOPED_TRACE(how);
      EXPECT_EQ(x.total.actions, 2);
      EXPECT_EQ(x.total.people, 33);  // 23 + 10
      EXPECT_EQ(x.schools_reached, 2);
      ASSERT_EQ(x.by_kind.size(), 1u);
    }
  }
  {
    // Initiative filter: I2 = X3 X9 X10; schools S2 (X3, X10) and S4 (X10); targets of I2 only.
    auto f = year_of(ta);
    f.initiative_id = i2;
    for (const auto& [how, x] : both(*db, f)) {
      SCOPED_TRACE(how);
      EXPECT_EQ(x.total.actions, 3);
      EXPECT_EQ(x.total.people, 52);  // 26 + 9 + 17
      EXPECT_EQ(x.schools_reached, 2);
      ASSERT_EQ(x.by_initiative.size(), 1u);
      ASSERT_EQ(x.targets.size(), 2u);
      EXPECT_EQ(x.targets[0].indicator, "actions");
      EXPECT_EQ(x.targets[0].target, 10);
      EXPECT_EQ(x.targets[0].actual, 3);
      EXPECT_EQ(x.targets[1].indicator, "schools_reached");
      EXPECT_EQ(x.targets[1].actual, 2);
    }
  }
  {
    // Rule 9, level group "college" (6e–3e): X1 (3e), X2 (3e), X4 (4e), X5 (5e).
    auto f = year_of(ta);
    f.level_group = "college";
    for (const auto& [how, x] : both(*db, f)) {
      SCOPED_TRACE(how);
      EXPECT_EQ(x.total.actions, 4);
      EXPECT_EQ(x.total.minutes, 300);  // 60+60+90+90
      EXPECT_EQ(x.total.people, 60);    // 27 + 0 + 23 + 10
      EXPECT_EQ(x.schools_reached, 2);  // S1, S3
    }
    f.level_group = "bts_but";  // X10
    for (const auto& [how, x] : both(*db, f)) {
      EXPECT_EQ(x.total.actions, 1) << how;
      EXPECT_EQ(x.total.people, 17) << how;
    }
  }
  {
    // Rule 9, priority education: X4 reached S3 (REP+).
    auto f = year_of(ta);
    f.priority_only = true;
    for (const auto& [how, x] : both(*db, f)) {
      SCOPED_TRACE(how);
      EXPECT_EQ(x.total.actions, 1);
      EXPECT_EQ(x.total.people, 23);
      EXPECT_EQ(x.schools_reached, 1);
    }
  }
  {
    // Territory B alone: Y1 (Y2 is only declared); its school S5 is the only one of the Pas-de-Calais here.
    for (const auto& [how, x] : both(*db, year_of(tb))) {
      SCOPED_TRACE(how);
      EXPECT_EQ(x.total.actions, 1);
      EXPECT_EQ(x.total.people, 20);  // 11 + 9
      EXPECT_EQ(x.schools_reached, 1);
      EXPECT_EQ(x.territory_schools, 1);
      ASSERT_EQ(x.targets.size(), 1u);
      EXPECT_EQ(x.targets[0].target, 1000);
    }
  }
  {
    // The federation: A's 7 actions and B's Y1; schools S1–S5 of the 6 schools of 025, 039 and 062 (S6 is in the
    // Haute-Saône, in no territory).
    for (const auto& [how, x] : both(*db, year_of(0))) {
      SCOPED_TRACE(how);
      EXPECT_EQ(x.total.actions, 8);
      EXPECT_EQ(x.total.minutes, 675);  // 630 + 45
      EXPECT_EQ(x.total.people, 132);   // 112 + 20
      EXPECT_EQ(x.schools_reached, 5);
      EXPECT_EQ(x.territory_schools, 6);
      ASSERT_EQ(x.by_territory.size(), 2u);
      EXPECT_EQ(x.by_territory[0].key, "cmq-a");
      EXPECT_EQ(x.by_territory[0].label, "Territoire A");
      EXPECT_EQ(x.by_territory[0].totals.people, 112);
      EXPECT_EQ(x.by_territory[1].totals.people, 20);
      EXPECT_EQ(x.by_month[1].totals.actions, 2);  // 2024-10: X1 and Y1
      EXPECT_EQ(x.by_month[1].totals.people, 47);  // 27 + 20
      ASSERT_EQ(x.by_department.size(), 3u);       // for the map of France
      EXPECT_EQ(x.by_department[0].key, "025");
      EXPECT_EQ(x.by_department[0].totals.people, 103);  // A's actions in the Doubs
      EXPECT_EQ(x.by_department[1].key, "039");
      EXPECT_EQ(x.by_department[1].totals.people, 9);  // X9 (Dole)
      EXPECT_EQ(x.by_department[2].key, "062");
      EXPECT_EQ(x.by_department[2].totals.people, 20);  // Y1
      EXPECT_TRUE(x.by_kind.empty());
      EXPECT_TRUE(x.targets.empty());
      EXPECT_TRUE(x.schools.empty());
    }
    auto f = year_of(0);
    f.kind = "temoignage_classe";  // X1, X2, Y1; schools S1, S5
    for (const auto& [how, x] : both(*db, f)) {
      SCOPED_TRACE(how);
      EXPECT_EQ(x.total.actions, 3);
      EXPECT_EQ(x.total.people, 47);  // 27 + 0 + 20
      EXPECT_EQ(x.schools_reached, 2);
    }
    f = year_of(0);
    f.priority_only = true;  // X4 (S3, REP+) and Y1 (S5, REP)
    for (const auto& [how, x] : both(*db, f)) {
      EXPECT_EQ(x.total.actions, 2) << how;
      EXPECT_EQ(x.total.people, 43) << how;  // 23 + 20
    }
  }
}

TEST_P(Indicators, PeriodDefaultsAndBounds) {
  build_known_set();
  // Both ends empty: the school year (September to August) containing today, in UTC.
  std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  int y = static_cast<int>(today.year()), m = static_cast<int>(static_cast<unsigned>(today.month()));
  int start = m >= 9 ? y : y - 1;
  store::IndicatorFilter f;
  f.territory_id = ta;
  for (const auto& [how, x] : both(*db, f)) {
    EXPECT_EQ(x.from_month, std::to_string(start) + "-09") << how;
    EXPECT_EQ(x.to_month, std::to_string(start + 1) + "-08") << how;
    EXPECT_EQ(x.by_month.size(), 12u) << how;
  }
  // No start: from the first month with a counted action (X12, 2024-06).
  f.to_month = "2025-08";
  for (const auto& [how, x] : both(*db, f)) {
    EXPECT_EQ(x.from_month, "2024-06") << how;
    EXPECT_EQ(x.total.actions, 8) << how;  // the 7 of the school year + X12
    EXPECT_EQ(x.by_month.size(), 15u) << how;
  }
  // Reversed bounds are swapped; a single month.
  f.from_month = "2025-01";
  f.to_month = "2024-11";
  for (const auto& [how, x] : both(*db, f)) {
    EXPECT_EQ(x.from_month, "2024-11") << how;
    EXPECT_EQ(x.by_month.size(), 3u) << how;
    EXPECT_EQ(x.total.actions, 4) << how;  // X2 X3 X4 X5
  }
  f.from_month = f.to_month = "2025-09";
  for (const auto& [how, x] : both(*db, f)) {
    EXPECT_EQ(x.total.people, 40) << how;  // X11: 20 + 20
    ASSERT_FALSE(x.targets.empty()) << how;
    EXPECT_EQ(x.targets[0].target, 500) << how;  // one month of 2025 overlaps the year 2025: its whole target
    EXPECT_EQ(x.targets[0].actual, 40) << how;
  }
}

TEST_P(Indicators, AggregatesFollowEveryWriteOfARandomSequence) {
  std::mt19937 rng(20250314);
  auto pick = [&](auto lo, auto hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng); };
  const std::vector<std::string> kinds = {"temoignage_classe", "visite_entreprise", "atelier", "webinaire",
                                          "forum_salon"};
  struct Side {
    long long territory;
    std::vector<long long> schools, initiatives, orgs, users;
  };
  const std::vector<Side> sides = {{ta, {s1, s2, s3, s4, s7}, {i1, i2}, {p1, p2, company, lab}, {amb1, amb2}},
                                   {tb, {s5}, {i_b}, {org_b}, {amb_b}}};
  std::vector<std::pair<long long, long long>> made;  // (territory, id)
  auto random_fill = [&](domain::Action& a, const Side& side) {
    a.kind = kinds[pick(0, kinds.size() - 1)];
    char day[32];
    std::snprintf(day, sizeof day, "%04d-%02d-%02d", static_cast<int>(pick(2024, 2025)), static_cast<int>(pick(1, 12)),
                  static_cast<int>(pick(1, 28)));
    a.starts_on = day;
    a.duration_minutes = static_cast<int>(pick(0, 240));
    for (auto& n : a.audience.n) n = pick(0, 3) == 0 ? 0 : pick(0, 30);
    a.initiative_id = pick(0, 2) == 0 ? 0 : side.initiatives[pick(0, side.initiatives.size() - 1)];
    a.school_ids.clear();
    for (long long s : side.schools)
      if (pick(0, 2) == 0) a.school_ids.push_back(s);
    a.organisations.clear();
    for (long long o : side.orgs)
      if (pick(0, 3) == 0) a.organisations.push_back({o, pick(0, 1) ? "partner" : "company", ""});
    a.ambassador_ids.clear();
    for (long long u : side.users)
      if (pick(0, 1) == 0) a.ambassador_ids.push_back(u);
    a.classes.clear();
    if (pick(0, 1)) a.classes.push_back({std::string(domain::class_levels()[pick(0, 11)].code), ""});
    a.same_group_as = 0;
    std::vector<long long> same;
    for (const auto& [t, id] : made)
      if (t == side.territory) same.push_back(id);
    if (!same.empty() && pick(0, 2) == 0) a.same_group_as = same[pick(0, same.size() - 1)];
  };
  int inserted = 0, updated = 0, moved = 0, deleted = 0, refused = 0;
  for (int step = 0; step < 300; ++step) {
    int op = static_cast<int>(pick(0, 99));
    const Side& side = sides[pick(0, 3) == 0 ? 1 : 0];
    std::vector<long long> mine;
    for (const auto& [t, id] : made)
      if (t == side.territory) mine.push_back(id);
    if (op < 35 || mine.empty()) {
      domain::Action a;
      a.territory_id = side.territory;
      a.title = "Action " + std::to_string(step);
      random_fill(a, side);
      a.status = pick(0, 1) ? "validated" : "declared";
      auto r = store::insert_action(*db, a, by);
      if (r.ok()) {
        made.emplace_back(side.territory, r.id);
        ++inserted;
      } else {
        ++refused;  // e.g. a group whose first action was rejected
        EXPECT_TRUE(r.errors.count("same_group_as")) << r.errors.begin()->first;
      }
      continue;
    }
    long long id = mine[pick(0, mine.size() - 1)];
    if (op < 60) {
      auto a = store::action_by_id(*db, side.territory, id);
      ASSERT_TRUE(a);
      random_fill(*a, side);
      auto r = store::update_action(*db, *a, by);
      if (r.ok())
        ++updated;
      else
        ++refused;
    } else if (op < 90) {
      static const char* statuses[] = {"validated", "rejected", "declared"};
      auto r = store::set_action_status(*db, side.territory, id, statuses[pick(0, 2)], "Motif", by);
      if (r.ok()) ++moved;
    } else {
      EXPECT_TRUE(store::delete_action(*db, side.territory, id, by));
      made.erase(std::find(made.begin(), made.end(), std::make_pair(side.territory, id)));
      ++deleted;
    }
  }
  EXPECT_GT(inserted, 80);
  EXPECT_GT(updated, 40);
  EXPECT_GT(moved, 25);
  EXPECT_GT(deleted, 10);
  // The group invariant: a follow-up points at a first action (not itself a follow-up) that is not rejected.
  long long broken = db->read([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM actions a JOIN actions g ON g.id = a.same_group_as WHERE g.same_group_as IS NOT "
           "NULL OR g.status = 'rejected' OR g.territory_id <> a.territory_id",
        soci::into(n);
    return n;
  });
  EXPECT_EQ(broken, 0);

  auto maintained = store::aggregate_rows(*db);
  ASSERT_GT(maintained.size(), 50u);
  std::vector<store::IndicatorFilter> filters;
  for (long long t : {ta, tb, 0LL}) {
    store::IndicatorFilter f;
    f.territory_id = t;
    f.from_month = "2024-01";
    f.to_month = "2025-12";
    filters.push_back(f);
    f.kind = "atelier";
    filters.push_back(f);
    f.kind.clear();
    f.initiative_id = t == tb ? i_b : i1;
    filters.push_back(f);
    f.initiative_id = 0;
    f.audience = "boys";
    filters.push_back(f);
    f.audience.clear();
    f.from_month = "2024-11";
    f.to_month = "2025-02";
    filters.push_back(f);
  }
  for (const auto& f : filters)
    EXPECT_EQ(describe(store::indicators(*db, f)), describe(store::indicators_from_actions(*db, f)))
        << "territory " << f.territory_id << " kind " << f.kind << " initiative " << f.initiative_id << " audience "
        << f.audience << " " << f.from_month;
  store::rebuild_aggregates(*db, ta);
  EXPECT_EQ(store::aggregate_rows(*db), maintained) << "rebuilding territory A changes nothing";
  store::rebuild_aggregates(*db);
  auto rebuilt = store::aggregate_rows(*db);
  ASSERT_EQ(rebuilt.size(), maintained.size());
  for (std::size_t i = 0; i < rebuilt.size(); ++i) ASSERT_EQ(maintained[i], rebuilt[i]) << "row " << i;
  EXPECT_EQ(store::aggregate_rows(*db, tb).size(),
            static_cast<std::size_t>(std::count_if(rebuilt.begin(), rebuilt.end(), [&](const std::string& l) {
              return l.find("|" + std::to_string(tb) + "|") == l.find('|');
            })));
}

TEST_P(Indicators, ConcurrentWritersLoseNoIncrement) {
  // Four writers at once on the same aggregate rows (same territory, month, kind, school): on PostgreSQL they run
  // concurrently, and the pure upserts with increments must not lose any.
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      try {
        for (int i = 0; i < 15; ++i) {
          auto a = action(ta, "atelier", "2025-01-1" + std::to_string(w), 60, {1, 2, 3}, {s1, s2}, i1);
          a.organisations = {{p1, "partner", ""}};
          a.status = "validated";
          auto r = store::insert_action(*db, a, by);
          if (!r.ok()) ++failures;
          if (i % 3 == 0 && !store::set_action_status(*db, ta, r.id, "declared", "", by).ok()) ++failures;
        }
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        ++failures;
      }
    });
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures, 0);
  store::IndicatorFilter f{.territory_id = ta, .from_month = "2025-01", .to_month = "2025-01"};
  auto x = store::indicators(*db, f);
  EXPECT_EQ(x.total.actions, 40);       // 4 writers × 15, of which 4 × 5 reopened
  EXPECT_EQ(x.total.people, 40 * 6);    // 1 + 2 + 3 each
  EXPECT_EQ(x.schools[0].actions, 40);  // each reached S1 and S2
  auto maintained = store::aggregate_rows(*db);
  store::rebuild_aggregates(*db);
  EXPECT_EQ(store::aggregate_rows(*db), maintained);
}

TEST_P(Indicators, RebuildFromNothingEqualsMaintained) {
  build_known_set();
  set_status(ta, X8, "rejected", "Webinaire annulé");
  store::delete_action(*db, ta, X5, by);
  auto maintained = store::aggregate_rows(*db);
  db->write([](soci::session& sql) {
    for (const char* t : {"action_agg", "action_agg_month", "school_reach", "action_agg_org"})
      sql << std::string("DELETE FROM ") + t;
  });
  EXPECT_TRUE(store::aggregate_rows(*db).empty());
  store::rebuild_aggregates(*db);
  EXPECT_EQ(store::aggregate_rows(*db), maintained);
  // A deleted organisation takes its credit with it, in both.
  store::delete_organisation(*db, ta, p2, by);
  auto after_delete = store::aggregate_rows(*db);
  store::rebuild_aggregates(*db);
  EXPECT_EQ(store::aggregate_rows(*db), after_delete);
}

INSTANTIATE_TEST_SUITE_P(Engines, Indicators, ::testing::ValuesIn(fixture::engines()));
