// Store tests for events and registrations, on every engine: capacity never exceeded (also by concurrent
// bookings of the last places), the waiting list and its promotions, cancellation cascades, attendance that
// becomes one action counted by the indicators, the group check-in, scheduled work and territory confinement.
#include "store/events.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "action_fixture.hpp"
#include "domain/plan.hpp"
#include "store/indicators.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

namespace {

std::string day_after(const std::string& day, int days) {
  return domain::add_days(day, days);
}

}  // namespace

class EventsStore : public fixture::ActionWorld {
 protected:
  std::string today = domain::paris_day(store::now_unix());

  domain::Event event(long long territory, int capacity, const std::string& status = "published", int in_days = 10) {
    domain::Event e;
    e.territory_id = territory;
    e.kind = "visite_entreprise";
    e.title = "Visite de l’atelier de décolletage";
    e.description = "Découverte des machines à commande numérique.";
    e.starts_on = day_after(today, in_days);
    e.start_time = "09:30";
    e.end_time = "11:30";
    e.place = "Métallerie Comtoise";
    e.commune_insee = territory == ta ? "25056" : "62193";
    e.audiences = {"college", "lycee"};
    e.capacity = capacity;
    e.status = status;
    if (territory == ta) {
      e.organisation_id = company;
      e.initiative_id = i2;
      e.ambassador_ids = {amb1};
    }
    return e;
  }

  long long insert_event(const domain::Event& e) {
    auto r = store::insert_event(*db, e, by);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->first + " " + r.errors.begin()->second);
    return r.id;
  }

  static domain::Registration klass(long long school, int girls, int boys, int adults = 1,
                                    const std::string& level = "4e") {
    domain::Registration r;
    r.kind = "class";
    r.contact_name = "Mme Prof";
    r.email = "prof@exemple.fr";
    r.school_id = school;
    r.class_level = level;
    r.girls = girls;
    r.boys = boys;
    r.adults = adults;
    return r;
  }

  static domain::Registration adult(const std::string& category = "women_reconversion") {
    domain::Registration r;
    r.kind = "adult";
    r.contact_name = "Nadia Ferhat";
    r.email = "nadia@exemple.fr";
    r.category = category;
    return r;
  }

  store::BookingResult book(long long event_id, const domain::Registration& r) {
    return store::book(*db, event_id, r, today);
  }

  long long people_reached(long long territory) {
    store::IndicatorFilter f;
    f.territory_id = territory;
    return store::indicators(*db, f).total.people;
  }
};

TEST_P(EventsStore, InsertReadsBackWithDerivedFieldsAndConfinement) {
  long long id = insert_event(event(ta, 30));
  auto e = store::event_by_id(*db, ta, id);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->department, "025");
  EXPECT_EQ(e->commune_name, "Besançon");
  EXPECT_EQ(e->organisation_name, "Métallerie Comtoise");
  EXPECT_EQ(e->initiative_name, "Visites d’entreprises et de laboratoires");
  ASSERT_EQ(e->ambassador_names.size(), 1u);
  EXPECT_EQ(e->ambassador_names[0], "Inès Martin");
  EXPECT_EQ(e->checkin_token.size(), 6u);
  EXPECT_EQ(e->ends_on, e->starts_on);
  EXPECT_EQ(e->places_left(), 30);
  EXPECT_FALSE(store::event_by_id(*db, tb, id));
  EXPECT_TRUE(store::event_by_id(*db, 0, id));

  // Ids of another territory are refused with a field error, and nothing is stored.
  domain::Event bad = event(tb, 10);
  bad.organisation_id = company;
  bad.initiative_id = i1;
  bad.ambassador_ids = {amb1};
  auto r = store::insert_event(*db, bad, by);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_TRUE(r.errors.count("organisation_id"));
  EXPECT_TRUE(r.errors.count("initiative_id"));
  EXPECT_TRUE(r.errors.count("ambassador_ids"));
  EXPECT_EQ(fixture::count_rows(*db, "events"), 1);
}

TEST_P(EventsStore, PublicListFiltersAndHidesDrafts) {
  long long visit = insert_event(event(ta, 30));
  auto draft = event(ta, 30, "draft");
  draft.title = "Brouillon secret";
  insert_event(draft);
  auto webinar = event(tb, 0, "published", 20);
  webinar.kind = "webinaire";
  webinar.title = "Webinaire : les métiers de la mécanique";
  webinar.place = "";
  webinar.commune_insee = "";
  webinar.online_url = "https://visio.exemple.fr/salle";
  webinar.audiences = {"femmes_reconversion"};
  long long web = insert_event(webinar);
  auto past = event(ta, 30, "published", -40);
  past.title = "Forum passé";
  insert_event(past);

  store::EventFilter f;
  f.from_day = today;
  auto all = store::events_matching(*db, f);
  ASSERT_EQ(all.total, 2);
  EXPECT_EQ(all.rows[0].id, visit);  // soonest first
  EXPECT_EQ(all.rows[1].id, web);

  f.kind = "webinaire";
  EXPECT_EQ(store::events_matching(*db, f).total, 1);
  f.kind = "";
  f.audience = "femmes_reconversion";
  EXPECT_EQ(store::events_matching(*db, f).total, 1);
  f.audience = "";
  f.department = "25";
  EXPECT_EQ(store::events_matching(*db, f).total, 1);
  f.department = "";
  f.query = "MECANIQUE";
  auto found = store::events_matching(*db, f);
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.rows[0].id, web);
  f.query = "";
  f.territory_id = tb;
  EXPECT_EQ(store::events_matching(*db, f).total, 1);

  store::EventFilter organiser;
  organiser.territory_id = ta;
  organiser.public_only = false;
  EXPECT_EQ(store::events_matching(*db, organiser).total, 3);

  auto feed = store::upcoming_events(*db, 0, today, 100);
  ASSERT_EQ(feed.size(), 2u);
  EXPECT_EQ(store::upcoming_events(*db, tb, today, 100).size(), 1u);
}

TEST_P(EventsStore, BookingNeverExceedsCapacityAndWaitlistsWholeBookings) {
  long long id = insert_event(event(ta, 30));
  auto a = book(id, klass(s1, 12, 10, 2));  // 24 places
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.registration.status, "booked");
  EXPECT_EQ(a.registration.places, 24);
  EXPECT_EQ(a.registration.code.size(), 6u);
  EXPECT_GE(a.registration.token.size(), 30u);
  EXPECT_EQ(a.event.places_left(), 6);

  auto b = book(id, klass(s2, 5, 3, 1));  // 9 > 6 left: the whole class waits
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b.registration.status, "waitlisted");
  auto c = book(id, adult());  // 1 fits: passes the larger one
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.registration.status, "booked");
  EXPECT_EQ(c.event.places_taken, 25);
  EXPECT_EQ(c.event.waitlisted, 1);

  // Larger than the whole event: refused, not waitlisted.
  auto huge = book(id, klass(s1, 20, 15, 2));
  EXPECT_EQ(huge.status, Status::invalid);
  EXPECT_TRUE(huge.errors.count("girls"));
  EXPECT_EQ(fixture::count_rows(*db, "event_registrations"), 3);

  // Cancelling the class frees 24 places: the waitlisted class moves up.
  std::vector<domain::Registration> promoted;
  ASSERT_TRUE(store::cancel_registration(*db, a.registration.token, "classe malade", &promoted).ok());
  ASSERT_EQ(promoted.size(), 1u);
  EXPECT_EQ(promoted[0].id, b.registration.id);
  EXPECT_EQ(promoted[0].email, "prof@exemple.fr");
  auto e = store::event_by_id(*db, ta, id);
  EXPECT_EQ(e->places_taken, 10);
  EXPECT_EQ(e->waitlisted, 0);
  EXPECT_EQ(store::cancel_registration(*db, a.registration.token, "", nullptr).status, Status::conflict);
  EXPECT_EQ(store::cancel_registration(*db, "inconnu", "", nullptr).status, Status::not_found);
}

TEST_P(EventsStore, ClosedPastCancelledAndDraftEventsTakeNoBooking) {
  long long draft = insert_event(event(ta, 30, "draft"));
  EXPECT_EQ(book(draft, adult()).status, Status::not_found);
  long long id = insert_event(event(ta, 30));
  ASSERT_TRUE(store::set_event_status(*db, ta, id, "closed", "", by).ok());
  auto closed = book(id, adult());
  EXPECT_EQ(closed.status, Status::conflict);
  EXPECT_NE(closed.errors.at("event").find("closes"), std::string::npos);
  long long past = insert_event(event(ta, 30, "published", -3));
  EXPECT_EQ(book(past, adult()).status, Status::conflict);
  // Bad input: French messages by field, nothing stored.
  domain::Registration bad = klass(0, 0, 0, 0, "");
  bad.email = "pas-un-email";
  long long open = insert_event(event(ta, 30));
  auto r = book(open, bad);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_TRUE(r.errors.count("email"));
  EXPECT_EQ(fixture::count_rows(*db, "event_registrations"), 0);
}

TEST_P(EventsStore, ConcurrentBookingsOfTheLastPlacesNeverOverbook) {
  long long id = insert_event(event(ta, 10));
  constexpr int kThreads = 8, kEach = 5;  // 40 single places for 10
  std::atomic<int> booked{0}, waitlisted{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int k = 0; k < kEach; ++k) {
        try {
          auto r = book(id, adult());
          if (!r.ok())
            ++failed;
          else if (r.registration.status == "booked")
            ++booked;
          else
            ++waitlisted;
        } catch (const std::exception&) {
          ++failed;
        }
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(booked.load(), 10);
  EXPECT_EQ(waitlisted.load(), kThreads * kEach - 10);
  auto e = store::event_by_id(*db, ta, id);
  EXPECT_EQ(e->places_taken, 10);
  EXPECT_EQ(e->waitlisted, kThreads * kEach - 10);
  // Each booking has its own code.
  long long distinct = db->read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(DISTINCT code) FROM event_registrations WHERE event_id = :e", soci::use(id), soci::into(n);
    return n;
  });
  EXPECT_EQ(distinct, kThreads * kEach);
}

TEST_P(EventsStore, UpdatesRespectPlacesLeftAndCapacityChangesPromote) {
  long long id = insert_event(event(ta, 20));
  auto a = book(id, klass(s1, 8, 8, 1));  // 17
  auto b = book(id, klass(s2, 3, 3, 1));  // 7: waits
  ASSERT_EQ(b.registration.status, "waitlisted");
  domain::Registration bigger = a.registration;
  bigger.girls = 10;  // 19 <= 20
  ASSERT_TRUE(store::update_registration(*db, a.registration.token, bigger).ok());
  bigger.girls = 14;  // 23 > 20
  auto refused = store::update_registration(*db, a.registration.token, bigger);
  EXPECT_EQ(refused.status, Status::invalid);
  EXPECT_NE(refused.errors.at("girls").find("Il ne reste que 20 places"), std::string::npos);
  // Lowering the capacity below what is booked is refused; raising it promotes.
  domain::Event e = *store::event_by_id(*db, ta, id);
  e.capacity = 15;
  auto low = store::update_event(*db, e, by);
  EXPECT_EQ(low.status, Status::invalid);
  EXPECT_TRUE(low.errors.count("capacity"));
  e.capacity = 30;
  std::vector<domain::Registration> promoted;
  ASSERT_TRUE(store::update_event(*db, e, by, &promoted).ok());
  ASSERT_EQ(promoted.size(), 1u);
  EXPECT_EQ(promoted[0].id, b.registration.id);
  ASSERT_TRUE(store::confirm_registration(*db, a.registration.token).ok());
  EXPECT_NE(store::registration_by_token(*db, a.registration.token)->registration.confirmed_at, 0);
}

TEST_P(EventsStore, CancellingTheEventCancelsEveryBookingAndReturnsWhoToTell) {
  long long id = insert_event(event(ta, 2));
  book(id, adult());
  book(id, adult());
  auto w = book(id, adult());
  ASSERT_EQ(w.registration.status, "waitlisted");
  auto no_reason = store::set_event_status(*db, ta, id, "cancelled", " ", by);
  EXPECT_EQ(no_reason.status, Status::invalid);
  EXPECT_TRUE(no_reason.errors.count("cancel_reason"));
  std::vector<domain::Registration> notify;
  ASSERT_TRUE(store::set_event_status(*db, ta, id, "cancelled", "Atelier en travaux", by, &notify).ok());
  EXPECT_EQ(notify.size(), 3u);
  for (const auto& r : store::registrations_of(*db, ta, id)) {
    EXPECT_EQ(r.status, "cancelled");
    EXPECT_EQ(r.cancel_reason, "Atelier en travaux");
  }
  EXPECT_EQ(store::set_event_status(*db, ta, id, "published", "", by).status, Status::conflict);
  EXPECT_EQ(store::set_event_status(*db, tb, id, "closed", "", by).status, Status::not_found);
  // Only a draft without registrations can be deleted.
  EXPECT_EQ(store::delete_event(*db, ta, id, by).status, Status::conflict);
  long long draft = insert_event(event(ta, 5, "draft"));
  EXPECT_TRUE(store::delete_event(*db, ta, draft, by).ok());
}

TEST_P(EventsStore, AttendanceBecomesOneActionCountedByTheIndicators) {
  long long id = insert_event(event(ta, 60, "published", 0));  // today
  auto a = book(id, klass(s1, 12, 10, 2, "4e"));
  auto b = book(id, klass(s6, 5, 5, 1, "2nde"));  // a school outside the territory's départements
  auto c = book(id, adult("women_reconversion"));
  domain::Registration presc;
  presc.kind = "prescriber";
  presc.contact_name = "Conseillère France Travail";
  presc.email = "conseil@exemple.fr";
  presc.organisation = "France Travail Besançon";
  presc.people = 4;
  presc.category = "women_reconversion";
  auto d = book(id, presc);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok() && d.ok());
  long long before = people_reached(ta);

  std::vector<store::AttendanceMark> marks = {
      {a.registration.id, true, 11, 10, 2, 0},
      {b.registration.id, true, 5, 4, 1, 0},
      {c.registration.id, false, 0, 0, 0, 0},
      {d.registration.id, true, 0, 0, 0, 3},
  };
  auto w = store::record_attendance(*db, ta, id, marks, by, true);
  ASSERT_TRUE(w.ok()) << (w.errors.empty() ? "" : w.errors.begin()->first);
  auto e = store::event_by_id(*db, ta, id);
  ASSERT_EQ(e->action_id, w.id);
  auto action = store::action_by_id(*db, ta, e->action_id);
  ASSERT_TRUE(action);
  EXPECT_EQ(action->status, "validated");
  EXPECT_EQ(action->kind, "visite_entreprise");
  EXPECT_EQ(action->duration_minutes, 120);
  // girls 11+5, boys 10+4, teachers 2+1, women 3, prescribers 1
  EXPECT_EQ(action->audience[0], 16);
  EXPECT_EQ(action->audience[1], 14);
  EXPECT_EQ(action->audience[2], 3);
  EXPECT_EQ(action->audience[3], 3);
  EXPECT_EQ(action->audience[4], 1);
  EXPECT_EQ(action->school_ids, std::vector<long long>{s1});  // s6 is outside the territory
  EXPECT_EQ(action->ambassador_ids, std::vector<long long>{amb1});
  EXPECT_EQ(people_reached(ta) - before, 16 + 14 + 3 + 3 + 1);

  // A second save updates the same action.
  marks[0].girls = 12;
  ASSERT_TRUE(store::record_attendance(*db, ta, id, marks, by, true).ok());
  EXPECT_EQ(fixture::count_rows(*db, "actions"), 1);
  EXPECT_EQ(people_reached(ta) - before, 38);

  // A bad count refuses the whole sheet.
  marks[1].boys = -1;
  auto bad = store::record_attendance(*db, ta, id, marks, by, true);
  EXPECT_EQ(bad.status, Status::invalid);
  EXPECT_TRUE(bad.errors.count("r" + std::to_string(b.registration.id) + "_boys"));
  EXPECT_EQ(people_reached(ta) - before, 38);
  EXPECT_EQ(store::record_attendance(*db, tb, id, marks, by, true).status, Status::not_found);
}

TEST_P(EventsStore, GroupsCheckInByCodeOnTheDayOnly) {
  long long id = insert_event(event(ta, 60, "published", 0));
  auto a = book(id, klass(s1, 12, 10, 2));
  auto e = store::event_by_id(*db, ta, id);
  store::AttendanceMark counts{0, true, 10, 9, 2, 0};
  std::string lower = a.registration.code;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(store::check_in(*db, e->checkin_token, "ZZZZZZ", counts, today).status, Status::not_found);
  EXPECT_EQ(store::check_in(*db, e->checkin_token, lower, counts, day_after(today, 1)).status, Status::conflict);
  EXPECT_EQ(store::check_in(*db, "NOPE42", lower, counts, today).status, Status::not_found);
  auto w = store::check_in(*db, e->checkin_token, " " + lower + " ", counts, today);
  ASSERT_TRUE(w.ok()) << (w.errors.empty() ? "" : w.errors.begin()->second);
  auto after = store::event_by_id(*db, ta, id);
  ASSERT_NE(after->action_id, 0);
  auto action = store::action_by_id(*db, ta, after->action_id);
  EXPECT_EQ(action->status, "declared");  // the coordinator validates it
  EXPECT_EQ(action->audience[0], 10);
  EXPECT_EQ(action->audience[1], 9);
}

TEST_P(EventsStore, JobsRemindLapseAndAnonymise) {
  long long tomorrow = insert_event(event(ta, 3, "published", 1));
  auto a = book(tomorrow, adult());
  auto b = book(tomorrow, klass(s1, 1, 0, 1));
  auto w = book(tomorrow, adult());
  ASSERT_EQ(w.registration.status, "waitlisted");
  ASSERT_TRUE(store::confirm_registration(*db, a.registration.token).ok());
  auto due = store::take_due_reminders(*db, day_after(today, 1));
  ASSERT_EQ(due.size(), 1u);  // only the confirmed booking
  EXPECT_EQ(due[0].registration.id, a.registration.id);
  EXPECT_EQ(due[0].event.id, tomorrow);
  EXPECT_TRUE(store::take_due_reminders(*db, day_after(today, 1)).empty());

  // 49 hours later: the unconfirmed class lapses, the waitlisted (also unconfirmed) lapses too.
  auto out = store::expire_unconfirmed(*db, store::now_unix() + 49 * 3600, 48 * 3600);
  EXPECT_EQ(out.lapsed.size(), 2u);
  EXPECT_TRUE(out.promoted.empty());
  EXPECT_EQ(store::registration_by_token(*db, b.registration.token)->registration.status, "cancelled");
  EXPECT_EQ(store::registration_by_token(*db, a.registration.token)->registration.status, "booked");

  long long old = insert_event(event(ta, 10, "published", -400));
  db->write([&](soci::session& sql) {
    sql << "INSERT INTO event_registrations (event_id, kind, status, places, token, code, contact_name, email, "
           "created_at, updated_at) VALUES (:e, 'adult', 'booked', 1, 'tok-old', 'AAAAAA', 'Ancienne', "
           "'ancienne@exemple.fr', 1, 1)",
        soci::use(old);
  });
  EXPECT_EQ(store::anonymise_registrations(*db, day_after(today, -365)), 1);
  auto gone = store::registration_by_token(*db, "tok-old");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->registration.email, "");
  EXPECT_EQ(gone->registration.contact_name, "");
  EXPECT_TRUE(gone->registration.anonymised);
}

TEST_P(EventsStore, ContactsHostOnlyForTheirOwnOrganisations) {
  long long contact = user("rh@metallerie.fr", "Responsable RH", domain::Role::company_contact, ta);
  db->write([&](soci::session& sql) {
    sql << "INSERT INTO people (territory_id, organisation_id, first_name, last_name, email, created_at, updated_at) "
           "VALUES (:t, :o, 'Rachel', 'Hugon', 'RH@metallerie.fr', 1, 1)",
        soci::use(ta), soci::use(company);
  });
  auto orgs = store::organisations_of_user(*db, ta, contact);
  ASSERT_EQ(orgs.size(), 1u);
  EXPECT_EQ(orgs[0].first, company);
  EXPECT_TRUE(store::organisations_of_user(*db, tb, contact).empty());
  EXPECT_TRUE(store::organisations_of_user(*db, ta, amb1).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, EventsStore, ::testing::ValuesIn(fixture::engines()));
