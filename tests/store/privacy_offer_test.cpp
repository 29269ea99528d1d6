// Store test of the purge through the real offers' workflow (store/opportunities.hpp), on every engine: a minor is
// referred to an offer, interviewed and declined; once the offer ended minor_data_months ago, nothing of her is left
// in any table or in her export, and the adult referred to the same offer keeps everything.
#include <gtest/gtest.h>

#include "action_fixture.hpp"
#include "domain/opportunity.hpp"
#include "domain/plan.hpp"
#include "domain/privacy.hpp"
#include "jobs/privacy_jobs.hpp"
#include "store/opportunities.hpp"
#include "store/privacy.hpp"
#include "support/marker_scan.hpp"

using namespace passerelles;

class PrivacyOfferStore : public fixture::ActionWorld {};

TEST_P(PrivacyOfferStore, PurgeAfterTheRealOfferWorkflowLeavesNothingOfTheMinor) {
  const std::string today = domain::paris_day(store::now_unix());
  long long t0 = store::now_unix();
  store::Author me{coordinator, "coord.a@exemple.fr"};
  domain::Offer o;
  o.territory_id = ta;
  o.organisation_id = company;
  o.kind = "stage_seconde";
  o.title = "Stage d’observation";
  o.starts_on = domain::add_days(today, 10);
  o.ends_on = domain::add_days(today, 20);
  o.expires_on = domain::add_days(today, 5);
  o.status = "published";
  auto offer = store::insert_offer(*db, o, me, t0);
  ASSERT_TRUE(offer.ok());

  auto apply = [&](const std::string& m, const std::string& phone, bool minor) {
    domain::OfferApplication c;
    c.offer_id = offer.id;
    c.territory_id = ta;
    c.first_name = m + "prenom";
    c.last_name = m + "nom";
    c.email = m + ".cand@exemple.fr";
    c.phone = phone;
    c.minor = minor;
    c.school_id = s2;
    c.class_level = "2nde";
    c.message = m + " lettre";
    c.referred_by = coordinator;
    auto r = store::insert_application(*db, c, me, today, t0);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->second);
    EXPECT_TRUE(store::change_application(*db, ta, r.id, {"interview", domain::add_days(today, 3), ""}, me, t0).ok());
    EXPECT_TRUE(store::change_application(*db, ta, r.id, {"declined", "", m + " motif"}, me, t0).ok());
    return r.id;
  };
  long long minor = apply("qzwo", "06 11 22 33 44", true);
  long long adult = apply("qzad", "06 55 66 77 88", false);

  const std::vector<std::string> markers = {"qzwo", "11 22 33 44", "0611223344"};
  EXPECT_FALSE(fixture::tables_containing(*db, "qzwo motif").empty()) << "the scan sees the workflow's data";
  std::string day_before = domain::add_months(o.ends_on, 6);
  EXPECT_EQ(jobs::run_privacy_jobs(*db, day_before, 6, t0 + 1).candidates, 0);
  EXPECT_FALSE(fixture::tables_containing(*db, "qzwo").empty());
  auto report = jobs::run_privacy_jobs(*db, domain::add_days(day_before, 1), 6, t0 + 2);
  EXPECT_EQ(report.offers, 1);
  EXPECT_EQ(report.candidates, 1);
  for (const auto& m : markers) {
    auto left = fixture::tables_containing(*db, m);
    EXPECT_TRUE(left.empty()) << "« " << m << " » still in " << (left.empty() ? "" : left.front());
  }
  auto j = store::export_person(*db, ta, "candidate", minor, me, t0 + 3);
  ASSERT_TRUE(j);
  for (const auto& m : markers) EXPECT_EQ(j->dump().find(m), std::string::npos) << m;
  EXPECT_FALSE(fixture::tables_containing(*db, "qzad motif").empty()) << "the adult keeps her data";
  auto rec = store::privacy_record(*db, ta, "candidate", minor);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->status, "declined");
  EXPECT_TRUE(rec->minor);
  EXPECT_EQ(rec->first_name, domain::kErasedName);
  EXPECT_EQ(store::privacy_record(*db, ta, "candidate", adult)->first_name, "qzadprenom");
}

INSTANTIATE_TEST_SUITE_P(Engines, PrivacyOfferStore, ::testing::ValuesIn(fixture::engines()));
