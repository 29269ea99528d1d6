// Unit tests for the ambassador's intervention e-mails (French text, one-click links, teacher's contact only once
// confirmed, .ics REQUEST / CANCEL attached) and the iCalendar form of an assignment.
#include "mail/intervention_mail.hpp"

#include <gtest/gtest.h>

using namespace passerelles;

namespace {

constexpr const char* kBase = "https://passerelles.example.org";

store::AssignmentView accepted() {
  store::AssignmentView a;
  a.id = 41;
  a.status = "accepted";
  a.day = "2026-03-12";  // a Thursday
  a.why = "12 km, maintenance industrielle, 1re intervention ce trimestre";
  a.response_token = "R3sp0nseT0ken";
  a.invited_at = 1760000000;
  a.answered_at = 1760003600;
  a.ambassador_id = 5;
  a.ambassador_name = "Inès Martin";
  a.ambassador_email = "ines@exemple.fr";
  a.ambassador_job = "Technicienne de maintenance";
  a.school_address = "2 rue Mégevand, 25000 Besançon";
  auto& r = a.request;
  r.id = 9;
  r.territory_name = "CMQ Microtechniques";
  r.status = "confirmed";
  r.token = "T3acherT0ken";
  r.school_name = "Collège Victor Hugo";
  r.school_commune = "Besançon";
  r.contact_name = "Claire Martin";
  r.role = "professeure de technologie";
  r.email = "claire.martin@ac-besancon.fr";
  r.phone = "03 81 00 00 00";
  r.kind = "talk";
  r.class_levels = {"4e"};
  r.girls = 12;
  r.boys = 14;
  r.day = a.day;
  r.updated_at = 1760007200;
  return a;
}

}  // namespace

TEST(InterventionMail, IcsOfAnAssignmentIsAllDayAtTheSchool) {
  auto ev = mail::ics_of_assignment(accepted(), kBase);
  EXPECT_EQ(ev.uid, "intervention-41@passerelles.example.org");
  EXPECT_EQ(ev.starts_on, "2026-03-12");
  EXPECT_EQ(ev.start_time, "");  // all-day: the hour is agreed with the teacher
  EXPECT_EQ(ev.location, "Collège Victor Hugo, 2 rue Mégevand, 25000 Besançon");
  EXPECT_NE(ev.summary.find("Collège Victor Hugo"), std::string::npos);
  EXPECT_NE(ev.description.find("12 filles et 14 garçons"), std::string::npos);
  EXPECT_FALSE(ev.cancelled);
  EXPECT_EQ(ev.stamp, 1760007200);

  auto c = accepted();
  c.status = "cancelled";
  auto cancelled = mail::ics_of_assignment(c, "http://[::1]:8080");
  EXPECT_TRUE(cancelled.cancelled);
  EXPECT_EQ(cancelled.uid, "intervention-41@[::1]");
  EXPECT_GT(cancelled.sequence, ev.sequence);  // a withdrawal supersedes the invitation
}

TEST(InterventionMail, InvitationHasTheOneClickLinkButNoTeacherContact) {
  auto a = accepted();
  a.status = "invited";
  auto m = mail::assignment_invitation_message(a, kBase);
  EXPECT_EQ(m.to, "ines@exemple.fr");
  EXPECT_NE(m.subject.find("Collège Victor Hugo"), std::string::npos);
  EXPECT_NE(m.text.find("https://passerelles.example.org/reponse/R3sp0nseT0ken"), std::string::npos);
  EXPECT_NE(m.text.find("jeudi 12 mars 2026"), std::string::npos);
  EXPECT_NE(m.text.find(a.why), std::string::npos);
  EXPECT_EQ(m.text.find("claire.martin@ac-besancon.fr"), std::string::npos);
  EXPECT_TRUE(m.calendar.empty());
}

TEST(InterventionMail, ConfirmationCarriesTheContactAndAnIcsRequest) {
  auto a = accepted();
  auto m = mail::assignment_confirmed_message(a, kBase);
  EXPECT_NE(m.text.find("claire.martin@ac-besancon.fr"), std::string::npos);
  EXPECT_NE(m.text.find("03 81 00 00 00"), std::string::npos);
  EXPECT_NE(m.calendar.find("METHOD:REQUEST"), std::string::npos);
  EXPECT_NE(m.calendar.find("UID:intervention-41@passerelles.example.org"), std::string::npos);
  EXPECT_NE(m.calendar.find("DTSTART;VALUE=DATE:20260312"), std::string::npos);

  auto t = mail::request_confirmed_for_teacher_message(a.request, {a}, kBase);
  EXPECT_EQ(t.to, "claire.martin@ac-besancon.fr");
  EXPECT_NE(t.text.find("Inès (Technicienne de maintenance)"), std::string::npos);
  EXPECT_EQ(t.text.find("ines@exemple.fr"), std::string::npos);  // her address is not given out
  EXPECT_NE(t.text.find("https://passerelles.example.org/demandes/T3acherT0ken"), std::string::npos);
  EXPECT_NE(t.calendar.find("METHOD:REQUEST"), std::string::npos);
  EXPECT_NE(t.calendar.find("UID:request-9@passerelles.example.org"), std::string::npos);
}

TEST(InterventionMail, CancellationsWithdrawTheInvitation) {
  auto a = accepted();
  a.status = "cancelled";
  a.cancelled_by = "ambassador";
  a.cancel_reason = "Réunion imprévue";
  auto teacher = mail::assignment_cancelled_for_teacher_message(a, kBase);
  EXPECT_NE(teacher.text.find("Réunion imprévue"), std::string::npos);
  EXPECT_NE(teacher.text.find("par l’ambassadrice"), std::string::npos);
  EXPECT_NE(teacher.calendar.find("METHOD:CANCEL"), std::string::npos);
  EXPECT_NE(teacher.calendar.find("STATUS:CANCELLED"), std::string::npos);
  auto her = mail::assignment_cancelled_for_ambassador_message(a, kBase);
  EXPECT_NE(her.calendar.find("METHOD:CANCEL"), std::string::npos);
  auto coord = mail::assignment_cancelled_for_coordinator_message(a, "coord@exemple.fr", kBase);
  EXPECT_EQ(coord.to, "coord@exemple.fr");
  EXPECT_NE(coord.text.find("https://passerelles.example.org/interventions"), std::string::npos);

  a.request.day = "";  // never confirmed: nothing to withdraw from the teacher's agenda
  EXPECT_TRUE(mail::assignment_cancelled_for_teacher_message(a, kBase).calendar.empty());
}

TEST(InterventionMail, ReminderAndReportRequest) {
  auto a = accepted();
  auto r = mail::assignment_reminder_message(a, kBase);
  EXPECT_NE(r.subject.find("demain"), std::string::npos);
  EXPECT_NE(r.text.find("Claire Martin"), std::string::npos);
  auto rep = mail::assignment_report_request_message(a, kBase);
  EXPECT_NE(rep.text.find("https://passerelles.example.org/collectif/interventions/41/compte-rendu"),
            std::string::npos);
}
