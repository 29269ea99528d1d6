// Merging two organisations keeps their part in actions: the duplicate's actions are credited to the kept
// organisation, the aggregates stay equal to a rebuild, and totals do not move.
#include <gtest/gtest.h>

#include "store/action_fixture.hpp"
#include "store/indicators.hpp"

using namespace passerelles;

namespace {

class MergeActions : public fixture::ActionWorld {};

TEST_P(MergeActions, TheDuplicatesActionsMoveToTheKeptOrganisation) {
  auto a = action(ta, "visite_entreprise", "2025-03-10", 120, {8, 10}, {s1});
  a.organisations = {{company, "company", {}}, {p1, "partner", {}}};
  long long first = insert(a);
  auto b = action(ta, "visite_entreprise", "2025-04-10", 60, {5, 5}, {s2});
  b.organisations = {{p2, "partner", {}}};
  long long second = insert(b);
  set_status(ta, first, "validated");
  set_status(ta, second, "validated");

  store::IndicatorFilter f;
  f.territory_id = ta;
  f.from_month = "2025-01";
  f.to_month = "2025-12";
  auto before = store::indicators(*db, f);
  auto credit = [](const store::Indicators& ind, long long org) {
    for (const auto& r : ind.by_organisation)
      if (r.key == std::to_string(org)) return r.totals.people;
    return -1LL;
  };
  ASSERT_EQ(credit(before, p1), 18);
  ASSERT_EQ(credit(before, p2), 10);

  // p2 ("Elles bougent") is merged into p1: p1 now has both actions (18 + 10), p2 is gone, the total is unchanged.
  ASSERT_TRUE(store::merge_organisations(*db, ta, p1, p2, by).ok());
  auto after = store::indicators(*db, f);
  EXPECT_EQ(credit(after, p1), 28);
  EXPECT_EQ(credit(after, p2), -1);
  EXPECT_EQ(after.total.people, before.total.people);
  auto moved = store::action_by_id(*db, ta, second);
  ASSERT_TRUE(moved);
  ASSERT_EQ(moved->organisations.size(), 1u);
  EXPECT_EQ(moved->organisations[0].organisation_id, p1);

  auto maintained = store::aggregate_rows(*db, ta);
  store::rebuild_aggregates(*db, ta);
  EXPECT_EQ(store::aggregate_rows(*db, ta), maintained);
}

INSTANTIATE_TEST_SUITE_P(Engines, MergeActions, ::testing::ValuesIn(fixture::engines()));

}  // namespace
