// HTTP tests of offers and applications on every engine, with a real SMTP sink: a company contact publishes, a
// school contact refers a pupil, the company's first reading marks it seen (no other GET changes anything), an
// interview, the acceptance and the e-mails; roles (403 for ambassadors and viewers), 404 across territories and
// for another company's applications and drafts, French 422 messages next to the fields, 409 for illegal
// transitions and full offers; the coordinator links an account to an organisation.
#include "store/opportunities.hpp"

#include <gtest/gtest.h>

#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/directory.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

struct World {
  long long ta = 0, tb = 0;
  long long company = 0, other_company = 0, school_org = 0, company_b = 0;
  long long rh = 0, rh_other = 0, prof = 0, coord = 0, amb = 0, viewer = 0, rh_b = 0, coord_b = 0;
  long long school = 0;
};

long long org(store::Store& s, long long territory, const std::string& name, const std::string& kind) {
  domain::Organisation o;
  o.territory_id = territory;
  o.name = name;
  o.kind = kind;
  if (kind == "school") o.uai = "0251080N";
  auto r = store::insert_organisation(s, o, {0, "test"});
  EXPECT_TRUE(r.ok()) << name;
  return r.id;
}

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  w.company = org(s, w.ta, "Métallerie Comtoise", "company");
  w.other_company = org(s, w.ta, "Verrerie du Jura", "company");
  w.school_org = org(s, w.ta, "Collège Victor Hugo", "school");
  w.company_b = org(s, w.tb, "Chantiers du Calaisis", "company");
  w.coord = seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  w.rh = seed_user(s, "rh@metallerie.fr", domain::Role::company_contact, w.ta);
  w.rh_other = seed_user(s, "rh@verrerie.fr", domain::Role::company_contact, w.ta);
  w.prof = seed_user(s, "prof@college.fr", domain::Role::school_contact, w.ta);
  w.amb = seed_user(s, "ines@exemple.fr", domain::Role::ambassador, w.ta);
  w.viewer = seed_user(s, "financeur@exemple.fr", domain::Role::viewer, w.ta);
  w.rh_b = seed_user(s, "rh@chantiers.fr", domain::Role::company_contact, w.tb);
  w.coord_b = seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  EXPECT_TRUE(store::set_user_organisation(s, w.ta, w.rh, w.company));
  EXPECT_TRUE(store::set_user_organisation(s, w.ta, w.rh_other, w.other_company));
  EXPECT_TRUE(store::set_user_organisation(s, w.ta, w.prof, w.school_org));
  EXPECT_TRUE(store::set_user_organisation(s, w.tb, w.rh_b, w.company_b));
  w.school = s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO schools (uai, name, kind, address, postal_code, commune_name, department, lat, lon, "
           "updated_at) VALUES ('0251080N', 'Collège Victor Hugo', 'college', '2 rue Mégevand', '25000', "
           "'Besançon', '025', 47.24, 6.02, 1) RETURNING id",
        soci::into(id);
    return id;
  });
  s.write([&](soci::session& sql) {
    sql << "INSERT INTO communes (insee, name, department) VALUES ('25056', 'Besançon', '25')";
  });
  return w;
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

std::string state_of(store::Store& s, long long id) {
  return s.read([&](soci::session& sql) {
    std::string st;
    int completed = 0;
    sql << "SELECT status, completed FROM offer_applications WHERE id = :id", soci::use(id), soci::into(st),
        soci::into(completed);
    return domain::application_state(st, completed != 0);
  });
}

std::vector<std::pair<std::string, std::string>> offer_fields(const std::string& title, const std::string& status,
                                                              const std::string& places = "1") {
  std::string start = domain::add_days(domain::paris_day(store::now_unix()), 30);
  return {{"kind", "stage_3e"},
          {"title", title},
          {"description", "Une semaine à l’atelier."},
          {"domain", "usinage"},
          {"places", places},
          {"starts_on", start},
          {"ends_on", domain::add_days(start, 4)},
          {"commune", "25056"},
          {"address", "12 rue des Forges"},
          {"accessibility", "Plain-pied"},
          {"contact_email", ""},
          {"expires_on", ""},
          {"status", status}};
}

std::vector<std::pair<std::string, std::string>> pupil(const std::string& first) {
  return {{"first_name", first},
          {"last_name", "Martin"},
          {"email", ""},
          {"phone", ""},
          {"sex", "F"},
          {"minor", "1"},
          {"school", "0251080N"},
          {"class_level", "3e"},
          {"message", "Très motivée."}};
}

long long publish(Client& c, const std::string& title, const std::string& status = "published",
                  const std::string& places = "1") {
  auto r = c.post_form("/offres/nouvelle", offer_fields(title, status, places));
  EXPECT_EQ(r.status, 303) << r.body;
  return id_from_location(r.header("location"));
}

}  // namespace

class OpportunitiesHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(OpportunitiesHttp, FromAnOfferToAnAcceptedApplication) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());

  Client rh(srv.port());
  ASSERT_EQ(rh.login("rh@metallerie.fr", kPassword), 303);
  auto form = rh.get("/offres/nouvelle");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "offer form");
  EXPECT_TRUE(contains(form.body, "Métallerie Comtoise"));
  long long offer = publish(rh, "Découverte de l’usinage");
  ASSERT_GT(offer, 0);
  auto o = store::offer_by_id(srv.store(), w.ta, offer);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->organisation_id, w.company);
  EXPECT_EQ(o->commune_name, "Besançon");
  EXPECT_EQ(o->expires_on, o->starts_on) << "default: its first day";

  Client prof(srv.port());
  ASSERT_EQ(prof.login("prof@college.fr", kPassword), 303);
  auto list = prof.get("/offres?type=stage_3e&q=usinage");
  ASSERT_EQ(list.status, 200);
  expect_accessible(list.body, "offer list");
  EXPECT_TRUE(contains(list.body, "/offres/" + std::to_string(offer)));
  auto show = prof.get("/offres/" + std::to_string(offer));
  ASSERT_EQ(show.status, 200);
  expect_accessible(show.body, "offer page");
  EXPECT_TRUE(contains(show.body, "/offres/" + std::to_string(offer) + "/candidater"));
  auto apply_form = prof.get("/offres/" + std::to_string(offer) + "/candidater");
  ASSERT_EQ(apply_form.status, 200);
  expect_accessible(apply_form.body, "application form");
  auto sent = prof.post_form("/offres/" + std::to_string(offer) + "/candidater", pupil("Léa"));
  ASSERT_EQ(sent.status, 303) << sent.body;
  long long id = id_from_location(sent.header("location"));
  ASSERT_GT(id, 0);
  auto a = store::offer_application_by_id(srv.store(), w.ta, id);
  EXPECT_EQ(a->referred_by, w.prof);
  EXPECT_EQ(a->referrer_organisation_id, w.school_org);
  EXPECT_EQ(a->school_id, w.school);
  EXPECT_TRUE(a->minor);
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: rh@metallerie.fr"));
  EXPECT_TRUE(contains(mails[0], "/candidatures/" + std::to_string(id)));

  // The referrer's own reading changes nothing; the company's first one marks it seen and tells the referrer.
  auto own = prof.get("/candidatures/" + std::to_string(id));
  ASSERT_EQ(own.status, 200);
  expect_accessible(own.body, "application page (referrer)");
  EXPECT_EQ(state_of(srv.store(), id), "sent");
  EXPECT_TRUE(contains(own.body, "Retirer la candidature"));
  EXPECT_FALSE(contains(own.body, "Accepter la candidature"));
  auto page = rh.get("/candidatures/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  expect_accessible(page.body, "application page (company)");
  EXPECT_EQ(state_of(srv.store(), id), "seen");
  EXPECT_TRUE(contains(page.body, "Accepter la candidature"));
  EXPECT_FALSE(contains(page.body, "Retirer la candidature"));
  rh.get("/candidatures/" + std::to_string(id));
  EXPECT_EQ(sink.wait_for(2).size(), 2u);

  // The company may not withdraw; the referrer may not decide (403, nothing changes).
  EXPECT_EQ(rh.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "withdrawn"}}).status, 403);
  EXPECT_EQ(prof.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "accepted"}}).status, 403);
  EXPECT_EQ(state_of(srv.store(), id), "seen");

  auto no_day = rh.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "interview"}});
  EXPECT_EQ(no_day.status, 422);
  EXPECT_TRUE(contains(no_day.body, "Indiquez le jour de l’entretien"));
  EXPECT_TRUE(contains(no_day.body, "aria-describedby=\"cand-interview_on-error\""));
  std::string day = domain::add_days(domain::paris_day(store::now_unix()), 5);
  auto interview =
      rh.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "interview"}, {"interview_on", day}});
  ASSERT_EQ(interview.status, 303) << interview.body;
  EXPECT_EQ(state_of(srv.store(), id), "interview");
  auto accepted = rh.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "accepted"}});
  ASSERT_EQ(accepted.status, 303);
  EXPECT_EQ(state_of(srv.store(), id), "accepted");
  auto seen_by_prof = prof.get("/candidatures");
  ASSERT_EQ(seen_by_prof.status, 200);
  expect_accessible(seen_by_prof.body, "application list");
  EXPECT_TRUE(contains(seen_by_prof.body, "Acceptée"));

  // An accepted application cannot be declined (409, French, nothing changes); the one place is taken.
  auto again = rh.post_form("/candidatures/" + std::to_string(id) + "/statut",
                            {{"to", "declined"}, {"decline_reason", "Erreur"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(contains(again.body, "Cette candidature est déjà acceptée"));
  EXPECT_EQ(state_of(srv.store(), id), "accepted");
  auto full = prof.post_form("/offres/" + std::to_string(offer) + "/candidater", pupil("Inès"));
  EXPECT_EQ(full.status, 409);
  EXPECT_TRUE(contains(full.body, "Toutes les places de cette offre sont prises"));

  auto done = prof.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "completed"}});
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(state_of(srv.store(), id), "completed");
  // Every change told the referrer: seen, interview, accepted, completed (+ the company's first notice).
  auto all = sink.wait_for(5);
  int to_prof = 0;
  for (const auto& m : all)
    if (contains(m, "X-Envelope-To: prof@college.fr")) ++to_prof;
  EXPECT_EQ(to_prof, 4);
}

TEST_P(OpportunitiesHttp, RolesTerritoriesAndOtherCompanies) {
  TestServer srv(GetParam());
  seed(srv.store());
  Client rh(srv.port());
  ASSERT_EQ(rh.login("rh@metallerie.fr", kPassword), 303);
  long long offer = publish(rh, "Découverte de l’usinage", "published", "3");
  long long draft = publish(rh, "Offre en préparation", "draft");
  Client prof(srv.port());
  ASSERT_EQ(prof.login("prof@college.fr", kPassword), 303);
  auto sent = prof.post_form("/offres/" + std::to_string(offer) + "/candidater", pupil("Léa"));
  long long id = id_from_location(sent.header("location"));
  ASSERT_GT(id, 0);
  const std::string app = "/candidatures/" + std::to_string(id);

  // Ambassadors and viewers read the offers, nothing else.
  for (const char* email : {"ines@exemple.fr", "financeur@exemple.fr"}) {
    Client c(srv.port());
    ASSERT_EQ(c.login(email, kPassword), 303);
    EXPECT_EQ(c.get("/offres").status, 200) << email;
    EXPECT_EQ(c.get("/offres/" + std::to_string(offer)).status, 200) << email;
    EXPECT_EQ(c.get("/offres/" + std::to_string(draft)).status, 404) << email;
    EXPECT_EQ(c.get("/offres/nouvelle").status, 403) << email;
    EXPECT_EQ(c.post_form("/offres/nouvelle", offer_fields("X", "published")).status, 403) << email;
    EXPECT_EQ(c.get("/offres/" + std::to_string(offer) + "/candidater").status, 403) << email;
    EXPECT_EQ(c.post_form("/offres/" + std::to_string(offer) + "/candidater", pupil("X")).status, 403) << email;
    EXPECT_EQ(c.get("/candidatures").status, 403) << email;
    EXPECT_EQ(c.get(app).status, 404) << email;
    EXPECT_EQ(c.post_form(app + "/statut", {{"to", "withdrawn"}}).status, 404) << email;
  }

  // Another company of the territory: the published offer yes; the draft, the application, edits: no.
  Client other(srv.port());
  ASSERT_EQ(other.login("rh@verrerie.fr", kPassword), 303);
  EXPECT_EQ(other.get("/offres/" + std::to_string(offer)).status, 200);
  EXPECT_EQ(other.get("/offres/" + std::to_string(draft)).status, 404);
  EXPECT_EQ(other.get("/offres/" + std::to_string(offer) + "/modifier").status, 403);
  EXPECT_EQ(other.post_form("/offres/" + std::to_string(offer) + "/cloturer", {{"reason", "filled"}}).status, 403);
  EXPECT_EQ(other.get(app).status, 404);
  EXPECT_EQ(other.post_form(app + "/statut", {{"to", "accepted"}}).status, 404);
  EXPECT_FALSE(contains(other.get("/candidatures").body, "Léa"));

  // Another territory: everything reads as 404, even for its coordinator.
  for (const char* email : {"rh@chantiers.fr", "coord-b@exemple.fr"}) {
    Client c(srv.port());
    ASSERT_EQ(c.login(email, kPassword), 303);
    EXPECT_EQ(c.get("/offres/" + std::to_string(offer)).status, 404) << email;
    EXPECT_EQ(c.get("/offres/" + std::to_string(offer) + "/modifier").status, 404) << email;
    EXPECT_EQ(c.post_form("/offres/" + std::to_string(offer) + "/cloturer", {}).status, 404) << email;
    EXPECT_EQ(c.post_form("/offres/" + std::to_string(offer) + "/candidater", pupil("X")).status, 404) << email;
    EXPECT_EQ(c.get(app).status, 404) << email;
    EXPECT_EQ(c.post_form(app + "/statut", {{"to", "accepted"}}).status, 404) << email;
    EXPECT_FALSE(contains(c.get("/offres").body, "Découverte de l’usinage")) << email;
  }
  EXPECT_EQ(state_of(srv.store(), id), "sent") << "none of it changed anything, nor did the GETs";

  // The coordinator sees everything and does not mark it seen by reading it.
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  EXPECT_EQ(coord.get("/offres/" + std::to_string(draft)).status, 200);
  auto page = coord.get(app);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(state_of(srv.store(), id), "sent");
  EXPECT_TRUE(contains(coord.get("/candidatures").body, "Léa Martin"));

  // The company closes the offer: no more applications.
  ASSERT_EQ(rh.post_form("/offres/" + std::to_string(offer) + "/cloturer", {{"reason", "filled"}}).status, 303);
  auto closed = prof.post_form("/offres/" + std::to_string(offer) + "/candidater", pupil("Inès"));
  EXPECT_EQ(closed.status, 404) << "a closed offer is no longer shown to referrers";
  EXPECT_EQ(rh.post_form("/offres/" + std::to_string(offer) + "/cloturer", {{"reason", "filled"}}).status, 409);
}

TEST_P(OpportunitiesHttp, FrenchMessagesNextToTheFields) {
  TestServer srv(GetParam());
  seed(srv.store());
  Client rh(srv.port());
  ASSERT_EQ(rh.login("rh@metallerie.fr", kPassword), 303);
  auto fields = offer_fields("", "published", "0");
  fields[6] = {"ends_on", "2020-01-01"};
  fields[7] = {"commune", "Atlantide"};
  fields[11] = {"expires_on", "2020-01-01"};
  auto bad = rh.post_form("/offres/nouvelle", fields);
  EXPECT_EQ(bad.status, 422);
  expect_accessible(bad.body, "offer form with errors");
  for (const char* part :
       {"Donnez un titre", "entre 1 et 50", "La fin est avant le début", "Commune introuvable", "est passé"})
    EXPECT_TRUE(contains(bad.body, part)) << part;
  EXPECT_TRUE(contains(bad.body, "aria-describedby=\"offre-title-error\""));
  EXPECT_EQ(count_rows(srv.store(), "offers"), 0);

  long long offer = publish(rh, "Découverte de l’usinage");
  Client prof(srv.port());
  ASSERT_EQ(prof.login("prof@college.fr", kPassword), 303);
  auto p = pupil("");
  p[4] = {"sex", ""};
  p[5] = {"minor", ""};
  p[6] = {"school", "Poudlard"};
  p[2] = {"email", "pas-une-adresse"};
  auto refused = prof.post_form("/offres/" + std::to_string(offer) + "/candidater", p);
  EXPECT_EQ(refused.status, 422);
  expect_accessible(refused.body, "application form with errors");
  for (const char* part : {"Indiquez le prénom", "Choisissez : fille / femme", "Indiquez si la personne est mineure",
                           "ne correspond à « Poudlard »", "adresse e-mail n’est pas valide"})
    EXPECT_TRUE(contains(refused.body, part)) << part;
  EXPECT_EQ(count_rows(srv.store(), "offer_applications"), 0);

  auto sent = prof.post_form("/offres/" + std::to_string(offer) + "/candidater", pupil("Léa"));
  long long id = id_from_location(sent.header("location"));
  auto unknown = rh.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "bogus"}});
  EXPECT_EQ(unknown.status, 422);
  auto no_reason = rh.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "declined"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "Indiquez la raison du refus"));
  ASSERT_EQ(prof.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "withdrawn"}}).status, 303);
  auto late = rh.post_form("/candidatures/" + std::to_string(id) + "/statut", {{"to", "accepted"}});
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(contains(late.body, "Cette candidature a été retirée"));
  EXPECT_EQ(state_of(srv.store(), id), "withdrawn");
}

TEST_P(OpportunitiesHttp, TheCoordinatorLinksAccountsToOrganisations) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  auto users = coord.get("/utilisateurs");
  ASSERT_EQ(users.status, 200);
  expect_accessible(users.body, "users with organisations");
  EXPECT_TRUE(contains(users.body, "/utilisateurs/" + std::to_string(w.rh) + "/organisation"));
  EXPECT_FALSE(contains(users.body, "/utilisateurs/" + std::to_string(w.amb) + "/organisation"));
  auto moved = coord.post_form("/utilisateurs/" + std::to_string(w.rh) + "/organisation",
                               {{"organisation_id", std::to_string(w.other_company)}});
  EXPECT_EQ(moved.status, 303);
  EXPECT_EQ(store::user_by_id(srv.store(), w.rh)->organisation_id, w.other_company);
  auto foreign = coord.post_form("/utilisateurs/" + std::to_string(w.rh) + "/organisation",
                                 {{"organisation_id", std::to_string(w.company_b)}});
  EXPECT_EQ(foreign.status, 422);
  EXPECT_EQ(store::user_by_id(srv.store(), w.rh)->organisation_id, w.other_company);
  EXPECT_EQ(coord
                .post_form("/utilisateurs/" + std::to_string(w.rh_b) + "/organisation",
                           {{"organisation_id", std::to_string(w.company)}})
                .status,
            404);
  EXPECT_EQ(store::user_by_id(srv.store(), w.rh_b)->organisation_id, w.company_b);
  // A new company contact, created with her organisation, publishes for it at once.
  auto created = coord.post_form("/utilisateurs", {{"email", "rh2@metallerie.fr"},
                                                   {"display_name", "Rose Deux"},
                                                   {"role", "company_contact"},
                                                   {"organisation_id", std::to_string(w.company)}});
  EXPECT_EQ(created.status, 303);
  EXPECT_EQ(store::user_by_email(srv.store(), "rh2@metallerie.fr")->organisation_id, w.company);
  // The coordinator publishes for a company she picks.
  auto fields = offer_fields("Apprentissage en chaudronnerie", "published");
  fields[0] = {"kind", "apprenticeship"};
  fields.emplace_back("organisation_id", std::to_string(w.other_company));
  auto r = coord.post_form("/offres/nouvelle", fields);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(store::offer_by_id(srv.store(), w.ta, id_from_location(r.header("location")))->organisation_id,
            w.other_company);
  fields.back() = {"organisation_id", std::to_string(w.company_b)};
  auto elsewhere = coord.post_form("/offres/nouvelle", fields);
  EXPECT_EQ(elsewhere.status, 422);
  EXPECT_TRUE(contains(elsewhere.body, "Choisissez une entreprise de l’annuaire du territoire"));
}

INSTANTIATE_TEST_SUITE_P(Engines, OpportunitiesHttp, ::testing::ValuesIn(fixture::engines()));
