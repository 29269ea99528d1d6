// Store tests for ambassadors' assignments, on every engine: the answer transitions, never twice on one day (also
// under concurrent acceptances), a pair confirmed once both accepted, cancellation reopening the request, the report
// that becomes one validated action counted by the indicators (a pair's second report adds nothing), reminders and
// report requests taken once (and sent by the jobs through a real SMTP sink), the calendar token, and territory
// confinement. Also: an e-mail with Message::calendar arrives with an invitation.ics that python3-icalendar parses.
#include "store/assignments.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "action_fixture.hpp"
#include "domain/plan.hpp"
#include "jobs/intervention_jobs.hpp"
#include "mail/intervention_mail.hpp"
#include "store/indicators.hpp"
#include "support/smtp_sink.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

class AssignmentsStore : public fixture::ActionWorld {
 protected:
  void SetUp() override {
    ActionWorld::SetUp();
    ines = ambassador(ta, amb1, "Inès", "Martin", "ines@exemple.fr");
    sarah = ambassador(ta, amb2, "Sarah", "Benali", "sarah@exemple.fr");
    lea = ambassador(tb, amb_b, "Léa", "Durand", "lea@exemple.fr");
  }

  long long ambassador(long long territory, long long user_id, const std::string& first, const std::string& last,
                       const std::string& email) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      const std::string unsubscribe = "unsub-" + email;
      sql << "INSERT INTO ambassadors (territory_id, user_id, status, first_name, last_name, email, job_title, "
             "unsubscribe_token, created_at, updated_at) VALUES (:t, :u, 'active', :f, :l, :e, 'Technicienne', "
             ":tok, 1, 1) RETURNING id",
          soci::use(territory), soci::use(user_id), soci::use(first), soci::use(last), soci::use(email),
          soci::use(unsubscribe), soci::into(id);
      return id;
    });
  }

  // An open request of `territory` for `school`, needing `needed` people, class of 4e with 12 girls and 14 boys.
  long long request(long long territory, long long school, int needed, const std::string& status = "open") {
    static int n = 0;
    std::string token = "request-token-" + std::to_string(++n) + "-abcdefghijklmnop";
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO intervention_requests (territory_id, status, token, confirmed_at, school_id, contact_name, "
             "email, kind, class_levels, girls, boys, needed, created_at, updated_at) VALUES (:t, :s, :tok, 1, :sc, "
             "'Mme Prof', 'prof@exemple.fr', 'talk', '4e', 12, 14, :n, 1, 1) RETURNING id",
          soci::use(territory), soci::use(status), soci::use(token), soci::use(school), soci::use(needed),
          soci::into(id);
      return id;
    });
  }

  long long assignment(long long request_id, long long ambassador_id, const std::string& day,
                       const std::string& status = "invited") {
    static int n = 0;
    std::string token = "response-token-" + std::to_string(++n) + "-abcdefghijklmnop";
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO request_assignments (request_id, ambassador_id, day, status, response_token, created_by, "
             "created_at, updated_at) VALUES (:r, :a, :d, :s, :tok, :by, 1, 1) RETURNING id",
          soci::use(request_id), soci::use(ambassador_id), soci::use(day), soci::use(status), soci::use(token),
          soci::use(coordinator), soci::into(id);
      return id;
    });
  }

  std::string request_status(long long id, std::string* day = nullptr) {
    return db->read([&](soci::session& sql) {
      std::string status, d;
      sql << "SELECT status, day FROM intervention_requests WHERE id = :id", soci::use(id), soci::into(status),
          soci::into(d);
      if (day) *day = d;
      return status;
    });
  }

  std::string assignment_status(long long id) {
    return db->read([&](soci::session& sql) {
      std::string status;
      sql << "SELECT status FROM request_assignments WHERE id = :id", soci::use(id), soci::into(status);
      return status;
    });
  }

  std::string today = domain::paris_day(store::now_unix());
  long long ines = 0, sarah = 0, lea = 0;
};

TEST_P(AssignmentsStore, AnswerTransitions) {
  std::string day = domain::add_days(today, 7);
  long long r = request(ta, s1, 1);
  long long a = assignment(r, ines, day);
  long long proposed = assignment(r, sarah, day, "proposed");

  // A proposal the coordinator has not reviewed cannot be answered, nor seen by the ambassador.
  EXPECT_EQ(store::accept_assignment(*db, proposed, 100).result.status, Status::not_found);
  EXPECT_FALSE(store::assignment_by_id(*db, ta, proposed));
  EXPECT_EQ(store::accept_assignment(*db, 999999, 100).result.status, Status::not_found);

  auto no_reason = store::decline_assignment(*db, a, "   ", 100);
  EXPECT_EQ(no_reason.status, Status::invalid);
  EXPECT_TRUE(no_reason.errors.count("reason"));
  EXPECT_EQ(assignment_status(a), "invited");

  auto ok = store::accept_assignment(*db, a, 100);
  ASSERT_TRUE(ok.result.ok());
  EXPECT_TRUE(ok.request_confirmed);
  std::string fixed;
  EXPECT_EQ(request_status(r, &fixed), "confirmed");
  EXPECT_EQ(fixed, day);

  auto again = store::accept_assignment(*db, a, 101);
  EXPECT_EQ(again.result.status, Status::conflict);
  EXPECT_TRUE(again.result.errors.count("status"));
  EXPECT_EQ(store::decline_assignment(*db, a, "Trop loin", 101).status, Status::conflict);

  auto v = store::assignment_by_id(*db, ta, a);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->status, "accepted");
  EXPECT_EQ(v->answered_at, 100);
  EXPECT_EQ(v->ambassador_name, "Inès Martin");
  EXPECT_EQ(v->ambassador_user_id, amb1);
  EXPECT_EQ(v->request.school_name, "Collège Victor Hugo");
  EXPECT_EQ(v->request.girls, 12);
  ASSERT_EQ(v->request.class_levels.size(), 1u);
  EXPECT_EQ(v->request.class_levels[0], "4e");
  // Another territory's id reads as absent; the token reads it back.
  EXPECT_FALSE(store::assignment_by_id(*db, tb, a));
  auto by_token = store::assignment_by_token(*db, v->response_token);
  ASSERT_TRUE(by_token);
  EXPECT_EQ(by_token->id, a);
  EXPECT_FALSE(store::assignment_by_token(*db, ""));
  EXPECT_FALSE(store::assignment_by_token(*db, "nope"));

  long long r2 = request(ta, s2, 1);
  long long b = assignment(r2, sarah, day);
  ASSERT_TRUE(store::decline_assignment(*db, b, "  Je ne suis pas disponible ce jour-là  ", 200).ok());
  auto declined = store::assignment_by_id(*db, ta, b);
  ASSERT_TRUE(declined);
  EXPECT_EQ(declined->status, "declined");
  EXPECT_EQ(declined->decline_reason, "Je ne suis pas disponible ce jour-là");
  EXPECT_EQ(request_status(r2), "open");
  EXPECT_EQ(store::accept_assignment(*db, b, 201).result.status, Status::conflict);
}

TEST_P(AssignmentsStore, NeverTwiceOnOneDay) {
  std::string day = domain::add_days(today, 5);
  long long a1 = assignment(request(ta, s1, 1), ines, day);
  long long a2 = assignment(request(ta, s2, 1), ines, day);
  long long a3 = assignment(request(ta, s3, 1), ines, domain::add_days(day, 1));
  ASSERT_TRUE(store::accept_assignment(*db, a1, 10).result.ok());
  auto twice = store::accept_assignment(*db, a2, 11);
  EXPECT_EQ(twice.result.status, Status::conflict);
  EXPECT_TRUE(twice.result.errors.count("day"));
  EXPECT_EQ(assignment_status(a2), "invited");
  EXPECT_TRUE(store::accept_assignment(*db, a3, 12).result.ok());  // the next day is fine
}

TEST_P(AssignmentsStore, ConcurrentAcceptancesOfOneDayBookHerOnce) {
  std::string day = domain::add_days(today, 9);
  std::vector<long long> ids;
  for (long long school : {s1, s2, s3, s4, s7}) ids.push_back(assignment(request(ta, school, 1), ines, day));
  std::atomic<int> accepted{0}, refused{0};
  std::vector<std::thread> threads;
  for (long long id : ids)
    threads.emplace_back([&, id] {
      auto out = store::accept_assignment(*db, id, 50);
      (out.result.ok() ? accepted : refused)++;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(accepted.load(), 1);
  EXPECT_EQ(refused.load(), 4);
  long long held = db->read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM request_assignments WHERE ambassador_id = :a AND status = 'accepted'", soci::use(ines),
        soci::into(n);
    return n;
  });
  EXPECT_EQ(held, 1);
}

TEST_P(AssignmentsStore, PairConfirmedWhenBothAcceptedAndCancellationReopens) {
  std::string day = domain::add_days(today, 3);
  long long r = request(ta, s1, 2);
  long long a = assignment(r, ines, day), b = assignment(r, sarah, day);
  auto first = store::accept_assignment(*db, a, 10);
  ASSERT_TRUE(first.result.ok());
  EXPECT_FALSE(first.request_confirmed);
  EXPECT_EQ(request_status(r), "open");
  auto second = store::accept_assignment(*db, b, 11);
  ASSERT_TRUE(second.result.ok());
  EXPECT_TRUE(second.request_confirmed);
  std::string fixed;
  EXPECT_EQ(request_status(r, &fixed), "confirmed");
  EXPECT_EQ(fixed, day);
  auto view = store::assignment_by_id(*db, ta, a);
  ASSERT_TRUE(view);
  ASSERT_EQ(view->partners.size(), 1u);
  EXPECT_EQ(view->partners[0], "Sarah Benali");
  EXPECT_EQ(store::assignments_of_request(*db, ta, r).size(), 2u);
  EXPECT_TRUE(store::assignments_of_request(*db, tb, r).empty());

  auto no_reason = store::cancel_assignment(*db, b, "ambassador", "", 20);
  EXPECT_EQ(no_reason.status, Status::invalid);
  EXPECT_TRUE(no_reason.errors.count("reason"));
  EXPECT_EQ(store::cancel_assignment(*db, b, "somebody", "raison", 20).status, Status::invalid);
  ASSERT_TRUE(store::cancel_assignment(*db, b, "ambassador", "Réunion imprévue", 21).ok());
  EXPECT_EQ(request_status(r, &fixed), "open");  // the place goes back into matching
  EXPECT_EQ(fixed, "");
  auto cancelled = store::assignment_by_id(*db, ta, b);
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->status, "cancelled");
  EXPECT_EQ(cancelled->cancelled_by, "ambassador");
  EXPECT_EQ(cancelled->cancel_reason, "Réunion imprévue");
  EXPECT_EQ(store::cancel_assignment(*db, b, "ambassador", "encore", 22).status, Status::conflict);
}

TEST_P(AssignmentsStore, ReportBecomesOneValidatedActionCountedOncePerPair) {
  std::string day = domain::add_days(today, -1);
  long long r = request(ta, s3, 2);
  long long a = assignment(r, ines, day), b = assignment(r, sarah, day);
  long long future = assignment(request(ta, s1, 1), ines, domain::add_days(today, 4));
  ASSERT_TRUE(store::accept_assignment(*db, a, 10).result.ok());
  ASSERT_TRUE(store::accept_assignment(*db, b, 11).result.ok());
  ASSERT_TRUE(store::accept_assignment(*db, future, 12).result.ok());

  store::InterventionReport rep;
  rep.girls = 11;
  rep.boys = 13;
  rep.teachers = 2;
  rep.duration_minutes = 90;
  rep.highlight = "Une élève veut devenir technicienne de maintenance.";

  auto early = store::report_assignment(*db, future, rep, by, today);
  EXPECT_EQ(early.status, Status::conflict);
  EXPECT_TRUE(early.errors.count("day"));

  store::InterventionReport bad = rep;
  bad.girls = -1;
  bad.duration_minutes = 0;
  auto invalid = store::report_assignment(*db, a, bad, by, today);
  EXPECT_EQ(invalid.status, Status::invalid);
  EXPECT_TRUE(invalid.errors.count("girls"));
  EXPECT_TRUE(invalid.errors.count("duration_minutes"));
  store::InterventionReport nobody = rep;
  nobody.girls = nobody.boys = 0;
  EXPECT_TRUE(store::report_assignment(*db, a, nobody, by, today).errors.count("girls"));
  EXPECT_EQ(fixture::count_rows(*db, "actions"), 0);

  auto w = store::report_assignment(*db, a, rep, by, today);
  ASSERT_TRUE(w.ok()) << (w.errors.empty() ? "" : w.errors.begin()->second);
  auto action = store::action_by_id(*db, ta, w.id);
  ASSERT_TRUE(action);
  EXPECT_EQ(action->status, "validated");
  EXPECT_EQ(action->kind, "temoignage_classe");
  EXPECT_EQ(action->starts_on, day);
  EXPECT_EQ(action->duration_minutes, 90);
  EXPECT_EQ(action->audience[0], 11);  // girls
  EXPECT_EQ(action->audience[1], 13);  // boys
  EXPECT_EQ(action->audience[3], 2);   // teachers
  EXPECT_EQ(action->highlight, rep.highlight);
  ASSERT_EQ(action->school_ids.size(), 1u);
  EXPECT_EQ(action->school_ids[0], s3);
  EXPECT_EQ(action->ambassador_ids, (std::vector<long long>{amb1, amb2}));
  EXPECT_EQ(action->declared_by, amb1);
  EXPECT_EQ(action->validated_by, coordinator);  // who created the proposal
  ASSERT_EQ(action->classes.size(), 1u);
  EXPECT_EQ(action->classes[0].level, "4e");

  std::string fixed;
  EXPECT_EQ(request_status(r, &fixed), "done");
  EXPECT_EQ(assignment_status(a), "reported");

  store::IndicatorFilter f;
  f.territory_id = ta;
  auto counted = store::indicators(*db, f).total;
  EXPECT_EQ(counted.actions, 1);
  EXPECT_EQ(counted.audience[0], 11);
  EXPECT_EQ(counted.people, 11 + 13 + 2);

  // Her partner's report adds nothing: the same action, only her assignment marked reported.
  store::InterventionReport other = rep;
  other.girls = 30;
  auto second = store::report_assignment(*db, b, other, by, today);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.id, w.id);
  EXPECT_EQ(assignment_status(b), "reported");
  EXPECT_EQ(fixture::count_rows(*db, "actions"), 1);
  EXPECT_EQ(store::indicators(*db, f).total.audience[0], 11);
  EXPECT_EQ(store::report_assignment(*db, a, rep, by, today).status, Status::conflict);  // not twice
}

TEST_P(AssignmentsStore, RemindersAndReportRequestsAreTakenOnce) {
  std::string tomorrow = domain::add_days(today, 1), yesterday = domain::add_days(today, -1);
  long long due = assignment(request(ta, s1, 1), ines, tomorrow);
  long long invited_only = assignment(request(ta, s2, 1), sarah, tomorrow);  // not accepted: no reminder
  long long past = assignment(request(ta, s3, 1), sarah, yesterday);
  long long later = assignment(request(ta, s4, 1), ines, domain::add_days(today, 2));
  for (long long id : {due, past, later}) ASSERT_TRUE(store::accept_assignment(*db, id, 5).result.ok());
  (void)invited_only;

  auto reminders = store::take_due_assignment_reminders(*db, tomorrow, 1000);
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(reminders[0].id, due);
  EXPECT_EQ(reminders[0].ambassador_email, "ines@exemple.fr");
  EXPECT_TRUE(store::take_due_assignment_reminders(*db, tomorrow, 1001).empty());
  EXPECT_EQ(store::assignment_by_id(*db, ta, due)->reminded_at, 1000);

  auto reports = store::take_due_report_requests(*db, today, 1000);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].id, past);
  EXPECT_TRUE(store::take_due_report_requests(*db, today, 1001).empty());
}

TEST_P(AssignmentsStore, CalendarTokenAndFeed) {
  std::string t1 = store::calendar_token_of(*db, ines);
  EXPECT_EQ(t1.size(), 32u);
  EXPECT_EQ(store::calendar_token_of(*db, ines), t1);  // made once
  EXPECT_NE(store::calendar_token_of(*db, sarah), t1);
  EXPECT_EQ(store::calendar_token_of(*db, 999999), "");

  std::string day = domain::add_days(today, 6);
  long long accepted = assignment(request(ta, s1, 1), ines, day);
  ASSERT_TRUE(store::accept_assignment(*db, accepted, 1).result.ok());
  assignment(request(ta, s2, 1), ines, domain::add_days(day, 1));  // invited only: not in the feed
  auto feed = store::calendar_of_token(*db, t1);
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->size(), 1u);
  EXPECT_EQ((*feed)[0].id, accepted);
  EXPECT_FALSE(store::calendar_of_token(*db, "unknown-token-unknown-token-1234"));
  EXPECT_FALSE(store::calendar_of_token(*db, ""));

  // Her list: invited and accepted first, soonest first.
  auto mine = store::assignments_of_ambassador(*db, ines);
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].id, accepted);
  EXPECT_TRUE(store::assignments_of_ambassador(*db, lea).empty());
}

TEST_P(AssignmentsStore, JobsSendTheReminderAndTheReportRequestOnce) {
  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", "Passerelles <ne-pas-repondre@passerelles.example.org>");
  long long now = store::now_unix();
  long long due = assignment(request(ta, s1, 1), ines, domain::add_days(today, 1));
  long long past = assignment(request(ta, s3, 1), sarah, domain::add_days(today, -2));
  for (long long id : {due, past}) ASSERT_TRUE(store::accept_assignment(*db, id, 5).result.ok());
  auto report = jobs::run_intervention_jobs(*db, mailer, "https://passerelles.example.org", today, now);
  EXPECT_EQ(report.reminders, 1);
  EXPECT_EQ(report.report_requests, 1);
  EXPECT_EQ(report.mail_errors, 0);
  auto messages = sink.wait_for(2);
  ASSERT_EQ(messages.size(), 2u);
  int reminders = 0, asks = 0;
  for (const auto& m : messages) {
    if (m.find("X-Envelope-To: ines@exemple.fr") != std::string::npos && m.find("Petit rappel") != std::string::npos)
      ++reminders;
    if (m.find("X-Envelope-To: sarah@exemple.fr") != std::string::npos &&
        m.find("/collectif/interventions/" + std::to_string(past) + "/compte-rendu") != std::string::npos)
      ++asks;
  }
  EXPECT_EQ(reminders, 1);
  EXPECT_EQ(asks, 1);
  auto again = jobs::run_intervention_jobs(*db, mailer, "https://passerelles.example.org", today, now + 300);
  EXPECT_EQ(again.reminders + again.report_requests, 0);
  EXPECT_THROW(jobs::run_intervention_jobs(*db, mailer, "https://x", "2026-13-01", now), std::invalid_argument);
}

// Message::calendar: multipart/mixed with the text and invitation.ics (text/calendar; method=REQUEST), which
// Python's e-mail parser and python3-icalendar read back independently.
TEST(MailerCalendar, InvitationArrivesAsAnAttachmentThatParses) {
  fixture::SmtpSink sink;
  mail::Mailer mailer(sink.url(), "", "", "Passerelles <ne-pas-repondre@passerelles.example.org>");
  store::AssignmentView a;
  a.id = 77;
  a.status = "accepted";
  a.day = "2026-03-12";
  a.ambassador_name = "Inès Martin";
  a.ambassador_email = "ines@exemple.fr";
  a.school_address = "2 rue Mégevand, 25000 Besançon";
  a.request.school_name = "Collège Victor Hugo";
  a.request.kind = "talk";
  a.request.contact_name = "Claire Martin";
  a.request.email = "claire@exemple.fr";
  auto m = mail::assignment_confirmed_message(a, "https://passerelles.example.org");
  ASSERT_FALSE(m.calendar.empty());
  ASSERT_EQ(mailer.send(m), "");
  auto got = sink.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("multipart/mixed"), std::string::npos);
  std::string file = testing::TempDir() + "assignment_mail.eml";
  std::ofstream(file, std::ios::binary) << got[0].substr(got[0].find('\n') + 1);  // without the envelope line
  const std::string script =
      "import email, email.policy, sys, icalendar\n"
      "msg = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default)\n"
      "assert msg.get_content_type() == 'multipart/mixed', msg.get_content_type()\n"
      "text = msg.get_body(preferencelist=('plain',)).get_content()\n"
      "assert 'Claire Martin' in text, text\n"
      "parts = [p for p in msg.iter_attachments() if p.get_content_type() == 'text/calendar']\n"
      "assert len(parts) == 1, 'one calendar part'\n"
      "p = parts[0]\n"
      "assert p.get_filename() == 'invitation.ics', p.get_filename()\n"
      "assert p.get_param('method') == 'REQUEST', p.get_param('method')\n"
      "cal = icalendar.Calendar.from_ical(p.get_payload(decode=True))\n"
      "assert str(cal['METHOD']) == 'REQUEST'\n"
      "ev = [c for c in cal.walk('VEVENT')]\n"
      "assert len(ev) == 1\n"
      "assert str(ev[0]['UID']) == 'intervention-77@passerelles.example.org', ev[0]['UID']\n"
      "assert ev[0].decoded('DTSTART').isoformat() == '2026-03-12', ev[0].decoded('DTSTART')\n"
      "assert 'Collège Victor Hugo' in str(ev[0]['LOCATION'])\n";
  std::string py = testing::TempDir() + "check_assignment_mail.py";
  std::ofstream(py) << script;
  int rc = std::system(("/usr/bin/python3 " + py + " " + file).c_str());
  EXPECT_EQ(rc, 0) << got[0];
}

INSTANTIATE_TEST_SUITE_P(Engines, AssignmentsStore, ::testing::ValuesIn(fixture::engines()));
