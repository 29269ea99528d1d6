// Store tests of the funnel on every engine: the hand-counted world of funnel_fixture.hpp (every status and sex,
// erased applications, a period's edges, another territory), the federation, the company hires share, and the
// company hires reports (insert, update, conflict, confinement).
#include "store/funnel.hpp"

#include <gtest/gtest.h>

#include "store/accounts.hpp"
#include "support/funnel_fixture.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

namespace {

class FunnelStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    w = fixture::seed_funnel_world(*db);
  }

  domain::Funnel funnel_of(long long territory, const std::string& from, const std::string& to) {
    store::IndicatorFilter f;
    f.territory_id = territory;
    f.from_month = from;
    f.to_month = to;
    return store::funnel(*db, store::indicators(*db, f));
  }

  std::unique_ptr<store::Store> db;
  fixture::FunnelWorld w;
};

TEST_P(FunnelStore, StepsCountedByHand) {
  auto f = funnel_of(w.report.territory, "2025-09", "2026-08");
  EXPECT_EQ(f.steps[0], w.reached) << "the dashboard's girls and boys";
  EXPECT_EQ(f.steps[1], w.applied);
  EXPECT_EQ(f.steps[2], w.internship);
  EXPECT_EQ(f.steps[3], w.hired);
  EXPECT_EQ(f.hires, w.hires);
  EXPECT_EQ(f.mentees, w.mentees) << "each mentee once, pairs overlapping the period only";

  auto lines = domain::funnel_lines(f);
  EXPECT_EQ(lines[1].total, 26);
  EXPECT_NEAR(*lines[1].conversion, 26.0 / 1030, 1e-12);
  EXPECT_NEAR(*lines[2].conversion, 12.0 / 26, 1e-12);
  EXPECT_NEAR(*lines[3].conversion, 9.0 / 12, 1e-12);
  EXPECT_FALSE(lines[3].boys) << "3 men: « < 5 »";
  auto hires = domain::hires_line(f.hires);
  ASSERT_TRUE(hires.women_share);
  EXPECT_NEAR(*hires.women_share, 8.0 / 20, 1e-12);
  EXPECT_EQ(hires.apprentices, 5);
  EXPECT_FALSE(hires.apprentices_women) << "3 women apprentices: « < 5 »";
  EXPECT_FALSE(hires.apprentices_women_share) << "3 of 5 would give the hidden 3 back";
}

TEST_P(FunnelStore, ErasedApplicationsStillCount) {
  // Erase every personal field of every application, as the privacy purge does: the counts stay.
  db->write([&](soci::session& sql) {
    sql << "UPDATE offer_applications SET first_name = '', last_name = '', email = '', phone = '', erased_at = 1";
  });
  auto f = funnel_of(w.report.territory, "2025-09", "2026-08");
  EXPECT_EQ(f.steps[1], w.applied);
  EXPECT_EQ(f.steps[2], w.internship);
  EXPECT_EQ(f.steps[3], w.hired);
}

TEST_P(FunnelStore, PeriodEdges) {
  // September to December 2025: sent in October, nothing decided or completed yet, except the job decided on
  // 5 September (sent in August: not an application of the period).
  auto autumn = funnel_of(w.report.territory, "2025-09", "2025-12");
  EXPECT_EQ(autumn.steps[1], w.applied);
  EXPECT_EQ(autumn.steps[2], domain::SexCounts{});
  EXPECT_EQ(autumn.steps[3], (domain::SexCounts{1, 0, 0}));
  // Hires of 2025 only.
  EXPECT_EQ(autumn.hires, (domain::HiresSummary{1, 10, 4, 3, 1}));

  // August 2025 alone: the application sent on the 10th.
  auto august = funnel_of(w.report.territory, "2025-08", "2025-08");
  EXPECT_EQ(august.steps[1], (domain::SexCounts{1, 0, 0}));
  EXPECT_EQ(august.mentees, (domain::SexCounts{2, 0, 0})) << "the two pairs of February to October 2025";
  EXPECT_EQ(autumn.mentees, w.mentees);
  EXPECT_EQ(august.steps[3], domain::SexCounts{});

  // September 2026: the internship completed on the 15th.
  auto later = funnel_of(w.report.territory, "2026-09", "2026-09");
  EXPECT_EQ(later.steps[2], (domain::SexCounts{1, 0, 0}));
  EXPECT_EQ(later.steps[1], domain::SexCounts{});

  // A month starts at midnight in Paris: an application sent at 23:30 UTC on 31 August 2025 (01:30 on
  // 1 September in Paris) belongs to September.
  fixture::insert_application(*db, w.offer_job, "sent", "M", 1756683000);
  EXPECT_EQ(funnel_of(w.report.territory, "2025-09", "2025-09").steps[1], (domain::SexCounts{0, 1, 0}));
  EXPECT_EQ(funnel_of(w.report.territory, "2025-08", "2025-08").steps[1], (domain::SexCounts{1, 0, 0}));
}

TEST_P(FunnelStore, OtherTerritoryExcludedFederationIncludesIt) {
  auto other = funnel_of(w.report.other, "2025-09", "2026-08");
  EXPECT_EQ(other.steps[0], (domain::SexCounts{999, 0, 0}));
  EXPECT_EQ(other.steps[1], (domain::SexCounts{3, 0, 0}));
  EXPECT_EQ(other.steps[2], (domain::SexCounts{3, 0, 0}));
  EXPECT_EQ(other.hires, (domain::HiresSummary{1, 50, 25, 0, 0}));
  EXPECT_EQ(other.mentees, domain::SexCounts{});

  auto all = funnel_of(0, "2025-09", "2026-08");
  EXPECT_EQ(all.steps[0], (domain::SexCounts{620 + 999, 410, 0}));
  EXPECT_EQ(all.steps[1], (domain::SexCounts{19, 9, 1}));
  EXPECT_EQ(all.steps[2], (domain::SexCounts{10, 5, 0}));
  EXPECT_EQ(all.steps[3], w.hired);
  EXPECT_EQ(all.hires, (domain::HiresSummary{3, 70, 33, 5, 3}));
}

TEST_P(FunnelStore, NoHiresReportedInThePeriod) {
  auto f = funnel_of(w.report.territory, "2023-01", "2023-12");
  EXPECT_EQ(f.hires, domain::HiresSummary{});
  EXPECT_FALSE(domain::hires_line(f.hires).reported);
}

TEST_P(FunnelStore, HiresReportsSavedAndConfined) {
  const long long t = w.report.territory;
  store::Author by{w.report.coordinator, "coord@rapport.fr"};
  auto reports = store::hires_reports(*db, t);
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_EQ(reports[0].year, 2026);
  EXPECT_EQ(reports[0].organisation_name, "Usine Alpha");
  EXPECT_EQ(reports[1].organisation_name, "Usine Beta");
  EXPECT_EQ(store::hires_reports(*db, t, w.beta).size(), 2u);
  auto companies = store::organisation_names(*db, t, "company");
  ASSERT_EQ(companies.size(), 2u);
  EXPECT_EQ(companies[0].name, "Usine Alpha");

  domain::CompanyHires h;
  h.territory_id = t;
  h.organisation_id = w.beta;
  h.year = 2025;
  h.hires = 12;
  h.hires_women = 5;
  auto saved = store::save_hires_report(*db, h, by);
  ASSERT_TRUE(saved.ok());
  auto back = store::hires_report_by_id(*db, t, saved.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->hires, 12);
  EXPECT_EQ(back->hires_women, 5);
  EXPECT_EQ(back->reported_by, w.report.coordinator);
  EXPECT_GT(back->reported_at, 0);
  EXPECT_EQ(funnel_of(t, "2025-01", "2025-12").hires, (domain::HiresSummary{2, 22, 9, 3, 1}));

  // The same year again is a conflict; an update keeps its own year.
  auto again = store::save_hires_report(*db, h, by);
  EXPECT_EQ(again.status, Status::conflict);
  EXPECT_TRUE(again.errors.count("year"));
  back->hires_women = 6;
  ASSERT_TRUE(store::save_hires_report(*db, *back, by).ok());
  EXPECT_EQ(store::hires_report_by_id(*db, t, saved.id)->hires_women, 6);
  back->year = 2026;  // Beta has reported 2026 already
  EXPECT_EQ(store::save_hires_report(*db, *back, by).status, Status::conflict);

  // Another territory's company or report: not found; a report of another company is not hers.
  h.organisation_id = w.other_company;
  h.year = 2024;
  EXPECT_EQ(store::save_hires_report(*db, h, by).status, Status::not_found);
  h.organisation_id = 999999;  // no such organisation
  EXPECT_EQ(store::save_hires_report(*db, h, by).status, Status::not_found);
  auto foreign = store::hires_reports(*db, w.report.other);
  ASSERT_EQ(foreign.size(), 1u);
  EXPECT_FALSE(store::hires_report_by_id(*db, t, foreign[0].id));
  domain::CompanyHires moved = foreign[0];
  moved.territory_id = t;
  moved.organisation_id = w.alpha;
  moved.year = 2020;
  EXPECT_EQ(store::save_hires_report(*db, moved, by).status, Status::not_found);
  EXPECT_FALSE(store::hires_report_by_id(*db, t, saved.id, w.alpha)) << "Beta's report, asked as Alpha";
  EXPECT_TRUE(store::hires_report_by_id(*db, t, saved.id, w.beta));

  // The audit log names the year and the organisation id only.
  auto audit = store::audit_entries(*db, t, 10, 0);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].entity, "company_hires");
}

INSTANTIATE_TEST_SUITE_P(Engines, FunnelStore, ::testing::ValuesIn(fixture::engines()));

}  // namespace
