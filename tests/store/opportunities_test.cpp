// Store tests for offers and applications, on every engine: publication and the lists each side sees, territory
// confinement, the application state machine (every transition, the illegal ones, the fields each sets), places,
// the reminders at 7 and 14 days and the expiry at 45 days with a faked clock (each once, not before its day),
// offers that expire, the jobs with a real SMTP sink, and audit entries that carry no name.
#include "store/opportunities.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "action_fixture.hpp"
#include "domain/plan.hpp"
#include "jobs/opportunity_jobs.hpp"
#include "support/smtp_sink.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

namespace {

constexpr const char* kBase = "https://passerelles.example.org";
constexpr long long kDay = 86400;

}  // namespace

class OpportunitiesStore : public fixture::ActionWorld {
 protected:
  // A fixed clock: 2026-11-28 10:00 UTC.
  long long t0 = 1795860000;
  std::string today = "2026-11-28";
  long long rh = 0, prof = 0;
  store::Author company_by, school_by;

  void SetUp() override {
    ActionWorld::SetUp();
    ASSERT_EQ(domain::paris_day(t0), today);
    rh = user("rh@metallerie.fr", "Rose Hugon", domain::Role::company_contact, ta);
    prof = user("prof@college.fr", "Paul Roux", domain::Role::school_contact, ta);
    ASSERT_TRUE(store::set_user_organisation(*db, ta, rh, company));
    company_by = {rh, "rh@metallerie.fr"};
    school_by = {prof, "prof@college.fr"};
  }

  domain::Offer offer(const std::string& status = "published", int places = 2, long long org_id = 0) {
    domain::Offer o;
    o.territory_id = ta;
    o.organisation_id = org_id ? org_id : company;
    o.kind = "stage_3e";
    o.title = "Découverte de l’usinage";
    o.domain = "usinage";
    o.places = places;
    o.starts_on = "2027-01-18";
    o.ends_on = "2027-01-22";
    o.commune_insee = "25056";
    o.expires_on = "2027-01-10";
    o.status = status;
    return o;
  }

  long long publish(const domain::Offer& o) {
    auto r = store::insert_offer(*db, o, company_by, t0);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->second);
    return r.id;
  }

  domain::OfferApplication application(long long offer_id, const std::string& first = "Léa",
                                       const std::string& sex = "F") {
    domain::OfferApplication a;
    a.offer_id = offer_id;
    a.territory_id = ta;
    a.referred_by = prof;
    a.referrer_organisation_id = p1;
    a.first_name = first;
    a.last_name = "Martin";
    a.sex = sex;
    a.minor = true;
    a.school_id = s1;
    a.class_level = "3e";
    a.message = "Très motivée par la mécanique.";
    return a;
  }

  long long apply(long long offer_id, long long at, const std::string& first = "Léa") {
    auto r = store::insert_application(*db, application(offer_id, first), school_by, today, at);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->second);
    return r.id;
  }

  store::WriteResult change(long long id, const std::string& to_state, const std::string& day = "",
                            const std::string& reason = "", long long at = 0) {
    return store::change_application(*db, ta, id, {to_state, day, reason}, company_by, at ? at : t0 + 3600);
  }

  std::string state(long long id) { return store::offer_application_by_id(*db, ta, id)->state(); }
};

TEST_P(OpportunitiesStore, PublishedOffersAreListedDraftsOnlyForTheirCompany) {
  long long published = publish(offer());
  long long draft = publish(offer("draft"));
  auto o = store::offer_by_id(*db, ta, published);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->organisation_name, "Métallerie Comtoise");
  EXPECT_EQ(o->commune_name, "Besançon");
  EXPECT_EQ(o->publisher_email, "rh@metallerie.fr");
  EXPECT_EQ(o->status, "published");
  EXPECT_EQ(o->places_left(), 2);

  store::OfferFilter f;
  f.territory_id = ta;
  f.today = today;
  auto seen = store::offers_matching(*db, f);
  ASSERT_EQ(seen.total, 1);
  EXPECT_EQ(seen.rows[0].id, published);
  f.own_organisation = company;
  EXPECT_EQ(store::offers_matching(*db, f).total, 2) << "the company sees its draft";
  f.own_organisation = 0;
  f.every_status = true;
  EXPECT_EQ(store::offers_matching(*db, f).total, 2) << "the coordinator too";

  f.every_status = false;
  f.query = "besancon USINAGE";
  EXPECT_EQ(store::offers_matching(*db, f).total, 1) << "words of the commune and title, folded";
  f.query = "dole";
  EXPECT_EQ(store::offers_matching(*db, f).total, 0);
  f.query = "";
  f.kind = "job";
  EXPECT_EQ(store::offers_matching(*db, f).total, 0);
  f.kind = "stage_3e";
  f.domain = "usinage";
  EXPECT_EQ(store::offers_matching(*db, f).total, 1);

  // A published offer past its expires_on is not listed, even before the job marks it.
  f = {};
  f.territory_id = ta;
  f.today = "2027-01-11";
  EXPECT_EQ(store::offers_matching(*db, f).total, 0);

  // Another territory sees nothing and cannot read, change or close it.
  f = {};
  f.territory_id = tb;
  f.every_status = true;
  EXPECT_EQ(store::offers_matching(*db, f).total, 0);
  EXPECT_FALSE(store::offer_by_id(*db, tb, published));
  auto moved = offer();
  moved.id = draft;
  moved.territory_id = tb;
  EXPECT_EQ(store::update_offer(*db, moved, company_by, t0).status, Status::not_found);
  EXPECT_EQ(store::close_offer(*db, tb, published, "filled", company_by, t0).status, Status::not_found);
  // An organisation of another territory cannot publish here.
  auto foreign = store::insert_offer(*db, offer("published", 1, org_b), company_by, t0);
  EXPECT_EQ(foreign.status, Status::invalid);
  EXPECT_EQ(foreign.errors.count("organisation_id"), 1u);
}

TEST_P(OpportunitiesStore, OffersComeByPagesNewestFirst) {
  long long first = publish(offer());
  long long second = publish(offer());
  long long third = publish(offer());
  store::OfferFilter f;
  f.territory_id = ta;
  f.today = today;
  f.per_page = 2;
  auto p1 = store::offers_matching(*db, f);
  EXPECT_EQ(p1.total, 3);
  EXPECT_EQ(p1.pages(), 2);
  ASSERT_EQ(p1.rows.size(), 2u);
  EXPECT_EQ(p1.rows[0].id, third) << "same created_at: the higher id first";
  EXPECT_EQ(p1.rows[1].id, second);
  f.page = 2;
  auto p2 = store::offers_matching(*db, f);
  ASSERT_EQ(p2.rows.size(), 1u);
  EXPECT_EQ(p2.rows[0].id, first);
  f.page = 9;
  EXPECT_EQ(store::offers_matching(*db, f).page, 2) << "a page past the end shows the last one";
}

TEST_P(OpportunitiesStore, EditPublishAndClose) {
  long long id = publish(offer("draft"));
  auto o = *store::offer_by_id(*db, ta, id);
  o.status = "published";
  o.places = 3;
  o.title = "Découverte de l’usinage et du contrôle";
  ASSERT_TRUE(store::update_offer(*db, o, company_by, t0 + 10).ok());
  auto back = store::offer_by_id(*db, ta, id);
  EXPECT_EQ(back->status, "published");
  EXPECT_EQ(back->places, 3);
  EXPECT_EQ(back->title, "Découverte de l’usinage et du contrôle");
  EXPECT_EQ(back->updated_at, t0 + 10);
  ASSERT_TRUE(store::close_offer(*db, ta, id, "filled", company_by, t0 + 20).ok());
  EXPECT_EQ(store::offer_by_id(*db, ta, id)->status, "closed");
  EXPECT_EQ(store::close_offer(*db, ta, id, "filled", company_by, t0 + 30).status, Status::conflict);
  EXPECT_EQ(store::update_offer(*db, o, company_by, t0 + 40).status, Status::conflict);
  auto r = store::insert_application(*db, application(id), school_by, today, t0 + 50);
  EXPECT_EQ(r.status, Status::conflict);
  EXPECT_EQ(r.errors.at("offer"), "Cette offre ne reçoit plus de candidatures : elle est clôturée.");
}

TEST_P(OpportunitiesStore, FromSentToCompletedSetsEachField) {
  long long offer_id = publish(offer());
  long long id = apply(offer_id, t0);
  auto a = store::offer_application_by_id(*db, ta, id);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, "sent");
  EXPECT_EQ(a->sent_at, t0);
  EXPECT_EQ(a->offer_title, "Découverte de l’usinage");
  EXPECT_EQ(a->organisation_id, company);
  EXPECT_EQ(a->company_email, "rh@metallerie.fr") << "no contact_email: the publisher";
  EXPECT_EQ(a->referrer_email, "prof@college.fr");
  EXPECT_EQ(a->referrer_organisation_name, "Femmes & Sciences");
  EXPECT_EQ(a->school_name, "Collège Victor Hugo");
  EXPECT_TRUE(a->minor);

  EXPECT_TRUE(store::mark_application_seen(*db, ta, id, company_by, t0 + 100));
  EXPECT_FALSE(store::mark_application_seen(*db, ta, id, company_by, t0 + 200)) << "only once";
  EXPECT_EQ(store::offer_application_by_id(*db, ta, id)->seen_at, t0 + 100);
  ASSERT_TRUE(change(id, "interview", "2026-12-03", "", t0 + 300).ok());
  ASSERT_TRUE(change(id, "interview", "2026-12-04", "", t0 + 400).ok()) << "a new date";
  a = store::offer_application_by_id(*db, ta, id);
  EXPECT_EQ(a->status, "interview");
  EXPECT_EQ(a->interview_on, "2026-12-04");
  EXPECT_EQ(a->interview_at, t0 + 400);
  ASSERT_TRUE(change(id, "accepted", "", "", t0 + 500).ok());
  a = store::offer_application_by_id(*db, ta, id);
  EXPECT_EQ(a->state(), "accepted");
  EXPECT_EQ(a->decided_at, t0 + 500);
  EXPECT_EQ(store::offer_by_id(*db, ta, offer_id)->accepted, 1);
  ASSERT_TRUE(change(id, "completed", "", "", t0 + 600).ok());
  a = store::offer_application_by_id(*db, ta, id);
  EXPECT_EQ(a->status, "accepted") << "completed is a flag on an accepted application";
  EXPECT_TRUE(a->completed);
  EXPECT_EQ(a->completed_at, t0 + 600);
  EXPECT_EQ(a->state(), "completed");

  // The audit log names no candidate.
  for (const auto& e : store::audit_entries(*db, ta, 100, 0)) {
    EXPECT_FALSE(fixture::contains(e.detail, "Léa")) << e.detail;
    EXPECT_FALSE(fixture::contains(e.detail, "Martin")) << e.detail;
  }
}

TEST_P(OpportunitiesStore, DeclineWithdrawAndIllegalTransitions) {
  long long offer_id = publish(offer("published", 5));
  long long declined = apply(offer_id, t0, "Inès");
  EXPECT_EQ(change(declined, "declined").errors.count("decline_reason"), 1u) << "a reason is required";
  EXPECT_EQ(change(declined, "declined").status, Status::invalid);
  EXPECT_EQ(change(declined, "interview", "2026-13-01").status, Status::invalid);
  EXPECT_EQ(change(declined, "interview").errors.count("interview_on"), 1u);
  ASSERT_TRUE(change(declined, "declined", "", "Le stage demande 16 ans révolus.").ok());
  auto d = store::offer_application_by_id(*db, ta, declined);
  EXPECT_EQ(d->decline_reason, "Le stage demande 16 ans révolus.");
  EXPECT_NE(d->seen_at, 0) << "a decision implies the company saw it";

  long long withdrawn = apply(offer_id, t0, "Sarah");
  ASSERT_TRUE(store::change_application(*db, ta, withdrawn, {"withdrawn", "", ""}, school_by, t0 + 10).ok());
  EXPECT_EQ(store::offer_application_by_id(*db, ta, withdrawn)->seen_at, 0) << "a withdrawal is not a reading";

  struct Case {
    long long id;
    const char* to;
  };
  for (const auto& c : std::vector<Case>{{declined, "accepted"},
                                         {declined, "interview"},
                                         {declined, "withdrawn"},
                                         {declined, "completed"},
                                         {withdrawn, "accepted"},
                                         {withdrawn, "seen"},
                                         {withdrawn, "declined"}}) {
    auto r = change(c.id, c.to, "2026-12-03", "raison");
    EXPECT_EQ(r.status, Status::conflict) << c.to;
    EXPECT_EQ(r.errors.count("status"), 1u);
  }
  EXPECT_EQ(change(declined, "accepted").errors.at("status"),
            "Cette candidature a été refusée : la décision ne peut plus être changée.");
  long long fresh = apply(offer_id, t0, "Nora");
  EXPECT_EQ(change(fresh, "completed").status, Status::conflict) << "completed only after accepted";
  EXPECT_EQ(change(fresh, "sent").status, Status::conflict);
  EXPECT_EQ(change(fresh, "bogus").status, Status::conflict);
  EXPECT_EQ(state(fresh), "sent") << "refusals change nothing";

  // Another territory's id reads as absent.
  EXPECT_FALSE(store::offer_application_by_id(*db, tb, fresh));
  EXPECT_EQ(store::change_application(*db, tb, fresh, {"accepted", "", ""}, company_by, t0).status, Status::not_found);
  EXPECT_FALSE(store::mark_application_seen(*db, tb, fresh, company_by, t0));
  EXPECT_EQ(state(fresh), "sent");
}

TEST_P(OpportunitiesStore, PlacesAreCountedByAcceptedApplications) {
  long long offer_id = publish(offer("published", 1));
  long long first = apply(offer_id, t0, "Léa");
  long long second = apply(offer_id, t0, "Inès");
  ASSERT_TRUE(change(first, "accepted").ok());
  auto full = change(second, "accepted");
  EXPECT_EQ(full.status, Status::conflict);
  EXPECT_TRUE(fixture::contains(full.errors.at("status"), "Toutes les places")) << full.errors.at("status");
  auto refused = store::insert_application(*db, application(offer_id, "Nora"), school_by, today, t0);
  EXPECT_EQ(refused.status, Status::conflict);
  EXPECT_EQ(refused.errors.at("offer"),
            "Toutes les places de cette offre sont prises : la candidature n’a pas été envoyée.");
  EXPECT_TRUE(change(second, "declined", "", "Offre pourvue.").ok()) << "the other can still be declined";

  // An offer past its expires_on takes no application; one of another territory is absent.
  long long old = publish(offer("published", 3));
  auto late = store::insert_application(*db, application(old), school_by, "2027-01-11", t0);
  EXPECT_EQ(late.status, Status::conflict);
  EXPECT_EQ(late.errors.at("offer"), "Cette offre ne reçoit plus de candidatures : elle est expirée.");
  auto elsewhere = application(old);
  elsewhere.territory_id = tb;
  EXPECT_EQ(store::insert_application(*db, elsewhere, school_by, today, t0).status, Status::not_found);
  long long draft = publish(offer("draft"));
  EXPECT_EQ(store::insert_application(*db, application(draft), school_by, today, t0).status, Status::conflict);
}

TEST_P(OpportunitiesStore, RemindersOnceEachOnTheirDayThenExpiryAt45Days) {
  long long offer_id = publish(offer("published", 5));
  long long waiting = apply(offer_id, t0, "Léa");
  long long decided = apply(offer_id, t0, "Inès");
  ASSERT_TRUE(change(decided, "accepted").ok());
  auto at = [&](int days, int hours = 0) { return t0 + days * kDay + hours * 3600; };
  auto ids = [](const std::vector<domain::OfferApplication>& v) {
    std::vector<long long> out;
    for (const auto& a : v) out.push_back(a.id);
    return out;
  };
  using Ids = std::vector<long long>;
  EXPECT_EQ(ids(store::take_application_reminders(*db, 7, at(6, 23))), Ids{}) << "day 6: nothing";
  EXPECT_EQ(ids(store::take_application_reminders(*db, 7, at(7))), Ids{waiting}) << "day 7: one";
  EXPECT_EQ(ids(store::take_application_reminders(*db, 7, at(7, 1))), Ids{}) << "taken once";
  EXPECT_EQ(ids(store::take_application_reminders(*db, 7, at(8))), Ids{}) << "day 8: nothing more";
  EXPECT_EQ(ids(store::take_application_reminders(*db, 14, at(8))), Ids{});
  EXPECT_EQ(ids(store::take_application_reminders(*db, 14, at(13, 23))), Ids{}) << "not before day 14";
  EXPECT_EQ(ids(store::take_application_reminders(*db, 14, at(14))), Ids{waiting}) << "day 14: the second";
  EXPECT_EQ(ids(store::take_application_reminders(*db, 14, at(15))), Ids{});
  auto a = store::offer_application_by_id(*db, ta, waiting);
  EXPECT_EQ(a->reminded_7_at, at(7));
  EXPECT_EQ(a->reminded_14_at, at(14));
  EXPECT_TRUE(store::expire_applications(*db, at(44, 23)).empty()) << "day 44: not yet";
  auto expired = store::expire_applications(*db, at(45));
  ASSERT_EQ(ids(expired), Ids{waiting}) << "day 45: expired";
  EXPECT_EQ(expired[0].status, "expired");
  a = store::offer_application_by_id(*db, ta, waiting);
  EXPECT_EQ(a->status, "expired");
  EXPECT_EQ(a->decided_at, at(45));
  EXPECT_TRUE(store::expire_applications(*db, at(46)).empty());
  EXPECT_EQ(state(decided), "accepted") << "a decided application never expires";
  EXPECT_EQ(store::offer_application_by_id(*db, ta, decided)->reminded_7_at, 0);

  // One that reaches day 14 without its 7-day reminder gets only the 14-day one.
  long long late = apply(offer_id, at(20), "Nora");
  EXPECT_EQ(ids(store::take_application_reminders(*db, 7, at(35))), Ids{});
  EXPECT_EQ(ids(store::take_application_reminders(*db, 14, at(35))), Ids{late});
}

TEST_P(OpportunitiesStore, OffersExpireAfterTheirLastDay) {
  long long open = publish(offer());
  long long draft = publish(offer("draft"));
  EXPECT_EQ(store::expire_offers(*db, "2027-01-10", t0), 0) << "its last day still takes applications";
  EXPECT_EQ(store::expire_offers(*db, "2027-01-11", t0), 1);
  EXPECT_EQ(store::offer_by_id(*db, ta, open)->status, "expired");
  EXPECT_EQ(store::offer_by_id(*db, ta, draft)->status, "draft");
  // Given a new last day, the company may publish it again.
  auto o = *store::offer_by_id(*db, ta, open);
  o.expires_on = "2027-02-15";
  o.status = "published";
  ASSERT_TRUE(store::update_offer(*db, o, company_by, t0).ok());
  EXPECT_EQ(store::offer_by_id(*db, ta, open)->status, "published");
}

TEST_P(OpportunitiesStore, ListsOfEachSide) {
  long long mine = publish(offer());
  long long other_company = org(ta, "Verrerie du Jura", "company");
  long long theirs = publish(offer("published", 2, other_company));
  long long a1 = apply(mine, t0, "Léa");
  long long a2 = apply(theirs, t0 + 10, "Inès");
  domain::OfferApplication by_coordinator = application(mine, "Nora");
  by_coordinator.referred_by = coordinator;
  by_coordinator.referrer_organisation_id = 0;
  long long a3 = store::insert_application(*db, by_coordinator, by, today, t0 + 20).id;
  ASSERT_TRUE(change(a1, "accepted").ok());

  auto list = [&](store::ApplicationFilter f) {
    f.territory_id = f.territory_id ? f.territory_id : ta;
    std::vector<long long> out;
    for (const auto& a : store::applications_matching(*db, f).rows) out.push_back(a.id);
    return out;
  };
  using Ids = std::vector<long long>;
  EXPECT_EQ(list({}), (Ids{a3, a2, a1})) << "newest first";
  store::ApplicationFilter f;
  f.referred_by = prof;
  EXPECT_EQ(list(f), (Ids{a2, a1}));
  f = {};
  f.organisation_id = company;
  EXPECT_EQ(list(f), (Ids{a3, a1}));
  f.state = "accepted";
  EXPECT_EQ(list(f), Ids{a1});
  f = {};
  f.territory_id = tb;
  EXPECT_EQ(list(f), Ids{});
}

TEST_P(OpportunitiesStore, JobsMailTheCompanyAndTheReferrer) {
  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", "Passerelles <ne-pas-repondre@passerelles.example.org>");
  auto o = offer("published", 2);
  o.contact_email = "stages@metallerie.fr";
  long long offer_id = publish(o);
  long long id = apply(offer_id, t0, "Léa");
  auto day = [&](int d) { return domain::add_days(today, d); };

  auto r6 = jobs::run_opportunity_jobs(*db, mailer, kBase, day(6), t0 + 6 * kDay);
  EXPECT_EQ(r6.reminders_7 + r6.reminders_14 + r6.expired_applications, 0);
  auto r7 = jobs::run_opportunity_jobs(*db, mailer, kBase, day(7), t0 + 7 * kDay);
  EXPECT_EQ(r7.reminders_7, 1);
  auto r8 = jobs::run_opportunity_jobs(*db, mailer, kBase, day(8), t0 + 8 * kDay);
  EXPECT_EQ(r8.reminders_7 + r8.reminders_14, 0);
  auto r14 = jobs::run_opportunity_jobs(*db, mailer, kBase, day(14), t0 + 14 * kDay);
  EXPECT_EQ(r14.reminders_14, 1);
  auto r45 = jobs::run_opportunity_jobs(*db, mailer, kBase, day(45), t0 + 45 * kDay);
  EXPECT_EQ(r45.expired_applications, 1);
  EXPECT_EQ(r45.expired_offers, 1) << "expires_on 2027-01-10 is before day 45 (2027-01-12)";
  EXPECT_EQ(r45.mail_errors, 0);

  auto messages = sink.wait_for(4);
  ASSERT_EQ(messages.size(), 4u);
  auto company_mail = fixture::messages_to(messages, "stages@metallerie.fr");
  ASSERT_EQ(company_mail.size(), 3u) << "two reminders and the expiry, at the offer's contact address";
  EXPECT_TRUE(fixture::contains(company_mail[0], "depuis 7 jours")) << company_mail[0];
  EXPECT_TRUE(fixture::contains(company_mail[0], std::string(kBase) + "/candidatures/" + std::to_string(id)))
      << company_mail[0];
  EXPECT_TRUE(fixture::contains(company_mail[1], "depuis 14 jours")) << company_mail[1];
  EXPECT_TRUE(fixture::contains(company_mail[2], "a expiré")) << company_mail[2];
  EXPECT_FALSE(fixture::contains(company_mail[0], "Martin")) << "first name only";
  auto referrer = fixture::messages_to(messages, "prof@college.fr");
  ASSERT_EQ(referrer.size(), 1u);
  EXPECT_TRUE(fixture::contains(referrer[0], "la candidature a expiré")) << referrer[0];

  auto again = jobs::run_opportunity_jobs(*db, mailer, kBase, day(46), t0 + 46 * kDay);
  EXPECT_EQ(again.reminders_7 + again.reminders_14 + again.expired_applications + again.expired_offers, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(sink.messages().size(), 4u);
}

INSTANTIATE_TEST_SUITE_P(Engines, OpportunitiesStore, ::testing::ValuesIn(fixture::engines()));
