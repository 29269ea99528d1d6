// HTTP tests of the organisers' side of events on every engine: the event form (create, publish, edit) with French
// errors next to the fields and nothing stored on error, who may organise what (a company contact only for her own
// organisation, an ambassador not at all, another territory's ids 404), cancellation telling every registrant by
// e-mail, the attendance sheet becoming one action counted on the dashboard (a second save updates it), the group
// check-in by code on the day, and the door's QR code decoding to the check-in link.
#include <gtest/gtest.h>

#include <regex>

#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/directory.hpp"
#include "store/events.hpp"
#include "store/indicators.hpp"
#include "store/surveys.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/report_fixture.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

using Form = std::vector<std::pair<std::string, std::string>>;

struct World {
  long long ta = 0, tb = 0;
  long long forges = 0, autre = 0;  // organisations of A: the company contact's own, and another one
};

long long add_org(store::Store& s, long long territory, const std::string& name) {
  domain::Organisation o;
  o.territory_id = territory;
  o.kind = "company";
  o.name = name;
  auto r = store::insert_organisation(s, o, {});
  EXPECT_TRUE(r.ok());
  return r.id;
}

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  seed_user(s, "amb-a@exemple.fr", domain::Role::ambassador, w.ta);
  seed_user(s, "entreprise-a@exemple.fr", domain::Role::company_contact, w.ta);
  seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  w.forges = add_org(s, w.ta, "Forges de Franche-Comté");
  w.autre = add_org(s, w.ta, "Autre Industrie SA");
  // The company contact is a person of the directory, at the Forges, with her account's e-mail.
  domain::Person p;
  p.territory_id = w.ta;
  p.organisation_id = w.forges;
  p.first_name = "Claire";
  p.last_name = "Martin";
  p.email = "entreprise-a@exemple.fr";
  EXPECT_TRUE(store::insert_person(s, p, {}).ok());
  return w;
}

std::string today() {
  return domain::paris_day(store::now_unix());
}

// A published event of `territory` on `day`, inserted by the store (not through the form).
long long add_event(store::Store& s, long long territory, const std::string& day, int capacity, long long org = 0) {
  domain::Event e;
  e.territory_id = territory;
  e.organisation_id = org;
  e.kind = "visite_entreprise";
  e.title = "Visite de l’atelier " + day;
  e.starts_on = day;
  e.start_time = "09:00";
  e.end_time = "11:00";
  e.place = "Atelier d’usinage";
  e.capacity = capacity;
  e.audiences = {"college"};
  e.status = "published";
  domain::normalise(e);
  auto r = store::insert_event(s, e, {0, "test"});
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->first + ": " + r.errors.begin()->second);
  return r.id;
}

domain::Registration a_class(const std::string& email, int girls, int boys, int adults) {
  domain::Registration r;
  r.kind = "class";
  r.contact_name = "Mme Professeure " + email.substr(0, email.find('@'));
  r.email = email;
  r.organisation = "Collège Victor Hugo";
  r.class_level = "4e";
  r.girls = girls;
  r.boys = boys;
  r.adults = adults;
  return r;
}

domain::Registration an_adult(const std::string& email) {
  domain::Registration r;
  r.kind = "adult";
  r.contact_name = "Sophie Durand";
  r.email = email;
  r.category = "women_reconversion";
  return r;
}

domain::Registration a_prescriber(const std::string& email, int people) {
  domain::Registration r;
  r.kind = "prescriber";
  r.contact_name = "Conseillère Mission locale";
  r.email = email;
  r.organisation = "Mission locale de Besançon";
  r.people = people;
  r.category = "women_reconversion";
  return r;
}

domain::Registration book_as(store::Store& s, long long event, domain::Registration r, const std::string& expected) {
  domain::normalise(r);
  auto b = store::book(s, event, r, today());
  EXPECT_TRUE(b.ok()) << (b.errors.empty() ? "" : b.errors.begin()->first + ": " + b.errors.begin()->second);
  EXPECT_EQ(b.registration.status, expected) << r.email;
  return b.registration;
}

// The text of the element with this id, up to its first child tag (the message shown next to a field).
std::string element_text(const std::string& html, const std::string& id) {
  auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  auto start = html.find('>', at) + 1;
  return html.substr(start, html.find('<', start) - start);
}

long long count(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << sql_text, soci::into(n);
    return n;
  });
}

// A valid event form; `changes` replace or add fields.
Form event_form(const Form& changes = {}) {
  Form f = {{"kind", "visite_entreprise"},
            {"title", "Visite des Forges"},
            {"description", "Découverte de l’usinage et de la forge."},
            {"starts_on", domain::add_days(today(), 10)},
            {"start_time", "09:30"},
            {"ends_on", ""},
            {"end_time", "12:00"},
            {"place", "Forges de Franche-Comté, atelier B"},
            {"address", "12 rue des Forges"},
            {"commune_insee", ""},
            {"online_url", ""},
            {"audiences", "college"},
            {"audiences", "lycee"},
            {"capacity", "30"},
            {"min_age", "13"},
            {"accessibility", "Plain-pied."},
            {"safety_rules", "Chaussures fermées."},
            {"organisation_id", ""},
            {"initiative_id", ""}};
  for (const auto& [k, v] : changes) {
    bool replaced = false;
    for (auto& [fk, fv] : f)
      if (fk == k && !replaced) {
        fv = v;
        replaced = true;
      }
    if (!replaced) f.emplace_back(k, v);
  }
  return f;
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

std::string envelope(const std::string& email) {
  return "X-Envelope-To: " + email;
}

}  // namespace

class EventsOrganiserHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(EventsOrganiserHttp, CoordinatorCreatesPublishesAndEditsWithErrorsNextToTheFields) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);

  auto home = coord.get("/tableau-de-bord");
  EXPECT_TRUE(contains(home.body, "href=\"/evenements/gerer\"")) << "the navigation links to the organiser's events";
  auto empty = coord.get("/evenements/gerer");
  ASSERT_EQ(empty.status, 200);
  expect_accessible(empty.body, "organiser's events, empty");
  EXPECT_TRUE(contains(empty.body, "href=\"/evenements/nouveau\""));
  auto form = coord.get("/evenements/nouveau");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "new event form");
  EXPECT_TRUE(contains(form.body, "Forges de Franche-Comté")) << "any organisation of the territory may host";
  EXPECT_TRUE(contains(form.body, "Autre Industrie SA"));

  // Bad input: a message next to each field, what was typed kept, nothing stored.
  struct Case {
    Form changes;
    std::string field, message;
  };
  std::vector<Case> cases = {
      {{{"title", ""}}, "title", ""},
      {{{"kind", "soiree"}}, "kind", ""},
      {{{"starts_on", domain::add_days(today(), -1)}}, "starts_on", ""},
      {{{"starts_on", "2027-02-30"}}, "starts_on", ""},
      {{{"ends_on", domain::add_days(today(), 5)}}, "ends_on", ""},
      {{{"start_time", "25:00"}}, "start_time", ""},
      {{{"capacity", "trente"}}, "capacity", "Indiquez un nombre entier de places"},
      {{{"capacity", "-4"}}, "capacity", ""},
      {{{"min_age", "douze"}}, "min_age", "Indiquez un âge en années"},
      {{{"place", ""}, {"address", ""}, {"online_url", ""}}, "place", ""},
      {{{"online_url", "http://visio.exemple.fr"}}, "online_url", ""},
      {{{"audiences", "martiens"}}, "audiences", ""},
      {{{"organisation_id", "abc"}}, "organisation_id", "Choisissez une organisation de la liste."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.field);
    auto r = coord.post_form("/evenements/nouveau", event_form(c.changes));
    EXPECT_EQ(r.status, 422) << r.body.substr(0, 2000);
    std::string shown = element_text(r.body, "event-" + c.field + "-error");
    EXPECT_FALSE(shown.empty()) << "a message next to the field";
    if (!c.message.empty()) {
      EXPECT_TRUE(contains(shown, c.message)) << shown;
    }
    EXPECT_TRUE(contains(r.body, "L’événement n’a pas été enregistré"));
    expect_accessible(r.body, "event form with errors");
  }
  auto typed = coord.post_form("/evenements/nouveau", event_form({{"capacity", "trente"}}));
  EXPECT_TRUE(contains(typed.body, "value=\"trente\"")) << "what was typed is kept";
  EXPECT_TRUE(contains(typed.body, "value=\"Visite des Forges\""));
  EXPECT_EQ(count_rows(srv.store(), "events"), 0) << "nothing stored on error";

  // Published at once, hosted by the Forges.
  auto created = coord.post_form("/evenements/nouveau",
                                 event_form({{"publish", "1"}, {"organisation_id", std::to_string(w.forges)}}));
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  long long id = id_from_location(created.header("location").substr(0, created.header("location").find("/gestion")));
  ASSERT_GT(id, 0) << created.header("location");
  EXPECT_EQ(created.header("location"), "/evenements/" + std::to_string(id) + "/gestion?msg=evenement-publie");
  auto stored = store::event_by_id(srv.store(), w.ta, id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, "published");
  EXPECT_EQ(stored->title, "Visite des Forges");
  EXPECT_EQ(stored->capacity, 30);
  EXPECT_EQ(stored->min_age, 13);
  EXPECT_EQ(stored->organisation_id, w.forges);
  EXPECT_EQ(stored->starts_on, domain::add_days(today(), 10));
  EXPECT_EQ(stored->ends_on, stored->starts_on) << "a one-day event";
  EXPECT_EQ(stored->audiences, (std::vector<std::string>{"college", "lycee"}));
  auto page = coord.get(created.header("location"));
  ASSERT_EQ(page.status, 200);
  expect_accessible(page.body, "organiser's event page");
  EXPECT_TRUE(contains(page.body, "il paraît dans le calendrier public"));
  EXPECT_TRUE(contains(page.body, "0 / 30 places"));

  // A draft, then the list and its status filter.
  auto draft = coord.post_form("/evenements/nouveau", event_form({{"title", "Forum des métiers (brouillon)"}}));
  ASSERT_EQ(draft.status, 303);
  long long draft_id = id_from_location(draft.header("location").substr(0, draft.header("location").find("/gestion")));
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, draft_id)->status, "draft");
  auto list = coord.get("/evenements/gerer");
  expect_accessible(list.body, "organiser's events");
  EXPECT_TRUE(contains(list.body, "Visite des Forges"));
  EXPECT_TRUE(contains(list.body, "Forum des métiers (brouillon)"));
  auto drafts = coord.get("/evenements/gerer?statut=draft");
  EXPECT_FALSE(contains(drafts.body, "Visite des Forges"));
  EXPECT_TRUE(contains(drafts.body, "Forum des métiers (brouillon)"));

  // Editing: the form is filled; an end before the start is refused and changes nothing.
  std::string base = "/evenements/" + std::to_string(id);
  auto edit = coord.get(base + "/modifier");
  ASSERT_EQ(edit.status, 200);
  expect_accessible(edit.body, "event edit form");
  EXPECT_TRUE(contains(edit.body, "value=\"Visite des Forges\""));
  auto backwards = coord.post_form(base + "/modifier", event_form({{"starts_on", domain::add_days(today(), 10)},
                                                                   {"ends_on", domain::add_days(today(), 9)},
                                                                   {"title", "Changé"}}));
  EXPECT_EQ(backwards.status, 422);
  EXPECT_FALSE(element_text(backwards.body, "event-ends_on-error").empty());
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, id)->title, "Visite des Forges");

  // Bookings: 24 places held, a class of 10 waitlisted. Lowering the capacity below 24 is refused with the store's
  // message; raising it to 40 moves the waiting list up and tells the class.
  book_as(srv.store(), id, a_class("prof1@exemple.fr", 12, 10, 2), "booked");
  book_as(srv.store(), id, a_class("prof2@exemple.fr", 5, 4, 1), "waitlisted");
  auto too_low = coord.post_form(base + "/modifier",
                                 event_form({{"capacity", "20"}, {"organisation_id", std::to_string(w.forges)}}));
  EXPECT_EQ(too_low.status, 422);
  EXPECT_FALSE(element_text(too_low.body, "event-capacity-error").empty()) << too_low.body.substr(0, 3000);
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, id)->capacity, 30);
  auto raised = coord.post_form(base + "/modifier", event_form({{"capacity", "40"},
                                                                {"title", "Visite des Forges, atelier B"},
                                                                {"organisation_id", std::to_string(w.forges)}}));
  ASSERT_EQ(raised.status, 303) << raised.body.substr(0, 3000);
  EXPECT_EQ(raised.header("location"), base + "/gestion?msg=evenement-enregistre&promues=1");
  auto after = store::event_by_id(srv.store(), w.ta, id);
  EXPECT_EQ(after->capacity, 40);
  EXPECT_EQ(after->title, "Visite des Forges, atelier B");
  EXPECT_EQ(after->places_taken, 34);
  EXPECT_EQ(after->waitlisted, 0);
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], envelope("prof2@exemple.fr"))) << "the promoted class is told";
  EXPECT_TRUE(contains(coord.get(raised.header("location")).body, "1 inscription de la liste d’attente"));

  // Status buttons: publish the draft, then close and reopen; a transition not allowed is refused.
  std::string dbase = "/evenements/" + std::to_string(draft_id);
  EXPECT_EQ(coord.post_form(dbase + "/statut", {{"status", "done"}}).status, 409);
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, draft_id)->status, "draft");
  EXPECT_EQ(coord.post_form(dbase + "/statut", {{"status", "published"}}).status, 303);
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, draft_id)->status, "published");
  EXPECT_EQ(coord.post_form(dbase + "/statut", {{"status", "closed"}}).status, 303);
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, draft_id)->status, "closed");
  EXPECT_EQ(coord.post_form(dbase + "/statut", {{"status", "n'importe"}}).status, 409);

  // A draft without registration can be deleted; an event with registrations cannot.
  auto spare = coord.post_form("/evenements/nouveau", event_form({{"title", "À supprimer"}}));
  long long spare_id = id_from_location(spare.header("location").substr(0, spare.header("location").find("/gestion")));
  EXPECT_TRUE(
      contains(coord.get("/evenements/" + std::to_string(spare_id) + "/gestion").body, "Supprimer ce brouillon"));
  auto deleted = coord.post_form("/evenements/" + std::to_string(spare_id) + "/supprimer", {});
  EXPECT_EQ(deleted.status, 303);
  EXPECT_FALSE(store::event_by_id(srv.store(), w.ta, spare_id));
  EXPECT_EQ(coord.post_form(base + "/supprimer", {}).status, 409);
  EXPECT_TRUE(store::event_by_id(srv.store(), w.ta, id));
  EXPECT_GE(count(srv.store(), "SELECT COUNT(*) FROM audit_log WHERE entity = 'event'"), 5) << "changes are audited";
}

TEST_P(EventsOrganiserHttp, OnlyOrganisersAndOnlyTheirOwnEvents) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  long long coord_event = add_event(srv.store(), w.ta, domain::add_days(today(), 7), 20, w.autre);
  long long b_event = add_event(srv.store(), w.tb, domain::add_days(today(), 8), 20);

  Client amb(srv.port());
  ASSERT_EQ(amb.login("amb-a@exemple.fr", kPassword), 303);
  EXPECT_FALSE(contains(amb.get("/tableau-de-bord").body, "href=\"/evenements/gerer\""));
  EXPECT_EQ(amb.get("/evenements/gerer").status, 403);
  EXPECT_EQ(amb.get("/evenements/nouveau").status, 403);
  EXPECT_EQ(amb.post_form("/evenements/nouveau", event_form({{"publish", "1"}})).status, 403);
  EXPECT_EQ(amb.get("/evenements/" + std::to_string(coord_event) + "/gestion").status, 403);
  EXPECT_EQ(amb.post_form("/evenements/" + std::to_string(coord_event) + "/statut", {{"status", "closed"}}).status,
            403);
  EXPECT_EQ(count_rows(srv.store(), "events"), 2);

  // The company contact: only her organisation as host, only her events.
  Client contact(srv.port());
  ASSERT_EQ(contact.login("entreprise-a@exemple.fr", kPassword), 303);
  EXPECT_TRUE(contains(contact.get("/tableau-de-bord").body, "href=\"/evenements/gerer\""));
  auto form = contact.get("/evenements/nouveau");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "new event form of a company contact");
  EXPECT_TRUE(contains(form.body, "Forges de Franche-Comté"));
  EXPECT_FALSE(contains(form.body, "Autre Industrie SA")) << "only her own organisations";
  auto other_host = contact.post_form("/evenements/nouveau",
                                      event_form({{"organisation_id", std::to_string(w.autre)}, {"publish", "1"}}));
  EXPECT_EQ(other_host.status, 422);
  EXPECT_TRUE(contains(element_text(other_host.body, "event-organisation_id-error"), "vos propres organisations"));
  auto no_host = contact.post_form("/evenements/nouveau", event_form({{"publish", "1"}}));
  EXPECT_EQ(no_host.status, 422);
  EXPECT_FALSE(element_text(no_host.body, "event-organisation_id-error").empty());
  EXPECT_EQ(count_rows(srv.store(), "events"), 2) << "nothing stored";
  auto mine = contact.post_form("/evenements/nouveau",
                                event_form({{"organisation_id", std::to_string(w.forges)}, {"publish", "1"}}));
  ASSERT_EQ(mine.status, 303) << mine.body.substr(0, 3000);
  long long mine_id = id_from_location(mine.header("location").substr(0, mine.header("location").find("/gestion")));
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, mine_id)->organisation_id, w.forges);
  auto list = contact.get("/evenements/gerer");
  EXPECT_TRUE(contains(list.body, "Visite des Forges"));
  EXPECT_FALSE(contains(list.body, "Visite de l’atelier")) << "the coordinator's event hosted elsewhere";
  EXPECT_EQ(contact.get("/evenements/" + std::to_string(mine_id) + "/gestion").status, 200);
  EXPECT_EQ(contact.get("/evenements/" + std::to_string(coord_event) + "/gestion").status, 403);
  EXPECT_EQ(contact.get("/evenements/" + std::to_string(coord_event) + "/modifier").status, 403);
  EXPECT_EQ(contact.post_form("/evenements/" + std::to_string(coord_event) + "/statut", {{"status", "closed"}}).status,
            403);
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, coord_event)->status, "published");
  // She cannot move her event to another organisation either.
  auto moved = contact.post_form("/evenements/" + std::to_string(mine_id) + "/modifier",
                                 event_form({{"organisation_id", std::to_string(w.autre)}}));
  EXPECT_EQ(moved.status, 422);
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, mine_id)->organisation_id, w.forges);

  // Another territory's ids read as absent, on every organiser page.
  Client coord_a(srv.port());
  ASSERT_EQ(coord_a.login("coord-a@exemple.fr", kPassword), 303);
  std::string b = "/evenements/" + std::to_string(b_event);
  for (const std::string& path :
       {b + "/gestion", b + "/modifier", b + "/presences", b + "/accueil", b + "/accueil.svg", b + "/accueil.png"})
    EXPECT_EQ(coord_a.get(path).status, 404) << path;
  EXPECT_EQ(coord_a.post_form(b + "/statut", {{"status", "cancelled"}, {"reason", "test"}}).status, 404);
  EXPECT_EQ(coord_a.post_form(b + "/modifier", event_form()).status, 404);
  EXPECT_EQ(store::event_by_id(srv.store(), w.tb, b_event)->status, "published");
  EXPECT_TRUE(contains(coord_a.get("/evenements/gerer").body, "Visite des Forges")) << "the contact's event";
  EXPECT_FALSE(contains(coord_a.get("/evenements/gerer").body, "Visite de l’atelier " + domain::add_days(today(), 8)))
      << "B's event is not listed in A";
}

TEST_P(EventsOrganiserHttp, CancellingTellsEveryRegistrantAndCancelsTheirBookings) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  long long id = add_event(srv.store(), w.ta, domain::add_days(today(), 3), 30);
  book_as(srv.store(), id, a_class("prof1@exemple.fr", 12, 10, 2), "booked");
  book_as(srv.store(), id, an_adult("sophie@exemple.fr"), "booked");
  book_as(srv.store(), id, a_class("prof2@exemple.fr", 5, 4, 1), "waitlisted");
  auto fourth = book_as(srv.store(), id, an_adult("lea@exemple.fr"), "booked");

  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  std::string base = "/evenements/" + std::to_string(id);
  auto page = coord.get(base + "/gestion");
  ASSERT_EQ(page.status, 200);
  expect_accessible(page.body, "organiser's page with registrations");
  EXPECT_TRUE(contains(page.body, "prof1@exemple.fr"));
  EXPECT_TRUE(contains(page.body, "12 filles, 10 garçons, 2 adultes"));
  EXPECT_TRUE(contains(page.body, "prévenir 4 personnes inscrites"));

  // One registration cancelled by the organiser: she is told, the freed place goes to nobody (the waitlisted class
  // of 10 does not fit in 1 place).
  auto one = coord.post_form(base + "/inscriptions/" + std::to_string(fourth.id) + "/annuler", {});
  ASSERT_EQ(one.status, 303);
  auto first = sink.wait_for(1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_TRUE(contains(first[0], envelope("lea@exemple.fr")));
  EXPECT_EQ(coord.post_form(base + "/inscriptions/" + std::to_string(fourth.id) + "/annuler", {}).status, 409)
      << "already cancelled";

  // Without a reason: refused next to the field, nothing changes.
  auto no_reason = coord.post_form(base + "/statut", {{"status", "cancelled"}, {"reason", "  "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_FALSE(element_text(no_reason.body, "event-cancel_reason-error").empty());
  expect_accessible(no_reason.body, "cancellation form with its error");
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, id)->status, "published");

  auto cancelled = coord.post_form(base + "/statut", {{"status", "cancelled"}, {"reason", "Grève des transports"}});
  ASSERT_EQ(cancelled.status, 303);
  EXPECT_EQ(cancelled.header("location"), base + "/gestion?msg=evenement-annule&informes=3");
  auto mails = sink.wait_for(4);
  ASSERT_EQ(mails.size(), 4u);
  for (const char* email : {"prof1@exemple.fr", "sophie@exemple.fr", "prof2@exemple.fr"}) {
    int n = 0;
    for (std::size_t i = 1; i < mails.size(); ++i) n += contains(mails[i], envelope(email)) ? 1 : 0;
    EXPECT_EQ(n, 1) << email << " is told once";
  }
  auto regs = store::registrations_of(srv.store(), w.ta, id);
  ASSERT_EQ(regs.size(), 4u);
  for (const auto& r : regs) {
    EXPECT_EQ(r.status, "cancelled") << r.email;
  }
  auto event = store::event_by_id(srv.store(), w.ta, id);
  EXPECT_EQ(event->status, "cancelled");
  EXPECT_EQ(event->cancel_reason, "Grève des transports");
  auto after = coord.get(cancelled.header("location"));
  EXPECT_TRUE(contains(after.body, "3 personnes inscrites ont été prévenues"));
  EXPECT_FALSE(contains(after.body, "Annuler l’événement…")) << "no second cancellation";
}

TEST_P(EventsOrganiserHttp, AttendanceSheetBecomesOneValidatedActionCountedOnTheDashboard) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  long long id = add_event(srv.store(), w.ta, today(), 100);
  auto cls = book_as(srv.store(), id, a_class("prof1@exemple.fr", 12, 10, 2), "booked");
  auto adult = book_as(srv.store(), id, an_adult("sophie@exemple.fr"), "booked");
  auto pres = book_as(srv.store(), id, a_prescriber("ml@exemple.fr", 3), "booked");
  std::string c = std::to_string(cls.id), a = std::to_string(adult.id), p = std::to_string(pres.id);

  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  std::string base = "/evenements/" + std::to_string(id);
  auto sheet = coord.get(base + "/presences");
  ASSERT_EQ(sheet.status, 200);
  expect_accessible(sheet.body, "attendance sheet");
  EXPECT_TRUE(contains(sheet.body, "name=\"girls_" + c + "\" value=\"12\"")) << "prefilled with the booking";
  EXPECT_TRUE(contains(sheet.body, "name=\"people_" + p + "\" value=\"3\""));
  EXPECT_TRUE(contains(sheet.body, "name=\"present_" + a + "\""));

  auto bad = coord.post_form(
      base + "/presences", {{"present_" + c, "1"}, {"girls_" + c, "douze"}, {"boys_" + c, "10"}, {"adults_" + c, "2"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_FALSE(element_text(bad.body, "att-girls_" + c + "-error").empty());
  EXPECT_TRUE(contains(bad.body, "value=\"douze\""));
  EXPECT_EQ(count_rows(srv.store(), "actions"), 0) << "nothing recorded";

  // First save: the class (11 girls came), the adult; the prescriber's group did not come.
  auto saved = coord.post_form(base + "/presences", {{"present_" + c, "1"},
                                                     {"girls_" + c, "11"},
                                                     {"boys_" + c, "10"},
                                                     {"adults_" + c, "2"},
                                                     {"present_" + a, "1"},
                                                     {"people_" + p, "3"}});
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  auto event = store::event_by_id(srv.store(), w.ta, id);
  ASSERT_GT(event->action_id, 0);
  auto action = store::action_by_id(srv.store(), w.ta, event->action_id);
  ASSERT_TRUE(action);
  EXPECT_EQ(action->status, "validated") << "recorded by a coordinator";
  store::IndicatorFilter f;
  f.territory_id = w.ta;
  f.from_month = f.to_month = today().substr(0, 7);
  auto ind = store::indicators(srv.store(), f);
  EXPECT_EQ(ind.total.actions, 1);
  EXPECT_EQ(ind.total.audience[0], 11) << "girls";
  EXPECT_EQ(ind.total.audience[1], 10) << "boys";
  EXPECT_EQ(ind.total.people, 11 + 10 + 2 + 1) << "pupils, their teachers and the woman in reconversion";

  auto shown = coord.get(base + "/presences");
  expect_accessible(shown.body, "attendance sheet after saving");
  EXPECT_TRUE(contains(shown.body, "href=\"/actions/" + std::to_string(event->action_id) + "\""));
  EXPECT_TRUE(contains(shown.body, "name=\"girls_" + c + "\" value=\"11\"")) << "what came, not what was booked";
  EXPECT_TRUE(contains(shown.body, "action=\"/actions/" + std::to_string(event->action_id) + "/enquetes\""))
      << "a button creates the survey link";

  // Second save: one more girl, the prescriber and her 3 people came — the same action is updated.
  auto again = coord.post_form(base + "/presences", {{"present_" + c, "1"},
                                                     {"girls_" + c, "12"},
                                                     {"boys_" + c, "10"},
                                                     {"adults_" + c, "2"},
                                                     {"present_" + a, "1"},
                                                     {"present_" + p, "1"},
                                                     {"people_" + p, "3"}});
  ASSERT_EQ(again.status, 303);
  EXPECT_EQ(count_rows(srv.store(), "actions"), 1) << "updated, not added";
  EXPECT_EQ(store::event_by_id(srv.store(), w.ta, id)->action_id, event->action_id);
  ind = store::indicators(srv.store(), f);
  EXPECT_EQ(ind.total.actions, 1);
  EXPECT_EQ(ind.total.audience[0], 12);
  EXPECT_EQ(ind.total.people, 12 + 10 + 2 + 1 + 1 + 3) << "the prescriber herself and the people she accompanies";
  EXPECT_EQ(store::indicators_from_actions(srv.store(), f).total.people, ind.total.people);

  // The survey link created from the sheet is then shown with its QR code.
  auto survey = coord.post_form("/actions/" + std::to_string(event->action_id) + "/enquetes", {});
  ASSERT_EQ(survey.status, 303);
  auto with_survey = coord.get(base + "/presences");
  EXPECT_TRUE(std::regex_search(with_survey.body, std::regex("/q/[A-Z0-9]{6}\"")));
  EXPECT_TRUE(contains(with_survey.body, "<svg"));
  expect_accessible(with_survey.body, "attendance sheet with its survey");
}

TEST_P(EventsOrganiserHttp, GroupsCheckInByCodeOnTheDayOnly) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  long long id = add_event(srv.store(), w.ta, today(), 100);
  auto cls = book_as(srv.store(), id, a_class("prof1@exemple.fr", 12, 10, 2), "booked");
  auto other = book_as(srv.store(), id, a_class("prof2@exemple.fr", 8, 8, 1), "booked");
  auto gone = book_as(srv.store(), id, a_class("prof4@exemple.fr", 4, 4, 1), "booked");
  long long later = add_event(srv.store(), w.ta, domain::add_days(today(), 1), 100);
  auto tomorrow = book_as(srv.store(), later, a_class("prof3@exemple.fr", 5, 5, 1), "booked");
  std::string token = store::event_by_id(srv.store(), w.ta, id)->checkin_token;
  std::string later_token = store::event_by_id(srv.store(), w.ta, later)->checkin_token;
  ASSERT_FALSE(token.empty());

  Client phone(srv.port());
  auto page = phone.get("/p/" + token);
  ASSERT_EQ(page.status, 200);
  expect_accessible(page.body, "check-in page");
  EXPECT_TRUE(contains(page.body, "Visite de l’atelier " + today()));
  EXPECT_EQ(phone.get("/p/inconnu-0000").status, 404);

  auto unknown = phone.post_form("/p/" + token, {{"code", "ZZZZ99"}, {"girls", "3"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_FALSE(element_text(unknown.body, "checkin-code-error").empty());
  expect_accessible(unknown.body, "check-in page with an error");
  auto malformed = phone.post_form("/p/" + token, {{"code", "ab"}, {"girls", "trois"}});
  EXPECT_EQ(malformed.status, 422);
  EXPECT_FALSE(element_text(malformed.body, "checkin-code-error").empty());
  EXPECT_FALSE(element_text(malformed.body, "checkin-girls-error").empty());
  auto nobody = phone.post_form("/p/" + token, {{"code", cls.code}});
  EXPECT_EQ(nobody.status, 422);
  EXPECT_FALSE(element_text(nobody.body, "checkin-counts-error").empty());
  EXPECT_EQ(count_rows(srv.store(), "actions"), 0);

  // Lower case is fine; the group is counted in the event's action, declared (no coordinator checked it).
  std::string lower = cls.code;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto ok = phone.post_form("/p/" + token, {{"code", lower}, {"girls", "11"}, {"boys", "10"}, {"adults", "2"}});
  ASSERT_EQ(ok.status, 200) << ok.body.substr(0, 3000);
  EXPECT_TRUE(contains(ok.body, "Bienvenue !"));
  expect_accessible(ok.body, "check-in done");
  auto event = store::event_by_id(srv.store(), w.ta, id);
  ASSERT_GT(event->action_id, 0);
  EXPECT_EQ(store::action_by_id(srv.store(), w.ta, event->action_id)->status, "declared");
  for (const auto& r : store::registrations_of(srv.store(), w.ta, id))
    if (r.id == cls.id) {
      EXPECT_TRUE(r.attended);
      EXPECT_EQ(r.attended_girls, 11);
    }

  // Once the action has a survey link, the next group is shown it.
  store::Author by{0, "test"};
  long long q = store::default_perception_questionnaire(srv.store(), w.ta, by);
  ASSERT_TRUE(store::create_survey_link(srv.store(), w.ta, event->action_id, q, by).ok());
  auto second = phone.post_form("/p/" + token, {{"code", other.code}, {"girls", "8"}, {"boys", "7"}});
  ASSERT_EQ(second.status, 200);
  EXPECT_TRUE(std::regex_search(second.body, std::regex("/q/[A-Z0-9]{6}\""))) << "the survey's short link";
  EXPECT_TRUE(contains(second.body, "<svg"));
  expect_accessible(second.body, "check-in done with the survey");

  // Not on another day.
  auto early = phone.post_form("/p/" + later_token, {{"code", tomorrow.code}, {"girls", "5"}, {"boys", "5"}});
  EXPECT_EQ(early.status, 409);
  EXPECT_FALSE(element_text(early.body, "checkin-code-error").empty());
  for (const auto& r : store::registrations_of(srv.store(), w.ta, later)) {
    EXPECT_FALSE(r.attended);
  }
  // Nor for a booking cancelled since.
  ASSERT_TRUE(store::cancel_registration(srv.store(), gone.token, "empêchée").ok());
  auto cancelled = phone.post_form("/p/" + token, {{"code", gone.code}, {"girls", "4"}, {"boys", "4"}});
  EXPECT_EQ(cancelled.status, 409);
  EXPECT_FALSE(element_text(cancelled.body, "checkin-code-error").empty());
  for (const auto& r : store::registrations_of(srv.store(), w.ta, id))
    if (r.id == gone.id) {
      EXPECT_FALSE(r.attended);
    }
}

TEST_P(EventsOrganiserHttp, DoorQrCodeDecodesToTheCheckInLink) {
  config::Config cfg;
  cfg.public_url = "https://passerelles.exemple.fr";
  TestServer srv(GetParam(), cfg);
  World w = seed(srv.store());
  long long id = add_event(srv.store(), w.ta, today(), 100);
  std::string token = store::event_by_id(srv.store(), w.ta, id)->checkin_token;
  std::string url = "https://passerelles.exemple.fr/p/" + token;

  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  std::string base = "/evenements/" + std::to_string(id);
  auto door = coord.get(base + "/accueil");
  ASSERT_EQ(door.status, 200);
  expect_accessible(door.body, "door page");
  EXPECT_TRUE(contains(door.body, "<svg"));
  EXPECT_TRUE(contains(door.body, ">" + url + "</a>")) << "the short link in large type";
  auto png = coord.get(base + "/accueil.png");
  ASSERT_EQ(png.status, 200);
  EXPECT_EQ(png.header("content-type"), "image/png");
  auto decoded = shell_on_file(png.body, "png", "zbarimg --nodbus --raw -q {} 2>/dev/null");
  ASSERT_EQ(decoded.code, 0) << "zbarimg found no code";
  if (!decoded.out.empty() && decoded.out.back() == '\n') decoded.out.pop_back();
  EXPECT_EQ(decoded.out, url);
  auto svg = coord.get(base + "/accueil.svg");
  ASSERT_EQ(svg.status, 200);
  EXPECT_EQ(svg.header("content-type"), "image/svg+xml");
  EXPECT_TRUE(contains(svg.body, "<svg")) << "the same code, as SVG (report/qr.hpp, decoded in tests/unit/qr_test)";
  EXPECT_TRUE(contains(svg.body, url)) << "its title names the link";
  Client amb(srv.port());
  ASSERT_EQ(amb.login("amb-a@exemple.fr", kPassword), 303);
  EXPECT_EQ(amb.get(base + "/accueil.png").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, EventsOrganiserHttp, ::testing::ValuesIn(fixture::engines()));
