// Unit tests of the funnel's rules: conversions and shares on hand values, the small-group rule (« < 5 », shares
// without a base of 5), the hires line, the Paris month bounds and the check of a company's hires.
#include "domain/funnel.hpp"

#include <gtest/gtest.h>

using namespace passerelles::domain;

namespace {

Funnel sample() {
  Funnel f;
  f.steps[0] = {620, 410, 0};  // reached
  f.steps[1] = {40, 10, 2};    // applied: 52
  f.steps[2] = {12, 3, 0};     // internship: 15
  f.steps[3] = {4, 6, 0};      // hired: 10
  return f;
}

}  // namespace

TEST(FunnelRules, SmallGroupRule) {
  struct Case {
    long long n;
    std::optional<long long> shown;
  };
  for (auto c : {Case{0, 0}, Case{1, std::nullopt}, Case{4, std::nullopt}, Case{5, 5}, Case{1234, 1234}}) {
    SCOPED_TRACE(c.n);
    EXPECT_EQ(shown_count(c.n), c.shown);
  }
  EXPECT_EQ(kHiddenCount, "< 5");
  // A share needs a base of 5 and a part that is not hidden.
  EXPECT_FALSE(shown_share(2, 4));
  EXPECT_FALSE(shown_share(0, 4));
  EXPECT_FALSE(shown_share(3, 40)) << "3/40 would give the hidden 3 back";
  ASSERT_TRUE(shown_share(0, 5));
  EXPECT_DOUBLE_EQ(*shown_share(0, 5), 0.0);
  ASSERT_TRUE(shown_share(5, 20));
  EXPECT_DOUBLE_EQ(*shown_share(5, 20), 0.25);
}

TEST(FunnelRules, LinesGiveConversionsAndGirlsSharesOnHandValues) {
  auto lines = funnel_lines(sample());
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].code, "reached");
  EXPECT_EQ(lines[3].code, "hired");
  EXPECT_EQ(lines[3].label, "Apprentissages ou emplois");

  // Reached: 620 girls of 1 030 pupils; no conversion for the first step.
  EXPECT_EQ(lines[0].total, 1030);
  ASSERT_TRUE(lines[0].girls_share);
  EXPECT_NEAR(*lines[0].girls_share, 620.0 / 1030, 1e-12);
  EXPECT_FALSE(lines[0].conversion);

  // Applied: 52 (2 not said count in the total), 52/1030 of the reached, 40/620 of the girls.
  EXPECT_EQ(lines[1].total, 52);
  EXPECT_EQ(lines[1].girls, 40);
  EXPECT_EQ(lines[1].boys, 10);
  EXPECT_NEAR(*lines[1].conversion, 52.0 / 1030, 1e-12);
  EXPECT_NEAR(*lines[1].girls_conversion, 40.0 / 620, 1e-12);
  EXPECT_NEAR(*lines[1].girls_share, 40.0 / 52, 1e-12);

  // Internship: 3 boys are hidden; 15 of 52.
  EXPECT_FALSE(lines[2].boys);
  EXPECT_EQ(lines[2].girls, 12);
  EXPECT_NEAR(*lines[2].conversion, 15.0 / 52, 1e-12);
  EXPECT_NEAR(*lines[2].girls_conversion, 12.0 / 40, 1e-12);

  // Hired: 4 girls hidden, so is every share built on them; 10 of 15.
  EXPECT_FALSE(lines[3].girls);
  EXPECT_EQ(lines[3].boys, 6);
  EXPECT_EQ(lines[3].total, 10);
  EXPECT_FALSE(lines[3].girls_share);
  EXPECT_FALSE(lines[3].girls_conversion);
  EXPECT_NEAR(*lines[3].conversion, 10.0 / 15, 1e-12);
  EXPECT_EQ(lines[3].counts, (SexCounts{4, 6, 0}));
}

TEST(FunnelRules, ConversionNeedsAPreviousStepOfFive) {
  Funnel f;
  f.steps[1] = {3, 1, 0};  // 4 applications: hidden, and no share on them
  f.steps[2] = {0, 0, 0};
  auto lines = funnel_lines(f);
  EXPECT_FALSE(lines[1].conversion) << "the reached step is 0";
  EXPECT_FALSE(lines[1].total);
  EXPECT_FALSE(lines[2].conversion) << "a base of 4";
  EXPECT_EQ(lines[2].total, 0);
}

TEST(FunnelRules, HiresLine) {
  EXPECT_FALSE(hires_line({}).reported) << "« non renseigné »";
  auto l = hires_line({3, 40, 10, 8, 2});
  EXPECT_TRUE(l.reported);
  EXPECT_EQ(l.companies, 3);
  EXPECT_EQ(l.hires, 40);
  ASSERT_TRUE(l.women_share);
  EXPECT_DOUBLE_EQ(*l.women_share, 0.25);
  EXPECT_EQ(l.apprentices, 8);
  EXPECT_FALSE(l.apprentices_women);
  EXPECT_FALSE(l.apprentices_women_share);
  auto few = hires_line({1, 4, 1, 0, 0});
  EXPECT_FALSE(few.hires);
  EXPECT_FALSE(few.women_share);
  EXPECT_EQ(few.apprentices, 0);
}

TEST(FunnelRules, ParisMonthBounds) {
  // 2025-09-01 00:00 in Paris (summer time) = 2025-08-31 22:00 UTC; 2026-01-01 00:00 (winter) = 2025-12-31 23:00.
  EXPECT_EQ(paris_month_start("2025-09"), 1756677600);
  EXPECT_EQ(paris_month_start("2026-01"), 1767222000);
  EXPECT_FALSE(paris_month_start("2025-13"));
  auto r = paris_month_range("2025-09", "2025-12");
  EXPECT_EQ(r.start, 1756677600);
  EXPECT_EQ(r.end, 1767222000);
  auto open = paris_month_range("", "");
  EXPECT_EQ(open.start, 0);
  EXPECT_GT(open.end, 4'000'000'000LL);
}

TEST(FunnelRules, CompanyHiresValidation) {
  auto ok = CompanyHires{};
  ok.organisation_id = 7;
  ok.year = 2025;
  ok.hires = 10;
  ok.hires_women = 4;
  ok.apprentices = 3;
  ok.apprentices_women = 2;
  EXPECT_TRUE(validate(ok, 2026).empty());

  struct Case {
    const char* name;
    void (*change)(CompanyHires&);
    const char* field;
  };
  const Case cases[] = {
      {"no company", [](CompanyHires& h) { h.organisation_id = 0; }, "organisation_id"},
      {"future year", [](CompanyHires& h) { h.year = 2027; }, "year"},
      {"old year", [](CompanyHires& h) { h.year = 1999; }, "year"},
      {"negative", [](CompanyHires& h) { h.hires = -1; }, "hires"},
      {"more women than hires", [](CompanyHires& h) { h.hires_women = 11; }, "hires_women"},
      {"more apprentices than hires", [](CompanyHires& h) { h.apprentices = 11; }, "apprentices"},
      {"apprentice women over apprentices", [](CompanyHires& h) { h.apprentices_women = 4; }, "apprentices_women"},
      {"too many", [](CompanyHires& h) { h.apprentices_women = 2'000'000; }, "apprentices_women"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    CompanyHires h = ok;
    c.change(h);
    auto e = validate(h, 2026);
    ASSERT_EQ(e.size(), 1u) << e.begin()->first;
    EXPECT_TRUE(e.count(c.field));
  }
  CompanyHires women = ok;
  women.hires_women = 1;
  women.apprentices_women = 2;
  EXPECT_TRUE(validate(women, 2026).count("apprentices_women")) << "apprentice women are among the women hired";
}

TEST(FunnelRules, TableAddsTheHiresRows) {
  Funnel f = sample();
  f.mentees = {3, 2, 0};
  auto none = funnel_table(f);
  ASSERT_EQ(none.size(), 7u);
  EXPECT_EQ(none[6].code, "mentees");
  EXPECT_FALSE(none[6].step);
  EXPECT_TRUE(none[6].reported);
  EXPECT_FALSE(none[6].girls);
  EXPECT_EQ(none[6].total, 5);
  EXPECT_FALSE(none[6].girls_share);
  EXPECT_EQ(none[4].code, "hires");
  EXPECT_EQ(none[4].label, "Embauches déclarées par les entreprises");
  EXPECT_FALSE(none[4].reported) << "no company reported: « non renseigné »";
  EXPECT_FALSE(none[4].total);
  EXPECT_FALSE(none[4].step);
  EXPECT_TRUE(none[3].step);

  f.hires = {2, 20, 8, 5, 3};
  auto t = funnel_table(f);
  EXPECT_EQ(t[4].label, "Embauches déclarées par les entreprises (2 entreprises)");
  EXPECT_TRUE(t[4].reported);
  EXPECT_EQ(t[4].girls, 8);
  EXPECT_EQ(t[4].boys, 12);
  EXPECT_EQ(t[4].total, 20);
  EXPECT_DOUBLE_EQ(*t[4].girls_share, 0.4);
  EXPECT_FALSE(t[4].conversion);
  EXPECT_EQ(t[5].code, "apprentices");
  EXPECT_FALSE(t[5].girls) << "3 women";
  EXPECT_FALSE(t[5].boys) << "2 men";
  EXPECT_EQ(t[5].total, 5);
  EXPECT_FALSE(t[5].girls_share);
  f.hires.companies = 1;
  EXPECT_EQ(funnel_table(f)[4].label, "Embauches déclarées par les entreprises (1 entreprise)");
}
