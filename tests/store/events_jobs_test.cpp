// The scheduled work of events on every engine, with a real SMTP sink: lapsed bookings are told, the waiting list
// moves up and is told, confirmed bookings of tomorrow are reminded once, contacts are erased after a year, and a
// failed send is counted, never thrown.
#include "jobs/events_jobs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "action_fixture.hpp"
#include "domain/plan.hpp"
#include "store/events.hpp"
#include "support/smtp_sink.hpp"

using namespace passerelles;

namespace {

constexpr const char* kBase = "https://passerelles.example.org";

}  // namespace

class EventJobs : public fixture::ActionWorld {
 protected:
  long long now = store::now_unix();
  std::string today = domain::paris_day(now);

  long long event_in(int days, int capacity) {
    domain::Event e;
    e.territory_id = ta;
    e.kind = "visite_entreprise";
    e.title = "Visite de l’atelier de décolletage";
    e.starts_on = domain::add_days(today, days);
    e.start_time = "09:30";
    e.end_time = "11:30";
    e.place = "Métallerie Comtoise";
    e.commune_insee = "25056";
    e.safety_rules = "Chaussures fermées.";
    e.capacity = capacity;
    e.status = "published";
    auto r = store::insert_event(*db, e, by);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->first + " " + r.errors.begin()->second);
    return r.id;
  }

  store::BookingResult book(long long event_id, const std::string& email, int girls = 0) {
    domain::Registration r;
    if (girls > 0) {
      r.kind = "class";
      r.school_id = s1;
      r.class_level = "4e";
      r.girls = girls;
      r.adults = 1;
    } else {
      r.kind = "adult";
      r.category = "women_reconversion";
    }
    r.contact_name = "Contact " + email;
    r.email = email;
    auto b = store::book(*db, event_id, r, today);
    EXPECT_TRUE(b.ok()) << email;
    return b;
  }
};

TEST_P(EventJobs, LapseFreesPlacesForTheWaitingListThenRemindsOnce) {
  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", "Passerelles <ne-pas-repondre@passerelles.example.org>");
  long long tomorrow = event_in(1, 3);
  auto a = book(tomorrow, "anne@exemple.fr");           // 1 place, confirmed
  auto b = book(tomorrow, "prof@exemple.fr", 1);        // 2 places (1 pupil, 1 adult), never confirmed
  auto w = book(tomorrow, "wanda@exemple.fr");          // waitlisted, confirmed
  auto later = book(event_in(5, 0), "lea@exemple.fr");  // confirmed, but not tomorrow: no reminder
  ASSERT_EQ(b.registration.status, "booked");
  ASSERT_EQ(w.registration.status, "waitlisted");
  for (const auto* r : {&a, &w, &later}) ASSERT_TRUE(store::confirm_registration(*db, r->registration.token).ok());

  // Two days later than the bookings' creation: the class lapses, Wanda moves up, then both confirmed bookings of
  // tomorrow are reminded (today stays the real day, so that the event is still tomorrow).
  auto report = jobs::run_event_jobs(*db, mailer, kBase, today, now + 49LL * 3600);
  EXPECT_EQ(report.lapsed, 1);
  EXPECT_EQ(report.promoted, 1);
  EXPECT_EQ(report.reminders, 2);
  EXPECT_EQ(report.anonymised, 0);
  EXPECT_EQ(report.mail_errors, 0);

  auto messages = sink.wait_for(4);
  ASSERT_EQ(messages.size(), 4u);
  auto prof = fixture::messages_to(messages, "prof@exemple.fr");
  ASSERT_EQ(prof.size(), 1u);
  EXPECT_TRUE(fixture::contains(prof[0], "n’a pas été confirmée dans les 48 heures")) << prof[0];
  EXPECT_TRUE(fixture::contains(prof[0], std::string(kBase) + "/evenements/" + std::to_string(tomorrow))) << prof[0];
  auto wanda = fixture::messages_to(messages, "wanda@exemple.fr");
  ASSERT_EQ(wanda.size(), 2u);  // moved up, then reminded
  EXPECT_EQ(std::count_if(wanda.begin(), wanda.end(),
                          [](const auto& m) { return fixture::contains(m, "quitte la liste d’attente"); }),
            1);
  auto anne = fixture::messages_to(messages, "anne@exemple.fr");
  ASSERT_EQ(anne.size(), 1u);
  EXPECT_TRUE(fixture::contains(anne[0], "Petit rappel")) << anne[0];
  EXPECT_TRUE(fixture::contains(anne[0], "Chaussures fermées.")) << anne[0];
  EXPECT_TRUE(fixture::contains(anne[0], a.registration.code)) << anne[0];
  EXPECT_TRUE(fixture::contains(anne[0], "/inscriptions/" + a.registration.token)) << anne[0];
  EXPECT_TRUE(fixture::messages_to(messages, "lea@exemple.fr").empty());

  EXPECT_EQ(store::registration_by_token(*db, b.registration.token)->registration.status, "cancelled");
  EXPECT_EQ(store::registration_by_token(*db, w.registration.token)->registration.status, "booked");

  // A second run finds nothing left to do and sends nothing.
  auto again = jobs::run_event_jobs(*db, mailer, kBase, today, now + 49LL * 3600);
  EXPECT_EQ(again.reminders + again.lapsed + again.promoted + again.anonymised + again.mail_errors, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(sink.messages().size(), 4u);
}

TEST_P(EventJobs, ContactsAreErasedAYearAfterTheEvent) {
  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", "Passerelles <ne-pas-repondre@passerelles.example.org>");
  long long old = event_in(-366, 10);     // ended 366 days ago
  long long recent = event_in(-365, 10);  // exactly 365 days ago: kept one more day
  for (long long id : {old, recent}) {
    db->write([&](soci::session& sql) {
      std::string token = "tok-" + std::to_string(id);
      sql << "INSERT INTO event_registrations (event_id, kind, status, places, token, code, contact_name, email, "
             "phone, needs, confirmed_at, created_at, updated_at) VALUES (:e, 'adult', 'booked', 1, :t, 'AAAAAA', "
             "'Ancienne', 'ancienne@exemple.fr', '06 12 34 56 78', 'Fauteuil', 1, 1, 1)",
          soci::use(id), soci::use(token);
    });
  }
  auto report = jobs::run_event_jobs(*db, mailer, kBase, today, now);
  EXPECT_EQ(report.anonymised, 1);
  auto gone = store::registration_by_token(*db, "tok-" + std::to_string(old));
  ASSERT_TRUE(gone);
  EXPECT_TRUE(gone->registration.anonymised);
  EXPECT_EQ(gone->registration.email, "");
  EXPECT_EQ(gone->registration.phone, "");
  EXPECT_EQ(gone->registration.needs, "");
  EXPECT_EQ(store::registration_by_token(*db, "tok-" + std::to_string(recent))->registration.email,
            "ancienne@exemple.fr");
  EXPECT_TRUE(sink.messages().empty());
}

TEST_P(EventJobs, AFailedSendIsCountedNotThrown) {
  mail::Mailer closed("smtp://127.0.0.1:1", "", "", "Passerelles <ne-pas-repondre@passerelles.example.org>");
  long long tomorrow = event_in(1, 0);
  auto a = book(tomorrow, "anne@exemple.fr");
  auto c = book(tomorrow, "carole@exemple.fr");
  for (const auto* r : {&a, &c}) ASSERT_TRUE(store::confirm_registration(*db, r->registration.token).ok());
  jobs::EventJobsReport report;
  ASSERT_NO_THROW(report = jobs::run_event_jobs(*db, closed, kBase, today, now));
  EXPECT_EQ(report.reminders, 0);  // none sent
  EXPECT_EQ(report.mail_errors, 2);
  // Taken all the same: a later run does not send them twice.
  EXPECT_TRUE(store::take_due_reminders(*db, domain::add_days(today, 1)).empty());
  EXPECT_THROW(jobs::run_event_jobs(*db, closed, kBase, "2025-02-30", now), std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(Engines, EventJobs, ::testing::ValuesIn(fixture::engines()));
