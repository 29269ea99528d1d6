// HTTP tests of /confidentialite on every engine: a coordinator finds a person by name or e-mail, downloads her data
// as JSON (attachment, never cached, in the register) and erases it after a confirmation page (a GET and an
// unconfirmed POST change nothing; CSRF is required); afterwards nothing of her is left in any table or in the
// export. Another territory, an ambassador and bad addresses get 403/404; an admin picks the territory first.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/message.hpp"
#include "support/http_support.hpp"
#include "support/marker_scan.hpp"
#include "support/page_checks.hpp"
#include "support/snapshot.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;
using nlohmann::json;

namespace {

struct World {
  long long ta = 0, tb = 0, mentee = 0, candidate = 0;
};

// Territory A: a programme, a mentor, a minor mentee (markers "qzxh-…" in her personal fields, a pair with a message,
// a meeting and feedback) and an application to an offer ("qzxc-…"). B: its coordinator.
World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  seed_user(s, "amb-a@exemple.fr", domain::Role::ambassador, w.ta);
  seed_user(s, "admin@exemple.fr", domain::Role::admin, 0);
  s.write([&](soci::session& sql) {
    long long p = 0, a = 0, pair = 0, org = 0, offer = 0;
    sql << "INSERT INTO mentoring_programmes (territory_id, name, audience, starts_on, ends_on, status, created_at, "
           "updated_at) VALUES (:t, 'Programme 2026', 'lyceennes', '2025-09-01', '2026-06-30', 'open', 1, 1) "
           "RETURNING id",
        soci::use(w.ta), soci::into(p);
    sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, unsubscribe_token, "
           "created_at, updated_at) VALUES (:t, 'active', 'Nadia', 'Mentornom', 'nadia@exemple.fr', 'unsub-n', 1, 1) "
           "RETURNING id",
        soci::use(w.ta), soci::into(a);
    sql << "INSERT INTO mentee_applications (programme_id, territory_id, status, token, first_name, last_name, "
           "birth_month, minor, sex, email, phone, class_level, commune_insee, motivation, voucher_name, "
           "voucher_email, vouch_token, guardian_name, guardian_email, consent_token, outcome_text, created_at, "
           "updated_at) VALUES (:p, :t, 'matched', 'qzxh-token', 'Qzxh-Prénom', 'Qzxh-Nom', 'qzxh-naissance', 1, "
           "'F', 'qzxh-email@exemple.fr', 'qzxh-tel', 'qzxh-classe', 'qzxh-commune', 'qzxh-motivation', "
           "'qzxh-garant', 'qzxh-garant@exemple.fr', 'qzxh-vouch', 'qzxh-parent', 'qzxh-parent@exemple.fr', "
           "'qzxh-consent', 'qzxh-orientation', 2, 2) RETURNING id",
        soci::use(p), soci::use(w.ta), soci::into(w.mentee);
    sql << "INSERT INTO mentoring_pairs (programme_id, application_id, ambassador_id, status, why, created_at, "
           "updated_at) VALUES (:p, :m, :a, 'active', 'qzxh-pourquoi', 3, 3) RETURNING id",
        soci::use(p), soci::use(w.mentee), soci::use(a), soci::into(pair);
    sql << "INSERT INTO mentoring_messages (pair_id, author, body, created_at) VALUES (:p, 'mentee', 'qzxh-message', "
           "4)",
        soci::use(pair);
    sql << "INSERT INTO mentoring_meetings (pair_id, day, mode, summary, created_at) VALUES (:p, '2026-02-04', "
           "'remote', 'qzxh-rencontre', 5)",
        soci::use(pair);
    sql << "INSERT INTO mentoring_feedback (pair_id, phase, side, rating, comment, created_at) VALUES (:p, 'end', "
           "'mentee', 5, 'qzxh-avis', 6)",
        soci::use(pair);
    sql << "INSERT INTO organisations (territory_id, kind, name, search, created_at, updated_at) VALUES (:t, "
           "'company', 'Fonderie du Doubs', 'fonderie du doubs', 1, 1) RETURNING id",
        soci::use(w.ta), soci::into(org);
    sql << "INSERT INTO offers (territory_id, organisation_id, kind, title, status, expires_on, created_at, "
           "updated_at) VALUES (:t, :o, 'apprenticeship', 'Apprentie fondeuse', 'published', '2026-05-31', 1, 1) "
           "RETURNING id",
        soci::use(w.ta), soci::use(org), soci::into(offer);
    sql << "INSERT INTO offer_applications (offer_id, territory_id, status, first_name, last_name, email, phone, "
           "message, sent_at, created_at, updated_at) VALUES (:o, :t, 'sent', 'Qzxc-Prénom', 'Qzxc-Nom', "
           "'qzxc-email@exemple.fr', 'qzxc-tel', 'qzxc-message', 7, 7, 7) RETURNING id",
        soci::use(offer), soci::use(w.ta), soci::into(w.candidate);
  });
  return w;
}

long long count(store::Store& s, const std::string& q) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << q, soci::into(n);
    return n;
  });
}

}  // namespace

class PrivacyHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(PrivacyHttp, FindExportThenEraseAfterConfirmationLeavesNothingOfHer) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  std::string id = std::to_string(w.mentee);

  auto page = c.get("/confidentialite");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Registre"));
  EXPECT_TRUE(contains(page.body, "6 mois")) << "the retention the option sets";
  expect_accessible(page.body, "privacy page");

  // By name (accents and case ignored), by the guardian's e-mail.
  for (const char* q : {"qzxh-prenom", "QZXH-PARENT@exemple.fr"}) {
    auto found = c.get("/confidentialite?q=" + http::url_encode(q));
    ASSERT_EQ(found.status, 200) << q;
    EXPECT_TRUE(contains(found.body, "/confidentialite/export/mentee/" + id + ".json")) << q;
    EXPECT_TRUE(contains(found.body, "/confidentialite/mentee/" + id + "/effacer")) << q;
    EXPECT_FALSE(contains(found.body, "/confidentialite/candidate/")) << q;
    expect_accessible(found.body, "privacy results");
  }
  auto none = c.get("/confidentialite?q=personne-inconnue");
  EXPECT_TRUE(contains(none.body, "Aucune candidature ne correspond"));

  auto ex = c.get("/confidentialite/export/mentee/" + id + ".json");
  ASSERT_EQ(ex.status, 200);
  EXPECT_TRUE(contains(ex.header("content-type"), "application/json"));
  EXPECT_EQ(ex.header("content-disposition"), "attachment; filename=\"donnees-mentee-" + id + ".json\"");
  EXPECT_TRUE(contains(ex.header("cache-control"), "no-store"));
  json j = json::parse(ex.body);
  EXPECT_EQ(j["application"]["first_name"], "Qzxh-Prénom");
  EXPECT_EQ(j["pairs"][0]["messages"][0]["body"], "qzxh-message");
  EXPECT_EQ(j["pairs"][0]["mentor_first_name"], "Nadia");
  EXPECT_FALSE(contains(ex.body, "qzxh-token")) << "her private link is no data to hand out";
  EXPECT_FALSE(contains(ex.body, "Mentornom"));

  // The confirmation page, and an unconfirmed POST, change nothing; a POST without CSRF token is refused.
  std::string before = snapshot(srv.store());
  auto confirm = c.get("/confidentialite/mentee/" + id + "/effacer");
  ASSERT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "Effacer définitivement"));
  EXPECT_TRUE(contains(confirm.body, "name=\"confirmer\" value=\"oui\""));
  expect_accessible(confirm.body, "erase confirmation");
  auto unconfirmed = c.post_form("/confidentialite/mentee/" + id + "/effacer", {});
  EXPECT_EQ(unconfirmed.status, 200);
  EXPECT_TRUE(contains(unconfirmed.body, "Effacer définitivement"));
  auto forged = c.post_form("/confidentialite/mentee/" + id + "/effacer", {{"confirmer", "oui"}, {"csrf", "faux"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(snapshot(srv.store()), before);
  EXPECT_FALSE(tables_containing(srv.store(), "qzxh").empty());

  auto erased = c.post_form("/confidentialite/mentee/" + id + "/effacer", {{"confirmer", "oui"}});
  ASSERT_EQ(erased.status, 303);
  EXPECT_EQ(erased.header("location"), "/confidentialite?etat=effacee");
  for (const char* marker : {"qzxh", "Qzxh"}) {
    auto left = tables_containing(srv.store(), marker);
    EXPECT_TRUE(left.empty()) << marker << " still in " << (left.empty() ? "" : left.front());
  }
  EXPECT_FALSE(tables_containing(srv.store(), "qzxc").empty()) << "the other person is untouched";
  auto after = c.get("/confidentialite/export/mentee/" + id + ".json");
  ASSERT_EQ(after.status, 200);
  EXPECT_FALSE(contains(after.body, "qzxh"));
  EXPECT_FALSE(contains(after.body, "Qzxh"));
  EXPECT_EQ(json::parse(after.body)["application"]["first_name"], "Effacée");
  EXPECT_EQ(c.get("/confidentialite/mentee/" + id + "/effacer").status, 404) << "erased already";

  auto register_page = c.get("/confidentialite?etat=effacee");
  EXPECT_TRUE(contains(register_page.body, "Les données personnelles ont été effacées."));
  EXPECT_TRUE(contains(register_page.body, "Effacement sur demande"));
  EXPECT_TRUE(contains(register_page.body, "Export des données (JSON)"));
  EXPECT_TRUE(contains(register_page.body, "Candidature au parrainage n° " + id));
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM privacy_log WHERE kind = 'export'"), 2);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM privacy_log WHERE kind = 'erasure'"), 1);
  expect_accessible(register_page.body, "privacy register");

  // The candidate, by her e-mail.
  auto cand = c.get("/confidentialite?q=qzxc-email");
  EXPECT_TRUE(contains(cand.body, "Fonderie du Doubs"));
  std::string cid = std::to_string(w.candidate);
  ASSERT_EQ(c.post_form("/confidentialite/candidate/" + cid + "/effacer", {{"confirmer", "oui"}}).status, 303);
  EXPECT_TRUE(tables_containing(srv.store(), "qzxc").empty());
  EXPECT_TRUE(tables_containing(srv.store(), "Qzxc").empty());
}

TEST_P(PrivacyHttp, OtherTerritoriesAmbassadorsAndBadAddressesReachNothing) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  std::string id = std::to_string(w.mentee), cid = std::to_string(w.candidate);
  std::string before = snapshot(srv.store());

  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  auto search = b.get("/confidentialite?q=qzxh");
  EXPECT_EQ(search.status, 200);
  EXPECT_TRUE(contains(search.body, "Aucune candidature ne correspond"));
  EXPECT_FALSE(contains(search.body, "Qzxh")) << "A's mentee is not found from B";
  EXPECT_EQ(b.get("/confidentialite/export/mentee/" + id + ".json").status, 404);
  EXPECT_EQ(b.get("/confidentialite/export/candidate/" + cid + ".json").status, 404);
  EXPECT_EQ(b.get("/confidentialite/mentee/" + id + "/effacer").status, 404);
  EXPECT_EQ(b.post_form("/confidentialite/mentee/" + id + "/effacer", {{"confirmer", "oui"}}).status, 404);
  EXPECT_EQ(b.post_form("/confidentialite/candidate/" + cid + "/effacer", {{"confirmer", "oui"}}).status, 404);

  Client amb(srv.port());
  ASSERT_EQ(amb.login("amb-a@exemple.fr", kPassword), 303);
  EXPECT_EQ(amb.get("/confidentialite").status, 403);
  EXPECT_EQ(amb.get("/confidentialite/export/mentee/" + id + ".json").status, 403);

  Client a(srv.port());
  ASSERT_EQ(a.login("coord-a@exemple.fr", kPassword), 303);
  for (const std::string& path : std::vector<std::string>{
           "/confidentialite/export/mentee/" + id, "/confidentialite/export/mentee/" + id + ".xml",
           "/confidentialite/export/mentee/abc.json", "/confidentialite/export/mentee/-1.json",
           "/confidentialite/export/mentee/.json", "/confidentialite/export/personne/" + id + ".json",
           "/confidentialite/export/candidate/" + id + "99999.json", "/confidentialite/autre/" + id + "/effacer",
           "/confidentialite/mentee/abc/effacer", "/confidentialite/mentee/99999999999999999999/effacer"})
    EXPECT_EQ(a.get(path).status, 404) << path;
  auto long_q = a.get("/confidentialite?q=" + std::string(300, 'a'));
  EXPECT_EQ(long_q.status, 200);
  EXPECT_TRUE(contains(long_q.body, "aria-invalid=\"true\""));
  EXPECT_EQ(a.get("/confidentialite?q=%FF").status, 400);

  Client anon(srv.port());
  EXPECT_EQ(anon.get("/confidentialite/export/mentee/" + id + ".json").status / 100, 3) << "to the login page";
  EXPECT_EQ(snapshot(srv.store()), before) << "nothing changed, nothing exported";
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM privacy_log"), 0);
}

TEST_P(PrivacyHttp, AnAdminPicksTheTerritoryFirst) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("admin@exemple.fr", kPassword), 303);
  auto choose = c.get("/confidentialite");
  ASSERT_EQ(choose.status, 200);
  EXPECT_TRUE(contains(choose.body, "/confidentialite?territoire=ta"));
  expect_accessible(choose.body, "privacy territory choice");
  EXPECT_EQ(c.get("/confidentialite?territoire=inconnu").status, 404);
  auto found = c.get("/confidentialite?territoire=ta&q=qzxh");
  std::string id = std::to_string(w.mentee);
  EXPECT_TRUE(contains(found.body, "/confidentialite/export/mentee/" + id + ".json?territoire=ta"));
  EXPECT_EQ(c.get("/confidentialite/export/mentee/" + id + ".json").status, 404) << "no territory named";
  EXPECT_EQ(c.get("/confidentialite/export/mentee/" + id + ".json?territoire=tb").status, 404);
  EXPECT_EQ(c.get("/confidentialite/export/mentee/" + id + ".json?territoire=ta").status, 200);
  auto erased = c.post_form("/confidentialite/mentee/" + id + "/effacer?territoire=ta", {{"confirmer", "oui"}});
  ASSERT_EQ(erased.status, 303);
  EXPECT_EQ(erased.header("location"), "/confidentialite?territoire=ta&etat=effacee");
  EXPECT_TRUE(tables_containing(srv.store(), "qzxh").empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, PrivacyHttp, ::testing::ValuesIn(fixture::engines()));
