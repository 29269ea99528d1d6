// Unit tests for the event rules: choice lists, status moves, places, French validation messages and the iCalendar
// text (escaping, folding at 75 octets, all-day and timed events, cancellation).
#include "domain/event.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/text.hpp"

using namespace passerelles;

namespace {

constexpr const char* kToday = "2025-03-01";

domain::Event valid_event() {
  domain::Event e;
  e.kind = "visite_entreprise";
  e.title = "Visite de l’atelier d’usinage";
  e.starts_on = "2025-03-14";
  e.start_time = "14:00";
  e.ends_on = "2025-03-14";
  e.end_time = "16:30";
  e.place = "Usine Lison, atelier B";
  e.address = "3 rue des Forges";
  e.commune_insee = "25056";
  e.audiences = {"college", "lycee"};
  e.capacity = 30;
  e.status = "published";
  return e;
}

domain::Registration class_booking() {
  domain::Registration r;
  r.kind = "class";
  r.contact_name = "Claire Martin";
  r.email = "claire.martin@ac-besancon.fr";
  r.class_level = "3e";
  r.girls = 12;
  r.boys = 14;
  r.adults = 2;
  r.school_id = 42;
  return r;
}

domain::IcsEvent timed_ics() {
  domain::IcsEvent ev;
  ev.uid = "event-12@passerelles.example.org";
  ev.summary = "Visite";
  ev.starts_on = "2025-03-14";
  ev.start_time = "14:30";
  ev.ends_on = "2025-03-14";
  ev.end_time = "16:00";
  ev.sequence = 3;
  ev.stamp = 1741962600;  // 2025-03-14T14:30:00Z
  return ev;
}

std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    auto end = ics.find("\r\n", pos);
    if (end == std::string::npos) {
      lines.push_back(ics.substr(pos));  // no CRLF at the end: a test below fails on it
      break;
    }
    lines.push_back(ics.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

// Content lines after unfolding (RFC 5545 §3.1: CRLF followed by one space is removed).
std::vector<std::string> content_lines(const std::string& ics) {
  std::vector<std::string> out;
  for (const auto& l : physical_lines(ics)) {
    if (!l.empty() && l[0] == ' ' && !out.empty())
      out.back() += l.substr(1);
    else
      out.push_back(l);
  }
  return out;
}

// The value of the first content line whose name (with parameters) is `name`, from the `nth` VEVENT (0 = the
// calendar itself, before any VEVENT). "<absent>" when there is none.
std::string value_of(const std::string& ics, const std::string& name, int nth = 1) {
  int event = 0;
  for (const auto& l : content_lines(ics)) {
    if (l == "BEGIN:VEVENT") ++event;
    if (event == nth && l.rfind(name + ":", 0) == 0) return l.substr(name.size() + 1);
  }
  return "<absent>";
}

void expect_well_formed(const std::string& ics) {
  ASSERT_TRUE(ics.ends_with("\r\n"));
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') {
      EXPECT_TRUE(i > 0 && ics[i - 1] == '\r') << "bare LF at " << i;
    }
    if (ics[i] == '\r') {
      EXPECT_TRUE(i + 1 < ics.size() && ics[i + 1] == '\n') << "bare CR at " << i;
    }
  }
  for (const auto& l : physical_lines(ics)) {
    EXPECT_LE(l.size(), 75u) << l;
    EXPECT_TRUE(domain::valid_utf8(l)) << "a UTF-8 character split by folding: " << l;
  }
}

}  // namespace

TEST(EventRules, ChoiceListsHaveFrenchLabels) {
  EXPECT_EQ(domain::event_kinds().size(), 7u);
  EXPECT_EQ(domain::event_kind_label("visite_entreprise"), "Visite d’entreprise");
  EXPECT_EQ(domain::event_kind_label("portes_ouvertes"), "Portes ouvertes d’un établissement");
  EXPECT_EQ(domain::event_kind_label("forum_salon"), "Forum / salon");
  EXPECT_EQ(domain::event_kind_label("temoignage_classe"), "");  // an action kind, not an event kind
  EXPECT_EQ(domain::event_status_label("closed"), "Inscriptions closes");
  EXPECT_EQ(domain::event_status_label("cancelled"), "Annulé");
  EXPECT_EQ(domain::event_audiences().size(), 8u);
  EXPECT_EQ(domain::event_audience_label("prescripteurs"), "Prescripteurs et prescriptrices");
  EXPECT_EQ(domain::event_audience_label("tout_public"), "Tout public");
  EXPECT_EQ(domain::choice_label(domain::registration_kinds(), "prescriber"), "Des personnes que j’accompagne");
  EXPECT_EQ(domain::registration_status_label("waitlisted"), "Liste d’attente");
  EXPECT_EQ(domain::registration_status_label("booked"), "Places réservées");
  // Registration categories are audience categories of the indicators.
  for (const auto& c : domain::registration_categories()) EXPECT_NE(domain::audience_label(c.code), "") << c.code;
}

TEST(EventRules, ActionKindOfEvent) {
  EXPECT_EQ(domain::action_kind_of_event("portes_ouvertes"), "visite_etablissement");
  EXPECT_EQ(domain::action_kind_of_event("webinaire"), "webinaire");
  EXPECT_EQ(domain::action_kind_of_event("nope"), "");
  for (const auto& k : domain::event_kinds())
    EXPECT_NE(domain::action_kind_label(domain::action_kind_of_event(k.code)), "") << k.code;
}

TEST(EventRules, StatusTransitions) {
  const char* statuses[] = {"draft", "published", "closed", "done", "cancelled"};
  std::vector<std::pair<std::string, std::string>> allowed = {
      {"draft", "published"},     {"published", "closed"}, {"closed", "published"},
      {"published", "done"},      {"closed", "done"},      {"draft", "cancelled"},
      {"published", "cancelled"}, {"closed", "cancelled"}, {"done", "closed"}};
  int n = 0;
  for (const char* from : statuses)
    for (const char* to : statuses) {
      bool expected =
          std::find(allowed.begin(), allowed.end(), std::pair<std::string, std::string>{from, to}) != allowed.end();
      EXPECT_EQ(domain::event_transition_allowed(from, to), expected) << from << " -> " << to;
      n += expected;
    }
  EXPECT_EQ(n, 9);
  EXPECT_FALSE(domain::event_transition_allowed("cancelled", "published"));
  EXPECT_FALSE(domain::event_transition_allowed("", "published"));
}

TEST(EventRules, PublicAndOpenForBooking) {
  EXPECT_FALSE(domain::event_is_public("draft"));
  for (const char* s : {"published", "closed", "done", "cancelled"}) EXPECT_TRUE(domain::event_is_public(s)) << s;
  EXPECT_FALSE(domain::event_is_public("bogus"));
  EXPECT_TRUE(domain::event_open_for_booking("published", "2025-03-14", "2025-03-01"));
  EXPECT_TRUE(domain::event_open_for_booking("published", "2025-03-14", "2025-03-14"));  // its last day
  EXPECT_FALSE(domain::event_open_for_booking("published", "2025-03-14", "2025-03-15"));
  for (const char* s : {"draft", "closed", "done", "cancelled"})
    EXPECT_FALSE(domain::event_open_for_booking(s, "2025-03-14", "2025-03-01")) << s;
}

TEST(EventRules, HoursAndMinutes) {
  for (const char* ok : {"00:00", "09:05", "14:30", "23:59"}) EXPECT_TRUE(domain::is_hh_mm(ok)) << ok;
  for (const char* bad : {"24:00", "12:60", "9:30", "09h30", "09:3", "", "12:30:00", "ab:cd"})
    EXPECT_FALSE(domain::is_hh_mm(bad)) << bad;
}

TEST(EventRules, FrenchDaysAndHours) {
  EXPECT_EQ(domain::hour_of_day_fr("14:30"), "14\u00a0h\u00a030");
  EXPECT_EQ(domain::hour_of_day_fr("09:00"), "9\u00a0h");
  EXPECT_EQ(domain::hour_of_day_fr("00:05"), "0\u00a0h\u00a005");
  EXPECT_EQ(domain::hour_of_day_fr("9h"), "9h");
  EXPECT_EQ(domain::day_with_weekday_fr("2025-03-14"), "vendredi 14 mars 2025");
  EXPECT_EQ(domain::day_with_weekday_fr("2026-03-01"), "dimanche 1er mars 2026");
  EXPECT_EQ(domain::day_with_weekday_fr("2024-01-01"), "lundi 1er janvier 2024");
  EXPECT_EQ(domain::day_with_weekday_fr("2023-12-31"), "dimanche 31 décembre 2023");  // before the reference Monday
  EXPECT_EQ(domain::day_with_weekday_fr("2025-02-29"), "");
}

TEST(EventRules, NormaliseEvent) {
  domain::Event e = valid_event();
  e.title = "  Forum des métiers \n";
  e.ends_on = "";
  e.commune_insee = " 2a004";
  e.audiences = {" parents", "college", "", "parents", "martiens", "college", "lycee"};
  domain::normalise(e);
  EXPECT_EQ(e.title, "Forum des métiers");
  EXPECT_EQ(e.ends_on, "2025-03-14");
  EXPECT_EQ(e.commune_insee, "2A004");
  EXPECT_EQ(e.audiences, (std::vector<std::string>{"college", "lycee", "parents", "martiens"}));
}

TEST(EventRules, ValidEventsHaveNoErrors) {
  auto e = domain::validate(valid_event(), kToday, true);
  EXPECT_TRUE(e.empty()) << e.begin()->first << ": " << e.begin()->second;

  domain::Event all_day = valid_event();
  all_day.start_time = all_day.end_time = "";
  all_day.ends_on = "2025-03-16";
  all_day.capacity = 0;
  all_day.audiences.clear();
  EXPECT_TRUE(domain::validate(all_day, kToday, true).empty());

  domain::Event webinar = valid_event();
  webinar.kind = "webinaire";
  webinar.place = webinar.address = webinar.commune_insee = "";
  webinar.online_url = "https://visio.example.org/salle-8-mars";
  EXPECT_TRUE(domain::validate(webinar, kToday, true).empty());

  domain::Event past = valid_event();
  past.starts_on = past.ends_on = "2025-02-01";
  EXPECT_TRUE(domain::validate(past, kToday, false).empty());  // an existing event may be in the past

  domain::Event overnight = valid_event();  // two days: the end time may be earlier than the start time
  overnight.ends_on = "2025-03-15";
  overnight.end_time = "10:00";
  EXPECT_TRUE(domain::validate(overnight, kToday, true).empty());

  domain::Event bounds = valid_event();
  bounds.starts_on = bounds.ends_on = kToday;  // today is not in the past
  bounds.capacity = domain::kMaxEventCapacity;
  bounds.min_age = 99;
  bounds.title = std::string(domain::kMaxEventTitle, 'x');
  EXPECT_TRUE(domain::validate(bounds, kToday, true).empty());
}

TEST(EventRules, EventValidationMessagesByField) {
  struct Case {
    const char* name;
    void (*change)(domain::Event&);
    const char* field;
    const char* message;
  } cases[] = {
      {"unknown kind", [](domain::Event& e) { e.kind = "pique_nique"; }, "kind",
       "Choisissez le type d’événement dans la liste."},
      {"no title", [](domain::Event& e) { e.title = "  "; }, "title",
       "Donnez un titre à l’événement (exemple : Visite de l’atelier d’usinage)."},
      {"long title", [](domain::Event& e) { e.title = std::string(201, 'x'); }, "title",
       "Ce champ est trop long (200 caractères au plus)."},
      {"no day",
       [](domain::Event& e) {
         e.starts_on = "";
         e.ends_on = "";
       },
       "starts_on", "Indiquez le jour de l’événement."},
      {"30 February",
       [](domain::Event& e) {
         e.starts_on = "2025-02-30";
         e.ends_on = "";
       },
       "starts_on", "Cette date n’existe pas : indiquez un jour réel au format AAAA-MM-JJ (exemple : 2025-03-14)."},
      {"past day",
       [](domain::Event& e) {
         e.starts_on = "2025-02-28";
         e.ends_on = "2025-02-28";
       },
       "starts_on", "Ce jour est déjà passé : un nouvel événement a lieu aujourd’hui ou plus tard."},
      {"end before start", [](domain::Event& e) { e.ends_on = "2025-03-13"; }, "ends_on",
       "La fin ne peut pas précéder le début : indiquez le 14 mars 2025 ou un jour suivant."},
      {"bad end day", [](domain::Event& e) { e.ends_on = "14/03/2025"; }, "ends_on",
       "Cette date n’existe pas : indiquez un jour réel au format AAAA-MM-JJ (exemple : 2025-03-14)."},
      {"bad start time", [](domain::Event& e) { e.start_time = "14h"; }, "start_time",
       "Indiquez une heure au format HH:MM (exemple : 14:30)."},
      {"bad end time", [](domain::Event& e) { e.end_time = "25:00"; }, "end_time",
       "Indiquez une heure au format HH:MM (exemple : 14:30)."},
      {"end time only", [](domain::Event& e) { e.start_time = ""; }, "start_time",
       "Indiquez aussi l’heure de début, ou aucune heure pour un événement sur la journée."},
      {"end before start time", [](domain::Event& e) { e.end_time = "13:30"; }, "end_time",
       "L’heure de fin doit suivre l’heure de début (14\u00a0h)."},
      {"end at start time",
       [](domain::Event& e) {
         e.start_time = "09:15";
         e.end_time = "09:15";
       },
       "end_time", "L’heure de fin doit suivre l’heure de début (9\u00a0h\u00a015)."},
      {"no place",
       [](domain::Event& e) {
         e.place = "";
         e.address = "";
       },
       "place", "Indiquez le lieu de l’événement, ou son lien s’il a lieu en ligne."},
      {"webinar without link",
       [](domain::Event& e) {
         e.kind = "webinaire";
         e.place = "";
         e.address = "";
       },
       "online_url", "Indiquez le lien du webinaire (https://…)."},
      {"http link", [](domain::Event& e) { e.online_url = "http://visio.example.org/x"; }, "online_url",
       "Le lien en ligne doit commencer par https:// (exemple : https://visio.exemple.fr/salle)."},
      {"link with a space", [](domain::Event& e) { e.online_url = "https://visio.example.org/a b"; }, "online_url",
       "Le lien en ligne doit commencer par https:// (exemple : https://visio.exemple.fr/salle)."},
      {"bad commune", [](domain::Event& e) { e.commune_insee = "2505"; }, "commune_insee",
       "Le code INSEE de la commune compte 5 caractères (exemple : 25056 pour Besançon)."},
      {"unknown audience",
       [](domain::Event& e) {
         e.audiences = {"college", "martiens"};
       },
       "audiences", "Choisissez les publics dans la liste."},
      {"negative capacity", [](domain::Event& e) { e.capacity = -1; }, "capacity",
       "Indiquez un nombre entier de places entre 0 (sans limite) et 100 000."},
      {"huge capacity", [](domain::Event& e) { e.capacity = 100001; }, "capacity",
       "Indiquez un nombre entier de places entre 0 (sans limite) et 100 000."},
      {"min age 100", [](domain::Event& e) { e.min_age = 100; }, "min_age",
       "L’âge minimum est un nombre entier d’années entre 0 et 99."},
      {"long description", [](domain::Event& e) { e.description = std::string(5001, 'x'); }, "description",
       "Ce champ est trop long (5000 caractères au plus)."},
      {"bad UTF-8 accessibility", [](domain::Event& e) { e.accessibility = "\xC3\x28"; }, "accessibility",
       "Ce champ contient des caractères invalides."},
      {"long safety rules", [](domain::Event& e) { e.safety_rules = std::string(5001, 'x'); }, "safety_rules",
       "Ce champ est trop long (5000 caractères au plus)."},
      {"unknown status", [](domain::Event& e) { e.status = "archived"; }, "status",
       "Choisissez l’état de l’événement dans la liste."},
  };
  for (const auto& c : cases) {
    domain::Event e = valid_event();
    c.change(e);
    auto err = domain::validate(e, kToday, true);
    ASSERT_TRUE(err.count(c.field)) << c.name;
    EXPECT_EQ(err[c.field], c.message) << c.name;
    EXPECT_EQ(err.size(), 1u) << c.name << ": " << err.begin()->first << ", " << err.rbegin()->first;
  }
}

TEST(EventRules, PlacesOfABooking) {
  domain::Registration r = class_booking();
  EXPECT_EQ(domain::places_of(r), 28);  // 12 + 14 + 2
  r.kind = "adult";
  EXPECT_EQ(domain::places_of(r), 1);
  r.kind = "prescriber";
  r.people = 6;
  EXPECT_EQ(domain::places_of(r), 7);  // she and the 6 people she accompanies
  r.kind = "other";
  EXPECT_EQ(domain::places_of(r), 0);
}

TEST(EventRules, NormaliseRegistration) {
  domain::Registration r = class_booking();
  r.email = "  Claire.MARTIN@AC-Besancon.fr ";
  r.contact_name = " Claire Martin ";
  r.category = "teachers";
  r.people = 3;
  domain::normalise(r);
  EXPECT_EQ(r.email, "claire.martin@ac-besancon.fr");
  EXPECT_EQ(r.contact_name, "Claire Martin");
  EXPECT_EQ(r.category, "");
  EXPECT_EQ(r.people, 0);
  EXPECT_EQ(r.places, 28);

  domain::Registration adult;
  adult.kind = "adult";
  adult.girls = 4;  // left over from the class fields of the form
  adult.people = 0;
  domain::normalise(adult);
  EXPECT_EQ(adult.people, 1);
  EXPECT_EQ(adult.girls, 0);
  EXPECT_EQ(adult.places, 1);

  domain::Registration prescriber;
  prescriber.kind = "prescriber";
  prescriber.people = 5;
  prescriber.class_level = "3e";
  domain::normalise(prescriber);
  EXPECT_EQ(prescriber.places, 6);
  EXPECT_EQ(prescriber.class_level, "");
}

TEST(EventRules, ValidRegistrationsHaveNoErrors) {
  auto e = domain::validate(class_booking());
  EXPECT_TRUE(e.empty()) << e.begin()->first << ": " << e.begin()->second;

  domain::Registration unlisted = class_booking();  // a school that is not in the directory, by its name
  unlisted.school_id = 0;
  unlisted.organisation = "Lycée professionnel privé Saint-Joseph";
  unlisted.phone = "06 12 34 56 78";
  EXPECT_TRUE(domain::validate(unlisted).empty());

  domain::Registration big = class_booking();
  big.girls = 100;
  big.boys = 90;
  big.adults = 10;  // exactly kMaxClassPlaces
  EXPECT_TRUE(domain::validate(big).empty());

  domain::Registration adult;
  adult.kind = "adult";
  adult.contact_name = "Nadia Benali";
  adult.email = "nadia@example.org";
  adult.category = "women_reconversion";
  domain::normalise(adult);
  EXPECT_TRUE(domain::validate(adult).empty());

  domain::Registration prescriber = adult;
  prescriber.kind = "prescriber";
  prescriber.people = 50;
  prescriber.organisation = "France Travail Besançon";
  EXPECT_TRUE(domain::validate(prescriber).empty());
}

TEST(EventRules, RegistrationValidationMessagesByField) {
  struct Case {
    const char* name;
    void (*change)(domain::Registration&);
    const char* field;
    const char* message;
  } cases[] = {
      {"unknown kind", [](domain::Registration& r) { r.kind = "family"; }, "kind",
       "Choisissez pour qui vous réservez : une classe, vous-même ou des personnes que vous accompagnez."},
      {"no name", [](domain::Registration& r) { r.contact_name = ""; }, "contact_name",
       "Indiquez votre nom : l’organisateur saura qui attendre."},
      {"no e-mail", [](domain::Registration& r) { r.email = ""; }, "email",
       "Indiquez votre adresse e-mail : le lien pour confirmer l’inscription y sera envoyé."},
      {"bad e-mail", [](domain::Registration& r) { r.email = "claire.martin@"; }, "email",
       "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr)."},
      {"bad phone", [](domain::Registration& r) { r.phone = "06 12"; }, "phone",
       "Ce numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78)."},
      {"no level", [](domain::Registration& r) { r.class_level = ""; }, "class_level",
       "Choisissez le niveau de la classe dans la liste."},
      {"unknown level", [](domain::Registration& r) { r.class_level = "CM2"; }, "class_level",
       "Choisissez le niveau de la classe dans la liste."},
      {"negative girls", [](domain::Registration& r) { r.girls = -1; }, "girls",
       "Indiquez un nombre entier entre 0 et 200."},
      {"huge boys", [](domain::Registration& r) { r.boys = 2000000000; }, "boys",
       "Indiquez un nombre entier entre 0 et 200."},
      {"negative adults", [](domain::Registration& r) { r.adults = -3; }, "adults",
       "Indiquez un nombre entier entre 0 et 200."},
      {"no pupil",
       [](domain::Registration& r) {
         r.girls = 0;
         r.boys = 0;
       },
       "girls", "Une classe compte au moins une élève ou un élève : indiquez le nombre de filles et de garçons."},
      {"too many places",
       [](domain::Registration& r) {
         r.girls = 100;
         r.boys = 100;
         r.adults = 1;
       },
       "girls",
       "Une réservation de classe compte au plus 200 places, élèves et adultes compris : réservez en plusieurs fois "
       "pour un groupe plus grand."},
      {"no school",
       [](domain::Registration& r) {
         r.school_id = 0;
         r.organisation = " ";
       },
       "school_id", "Indiquez l’établissement de la classe : choisissez-le dans la liste ou écrivez son nom."},
      {"prescriber with nobody",
       [](domain::Registration& r) {
         r.kind = "prescriber";
         r.category = "women_reconversion";
         r.people = 0;
       },
       "people", "Indiquez le nombre de personnes que vous accompagnez, entre 1 et 50."},
      {"prescriber with 51",
       [](domain::Registration& r) {
         r.kind = "prescriber";
         r.category = "parents";
         r.people = 51;
       },
       "people", "Indiquez le nombre de personnes que vous accompagnez, entre 1 et 50."},
      {"adult without category",
       [](domain::Registration& r) {
         r.kind = "adult";
         r.people = 1;
       },
       "category", "Choisissez dans la liste ce qui vous décrit le mieux."},
      {"prescriber with unknown category",
       [](domain::Registration& r) {
         r.kind = "prescriber";
         r.people = 4;
         r.category = "girls";
       },
       "category", "Choisissez dans la liste qui sont les personnes que vous accompagnez."},
      {"long needs", [](domain::Registration& r) { r.needs = std::string(5001, 'x'); }, "needs",
       "Ce champ est trop long (5000 caractères au plus)."},
  };
  for (const auto& c : cases) {
    domain::Registration r = class_booking();
    c.change(r);
    auto err = domain::validate(r);
    ASSERT_TRUE(err.count(c.field)) << c.name;
    EXPECT_EQ(err[c.field], c.message) << c.name;
    EXPECT_EQ(err.size(), 1u) << c.name;
  }
}

// ---- iCalendar ----------------------------------------------------------------------------------------------

TEST(EventIcs, CalendarStructureAndTimedEvent) {
  std::string ics = domain::ics_calendar({timed_ics()}, "Événements Passerelles");
  expect_well_formed(ics);
  auto lines = content_lines(ics);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_EQ(value_of(ics, "VERSION", 0), "2.0");
  EXPECT_EQ(value_of(ics, "PRODID", 0), "-//Passerelles//Evenements//FR");
  EXPECT_EQ(value_of(ics, "X-WR-CALNAME", 0), "Événements Passerelles");
  EXPECT_EQ(value_of(ics, "METHOD", 0), "<absent>");
  EXPECT_EQ(value_of(ics, "TZID", 0), "Europe/Paris");
  EXPECT_NE(ics.find("BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"), std::string::npos);
  EXPECT_NE(ics.find("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"), std::string::npos);
  EXPECT_NE(ics.find("BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"), std::string::npos);
  EXPECT_NE(ics.find("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"), std::string::npos);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT"), 1);
  EXPECT_EQ(value_of(ics, "UID"), "event-12@passerelles.example.org");
  EXPECT_EQ(value_of(ics, "DTSTAMP"), "20250314T143000Z");
  EXPECT_EQ(value_of(ics, "DTSTART;TZID=Europe/Paris"), "20250314T143000");
  EXPECT_EQ(value_of(ics, "DTEND;TZID=Europe/Paris"), "20250314T160000");
  EXPECT_EQ(value_of(ics, "SEQUENCE"), "3");
  EXPECT_EQ(value_of(ics, "STATUS"), "CONFIRMED");
  EXPECT_EQ(value_of(ics, "SUMMARY"), "Visite");
  EXPECT_EQ(value_of(ics, "DESCRIPTION"), "<absent>");  // empty texts are left out
}

TEST(EventIcs, AllDayEventsEndTheNextDay) {
  domain::IcsEvent one = timed_ics();
  one.start_time = one.end_time = "";
  one.starts_on = one.ends_on = "2025-12-31";
  domain::IcsEvent week = one;
  week.uid = "event-13@passerelles.example.org";
  week.starts_on = "2026-02-23";
  week.ends_on = "2026-02-28";  // DTEND is exclusive: 1 March
  std::string ics = domain::ics_calendar({one, week}, "x");
  expect_well_formed(ics);
  EXPECT_EQ(value_of(ics, "DTSTART;VALUE=DATE"), "20251231");
  EXPECT_EQ(value_of(ics, "DTEND;VALUE=DATE"), "20260101");
  EXPECT_EQ(value_of(ics, "DTSTART;TZID=Europe/Paris"), "<absent>");
  EXPECT_EQ(value_of(ics, "DTSTART;VALUE=DATE", 2), "20260223");
  EXPECT_EQ(value_of(ics, "DTEND;VALUE=DATE", 2), "20260301");
}

TEST(EventIcs, TimedEventsWithoutEndTime) {
  domain::IcsEvent same_day = timed_ics();
  same_day.end_time = "";
  domain::IcsEvent two_days = same_day;
  two_days.ends_on = "2025-03-15";
  std::string ics = domain::ics_calendar({same_day, two_days}, "x");
  EXPECT_EQ(value_of(ics, "DTSTART;TZID=Europe/Paris"), "20250314T143000");
  EXPECT_EQ(value_of(ics, "DTEND;TZID=Europe/Paris"), "<absent>");            // ends when it starts (RFC 5545 §3.6.1)
  EXPECT_EQ(value_of(ics, "DTEND;TZID=Europe/Paris", 2), "20250316T000000");  // the end of its last day
}

TEST(EventIcs, CancelledAndInvitation) {
  domain::IcsEvent ev = timed_ics();
  ev.cancelled = true;
  std::string ics = domain::ics_calendar({ev}, "Invitation", "CANCEL");
  EXPECT_EQ(value_of(ics, "METHOD", 0), "CANCEL");
  EXPECT_EQ(value_of(ics, "STATUS"), "CANCELLED");
  EXPECT_EQ(domain::ics_calendar({}, "Vide").find("BEGIN:VEVENT"), std::string::npos);
  domain::IcsEvent no_day = timed_ics();
  no_day.starts_on = "";
  EXPECT_EQ(domain::ics_calendar({no_day}, "x").find("BEGIN:VEVENT"), std::string::npos);
}

TEST(EventIcs, TextIsEscaped) {
  domain::IcsEvent ev = timed_ics();
  ev.summary = "Forum, salon; métiers \\ industrie";
  ev.description = "Ligne 1\nLigne 2\r\nLigne 3\rfin\x01.";
  ev.location = "Salle A, bâtiment B; étage 2";
  ev.url = "https://passerelles.example.org/evenements/12";
  std::string ics = domain::ics_calendar({ev}, "Calendrier, territoire; Doubs");
  expect_well_formed(ics);
  EXPECT_EQ(value_of(ics, "SUMMARY"), "Forum\\, salon\\; métiers \\\\ industrie");
  EXPECT_EQ(value_of(ics, "DESCRIPTION"), "Ligne 1\\nLigne 2\\nLigne 3\\nfin.");
  EXPECT_EQ(value_of(ics, "LOCATION"), "Salle A\\, bâtiment B\\; étage 2");
  EXPECT_EQ(value_of(ics, "URL"), "https://passerelles.example.org/evenements/12");  // a URI is not escaped
  EXPECT_EQ(value_of(ics, "X-WR-CALNAME", 0), "Calendrier\\, territoire\\; Doubs");
}

TEST(EventIcs, FoldsAt75OctetsBetweenCharacters) {
  // "SUMMARY:" is 8 octets; each "é" is 2. The first line holds 33 of them (74 octets: a 34th would end at 76), each
  // continuation line one space and at most 74 octets, i.e. 37 of them.
  std::string e70;
  for (int i = 0; i < 70; ++i) e70 += "é";
  domain::IcsEvent ev = timed_ics();
  ev.summary = e70;
  std::string ics = domain::ics_calendar({ev}, "x");
  std::string e33, e37;
  for (int i = 0; i < 33; ++i) e33 += "é";
  for (int i = 0; i < 37; ++i) e37 += "é";
  EXPECT_NE(ics.find("\r\nSUMMARY:" + e33 + "\r\n " + e37 + "\r\nSEQUENCE"), std::string::npos) << ics;
  EXPECT_EQ(value_of(ics, "SUMMARY"), e70);

  // ASCII: exactly 75 octets stay on one line; 76 fold after the 75th.
  ev.summary = std::string(67, 'a');  // 8 + 67 = 75
  ics = domain::ics_calendar({ev}, "x");
  EXPECT_NE(ics.find("\r\nSUMMARY:" + std::string(67, 'a') + "\r\nSEQUENCE"), std::string::npos);
  ev.summary = std::string(68, 'a');
  ics = domain::ics_calendar({ev}, "x");
  EXPECT_NE(ics.find("\r\nSUMMARY:" + std::string(67, 'a') + "\r\n a\r\nSEQUENCE"), std::string::npos);
}

TEST(EventIcs, LongFrenchTitleWithCommasAndSemicolons) {
  std::string title =
      "Journée du 8 mars : « Les métiers de l’industrie, c’est aussi pour elles ; venez, voyez, essayez » — "
      "visite de l’usine, atelier d’impression 3D, rencontre avec des ingénieures, techniciennes; et apprenties";
  domain::IcsEvent ev = timed_ics();
  ev.summary = title;
  ev.description = title + "\n" + title;
  std::string ics = domain::ics_calendar({ev}, "x");
  expect_well_formed(ics);
  std::string escaped;
  for (char c : title) {
    if (c == ',' || c == ';') escaped += '\\';
    escaped += c;
  }
  EXPECT_EQ(value_of(ics, "SUMMARY"), escaped);
  EXPECT_EQ(value_of(ics, "DESCRIPTION"), escaped + "\\n" + escaped);
  // Folded, so that some physical lines are continuation lines.
  auto lines = physical_lines(ics);
  EXPECT_GE(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind(' ', 0) == 0; }), 6);
}
