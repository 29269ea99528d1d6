// HTTP tests of the public side of events, on every engine: the calendar of every territory (list, filters,
// pagination, month grid), an event's page (drafts are 404), booking without an account with the private link
// e-mailed through a real SMTP server, French messages next to the fields with nothing stored, the waiting list
// that moves up when a registration is cancelled by its private link, confirmation by POST only, the iCalendar
// feeds and invitations parsed by python3-icalendar, and the embeddable list's headers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/events.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

const std::string kNbsp = "\u00a0";

struct World {
  long long ta = 0, tb = 0;
  long long school = 0;    // Collège Lucie Aubrac, Besançon (unique)
  std::string school_uai;  // its UAI
  std::string today;
};

long long count(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << sql_text, soci::into(n);
    return n;
  });
}

std::string text_of(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    std::string v;
    sql << sql_text, soci::into(v);
    return v;
  });
}

long long add_school(store::Store& s, const std::string& uai, const std::string& name, const std::string& dep,
                     const std::string& insee, const std::string& commune) {
  std::string search = domain::fold(name + " " + commune + " " + uai);
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO schools (uai, name, kind, sector, commune_insee, commune_name, department, search, "
           "updated_at) VALUES (:u, :n, 'college', 'public', :c, :cn, :d, :s, 1) RETURNING id",
        soci::use(uai), soci::use(name), soci::use(insee), soci::use(commune), soci::use(dep), soci::use(search),
        soci::into(id);
    return id;
  });
}

World seed(store::Store& s) {
  World w;
  w.today = domain::paris_day(store::now_unix());
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  s.write([&](soci::session& sql) {
    sql << "INSERT INTO communes (insee, name, department) VALUES ('25056', 'Besançon', '25')";
    sql << "INSERT INTO communes (insee, name, department) VALUES ('62193', 'Calais', '62')";
  });
  w.school_uai = uai_from_digits("0251234");
  w.school = add_school(s, w.school_uai, "Collège Lucie Aubrac", "025", "25056", "Besançon");
  add_school(s, uai_from_digits("0251235"), "Collège Victor Hugo", "025", "25056", "Besançon");
  add_school(s, uai_from_digits("0251236"), "Lycée Victor Hugo", "025", "25056", "Besançon");
  return w;
}

struct EventSpec {
  EventSpec(long long t, std::string name, int days, int places, std::string k = "visite_entreprise",
            std::vector<std::string> for_whom = {"college"}, std::string insee = "", bool is_online = false,
            std::string state = "published")
      : territory(t),
        title(std::move(name)),
        in_days(days),
        capacity(places),
        kind(std::move(k)),
        audiences(std::move(for_whom)),
        commune(std::move(insee)),
        online(is_online),
        status(std::move(state)) {}
  long long territory;
  std::string title;
  int in_days;   // starts this many days after today
  int capacity;  // 0 = no limit
  std::string kind;
  std::vector<std::string> audiences;
  std::string commune;  // INSEE code; "" = none
  bool online;          // a webinar with its online link
  std::string status;   // draft, published, closed or cancelled
};

long long add_event(store::Store& s, const World& w, const EventSpec& spec) {
  domain::Event e;
  e.territory_id = spec.territory;
  e.kind = spec.kind;
  e.title = spec.title;
  e.description = "Découverte des métiers de " + spec.title + ".";
  e.starts_on = domain::add_days(w.today, spec.in_days);
  e.start_time = "14:00";
  e.end_time = "16:30";
  if (spec.online) {
    e.online_url = "https://visio.exemple.fr/salle-secrete-42";
  } else {
    e.place = "Atelier " + spec.title;
    e.commune_insee = spec.commune;
  }
  e.audiences = spec.audiences;
  e.capacity = spec.capacity;
  e.status = spec.status == "draft" ? "draft" : "published";
  e.accessibility = "Accessible en fauteuil roulant.";
  e.safety_rules = "Chaussures fermées obligatoires.";
  e.min_age = 12;
  auto r = store::insert_event(s, e, {0, "test"});
  EXPECT_TRUE(r.ok()) << spec.title << ": " << (r.errors.empty() ? "" : r.errors.begin()->second);
  if (spec.status == "closed" || spec.status == "cancelled") {
    auto moved = store::set_event_status(s, spec.territory, r.id, spec.status, "Intempéries annoncées", {0, "test"});
    EXPECT_TRUE(moved.ok()) << spec.title;
  }
  return r.id;
}

// An event that took place: inserted ahead, then moved into the past (new events cannot start in the past).
long long add_past_event(store::Store& s, const World& w, long long territory, const std::string& title) {
  long long id = add_event(s, w, {territory, title, 5, 0});
  std::string day = domain::add_days(w.today, -10);
  s.write([&](soci::session& sql) {
    sql << "UPDATE events SET starts_on = :d, ends_on = :e WHERE id = :id", soci::use(day), soci::use(day),
        soci::use(id);
  });
  return id;
}

using Form = std::vector<std::pair<std::string, std::string>>;

Form class_form(const std::string& school, const std::string& girls, const std::string& boys, const std::string& adults,
                const std::string& email = "prof@exemple.fr") {
  return {{"kind", "class"},
          {"school", school},
          {"class_level", "4e"},
          {"girls", girls},
          {"boys", boys},
          {"adults", adults},
          {"contact_name", "Anne Prof"},
          {"email", email},
          {"phone", "03 81 00 00 00"},
          {"needs", "Un élève en fauteuil."}};
}

Form adult_form(const std::string& email, const std::string& name = "Nadia Reconversion") {
  return {{"kind", "adult"}, {"adult_category", "women_reconversion"}, {"contact_name", name}, {"email", email}};
}

Form prescriber_form(const std::string& email, const std::string& people) {
  return {{"kind", "prescriber"},
          {"structure", "Mission locale de Besançon"},
          {"people", people},
          {"prescriber_category", "women_reconversion"},
          {"contact_name", "Paule Conseil"},
          {"email", email}};
}

// Books through the real form (the page first, for the CSRF cookie); returns the POST's answer.
HttpResult book(Client& c, long long event_id, const Form& form) {
  c.get("/evenements/" + std::to_string(event_id));
  return c.post_form("/evenements/" + std::to_string(event_id) + "/inscription", form);
}

// "/inscriptions/TOKEN?etat=nouvelle" -> "TOKEN".
std::string token_of(const std::string& location) {
  std::smatch m;
  static const std::regex re("^/inscriptions/([A-Za-z0-9_-]+)");
  return std::regex_search(location, m, re) ? m[1].str() : "";
}

std::size_t position(const std::string& body, const std::string& needle) {
  return body.find(needle);
}

// Runs tests/tools/check_ics.py (Debian's python3 with python3-icalendar) on `ics`; "" when it agrees, else its
// report.
std::string check_ics(const std::string& ics, const std::vector<std::string>& args) {
  auto path = std::filesystem::temp_directory_path() /
              ("events-public-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()) + ".ics");
  {
    std::ofstream out(path, std::ios::binary);
    out << ics;
  }
  std::string cmd =
      "/usr/bin/python3 " + std::string(PASSERELLES_SOURCE_DIR) + "/tests/tools/check_ics.py " + path.string();
  for (const auto& a : args) {
    std::string quoted = "'";
    for (char ch : a) quoted += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    cmd += " " + quoted + "'";
  }
  cmd += " 2>&1";
  std::string output;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return "cannot run " + cmd;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) output += buf;
  int rc = ::pclose(p);
  std::filesystem::remove(path);
  return rc == 0 ? std::string() : output.empty() ? "check_ics failed" : output;
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

}  // namespace

class EventsPublicHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(EventsPublicHttp, ListFiltersPagesAndMonthGrid) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  auto& s = srv.store();
  long long alpha = add_event(s, w, {w.ta, "Visite Alpha", 10, 20, "visite_entreprise", {"college"}, "25056"});
  add_event(s, w, {w.ta, "Webinaire Beta", 3, 0, "webinaire", {"femmes_reconversion"}, "", true});
  long long gamma = add_event(s, w, {w.tb, "Forum Gamma", 5, 3, "forum_salon", {"lycee", "parents"}, "62193"});
  long long zeta = add_event(s, w, {w.tb, "Salon Zeta", 7, 10, "forum_salon", {"lycee"}, "62193", false, "cancelled"});
  long long draft = add_event(s, w, {w.ta, "Brouillon Delta", 4, 10, "atelier", {"college"}, "25056", false, "draft"});
  long long past = add_past_event(s, w, w.ta, "Passé Epsilon");
  // Gamma is full: 1 + 2 places.
  ASSERT_TRUE(store::book(
                  s, gamma,
                  [] {
                    domain::Registration r;
                    r.kind = "adult";
                    r.category = "parents";
                    r.contact_name = "Un parent";
                    r.email = "parent@exemple.fr";
                    return r;
                  }(),
                  w.today)
                  .ok());
  ASSERT_TRUE(store::book(
                  s, gamma,
                  [] {
                    domain::Registration r;
                    r.kind = "prescriber";
                    r.people = 1;
                    r.category = "parents";
                    r.organisation = "Maison de quartier";
                    r.contact_name = "Une conseillère";
                    r.email = "conseil@exemple.fr";
                    return r;
                  }(),
                  w.today)
                  .ok());

  Client c(srv.port());
  auto list = c.get("/evenements");
  ASSERT_EQ(list.status, 200) << list.body;
  expect_accessible(list.body, "public event list");
  for (const char* t : {"Visite Alpha", "Webinaire Beta", "Forum Gamma", "Salon Zeta"})
    EXPECT_TRUE(contains(list.body, t)) << t;
  EXPECT_FALSE(contains(list.body, "Brouillon Delta")) << "a draft is not public";
  EXPECT_FALSE(contains(list.body, "Passé Epsilon")) << "from today by default";
  // Soonest first: Beta (3 days), Gamma (5), Zeta (7), Alpha (10).
  EXPECT_LT(position(list.body, "Webinaire Beta"), position(list.body, "Forum Gamma"));
  EXPECT_LT(position(list.body, "Forum Gamma"), position(list.body, "Salon Zeta"));
  EXPECT_LT(position(list.body, "Salon Zeta"), position(list.body, "Visite Alpha"));
  EXPECT_TRUE(contains(list.body, "20 places restantes"));
  EXPECT_TRUE(contains(list.body, "Complet — liste d’attente"));
  EXPECT_TRUE(contains(list.body, "En ligne"));
  EXPECT_TRUE(contains(list.body, "<strong class=\"badge-cancelled\">Annulé</strong>"));
  EXPECT_TRUE(contains(list.body, "4 événements à venir."));
  EXPECT_FALSE(contains(list.body, "salle-secrete-42")) << "the online link goes to registrants only";
  // The day in French, with its weekday and hours.
  std::string alpha_day = domain::format_day_fr(domain::add_days(w.today, 10));
  EXPECT_TRUE(contains(list.body, alpha_day + ", 14" + kNbsp + "h – 16" + kNbsp + "h" + kNbsp + "30")) << alpha_day;
  EXPECT_TRUE(contains(list.body, "href=\"/evenements\">Événements</a>")) << "the public navigation link";

  struct Case {
    std::string query;
    std::vector<std::string> shown, hidden;
  };
  std::vector<Case> cases = {
      {"type=webinaire", {"Webinaire Beta"}, {"Visite Alpha", "Forum Gamma", "Salon Zeta"}},
      {"public=college", {"Visite Alpha"}, {"Webinaire Beta", "Forum Gamma", "Salon Zeta"}},
      {"departement=062", {"Forum Gamma", "Salon Zeta"}, {"Visite Alpha", "Webinaire Beta"}},
      {"territoire=tb", {"Forum Gamma", "Salon Zeta"}, {"Visite Alpha", "Webinaire Beta"}},
      {"q=alpha", {"Visite Alpha"}, {"Webinaire Beta", "Forum Gamma", "Salon Zeta"}},
      {"du=" + domain::add_days(w.today, 6), {"Salon Zeta", "Visite Alpha"}, {"Webinaire Beta", "Forum Gamma"}},
      {"du=" + domain::add_days(w.today, -20), {"Passé Epsilon", "Visite Alpha"}, {"Brouillon Delta"}},
      {"type=inconnu&public=personne", {"Visite Alpha", "Webinaire Beta"}, {"Brouillon Delta"}},
  };
  for (const auto& k : cases) {
    auto r = c.get("/evenements?" + k.query);
    SCOPED_TRACE(k.query);
    ASSERT_EQ(r.status, 200);
    for (const auto& t : k.shown) EXPECT_TRUE(contains(r.body, t)) << t;
    for (const auto& t : k.hidden) EXPECT_FALSE(contains(r.body, t)) << t;
  }
  auto filtered = c.get("/evenements?type=webinaire");
  EXPECT_TRUE(contains(filtered.body, "<option value=\"webinaire\" selected>")) << "the filter keeps its value";
  auto bad_day = c.get("/evenements?du=31/02/2026");
  EXPECT_EQ(bad_day.status, 200);
  EXPECT_TRUE(contains(bad_day.body, "Date invalide")) << "said next to the field";
  EXPECT_TRUE(contains(bad_day.body, "aria-describedby=\"f-du-error\""));
  EXPECT_TRUE(contains(bad_day.body, "Visite Alpha")) << "from today instead";
  auto french_day = c.get("/evenements?du=" + domain::add_days(w.today, 6).substr(8, 2) + "/" +
                          domain::add_days(w.today, 6).substr(5, 2) + "/" + domain::add_days(w.today, 6).substr(0, 4));
  EXPECT_FALSE(contains(french_day.body, "Webinaire Beta")) << "JJ/MM/AAAA is read too";
  EXPECT_TRUE(contains(french_day.body, "Visite Alpha"));
  auto unknown_territory = c.get("/evenements?territoire=nulle-part");
  EXPECT_EQ(unknown_territory.status, 200);
  EXPECT_TRUE(contains(unknown_territory.body, "Ce territoire n’existe pas"));

  // Pagination: 20 per page, the filters kept in the links.
  for (int i = 0; i < 19; ++i) add_event(s, w, {w.ta, "Série " + std::to_string(100 + i), 30, 0});
  auto page1 = c.get("/evenements?territoire=ta");
  EXPECT_TRUE(contains(page1.body, "21 événements à venir."));
  EXPECT_TRUE(contains(page1.body, "Page 1 sur 2"));
  EXPECT_TRUE(contains(page1.body, "href=\"/evenements?territoire=ta&amp;page=2\" rel=\"next\""));
  EXPECT_FALSE(contains(page1.body, "Série 118"));
  auto page2 = c.get("/evenements?territoire=ta&page=2");
  EXPECT_TRUE(contains(page2.body, "Série 118"));
  EXPECT_FALSE(contains(page2.body, "Visite Alpha"));

  // The month grid of Alpha's month: an accessible table, each event a link in its day's cell.
  std::string month = domain::add_days(w.today, 10).substr(0, 7);
  auto grid = c.get("/evenements?vue=calendrier&mois=" + month);
  ASSERT_EQ(grid.status, 200);
  expect_accessible(grid.body, "month grid");
  EXPECT_TRUE(contains(grid.body, "<caption id=\"calendrier-mois\">"));
  EXPECT_TRUE(contains(grid.body, "<th scope=\"col\"><abbr title=\"lundi\">lun.</abbr></th>"));
  std::string alpha_link = "<a href=\"/evenements/" + std::to_string(alpha) + "\">14" + kNbsp + "h Visite Alpha</a>";
  EXPECT_TRUE(contains(grid.body, alpha_link)) << grid.body;
  std::string day_number = std::to_string(std::stoi(domain::add_days(w.today, 10).substr(8, 2)));
  EXPECT_TRUE(
      std::regex_search(grid.body, std::regex("<span class=\"day-number\"><span class=\"day-name\">[a-z]+ </span>" +
                                              day_number + "</span>\\s*<ul><li>" + alpha_link)))
      << "in the cell of its day";
  EXPECT_FALSE(contains(grid.body, "Brouillon Delta"));
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
  char prev[32], next[32];
  std::snprintf(prev, sizeof prev, "%04d-%02d", m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
  std::snprintf(next, sizeof next, "%04d-%02d", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
  EXPECT_TRUE(contains(grid.body, "mois=" + std::string(prev) + "\" rel=\"prev\""));
  EXPECT_TRUE(contains(grid.body, "mois=" + std::string(next) + "\" rel=\"next\""));
  EXPECT_TRUE(contains(c.get("/evenements?vue=calendrier&mois=2027-04").body, ">Événements d’avril 2027</caption>"));
  auto march = c.get("/evenements?vue=calendrier&mois=2027-03");
  EXPECT_TRUE(contains(march.body, ">Événements de mars 2027</caption>"));
  EXPECT_TRUE(contains(march.body, "mois=2027-02\" rel=\"prev\">← février 2027</a>"));
  // March 2027 starts on a Monday: no empty cell before the 1st, which is in the first column.
  EXPECT_TRUE(contains(march.body,
                       "<tbody>\n<tr><td class=\"day\"><span class=\"day-number\"><span class=\"day-name\">lundi "
                       "</span>1</span>"));
  auto bad_month = c.get("/evenements?vue=calendrier&mois=2026-13");
  EXPECT_EQ(bad_month.status, 200);
  EXPECT_TRUE(contains(bad_month.body, "Mois invalide"));

  // An event's page; a draft and an unknown id are 404; past and cancelled ones explain themselves.
  auto page = c.get("/evenements/" + std::to_string(alpha));
  ASSERT_EQ(page.status, 200);
  expect_accessible(page.body, "event page");
  for (const char* t :
       {"Découverte des métiers de Visite Alpha.", "Collégiens et collégiennes", "Accessible en fauteuil roulant.",
        "Chaussures fermées obligatoires.", "12 ans", "20 places restantes", "Besançon", "/evenements/"})
    EXPECT_TRUE(contains(page.body, t)) << t;
  EXPECT_TRUE(contains(page.body, "href=\"/evenements/" + std::to_string(alpha) + "/evenement.ics\""));
  EXPECT_TRUE(contains(page.body, "<legend>Qui inscrivez-vous ? *</legend>"));
  EXPECT_TRUE(contains(page.body, "type=\"radio\" id=\"reg-kind-class\" name=\"kind\" value=\"class\" checked"))
      << "a class by default for an event for pupils";
  EXPECT_EQ(c.get("/evenements/" + std::to_string(draft)).status, 404);
  EXPECT_EQ(c.get("/evenements/999999").status, 404);
  EXPECT_EQ(c.get("/evenements/" + std::to_string(draft) + "/evenement.ics").status, 404);
  auto past_page = c.get("/evenements/" + std::to_string(past));
  EXPECT_EQ(past_page.status, 200);
  EXPECT_TRUE(contains(past_page.body, "Cet événement est passé"));
  EXPECT_FALSE(contains(past_page.body, "name=\"kind\""));
  auto cancelled = c.get("/evenements/" + std::to_string(zeta));
  EXPECT_TRUE(contains(cancelled.body, "Cet événement est annulé.</strong> Intempéries annoncées"));
  EXPECT_FALSE(contains(cancelled.body, "name=\"kind\""));
}

TEST_P(EventsPublicHttp, BookingMailsThePrivateLinkAndConfirmsByPostOnly) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  auto& s = srv.store();
  long long id = add_event(s, w, {w.ta, "Visite de la fonderie", 12, 30, "visite_entreprise", {"college"}, "25056"});

  Client teacher(srv.port());
  auto options = teacher.get("/evenements/" + std::to_string(id) + "/etablissements?school=aubrac");
  EXPECT_EQ(options.status, 200);
  std::string label = w.school_uai + " — Collège Lucie Aubrac (Besançon)";
  EXPECT_TRUE(contains(options.body, "<option value=\"" + label + "\">")) << options.body;

  auto booked = book(teacher, id, class_form(label, "12", "10", "2"));
  ASSERT_EQ(booked.status, 303) << booked.body;
  std::string token = token_of(booked.header("location"));
  ASSERT_FALSE(token.empty()) << booked.header("location");
  EXPECT_EQ(booked.header("location"), "/inscriptions/" + token + "?etat=nouvelle");
  EXPECT_EQ(booked.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM event_registrations WHERE token = '" + token + "' AND status = 'booked' " +
                         "AND girls = 12 AND boys = 10 AND adults = 2 AND places = 24 AND class_level = '4e' " +
                         "AND school_id = " + std::to_string(w.school) + " AND email = 'prof@exemple.fr'"),
            1);

  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: prof@exemple.fr"));
  EXPECT_TRUE(contains(mails[0], "/inscriptions/" + token)) << mails[0];

  auto done = teacher.get(booked.header("location"));
  ASSERT_EQ(done.status, 200);
  expect_accessible(done.body, "registration page after booking");
  EXPECT_TRUE(contains(done.body, "24 places vous sont réservées."));
  EXPECT_TRUE(contains(done.body, "confirmez par le lien reçu par e-mail dans les 48 heures"));
  EXPECT_TRUE(contains(done.body, "/inscriptions/" + token + "\" readonly")) << "the private link is shown";
  std::string code = text_of(s, "SELECT code FROM event_registrations WHERE token = '" + token + "'");
  EXPECT_TRUE(contains(done.body, "<strong class=\"checkin-code\">" + code + "</strong>"));
  EXPECT_FALSE(contains(done.body, "Confirmer mon inscription")) << "the e-mailed link confirms";
  EXPECT_EQ(done.header("referrer-policy"), "no-referrer");
  EXPECT_TRUE(contains(done.header("x-robots-tag"), "noindex"));
  EXPECT_EQ(done.header("cache-control"), "no-store");

  // The e-mailed link, as a mail scanner would follow it: reading it confirms nothing.
  Client other(srv.port());
  auto link = other.get("/inscriptions/" + token);
  ASSERT_EQ(link.status, 200);
  EXPECT_TRUE(contains(link.body, "Confirmer mon inscription"));
  EXPECT_TRUE(
      contains(link.body, "Une classe (4e), Collège Lucie Aubrac (Besançon) : 12 filles, 10 garçons et 2 adultes"));
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM event_registrations WHERE token = '" + token + "' AND confirmed_at = 0"), 1);
  auto confirmed = other.post_form("/inscriptions/" + token + "/confirmer", {});
  EXPECT_EQ(confirmed.status, 303);
  EXPECT_EQ(confirmed.header("location"), "/inscriptions/" + token + "?etat=confirmee");
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM event_registrations WHERE token = '" + token + "' AND confirmed_at > 0"), 1);
  auto after = other.get(confirmed.header("location"));
  EXPECT_TRUE(contains(after.body, "Inscription confirmée."));
  EXPECT_FALSE(contains(after.body, "Confirmer mon inscription"));
  EXPECT_EQ(Client(srv.port()).post_form("/inscriptions/" + token + "/confirmer", {{"csrf", "faux"}}).status, 403)
      << "a forged form is refused";

  // The event's page counts the places taken.
  EXPECT_TRUE(contains(teacher.get("/evenements/" + std::to_string(id)).body, "6 places restantes"));

  // An adult, and a prescriber with the three people she accompanies (4 places): 6 - 1 - 4 = 1 left.
  Client adult(srv.port()), prescriber(srv.port());
  ASSERT_EQ(book(adult, id, adult_form("nadia@exemple.fr")).status, 303);
  auto p = book(prescriber, id, prescriber_form("paule@exemple.fr", "3"));
  ASSERT_EQ(p.status, 303) << p.body;
  EXPECT_EQ(count(s,
                  "SELECT COUNT(*) FROM event_registrations WHERE email = 'paule@exemple.fr' AND places = 4 AND "
                  "people = 3 AND organisation = 'Mission locale de Besançon'"),
            1);
  EXPECT_TRUE(contains(adult.get("/evenements/" + std::to_string(id)).body, "1 place restante"));
  EXPECT_EQ(sink.wait_for(3).size(), 3u);

  // A school outside the directory is kept by its name.
  Client far(srv.port());
  ASSERT_EQ(book(far, id, class_form("Collège du Bout du Monde", "1", "0", "0", "loin@exemple.fr")).status, 303);
  EXPECT_EQ(count(s,
                  "SELECT COUNT(*) FROM event_registrations WHERE email = 'loin@exemple.fr' AND school_id IS NULL "
                  "AND organisation = 'Collège du Bout du Monde'"),
            1);

  // The invitation (.ics) of the registration, and an unknown token.
  auto ics = other.get("/inscriptions/" + token + "/evenement.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_EQ(ics.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(ics.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(check_ics(ics.body, {"--expect-count", "1", "--expect-method", "REQUEST", "--expect-summary",
                                 "Visite de la fonderie"}),
            "");
  EXPECT_EQ(other.get("/inscriptions/inconnu-0123456789").status, 404);
  EXPECT_EQ(other.get("/inscriptions/inconnu-0123456789/evenement.ics").status, 404);
  EXPECT_EQ(other.post_form("/inscriptions/inconnu-0123456789/confirmer", {}).status, 404);
}

TEST_P(EventsPublicHttp, MailFailureStillShowsThePrivateLink) {
  TestServer srv(GetParam());  // smtp_url points at a closed port
  World w = seed(srv.store());
  long long id =
      add_event(srv.store(), w, {w.ta, "Portes ouvertes", 8, 0, "portes_ouvertes", {"tout_public"}, "25056"});
  Client c(srv.port());
  auto booked = book(c, id, adult_form("nadia@exemple.fr"));
  ASSERT_EQ(booked.status, 303);
  std::string token = token_of(booked.header("location"));
  EXPECT_EQ(booked.header("location"), "/inscriptions/" + token + "?etat=nouvelle-sans-mail");
  auto page = c.get(booked.header("location"));
  EXPECT_TRUE(contains(page.body, "L’e-mail de confirmation n’a pas pu être envoyé."));
  EXPECT_TRUE(contains(page.body, "/inscriptions/" + token + "\" readonly"));
  EXPECT_TRUE(contains(page.body, "Confirmer mon inscription")) << "confirmed from the page instead";
}

TEST_P(EventsPublicHttp, BadInputGetsFrenchMessagesNextToFieldsAndStoresNothing) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  auto& s = srv.store();
  long long id = add_event(s, w, {w.ta, "Atelier soudure", 9, 10, "atelier", {"college", "tout_public"}, "25056"});
  Client c(srv.port());

  // A class with every field wrong: the messages are the domain's, next to each field, the values kept.
  Form bad = class_form("", "abc", "-3", "", "pas-un-mail");
  bad[6].second = "";  // contact_name
  domain::Registration typed;
  typed.kind = "class";
  typed.class_level = "4e";
  typed.girls = -1;
  typed.boys = -3;
  typed.email = "pas-un-mail";
  typed.phone = "03 81 00 00 00";
  typed.needs = "Un élève en fauteuil.";
  domain::normalise(typed);
  auto expected = domain::validate(typed);
  ASSERT_TRUE(expected.count("girls") && expected.count("email") && expected.count("contact_name"));
  auto r = book(c, id, bad);
  EXPECT_EQ(r.status, 422);
  expect_accessible(r.body, "refused booking");
  EXPECT_TRUE(contains(r.body, "L’inscription n’a pas été enregistrée"));
  for (const auto& [field, message] : expected) {
    std::string name = field == "school_id" || field == "organisation" ? "school" : field;
    std::string shown = "<small id=\"reg-" + name + "-error\" class=\"field-error\">";
    shown += message;
    EXPECT_TRUE(contains(r.body, shown + "</small>")) << field << ": " << message;
  }
  EXPECT_TRUE(contains(r.body, "value=\"abc\"")) << "what was typed is kept";
  EXPECT_TRUE(contains(r.body, "value=\"pas-un-mail\""));
  EXPECT_TRUE(contains(r.body, "id=\"reg-kind-class\" name=\"kind\" value=\"class\" checked"));

  // No kind at all.
  auto no_kind = book(c, id, {{"contact_name", "X"}, {"email", "x@exemple.fr"}});
  EXPECT_EQ(no_kind.status, 422);
  EXPECT_TRUE(contains(no_kind.body, "<small id=\"reg-kind-error\" class=\"field-error\">"));

  // Several schools answer to the words typed.
  auto ambiguous = book(c, id, class_form("Victor Hugo", "5", "5", "1"));
  EXPECT_EQ(ambiguous.status, 422);
  EXPECT_TRUE(contains(ambiguous.body, "2 établissements correspondent à « Victor Hugo »"));
  EXPECT_TRUE(contains(ambiguous.body, "value=\"Victor Hugo\""));

  // A prescriber without people; a category that does not exist.
  auto prescriber = book(c, id, prescriber_form("p@exemple.fr", "0"));
  EXPECT_EQ(prescriber.status, 422);
  EXPECT_TRUE(contains(prescriber.body, "<small id=\"reg-people-error\" class=\"field-error\">"));
  Form weird = adult_form("a@exemple.fr");
  weird[1].second = "martiens";
  auto category = book(c, id, weird);
  EXPECT_EQ(category.status, 422);
  EXPECT_TRUE(contains(category.body, "<small id=\"reg-adult_category-error\" class=\"field-error\">"));

  // A class larger than the whole event (10 places).
  auto huge = book(c, id, class_form("Lucie Aubrac", "8", "4", "1"));
  EXPECT_EQ(huge.status, 422);
  EXPECT_TRUE(contains(huge.body, "<small id=\"reg-girls-error\" class=\"field-error\">Cet événement compte 10 places"))
      << huge.body;
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM event_registrations"), 0) << "nothing stored";

  // A form without its CSRF token.
  auto forged = Client(srv.port())
                    .request("POST", "/evenements/" + std::to_string(id) + "/inscription",
                             url_encode_form(adult_form("f@exemple.fr")),
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(forged.status, 403);

  // Closed, unknown or draft events.
  long long closed = add_event(s, w, {w.ta, "Forum clos", 9, 10, "forum_salon", {"lycee"}, "25056", false, "closed"});
  auto refused = c.post_form("/evenements/" + std::to_string(closed) + "/inscription", adult_form("b@exemple.fr"));
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(contains(refused.body, "Les inscriptions à cet événement sont closes."));
  long long draft = add_event(s, w, {w.ta, "Brouillon", 9, 10, "atelier", {"lycee"}, "25056", false, "draft"});
  EXPECT_EQ(c.post_form("/evenements/" + std::to_string(draft) + "/inscription", adult_form("b@exemple.fr")).status,
            404);
  EXPECT_EQ(c.post_form("/evenements/424242/inscription", adult_form("b@exemple.fr")).status, 404);
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM event_registrations"), 0) << "nothing stored";
}

TEST_P(EventsPublicHttp, WaitingListMovesUpWhenAPrivateLinkCancels) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  auto& s = srv.store();
  long long id = add_event(s, w, {w.ta, "Visite du laboratoire", 6, 3, "visite_laboratoire", {"tout_public"}, "25056"});

  Client a(srv.port()), b(srv.port()), waiting(srv.port());
  auto ra = book(a, id, adult_form("alice@exemple.fr", "Alice"));
  auto rb = book(b, id, prescriber_form("berthe@exemple.fr", "1"));  // 2 places: full
  ASSERT_EQ(ra.status, 303);
  ASSERT_EQ(rb.status, 303);
  EXPECT_TRUE(contains(a.get("/evenements/" + std::to_string(id)).body, "Complet — liste d’attente"));
  auto rc = book(waiting, id, adult_form("chloe@exemple.fr", "Chloé"));
  ASSERT_EQ(rc.status, 303) << "a full event takes the booking on its waiting list";
  std::string ta = token_of(ra.header("location")), tb = token_of(rb.header("location")),
              tc = token_of(rc.header("location"));
  auto wait_page = waiting.get(rc.header("location"));
  EXPECT_TRUE(contains(wait_page.body, "L’événement est complet : votre inscription est sur la liste d’attente."));
  EXPECT_EQ(text_of(s, "SELECT status FROM event_registrations WHERE token = '" + tc + "'"), "waitlisted");
  ASSERT_EQ(sink.wait_for(3).size(), 3u);

  // Berthe cannot grow beyond the places left (her 2 places, none free).
  auto grow = b.post_form("/inscriptions/" + tb, {{"people", "2"},
                                                  {"contact_name", "Paule Conseil"},
                                                  {"email", "berthe@exemple.fr"},
                                                  {"phone", ""},
                                                  {"needs", ""}});
  EXPECT_EQ(grow.status, 422);
  EXPECT_TRUE(contains(grow.body, "<small id=\"reg-people-error\" class=\"field-error\">Il ne reste que 2 places"))
      << grow.body;
  EXPECT_TRUE(contains(grow.body, "value=\"2\"")) << "the typed count is kept";
  auto contact = b.post_form("/inscriptions/" + tb, {{"people", "1"},
                                                     {"contact_name", "Paule Conseil"},
                                                     {"email", "berthe@exemple.fr"},
                                                     {"phone", "06 12 34 56 78"},
                                                     {"needs", "Arrivée en bus."}});
  EXPECT_EQ(contact.status, 303);
  EXPECT_EQ(contact.header("location"), "/inscriptions/" + tb + "?etat=modifiee");
  EXPECT_EQ(text_of(s, "SELECT needs FROM event_registrations WHERE token = '" + tb + "'"), "Arrivée en bus.");

  // Alice cancels by her private link: Chloé moves up and is told.
  auto cancelled = a.post_form("/inscriptions/" + ta + "/annuler", {{"reason", "Empêchement"}});
  ASSERT_EQ(cancelled.status, 303);
  EXPECT_EQ(cancelled.header("location"), "/inscriptions/" + ta + "?etat=annulee");
  EXPECT_EQ(text_of(s, "SELECT status FROM event_registrations WHERE token = '" + ta + "'"), "cancelled");
  EXPECT_EQ(text_of(s, "SELECT cancel_reason FROM event_registrations WHERE token = '" + ta + "'"), "Empêchement");
  EXPECT_EQ(text_of(s, "SELECT status FROM event_registrations WHERE token = '" + tc + "'"), "booked");
  auto mails = sink.wait_for(5);
  ASSERT_EQ(mails.size(), 5u);
  bool chloe_told = false, alice_told = false;
  for (std::size_t i = 3; i < mails.size(); ++i) {
    if (contains(mails[i], "X-Envelope-To: chloe@exemple.fr") && contains(mails[i], "/inscriptions/" + tc))
      chloe_told = true;
    if (contains(mails[i], "X-Envelope-To: alice@exemple.fr")) alice_told = true;
  }
  EXPECT_TRUE(chloe_told) << "the promoted registration is told by e-mail";
  EXPECT_TRUE(alice_told) << "the cancellation is acknowledged";
  auto alice_page = a.get(cancelled.header("location"));
  EXPECT_TRUE(contains(alice_page.body, "Inscription annulée."));
  EXPECT_FALSE(contains(alice_page.body, "Annuler mon inscription</button>"));
  EXPECT_TRUE(contains(waiting.get("/inscriptions/" + tc).body, "Places réservées"));
  auto again = a.post_form("/inscriptions/" + ta + "/annuler", {});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(contains(again.body, "Cette inscription est déjà annulée."));
  auto reconfirm = a.post_form("/inscriptions/" + ta + "/confirmer", {});
  EXPECT_EQ(reconfirm.status, 409);
  // The cancelled registration's invitation withdraws the event.
  auto ics = a.get("/inscriptions/" + ta + "/evenement.ics");
  EXPECT_EQ(check_ics(ics.body, {"--expect-count", "1", "--expect-method", "CANCEL", "--expect-status", "CANCELLED"}),
            "");
}

TEST_P(EventsPublicHttp, IcsFeedsParseWithPythonIcalendar) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  auto& s = srv.store();
  add_event(s, w, {w.ta, "Visite Un", 4, 10, "visite_entreprise", {"college"}, "25056"});
  add_event(s, w, {w.ta, "Webinaire Deux", 2, 0, "webinaire", {"tout_public"}, "", true});
  add_event(s, w, {w.tb, "Forum Trois", 3, 0, "forum_salon", {"lycee"}, "62193"});
  add_event(s, w, {w.ta, "Brouillon", 1, 0, "atelier", {"college"}, "25056", false, "draft"});
  add_past_event(s, w, w.ta, "Passé");

  Client c(srv.port());
  auto all = c.get("/evenements.ics");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(all.header("cache-control"), "public, max-age=300");
  EXPECT_EQ(
      check_ics(all.body, {"--expect-count", "3", "--expect-calname", "Passerelles — événements", "--expect-summary",
                           "Webinaire Deux", "--expect-summary", "Forum Trois", "--expect-summary", "Visite Un"}),
      "");
  EXPECT_FALSE(contains(all.body, "salle-secrete-42")) << "no online link in a public feed";
  EXPECT_FALSE(contains(all.body, "METHOD:"));

  auto one = c.get("/territoires/ta/evenements.ics");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(check_ics(one.body, {"--expect-count", "2", "--expect-calname", "Passerelles — événements — Territoire ta",
                                 "--expect-summary", "Webinaire Deux", "--expect-summary", "Visite Un"}),
            "");
  EXPECT_EQ(c.get("/territoires/inconnu/evenements.ics").status, 404);
}

TEST_P(EventsPublicHttp, EmbeddableListCanBeFramedByAnySite) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  auto& s = srv.store();
  add_event(s, w, {w.ta, "Visite Un", 4, 10, "visite_entreprise", {"college"}, "25056"});
  add_event(s, w, {w.ta, "Visite Deux", 6, 10, "visite_entreprise", {"college"}, "25056"});
  add_event(s, w, {w.tb, "Forum de B", 3, 0, "forum_salon", {"lycee"}, "62193"});

  Client c(srv.port());
  auto embed = c.get("/evenements/integrer?territoire=ta&limite=1");
  ASSERT_EQ(embed.status, 200);
  expect_accessible(embed.body, "embeddable list");
  std::string csp = embed.header("content-security-policy");
  EXPECT_TRUE(contains(csp, "frame-ancestors *")) << csp;
  EXPECT_FALSE(contains(csp, "frame-ancestors 'none'")) << csp;
  EXPECT_TRUE(contains(csp, "script-src 'self'")) << "the rest of the default policy stays";
  EXPECT_EQ(embed.header("x-frame-options"), "") << "X-Frame-Options would forbid the frame";
  EXPECT_EQ(embed.header("content-security-policy-embed"), "1");
  EXPECT_TRUE(contains(embed.body, "Visite Un"));
  EXPECT_FALSE(contains(embed.body, "Visite Deux")) << "limite=1";
  EXPECT_FALSE(contains(embed.body, "Forum de B")) << "one territory";
  EXPECT_TRUE(contains(embed.body, "target=\"_blank\" rel=\"noopener\""));
  EXPECT_FALSE(contains(embed.body, "class=\"site-header\"")) << "a page of its own, without the site's header";
  EXPECT_EQ(c.get("/evenements/integrer?territoire=inconnu").status, 404);
  auto every = c.get("/evenements/integrer");
  EXPECT_TRUE(contains(every.body, "Forum de B"));
  EXPECT_TRUE(contains(every.body, "Visite Deux"));

  // The ordinary pages still refuse to be framed; the list shows the snippet to copy.
  auto list = c.get("/evenements?territoire=ta");
  EXPECT_EQ(list.header("x-frame-options"), "DENY");
  EXPECT_TRUE(contains(list.header("content-security-policy"), "frame-ancestors 'none'"));
  EXPECT_TRUE(contains(list.body, "<details class=\"embed-snippet\">"));
  EXPECT_TRUE(contains(list.body, "&lt;iframe src=&quot;")) << list.body;
  EXPECT_TRUE(contains(list.body, "/evenements/integrer?territoire=ta&amp;amp;limite=10"));
}

TEST_P(EventsPublicHttp, BookingsAreLimitedPerAddressAndPerEmail) {
  {
    config::Config cfg;
    cfg.booking_limit = "3";  // per client address and hour
    TestServer srv(GetParam(), cfg);
    World w = seed(srv.store());
    long long id =
        add_event(srv.store(), w, {w.ta, "Forum des métiers", 8, 0, "forum_salon", {"tout_public"}, "25056"});
    Client c(srv.port());
    for (int i = 0; i < 3; ++i)
      ASSERT_EQ(book(c, id, adult_form("femme" + std::to_string(i) + "@exemple.fr")).status, 303) << i;
    auto refused = book(c, id, adult_form("femme9@exemple.fr"));
    EXPECT_EQ(refused.status, 429);
    EXPECT_TRUE(contains(refused.body, "Trop d’inscriptions envoyées en peu de temps")) << refused.body;
    EXPECT_TRUE(contains(refused.body, "Rien n’a été enregistré."));
    EXPECT_EQ(fixture::count_rows(srv.store(), "event_registrations"), 3);
  }

  // One e-mail address books at most 10 times an hour, whatever the address limit.
  config::Config wide;
  wide.booking_limit = "100";
  TestServer srv2(GetParam(), wide);
  World w2 = seed(srv2.store());
  long long id2 =
      add_event(srv2.store(), w2, {w2.ta, "Forum des métiers", 8, 0, "forum_salon", {"tout_public"}, "25056"});
  Client c2(srv2.port());
  for (int i = 0; i < 10; ++i) ASSERT_EQ(book(c2, id2, adult_form("meme@exemple.fr")).status, 303) << i;
  EXPECT_EQ(book(c2, id2, adult_form("meme@exemple.fr")).status, 429);
  EXPECT_EQ(book(c2, id2, adult_form("autre@exemple.fr")).status, 303);
  EXPECT_EQ(fixture::count_rows(srv2.store(), "event_registrations"), 11);
}

INSTANTIATE_TEST_SUITE_P(Engines, EventsPublicHttp, ::testing::ValuesIn(fixture::engines()));
