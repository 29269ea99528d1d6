// Store tests for mentoring, on every engine: programmes and territory confinement, mentors (offers 'mentor',
// capacity), applications with the school contact's vouch and the parental consent, THE CONSENT GATE (an
// under-15 without consent is never in the instance, never proposed, never put in a pair, no message, no meeting,
// even when the store functions are called directly), the matching constraints and optimality computed by hand,
// pair transitions, messages, meetings and feedback, and the feedback requests of the scheduled jobs (faked clock,
// real SMTP sink).
#include "store/mentoring.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "domain/plan.hpp"
#include "jobs/mentoring_jobs.hpp"
#include "store/accounts.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;
namespace mt = domain::mentoring;

namespace {

constexpr long long kNow = 1800000000;  // 2027-01-15
const std::string kToday = "2027-01-15";

class MentoringStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "cmq-p", "Territoire P", "cmq", {"025", "039"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "cmq-q", "Territoire Q", "cmq", {"062"}, "", "", 1.3});
    coordinator = user("coord@p.fr", domain::Role::coordinator, ta);
    by = {coordinator, "coord@p.fr"};
    // C1 at 47.0 N, C2 at 47.1 N (14.455 km by road from C1: cost 145), C3 at 48.0 N (144.5 km: remote only).
    commune("25056", "Besançon", "25", 47.0, 6.0);
    commune("39198", "Dole", "39", 47.1, 6.0);
    commune("39300", "Loin", "39", 48.0, 6.0);
    school = school_row("0251080N", "025");
    ines = ambassador(ta, "Inès", "25056", "usinage", "wed-pm", "talk,mentor");
    sarah = ambassador(ta, "Sarah", "39198", "chimie", "wed-pm,thu-am", "mentor");
    talker = ambassador(ta, "Nina", "25056", "usinage", "wed-pm", "talk");  // does not offer to mentor
    other = ambassador(tb, "Zoé", "", "usinage", "", "mentor");
    programme = make_programme(ta, "lyceennes");
    adults = make_programme(ta, "reconversion");
  }

  long long user(const std::string& email, domain::Role role, long long territory) {
    domain::User u;
    u.email = email;
    u.display_name = email;
    u.role = role;
    u.territory_id = territory;
    return store::insert_user(*db, u, "hash");
  }
  void commune(const std::string& insee, const std::string& name, const std::string& dep, double lat, double lon) {
    db->write([&](soci::session& sql) {
      sql << "INSERT INTO communes (insee, name, department, lat, lon) VALUES (:i, :n, :d, :la, :lo)", soci::use(insee),
          soci::use(name), soci::use(dep), soci::use(lat), soci::use(lon);
    });
  }
  long long school_row(const std::string& uai, const std::string& dep) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO schools (uai, name, kind, department, commune_name, updated_at) VALUES (:u, 'Lycée Test', "
             "'lycee', :d, 'Besançon', 1) RETURNING id",
          soci::use(uai), soci::use(dep), soci::into(id);
      return id;
    });
  }
  long long ambassador(long long territory, const std::string& first, const std::string& insee, const std::string& dom,
                       const std::string& weekly, const std::string& offers) {
    static int n = 0;
    std::string email = "mentor" + std::to_string(++n) + "@p.fr", token = "unsub-" + email;
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, job_title, domain, "
             "home_commune_insee, max_km, weekly, max_per_month, offers, unsubscribe_token, created_at, updated_at) "
             "VALUES (:t, 'active', :f, 'Test', :e, 'Technicienne', :d, :c, 30, :w, 2, :o, :tok, 1, 1) RETURNING id",
          soci::use(territory), soci::use(first), soci::use(email), soci::use(dom), soci::use(insee), soci::use(weekly),
          soci::use(offers), soci::use(token), soci::into(id);
      return id;
    });
  }
  long long make_programme(long long territory, const std::string& audience) {
    mt::Programme p;
    p.territory_id = territory;
    p.name = "Marrainage " + audience;
    p.audience = audience;
    p.starts_on = "2027-01-01";
    p.ends_on = "2027-06-30";
    p.status = "open";
    auto r = store::insert_programme(*db, p, by);
    EXPECT_TRUE(r.ok());
    return r.id;
  }
  // An application as the form makes it, normalised on kToday.
  store::ApplicationInsert apply(long long prog, const std::string& birth, const std::string& commune_insee,
                                 std::vector<std::string> domains = {}, std::vector<std::string> weekly = {},
                                 bool remote = true) {
    mt::Application a;
    a.first_name = "Lina";
    a.last_name = "Bernard";
    a.birth_month = birth;
    a.email = "lina@exemple.fr";
    a.school_id = school;
    a.class_level = "2de";
    a.commune_insee = commune_insee;
    a.domains = std::move(domains);
    a.weekly = std::move(weekly);
    a.remote_ok = remote;
    a.motivation = "Découvrir.";
    a.voucher_name = "Mme Prof";
    a.voucher_email = "prof@ac-besancon.fr";
    a.guardian_name = "M. Bernard";
    a.guardian_email = "parent@exemple.fr";
    mt::normalise(a, kToday);
    return store::insert_mentee_application(*db, prog, a);
  }
  mt::Application app(const store::ApplicationInsert& ins) {
    return *store::mentee_application_by_token(*db, ins.token);
  }
  std::string pair_status(long long id) {
    return db->read([&](soci::session& sql) {
      std::string s;
      sql << "SELECT status FROM mentoring_pairs WHERE id = :id", soci::use(id), soci::into(s);
      return s;
    });
  }
  // Inserts a pair directly, as a faulty caller could, to check that the store still refuses contact.
  long long raw_pair(long long prog, long long application_id, long long ambassador_id, const std::string& status) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO mentoring_pairs (programme_id, application_id, ambassador_id, status, created_at, "
             "updated_at) VALUES (:p, :a, :m, :s, 1, 1) RETURNING id",
          soci::use(prog), soci::use(application_id), soci::use(ambassador_id), soci::use(status), soci::into(id);
      return id;
    });
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0, coordinator = 0, school = 0;
  long long ines = 0, sarah = 0, talker = 0, other = 0, programme = 0, adults = 0;
  store::Author by;
};

TEST_P(MentoringStore, ProgrammesAreConfinedAndValidated) {
  EXPECT_TRUE(store::programme_by_id(*db, ta, programme));
  EXPECT_FALSE(store::programme_by_id(*db, tb, programme));  // another territory's id reads as absent
  EXPECT_EQ(store::programmes_of(*db, ta).size(), 2u);
  EXPECT_TRUE(store::programmes_of(*db, tb).empty());
  auto p = *store::programme_by_id(*db, ta, programme);
  p.territory_id = tb;
  EXPECT_EQ(store::update_programme(*db, p, by).status, Status::not_found);
  p.territory_id = ta;
  p.ends_on = "2026-01-01";
  auto r = store::update_programme(*db, p, by);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_EQ(r.errors.at("ends_on"), "La fin du programme doit suivre son début.");
  EXPECT_EQ(store::run_mentoring_matching(*db, tb, programme, by).result.status, Status::not_found);
}

TEST_P(MentoringStore, MentorsJoinWithOfferAndCapacity) {
  EXPECT_TRUE(store::join_programme(*db, ta, programme, ines, 2, true, by).ok());
  auto r = store::join_programme(*db, ta, programme, talker, 1, true, by);
  EXPECT_EQ(r.status, Status::conflict);
  EXPECT_TRUE(r.errors.count("ambassador_id"));
  EXPECT_EQ(store::join_programme(*db, ta, programme, sarah, 6, true, by).status, Status::invalid);
  EXPECT_EQ(store::join_programme(*db, ta, programme, sarah, 0, true, by).status, Status::invalid);
  EXPECT_EQ(store::join_programme(*db, ta, programme, other, 1, true, by).status, Status::not_found);
  EXPECT_EQ(store::join_programme(*db, tb, programme, other, 1, true, by).status, Status::not_found);
  auto ms = store::mentors_of(*db, programme);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].capacity, 2);
  EXPECT_TRUE(store::withdraw_mentor(*db, ta, programme, ines, by).ok());
  EXPECT_EQ(store::mentors_of(*db, programme)[0].status, "withdrawn");
  EXPECT_TRUE(store::join_programme(*db, ta, programme, ines, 1, false, by).ok());  // back
  EXPECT_EQ(store::mentors_of(*db, programme)[0].status, "active");
}

TEST_P(MentoringStore, VouchAndConsentTransitions) {
  // An adult: ready at once, no vouch token.
  auto adult = apply(adults, "1990-05", "25056");
  ASSERT_TRUE(adult.result.ok());
  EXPECT_EQ(app(adult).status, "ready");
  EXPECT_EQ(app(adult).vouch_token, "");
  // 16 years old: submitted, then ready once vouched; a second vouch is refused.
  auto sixteen = apply(programme, "2010-06", "25056");
  auto s = app(sixteen);
  EXPECT_EQ(s.status, "submitted");
  EXPECT_EQ(s.last_name, "B");
  ASSERT_EQ(s.vouch_token.size(), 32u);
  auto v = store::vouch_by_token(*db, s.vouch_token, kNow);
  EXPECT_TRUE(v.result.ok());
  EXPECT_EQ(v.consent_token, "");
  EXPECT_EQ(app(sixteen).status, "ready");
  EXPECT_EQ(store::vouch_by_token(*db, s.vouch_token, kNow).result.status, Status::conflict);
  // 13 years old: vouched by the school contact's account -> awaiting_consent; the guardian's link -> ready.
  auto young = apply(programme, "2013-09", "25056");
  auto y = app(young);
  EXPECT_TRUE(y.under_15);
  EXPECT_EQ(y.email, "");
  EXPECT_EQ(store::consent_by_token(*db, "no-such-consent-token-000000000", kNow).status, Status::not_found);
  EXPECT_EQ(store::record_paper_consent(*db, ta, y.id, by).status, Status::conflict);  // not vouched yet
  long long prof = user("prof@ac-besancon.fr", domain::Role::school_contact, ta);
  EXPECT_EQ(store::mentee_applications_to_vouch(*db, "PROF@ac-besancon.fr").size(), 1u);
  EXPECT_EQ(store::vouch_by_user(*db, y.id, prof, "autre@ac-besancon.fr", kNow).result.status, Status::not_found);
  auto vy = store::vouch_by_user(*db, y.id, prof, "prof@ac-besancon.fr", kNow);
  ASSERT_TRUE(vy.result.ok());
  EXPECT_EQ(vy.consent_token.size(), 32u);
  EXPECT_EQ(app(young).status, "awaiting_consent");
  EXPECT_EQ(app(young).vouched_by, prof);
  EXPECT_TRUE(store::consent_by_token(*db, vy.consent_token, kNow + 5).ok());
  auto yc = app(young);
  EXPECT_EQ(yc.status, "ready");
  EXPECT_EQ(yc.consent_at, kNow + 5);
  EXPECT_EQ(yc.consent_method, "email_link");
  // Paper consent by the coordinator, confined to her territory.
  auto other_young = apply(programme, "2013-02", "25056");
  auto oy = app(other_young);
  store::vouch_by_token(*db, oy.vouch_token, kNow);
  EXPECT_EQ(store::record_paper_consent(*db, tb, oy.id, by).status, Status::not_found);
  EXPECT_TRUE(store::record_paper_consent(*db, ta, oy.id, by).ok());
  EXPECT_EQ(app(other_young).consent_method, "paper");
  EXPECT_EQ(app(other_young).consent_recorded_by, coordinator);
  // Closed programme: no application.
  auto p = *store::programme_by_id(*db, ta, adults);
  p.status = "closed";
  ASSERT_TRUE(store::update_programme(*db, p, by).ok());
  EXPECT_EQ(apply(adults, "1990-05", "25056").result.status, Status::conflict);
}

TEST_P(MentoringStore, ConsentGate) {
  ASSERT_TRUE(store::join_programme(*db, ta, programme, ines, 5, true, by).ok());
  // Unvouched 16-year-old, vouched under-15 without consent: neither is in the instance nor proposed.
  auto unvouched = apply(programme, "2010-06", "25056");
  auto young = apply(programme, "2013-09", "25056");
  auto y = app(young);
  ASSERT_TRUE(store::vouch_by_token(*db, y.vouch_token, kNow).result.ok());
  EXPECT_TRUE(store::mentoring_instance(*db, programme).mentees.empty());
  auto run = store::run_mentoring_matching(*db, ta, programme, by);
  EXPECT_TRUE(run.result.ok());
  EXPECT_EQ(run.proposals, 0);
  EXPECT_TRUE(store::pairs_of(*db, programme).empty());
  // Forcing the status in the database does not open the gate: consent_at is what counts.
  db->write([&](soci::session& sql) {
    sql << "UPDATE mentee_applications SET status = 'ready' WHERE id = :id", soci::use(y.id);
  });
  EXPECT_TRUE(store::mentoring_instance(*db, programme).mentees.empty());
  // A pair written directly (by a faulty caller) can neither be accepted nor used.
  long long forced = raw_pair(programme, y.id, ines, "proposed");
  EXPECT_EQ(store::accept_pair(*db, ta, forced, by).status, Status::conflict);
  EXPECT_EQ(pair_status(forced), "proposed");
  long long forced_active = raw_pair(programme, y.id, ines, "active");
  EXPECT_EQ(store::add_message(*db, forced_active, "mentor", "Bonjour !", kNow).status, Status::conflict);
  EXPECT_EQ(store::add_message(*db, forced_active, "mentee", "Bonjour !", kNow).status, Status::conflict);
  EXPECT_EQ(store::add_meeting(*db, forced_active, "2027-01-20", 60, "remote", "", 0, kNow).status, Status::conflict);
  EXPECT_EQ(store::add_feedback(*db, forced_active, "mid", "mentor", 4, "", kNow).status, Status::conflict);
  long long unv = app(unvouched).id;
  long long forced_unvouched = raw_pair(programme, unv, ines, "active");
  EXPECT_EQ(store::add_message(*db, forced_unvouched, "mentor", "Bonjour !", kNow).status, Status::conflict);
  EXPECT_EQ(fixture::count_rows(*db, "mentoring_messages"), 0);
  EXPECT_EQ(fixture::count_rows(*db, "mentoring_meetings"), 0);
  // Once the consent is recorded, the channel opens.
  db->write([&](soci::session& sql) {
    sql << "UPDATE mentee_applications SET status = 'awaiting_consent' WHERE id = :id", soci::use(y.id);
  });
  ASSERT_TRUE(store::consent_by_token(*db, app(young).consent_token, kNow).ok());
  EXPECT_EQ(store::mentoring_instance(*db, programme).mentees.size(), 0u);  // in a pair (the forced one) already
  EXPECT_TRUE(store::add_message(*db, forced_active, "mentor", "Bonjour !", kNow).ok());
}

TEST_P(MentoringStore, MatchingConstraintsAndAccept) {
  // Inès at C1 (usinage, wed-pm, capacity 1), Sarah at C2 (chimie, wed-pm/thu-am, capacity 1, no video).
  ASSERT_TRUE(store::join_programme(*db, ta, adults, ines, 1, true, by).ok());
  ASSERT_TRUE(store::join_programme(*db, ta, adults, sarah, 1, false, by).ok());
  // A at C1 (usinage, wed-pm): Inès 0, Sarah 145 + 300 = 445.
  // B at C1 (chimie, thu-am): Inès no common half-day; Sarah 145.
  // C at C3 far (usinage, wed-pm): Inès remote 400; Sarah refuses video.
  // D at C1 (usinage, mon-am): nobody shares a half-day.
  auto a = apply(adults, "1990-05", "25056", {"usinage"}, {"wed-pm"});
  auto b = apply(adults, "1991-05", "25056", {"chimie"}, {"thu-am"});
  auto c = apply(adults, "1992-05", "39300", {"usinage"}, {"wed-pm"});
  auto d = apply(adults, "1993-05", "25056", {"usinage"}, {"mon-am"});
  auto inst = store::mentoring_instance(*db, adults);
  EXPECT_EQ(inst.mentees.size(), 4u);
  EXPECT_EQ(inst.mentors.size(), 2u);
  auto run = store::run_mentoring_matching(*db, ta, adults, by);
  ASSERT_TRUE(run.result.ok());
  // Capacity 1 each: A–Inès (0) + B–Sarah (145) = 145 is optimal; C and D unmatched.
  EXPECT_EQ(run.proposals, 2);
  EXPECT_EQ(run.unmatched, 2);
  auto pairs = store::pairs_of(*db, adults);
  ASSERT_EQ(pairs.size(), 2u);
  long long pa = 0;
  for (const auto& p : pairs) {
    EXPECT_EQ(p.status, "proposed");
    if (p.application_id == app(a).id) {
      EXPECT_EQ(p.ambassador_id, ines);
      EXPECT_EQ(p.cost, 0);
      EXPECT_EQ(p.why, "0 km, usinage, mercredi après-midi");
      pa = p.id;
    } else {
      EXPECT_EQ(p.application_id, app(b).id);
      EXPECT_EQ(p.ambassador_id, sarah);
      EXPECT_EQ(p.cost, 145);
      EXPECT_EQ(p.why, "14 km, chimie et procédés, jeudi matin");
    }
  }
  // Accept A–Inès: active, A matched; Inès is full, so a rerun proposes C to nobody (remote would be Inès).
  EXPECT_EQ(store::accept_pair(*db, tb, pa, by).status, Status::not_found);
  ASSERT_TRUE(store::accept_pair(*db, ta, pa, by).ok());
  EXPECT_EQ(app(a).status, "matched");
  EXPECT_EQ(store::accept_pair(*db, ta, pa, by).status, Status::conflict);
  auto rerun = store::run_mentoring_matching(*db, ta, adults, by);
  EXPECT_EQ(rerun.proposals, 1);  // B–Sarah again
  EXPECT_EQ(store::mentors_of(*db, adults)[0].load + store::mentors_of(*db, adults)[1].load, 1);
  // Inès's pairs: the active one, with the mentee's first name and initial only.
  auto mine = store::pairs_of_ambassador(*db, ines);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].mentee_name, "Lina B.");
  // The capacity of 2 takes C remotely on the next run.
  ASSERT_TRUE(store::join_programme(*db, ta, adults, ines, 2, true, by).ok());
  auto third = store::run_mentoring_matching(*db, ta, adults, by);
  EXPECT_EQ(third.proposals, 2);
  bool c_remote = false;
  for (const auto& p : store::pairs_of(*db, adults))
    if (p.application_id == app(c).id) {
      c_remote = p.remote;
      EXPECT_EQ(p.why, "à distance, usinage, mercredi après-midi");
      EXPECT_EQ(p.cost, 400 + 100);  // remote + one active pair
    }
  EXPECT_TRUE(c_remote);
  (void)d;
}

TEST_P(MentoringStore, MessagesMeetingsFeedbackAndEnd) {
  ASSERT_TRUE(store::join_programme(*db, ta, adults, ines, 1, true, by).ok());
  auto a = apply(adults, "1990-05", "25056", {"usinage"}, {"wed-pm"});
  ASSERT_EQ(store::run_mentoring_matching(*db, ta, adults, by).proposals, 1);
  long long pair = store::pairs_of(*db, adults)[0].id;
  EXPECT_EQ(store::add_message(*db, pair, "mentor", "Bonjour", kNow).status, Status::conflict);  // proposed
  ASSERT_TRUE(store::accept_pair(*db, ta, pair, by).ok());
  EXPECT_TRUE(store::add_message(*db, pair, "mentor", "  Bonjour Lina  ", kNow).ok());
  EXPECT_TRUE(store::add_message(*db, pair, "mentee", "Bonjour !", kNow + 1).ok());
  EXPECT_EQ(store::add_message(*db, pair, "mentee", "   ", kNow).status, Status::invalid);
  EXPECT_EQ(store::add_message(*db, pair, "inconnu", "x", kNow).status, Status::invalid);
  auto msgs = store::messages_of(*db, pair);
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0].body, "Bonjour Lina");
  EXPECT_EQ(msgs[1].author, "mentee");
  auto bad = store::add_meeting(*db, pair, "2027-02-30", 2, "fax", "", 0, kNow);
  EXPECT_EQ(bad.status, Status::invalid);
  EXPECT_EQ(bad.errors.size(), 3u);
  EXPECT_TRUE(store::add_meeting(*db, pair, "2027-01-20", 60, "in_person", "Visite de l’atelier", 0, kNow).ok());
  EXPECT_EQ(store::meetings_of(*db, pair).size(), 1u);
  EXPECT_TRUE(store::add_feedback(*db, pair, "mid", "mentee", 5, "Super", kNow).ok());
  EXPECT_EQ(store::add_feedback(*db, pair, "mid", "mentee", 4, "", kNow).status, Status::conflict);
  EXPECT_EQ(store::add_feedback(*db, pair, "mid", "mentor", 0, "", kNow).status, Status::invalid);
  EXPECT_EQ(store::feedback_of(*db, pair).size(), 1u);
  EXPECT_EQ(store::end_pair(*db, tb, pair, "fin", by).status, Status::not_found);
  ASSERT_TRUE(store::end_pair(*db, ta, pair, "Programme terminé", by).ok());
  EXPECT_EQ(pair_status(pair), "ended");
  EXPECT_EQ(app(a).status, "finished");
  EXPECT_EQ(store::add_message(*db, pair, "mentor", "Encore", kNow).status, Status::conflict);
  EXPECT_TRUE(store::add_feedback(*db, pair, "end", "mentor", 4, "", kNow).ok());  // end feedback after the end
  EXPECT_TRUE(store::mentee_set_outcome(*db, a.token, "bts_but", "BTS CRSA", kNow).ok());
  EXPECT_EQ(app(a).outcome, "bts_but");
  EXPECT_EQ(store::mentee_set_outcome(*db, a.token, "medecine", "", kNow).status, Status::invalid);
  // The audit log carries ids only: no name, e-mail nor message.
  long long leaks = db->read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Lina%' OR detail LIKE '%@%' OR detail LIKE "
           "'%Bonjour%'",
        soci::into(n);
    return n;
  });
  EXPECT_EQ(leaks, 0);
}

TEST_P(MentoringStore, WithdrawCancelsPairs) {
  ASSERT_TRUE(store::join_programme(*db, ta, adults, ines, 1, true, by).ok());
  auto a = apply(adults, "1990-05", "25056");
  ASSERT_EQ(store::run_mentoring_matching(*db, ta, adults, by).proposals, 1);
  ASSERT_TRUE(store::mentee_withdraw_application(*db, a.token, "Plus le temps", kNow).ok());
  EXPECT_EQ(app(a).status, "withdrawn");
  EXPECT_TRUE(store::pairs_of(*db, adults).empty());
  EXPECT_EQ(store::mentee_withdraw_application(*db, a.token, "", kNow).status, Status::conflict);
  EXPECT_EQ(store::run_mentoring_matching(*db, ta, adults, by).proposals, 0);
}

// The programme runs 2027-01-01 .. 2027-06-30: its middle day is 2027-04-01 (90 of its 180 days).
TEST_P(MentoringStore, FeedbackIsAskedOnceOnTheMiddleAndTheLastDay) {
  ASSERT_EQ(store::programme_by_id(*db, ta, adults)->middle_day(), "2027-04-01");
  ASSERT_TRUE(store::join_programme(*db, ta, adults, ines, 2, true, by).ok());
  auto a = apply(adults, "1990-05", "25056", {"usinage"}, {"wed-pm"});
  ASSERT_EQ(store::run_mentoring_matching(*db, ta, adults, by).proposals, 1);
  long long pair = store::pairs_of(*db, adults)[0].id;
  // A proposal is not asked anything.
  EXPECT_TRUE(store::take_due_feedback_requests(*db, "2027-04-01", kNow).empty());
  ASSERT_TRUE(store::accept_pair(*db, ta, pair, by).ok());

  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", "Passerelles <ne-pas-repondre@passerelles.example.org>");
  const std::string base = "https://passerelles.example.org";
  auto run = [&](const std::string& day) { return jobs::run_mentoring_jobs(*db, mailer, base, day, kNow); };
  EXPECT_EQ(run("2027-03-31").feedback_requests, 0);
  auto mid = run("2027-04-01");
  EXPECT_EQ(mid.feedback_requests, 1);
  EXPECT_EQ(mid.mail_errors, 0);
  EXPECT_EQ(run("2027-04-02").feedback_requests, 0) << "asked once";
  EXPECT_EQ(run("2027-06-29").feedback_requests, 0);
  EXPECT_EQ(run("2027-06-30").feedback_requests, 1);
  EXPECT_EQ(run("2027-07-01").feedback_requests, 0);

  auto messages = sink.wait_for(4);
  ASSERT_EQ(messages.size(), 4u) << "the mentor and the mentee, twice";
  auto has = [](const std::string& m, const std::string& part) { return m.find(part) != std::string::npos; };
  int mentor_mails = 0, mentee_mails = 0;
  for (const auto& m : messages) {
    if (has(m, "X-Envelope-To: lina@exemple.fr")) {
      ++mentee_mails;
      EXPECT_TRUE(has(m, base + "/parrainage/suivi/" + a.token)) << m;
    } else {
      ++mentor_mails;
      EXPECT_TRUE(has(m, base + "/collectif/parrainage/binomes/" + std::to_string(pair))) << m;
      EXPECT_FALSE(has(m, "lina@exemple.fr")) << "never the mentee's address to the mentor";
    }
  }
  EXPECT_EQ(mentor_mails, 2);
  EXPECT_EQ(mentee_mails, 2);
  EXPECT_TRUE(has(messages[0], "mi-parcours") || has(messages[1], "mi-parcours"));

  // A pair accepted after the middle day and seen first after the end: the end request only, and none at all more
  // than kFeedbackLateDays after the last day.
  auto b = apply(adults, "1985-02", "25056", {"usinage"}, {"wed-pm"});
  ASSERT_EQ(store::run_mentoring_matching(*db, ta, adults, by).proposals, 1);
  long long late = 0;
  for (const auto& x : store::pairs_of(*db, adults))
    if (x.status == "proposed") late = x.id;
  ASSERT_TRUE(store::accept_pair(*db, ta, late, by).ok());
  EXPECT_TRUE(store::take_due_feedback_requests(*db, domain::add_days("2027-06-30", store::kFeedbackLateDays + 1), kNow)
                  .empty());
  auto end = store::take_due_feedback_requests(*db, "2027-07-10", kNow);
  ASSERT_EQ(end.size(), 1u);
  EXPECT_EQ(end[0].pair.id, late);
  EXPECT_EQ(end[0].phase, "end");
  EXPECT_EQ(end[0].mentee.token, b.token);
  EXPECT_TRUE(store::take_due_feedback_requests(*db, "2027-07-10", kNow).empty()) << "the mid-term one was dropped";
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(sink.messages().size(), 4u);
}

INSTANTIATE_TEST_SUITE_P(Engines, MentoringStore, ::testing::ValuesIn(fixture::engines()));

}  // namespace
