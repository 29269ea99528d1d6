// Unit tests for the e-mails of event registrations (French text, private link, check-in code, waiting list) and
// the iCalendar form of an event.
#include "mail/event_mail.hpp"

#include <gtest/gtest.h>

using namespace passerelles;

namespace {

constexpr const char* kBase = "https://passerelles.example.org";

domain::Event visit() {
  domain::Event e;
  e.id = 12;
  e.kind = "visite_entreprise";
  e.title = "Visite de l’atelier d’usinage";
  e.starts_on = "2025-03-14";  // a Friday
  e.start_time = "14:00";
  e.ends_on = "2025-03-14";
  e.end_time = "16:30";
  e.place = "Usine Lison, atelier B";
  e.address = "3 rue des Forges";
  e.commune_name = "Besançon";
  e.organisation_name = "Lison Décolletage";
  e.safety_rules = "Chaussures fermées obligatoires.";
  e.accessibility = "Atelier de plain-pied, accessible en fauteuil.";
  e.min_age = 13;
  e.status = "published";
  e.updated_at = 1741962600;
  return e;
}

domain::Event webinar() {
  domain::Event e = visit();
  e.kind = "webinaire";
  e.title = "Ingénieure, pourquoi pas moi ?";
  e.place = e.address = e.commune_name = e.organisation_name = e.safety_rules = e.accessibility = "";
  e.min_age = 0;
  e.starts_on = e.ends_on = "2026-03-01";  // a Sunday, the 1st
  e.start_time = "09:00";
  e.end_time = "10:15";
  e.online_url = "https://visio.example.org/salle-8-mars";
  return e;
}

domain::Registration booking(const char* status) {
  domain::Registration r;
  r.id = 7;
  r.event_id = 12;
  r.kind = "class";
  r.status = status;
  r.token = "Tok3nPriv3";
  r.code = "K7P2QX";
  r.contact_name = "Claire Martin";
  r.email = "claire.martin@ac-besancon.fr";
  r.class_level = "3e";
  r.girls = 12;
  r.boys = 14;
  r.adults = 2;
  r.places = 28;
  return r;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(EventMail, BookingGivesThePrivateLinkAndTheCode) {
  auto m = mail::booking_message(visit(), booking("booked"), kBase);
  EXPECT_EQ(m.to, "claire.martin@ac-besancon.fr");
  EXPECT_EQ(m.subject, "Confirmez votre inscription : Visite de l’atelier d’usinage");
  EXPECT_TRUE(has(m.text, "https://passerelles.example.org/inscriptions/Tok3nPriv3")) << m.text;
  EXPECT_TRUE(has(m.text, "K7P2QX")) << m.text;
  EXPECT_TRUE(has(m.text, "le vendredi 14 mars 2025, de 14\u00a0h à 16\u00a0h\u00a030")) << m.text;
  EXPECT_TRUE(has(m.text, "Usine Lison, atelier B, 3 rue des Forges, Besançon")) << m.text;
  EXPECT_TRUE(has(m.text, "une classe de 3e (12 filles, 14 garçons et 2 adultes accompagnateurs), soit 28 places"))
      << m.text;
  EXPECT_TRUE(has(m.text, "Vos places sont réservées.")) << m.text;
  EXPECT_TRUE(has(m.text, "48 heures")) << m.text;
  EXPECT_FALSE(has(m.text, "liste d’attente")) << m.text;
  EXPECT_TRUE(m.text.starts_with("Bonjour Claire Martin,\n\n"));
}

TEST(EventMail, WaitlistedBookingSaysSo) {
  auto m = mail::booking_message(visit(), booking("waitlisted"), kBase);
  EXPECT_TRUE(has(m.text, "liste d’attente")) << m.text;
  EXPECT_FALSE(has(m.text, "Vos places sont réservées")) << m.text;
  EXPECT_TRUE(has(m.text, "/inscriptions/Tok3nPriv3")) << m.text;
  EXPECT_FALSE(has(m.text, "K7P2QX")) << "no check-in code before places are held";

  auto confirmed = booking("booked");
  confirmed.confirmed_at = 1741000000;
  auto p = mail::promoted_message(visit(), confirmed, kBase);
  EXPECT_EQ(p.subject, "Des places se sont libérées : Visite de l’atelier d’usinage");
  EXPECT_TRUE(has(p.text, "quitte la liste d’attente")) << p.text;
  EXPECT_TRUE(has(p.text, "K7P2QX")) << p.text;
  EXPECT_FALSE(has(p.text, "48 heures")) << "already confirmed: " << p.text;
}

TEST(EventMail, ReminderOfAVisitGivesSafetyAndAccess) {
  auto m = mail::reminder_message(visit(), booking("booked"), kBase);
  EXPECT_EQ(m.subject, "Rappel : Visite de l’atelier d’usinage, le vendredi 14 mars 2025");
  EXPECT_TRUE(has(m.text, "Quand : le vendredi 14 mars 2025, de 14\u00a0h à 16\u00a0h\u00a030")) << m.text;
  EXPECT_TRUE(has(m.text, "Chaussures fermées obligatoires.")) << m.text;
  EXPECT_TRUE(has(m.text, "Atelier de plain-pied")) << m.text;
  EXPECT_TRUE(has(m.text, "Âge minimum : 13 ans.")) << m.text;
  EXPECT_TRUE(has(m.text, "K7P2QX")) << m.text;
  EXPECT_TRUE(has(m.text, "/inscriptions/Tok3nPriv3")) << m.text;
}

TEST(EventMail, WebinarReminderHasTheOnlineLink) {
  domain::Registration r = booking("booked");
  r.kind = "adult";
  r.girls = r.boys = r.adults = 0;
  r.people = 1;
  r.places = 1;
  auto m = mail::reminder_message(webinar(), r, kBase);
  EXPECT_TRUE(has(m.text, "https://visio.example.org/salle-8-mars")) << m.text;
  EXPECT_TRUE(has(m.text, "le dimanche 1er mars 2026, de 9\u00a0h à 10\u00a0h\u00a015")) << m.text;
  EXPECT_TRUE(has(m.text, "Où : en ligne")) << m.text;
  EXPECT_TRUE(has(m.text, "vous-même, soit 1 place")) << m.text;
  // The visit has no online link to give.
  EXPECT_FALSE(has(mail::reminder_message(visit(), booking("booked"), kBase).text, "en ligne"));
}

TEST(EventMail, Cancellations) {
  domain::Event e = visit();
  e.status = "cancelled";
  e.cancel_reason = "Grève des transports scolaires";
  auto m = mail::event_cancelled_message(e, booking("cancelled"), kBase);
  EXPECT_EQ(m.subject, "Événement annulé : Visite de l’atelier d’usinage");
  EXPECT_TRUE(has(m.text, "Motif : Grève des transports scolaires")) << m.text;
  EXPECT_TRUE(has(m.text, "/inscriptions/Tok3nPriv3")) << m.text;

  auto lapsed = booking("cancelled");
  lapsed.cancel_reason = "non confirmée";
  m = mail::registration_cancelled_message(visit(), lapsed, kBase);
  EXPECT_TRUE(has(m.text, "n’a pas été confirmée dans les 48 heures")) << m.text;
  EXPECT_TRUE(has(m.text, "https://passerelles.example.org/evenements/12")) << m.text;

  auto by_author = booking("cancelled");
  m = mail::registration_cancelled_message(visit(), by_author, kBase);
  EXPECT_TRUE(has(m.text, "est bien annulée")) << m.text;

  auto by_organiser = booking("cancelled");
  by_organiser.cancel_reason = "Classe en doublon";
  m = mail::registration_cancelled_message(visit(), by_organiser, kBase);
  EXPECT_TRUE(has(m.text, "Motif : Classe en doublon")) << m.text;
}

TEST(EventMail, IcsOfAnEvent) {
  auto ev = mail::ics_of(visit(), "http://127.0.0.1:8080", false);
  EXPECT_EQ(ev.uid, "event-12@127.0.0.1");
  EXPECT_EQ(ev.url, "http://127.0.0.1:8080/evenements/12");
  EXPECT_EQ(ev.summary, "Visite de l’atelier d’usinage");
  EXPECT_EQ(ev.location, "Usine Lison, atelier B, 3 rue des Forges, Besançon");
  EXPECT_TRUE(has(ev.description, "Consignes de sécurité : Chaussures fermées obligatoires.")) << ev.description;
  EXPECT_TRUE(has(ev.description, "Accessibilité : Atelier de plain-pied")) << ev.description;
  EXPECT_EQ(ev.starts_on, "2025-03-14");
  EXPECT_EQ(ev.start_time, "14:00");
  EXPECT_EQ(ev.end_time, "16:30");
  EXPECT_FALSE(ev.cancelled);
  EXPECT_EQ(ev.sequence, 1741962600);

  auto pub = mail::ics_of(webinar(), kBase, false);
  EXPECT_EQ(pub.uid, "event-12@passerelles.example.org");
  EXPECT_EQ(pub.location, "En ligne");
  EXPECT_FALSE(has(pub.description, "visio.example.org")) << "never in a public feed";
  auto invitation = mail::ics_of(webinar(), kBase, true);
  EXPECT_TRUE(has(invitation.description, "https://visio.example.org/salle-8-mars"));

  domain::Event cancelled = visit();
  cancelled.status = "cancelled";
  cancelled.ends_on = "";
  auto c = mail::ics_of(cancelled, kBase, false);
  EXPECT_TRUE(c.cancelled);
  EXPECT_EQ(c.ends_on, "2025-03-14");
}
