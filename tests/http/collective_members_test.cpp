// HTTP tests of the collective's members on every engine, with a real SMTP sink: the invitation from the
// coordinator's form to her first profile edit, French errors next to the fields (422), who may see what (an
// ambassador never sees the members' list, another territory's member reads as 404), the public application form
// and its limit, the datalists, the coordinator's animation view, leaving, and the one-click unsubscribe.
#include <gtest/gtest.h>

#include <regex>

#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "store/ambassadors.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

struct World {
  long long ta = 0, tb = 0, coord_a = 0, coord_b = 0;
};

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  w.coord_a = seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  w.coord_b = seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  s.write([&](soci::session& sql) {
    sql << "INSERT INTO communes (insee, name, department, search, population) VALUES ('25056', 'Besançon', '25', "
           "'besancon', 120000)";
    sql << "INSERT INTO postal_codes (postal_code, insee) VALUES ('25000', '25056')";
    sql << "INSERT INTO rome_codes (code, title) VALUES ('I1304', 'Installation et maintenance d’équipements "
           "industriels')";
    sql << "INSERT INTO rome_titles (ogr, code, title, search) VALUES ('12345', 'I1304', 'Technicien / Technicienne "
           "de maintenance industrielle', 'technicien / technicienne de maintenance industrielle')";
  });
  return w;
}

domain::Ambassador someone(const std::string& first, const std::string& last, const std::string& email) {
  domain::Ambassador a;
  a.first_name = first;
  a.last_name = last;
  a.email = email;
  a.job_title = "Régleuse";
  return a;
}

// A member who accepted her invitation (password kPassword): her row's id.
long long joined_member(store::Store& s, long long territory, const domain::Ambassador& a) {
  auto inv = store::invite_ambassador(s, territory, a, {});
  EXPECT_TRUE(store::accept_invitation(s, inv.token, http::hash_password(kPassword), store::now_unix()).ok());
  return inv.ambassador_id;
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

std::string invitation_token(const std::string& mail) {
  std::smatch m;
  static const std::regex re(R"re(/collectif/invitation/([A-Za-z0-9_-]+))re");
  return std::regex_search(mail, m, re) ? m[1].str() : std::string();
}

long long count(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << sql_text, soci::into(n);
    return n;
  });
}

// The profile form as she would send it, every field valid.
std::vector<std::pair<std::string, std::string>> profile_form() {
  return {{"first_name", "Inès"},
          {"last_name", "Roux"},
          {"phone", "06 12 34 56 78"},
          {"job_title", "Technicien / Technicienne de maintenance industrielle"},
          {"domain", "maintenance"},
          {"employer_name", "Verrerie Fictive"},
          {"path_1_diploma", "Bac pro MELEC"},
          {"path_1_level", "4"},
          {"path_1_year", "2015"},
          {"path_1_school", "Lycée Jules Haag"},
          {"path_2_diploma", ""},  // an empty row between two filled ones is ignored
          {"path_3_diploma", "BTS Maintenance des systèmes"},
          {"path_3_level", "5"},
          {"languages", "fr"},
          {"languages", "en"},
          {"home_commune", "25000"},
          {"max_km", "40"},
          {"weekly", "mon-am"},
          {"weekly", "thu-pm"},
          {"days_off", "2027-03-02\n2027-02-15, 2027-02-15"},
          {"max_per_month", "2"},
          {"offers", "talk"},
          {"offers", "visit"},
          {"consents", "job"},
          {"consents", "quote"},
          {"digest", "1"}};
}

std::vector<std::pair<std::string, std::string>> with(std::vector<std::pair<std::string, std::string>> form,
                                                      const std::string& key, const std::string& value) {
  for (auto& [k, v] : form)
    if (k == key) v = value;
  return form;
}

}  // namespace

class CollectiveMembersHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(CollectiveMembersHttp, InvitationToProfileEndToEnd) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);

  auto form = coord.get("/collectif/membres/inviter");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "invitation form");
  auto bad =
      coord.post_form("/collectif/membres/inviter", {{"first_name", ""}, {"last_name", "Roux"}, {"email", "x@"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "id=\"invite-first_name-error\" class=\"field-error\">Ce champ est obligatoire."));
  EXPECT_TRUE(contains(bad.body, "aria-invalid=\"true\" aria-describedby=\"invite-email-error\""));
  EXPECT_TRUE(contains(bad.body, "n’est pas valide"));
  auto sent = coord.post_form("/collectif/membres/inviter",
                              {{"first_name", "Inès"}, {"last_name", "Roux"}, {"email", "Ines.Roux@Exemple.fr"}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  long long id = id_from_location(sent.header("location").substr(0, sent.header("location").find('?')));
  ASSERT_GT(id, 0);
  EXPECT_TRUE(contains(sent.header("location"), "etat=invitation-envoyee"));
  auto shown = coord.get(sent.header("location"));
  EXPECT_TRUE(contains(shown.body, "Invitation envoyée par e-mail"));
  EXPECT_TRUE(contains(shown.body, "invitée"));

  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: ines.roux@exemple.fr"));
  std::string token = invitation_token(mails[0]);
  ASSERT_EQ(token.size(), 32u) << mails[0];

  // She opens the link: the charter, then a password.
  Client she(srv.port());
  auto page = she.get("/collectif/invitation/" + token);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("referrer-policy"), "no-referrer");
  EXPECT_TRUE(contains(page.body, "Je ne reste jamais seule avec une ou un élève"));
  expect_accessible(page.body, "invitation page");
  auto no_charter = she.post_form("/collectif/invitation/" + token, {{"password", "une phrase assez longue"},
                                                                     {"password_confirm", "une phrase assez longue"}});
  EXPECT_EQ(no_charter.status, 422);
  EXPECT_TRUE(contains(no_charter.body, "id=\"charter-error\" class=\"field-error\">Pour rejoindre le collectif"));
  auto short_password = she.post_form("/collectif/invitation/" + token,
                                      {{"charter", "1"}, {"password", "court"}, {"password_confirm", "court"}});
  EXPECT_EQ(short_password.status, 422);
  EXPECT_TRUE(contains(short_password.body, "au moins 12 caractères"));
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM users WHERE email = 'ines.roux@exemple.fr'"), 0);
  auto joined = she.post_form(
      "/collectif/invitation/" + token,
      {{"charter", "1"}, {"password", "une phrase assez longue"}, {"password_confirm", "une phrase assez longue"}});
  ASSERT_EQ(joined.status, 303) << joined.body;
  EXPECT_EQ(joined.header("location"), "/collectif/mon-profil?etat=bienvenue");
  EXPECT_EQ(she.get("/collectif/invitation/" + token).status, 404) << "the link is spent";

  // Signed in: her profile.
  auto profile = she.get("/collectif/mon-profil?etat=bienvenue");
  ASSERT_EQ(profile.status, 200);
  EXPECT_TRUE(contains(profile.body, "Bienvenue dans le collectif"));
  EXPECT_TRUE(contains(profile.body, "acceptée le"));
  expect_accessible(profile.body, "profile form");
  auto wrong =
      she.post_form("/collectif/mon-profil",
                    with(with(with(profile_form(), "max_km", "900"), "days_off", "15/02/2027"), "path_1_level", "9"));
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(contains(wrong.body, "id=\"profil-max_km-error\" class=\"field-error\">La distance doit être comprise"));
  EXPECT_TRUE(contains(wrong.body, "id=\"profil-days_off-error\" class=\"field-error\">Une date d’absence"));
  EXPECT_TRUE(contains(wrong.body, "id=\"profil-path_1_level-error\""));
  EXPECT_TRUE(contains(wrong.body, ">15/02/2027</textarea>")) << "what she typed comes back";
  EXPECT_TRUE(contains(wrong.body, "href=\"#profil-max_km\""));
  expect_accessible(wrong.body, "profile form with errors");
  auto unknown_commune = she.post_form("/collectif/mon-profil", with(profile_form(), "home_commune", "99999"));
  EXPECT_EQ(unknown_commune.status, 422);
  EXPECT_TRUE(contains(unknown_commune.body, "Commune introuvable"));

  auto saved = she.post_form("/collectif/mon-profil", profile_form());
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto a = store::ambassador_by_id(srv.store(), w.ta, id);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, "active");
  EXPECT_EQ(a->rome_code, "I1304") << "the ROME title chosen";
  EXPECT_EQ(a->home_commune_insee, "25056") << "from the postal code";
  ASSERT_EQ(a->path.size(), 2u);
  EXPECT_EQ(a->path[1].diploma, "BTS Maintenance des systèmes");
  EXPECT_EQ(a->days_off, (std::vector<std::string>{"2027-02-15", "2027-03-02"}));
  EXPECT_EQ(a->weekly, (std::vector<std::string>{"mon-am", "thu-pm"}));
  EXPECT_EQ(a->consents, (std::vector<std::string>{"job", "quote"}));
  auto again = she.get("/collectif/mon-profil");
  EXPECT_TRUE(contains(again.body, "value=\"25056 — Besançon\""));
  EXPECT_TRUE(contains(again.body, "id=\"profil-weekly-thu-pm\" name=\"weekly\" value=\"thu-pm\" checked"));

  // Her hub; the coordinator's pages are not hers.
  auto hub = she.get("/collectif");
  EXPECT_EQ(hub.status, 200);
  EXPECT_TRUE(contains(hub.body, "href=\"/collectif/mon-profil\""));
  EXPECT_EQ(she.get("/collectif/membres").status, 403);
  EXPECT_EQ(she.get("/collectif/membres/" + std::to_string(id)).status, 403);
  // The coordinator sees her profile.
  auto member = coord.get("/collectif/membres/" + std::to_string(id));
  EXPECT_TRUE(contains(member.body, "Bac pro MELEC"));
  expect_accessible(member.body, "member page");
}

TEST_P(CollectiveMembersHttp, AnExistingAccountIsLinkedAndSignsInWithItsOwnPassword) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  long long uid = seed_user(srv.store(), "deja@exemple.fr", domain::Role::ambassador, w.ta);
  auto inv = store::invite_ambassador(srv.store(), w.ta, someone("Déjà", "Là", "deja@exemple.fr"), {});
  ASSERT_TRUE(inv.result.ok());
  Client she(srv.port());
  auto page = she.get("/collectif/invitation/" + inv.token);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Vous avez déjà un compte Passerelles"));
  EXPECT_FALSE(contains(page.body, "id=\"password\"")) << "no password to choose";
  auto joined = she.post_form("/collectif/invitation/" + inv.token, {{"charter", "1"}, {"password", "x"}});
  ASSERT_EQ(joined.status, 303) << joined.body;
  EXPECT_EQ(joined.header("location"), "/connexion?suite=%2Fcollectif%2Fmon-profil");
  for (const auto& cookie : joined.set_cookies) EXPECT_FALSE(contains(cookie, "passerelles=")) << "no session";
  auto a = store::ambassador_by_id(srv.store(), w.ta, inv.ambassador_id);
  EXPECT_EQ(a->status, "active");
  EXPECT_EQ(a->user_id, uid);
  ASSERT_EQ(she.login("deja@exemple.fr", kPassword), 303) << "her own password still works";
  EXPECT_EQ(she.get("/collectif/mon-profil").status, 200);

  // A coordinator's address: refused, with the reason.
  auto coord = store::invite_ambassador(srv.store(), w.ta, someone("Claire", "C", "coord-a@exemple.fr"), {});
  auto refused = she.post_form("/collectif/invitation/" + coord.token, {{"charter", "1"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_TRUE(contains(refused.body, "Un compte existe déjà avec cette adresse e-mail"));
}

TEST_P(CollectiveMembersHttp, AnotherTerritorysMemberIsNotFound) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  domain::Ambassador a = someone("Secrète", "De-A", "secrete@exemple.fr");
  auto inv = store::invite_ambassador(srv.store(), w.ta, a, {w.coord_a, "coord-a@exemple.fr"});
  ASSERT_TRUE(inv.result.ok());
  std::string id = std::to_string(inv.ambassador_id);
  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  for (const char* suffix : {"", "/modifier"}) {
    auto r = b.get("/collectif/membres/" + id + suffix);
    EXPECT_EQ(r.status, 404) << suffix;
    EXPECT_FALSE(contains(r.body, "Secrète"));
  }
  for (const char* action : {"/modifier", "/inviter", "/refuser", "/effacer"})
    EXPECT_EQ(b.post_form("/collectif/membres/" + id + action, {{"first_name", "X"}, {"confirmer", "oui"}}).status, 404)
        << action;
  EXPECT_FALSE(contains(b.get("/collectif/membres?q=secrete").body, "Secrète"));
  EXPECT_FALSE(contains(b.get("/collectif").body, "Secrète"));
  EXPECT_EQ(store::ambassador_by_id(srv.store(), w.ta, inv.ambassador_id)->status, "invited");
  Client visitor(srv.port());
  EXPECT_EQ(visitor.get("/collectif/membres").status, 303) << "to the login page";
  EXPECT_EQ(visitor.get("/collectif").status, 303);
}

TEST_P(CollectiveMembersHttp, PublicApplicationNotifiesTheCoordinatorsAndIsLimited) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  Client v(srv.port());
  auto form = v.get("/collectif/rejoindre");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<option value=\"ta\">Territoire ta</option>"));
  expect_accessible(form.body, "application form");
  auto missing = v.post_form("/collectif/rejoindre", {{"territoire", ""}, {"first_name", "Léa"}, {"email", "lea@"}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(contains(missing.body, "id=\"join-territoire-error\" class=\"field-error\">Choisissez le territoire"));
  EXPECT_TRUE(contains(missing.body, "id=\"join-job_title-error\" class=\"field-error\">Ce champ est obligatoire."));
  EXPECT_TRUE(contains(missing.body, "value=\"Léa\""));
  expect_accessible(missing.body, "application form with errors");
  std::vector<std::pair<std::string, std::string>> ok = {{"territoire", "ta"},
                                                         {"first_name", "Léa"},
                                                         {"last_name", "Petit"},
                                                         {"email", "lea.petit@exemple.fr"},
                                                         {"job_title", "Régleuse en plasturgie"},
                                                         {"domain", "plasturgie"},
                                                         {"motivation", "Montrer que c’est possible."}};
  auto sent = v.post_form("/collectif/rejoindre", ok);
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("location"), "/collectif/rejoindre?etat=envoyee");
  EXPECT_TRUE(contains(v.get(sent.header("location")).body, "Votre candidature a été transmise"));
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: coord-a@exemple.fr"));
  EXPECT_TRUE(contains(mails[0], "Montrer que c’est possible."));
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM ambassadors WHERE status = 'applicant' AND territory_id = " +
                                   std::to_string(w.ta)),
            1);
  auto twice = v.post_form("/collectif/rejoindre", ok);
  EXPECT_EQ(twice.status, 409);
  EXPECT_TRUE(contains(twice.body, "id=\"join-email-error\""));
  EXPECT_EQ(v.post_form("/collectif/rejoindre", ok).status, 409);
  auto limited = v.post_form("/collectif/rejoindre", ok);
  EXPECT_EQ(limited.status, 429) << "three an hour for one address";
  EXPECT_TRUE(contains(limited.body, "réessayez dans une heure"));
  EXPECT_EQ(sink.messages().size(), 1u);

  // The coordinator sees and accepts it: the invitation goes out.
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  auto board = coord.get("/collectif");
  ASSERT_EQ(board.status, 200);
  EXPECT_TRUE(contains(board.body, "Candidatures en attente (1)"));
  expect_accessible(board.body, "animation view");
  long long id = count(srv.store(), "SELECT id FROM ambassadors WHERE email = 'lea.petit@exemple.fr'");
  auto invited = coord.post_form("/collectif/membres/" + std::to_string(id) + "/inviter", {});
  EXPECT_EQ(invited.status, 303);
  EXPECT_EQ(sink.wait_for(2).size(), 2u);
  EXPECT_FALSE(invitation_token(sink.messages()[1]).empty());
}

TEST_P(CollectiveMembersHttp, DatalistsOfJobsAndCommunes) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client v(srv.port());
  auto jobs = v.get("/collectif/metiers?q=technicienne%20maint");
  EXPECT_EQ(jobs.status, 200);
  EXPECT_EQ(jobs.body, "<option value=\"Technicien / Technicienne de maintenance industrielle\"></option>\n");
  EXPECT_EQ(v.get("/collectif/metiers?job_title=maintenance").body, jobs.body) << "htmx sends the field's name";
  EXPECT_EQ(v.get("/collectif/metiers?q=t").body, "");
  EXPECT_EQ(v.get("/collectif/communes?q=besan").status, 303) << "members only";
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  EXPECT_EQ(coord.get("/collectif/communes?home_commune=besan").body,
            "<option value=\"25056 — Besançon (25000)\"></option>\n");
  EXPECT_EQ(coord.get("/collectif/communes?q=25000").body, "<option value=\"25056 — Besançon (25000)\"></option>\n");
  (void)w;
}

TEST_P(CollectiveMembersHttp, LeavingErasesHerAndEndsHerSession) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  domain::Ambassador a = someone("Océane", "Vasseur", "oceane@exemple.fr");
  long long id = joined_member(srv.store(), w.ta, a);
  Client she(srv.port());
  ASSERT_EQ(she.login("oceane@exemple.fr", kPassword), 303);
  auto page = she.get("/collectif/mon-profil/quitter");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Ce qui est gardé, sans votre nom"));
  expect_accessible(page.body, "leave page");
  auto wrong = she.post_form("/collectif/mon-profil/quitter", {{"email", "autre@exemple.fr"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(contains(wrong.body, "id=\"leave-email-error\" class=\"field-error\">Tapez exactement"));
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM users WHERE email = 'oceane@exemple.fr'"), 1);
  auto left = she.post_form("/collectif/mon-profil/quitter", {{"email", " Oceane@Exemple.fr "}});
  EXPECT_EQ(left.status, 200);
  EXPECT_TRUE(contains(left.body, "Vous avez quitté le collectif"));
  bool cleared = false;
  for (const auto& c : left.set_cookies)
    cleared = cleared || (contains(c, "passerelles=;") && contains(c, "Max-Age=0"));
  EXPECT_TRUE(cleared) << "the session cookie is cleared";
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM users WHERE email = 'oceane@exemple.fr'"), 0);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM ambassadors WHERE id = " + std::to_string(id) +
                                   " AND status = 'left' AND email = ''"),
            1);
  EXPECT_EQ(she.get("/collectif/mon-profil").status, 303) << "signed out";

  // A coordinator erases another member on request, after a confirmation step.
  a.email = "zoe@exemple.fr";
  auto inv2 = store::invite_ambassador(srv.store(), w.ta, a, {});
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  std::string url = "/collectif/membres/" + std::to_string(inv2.ambassador_id) + "/effacer";
  auto confirm = coord.post_form(url, {});
  EXPECT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "name=\"confirmer\" value=\"oui\""));
  EXPECT_EQ(store::ambassador_by_id(srv.store(), w.ta, inv2.ambassador_id)->status, "invited") << "not yet";
  auto erased = coord.post_form(url, {{"confirmer", "oui"}});
  EXPECT_EQ(erased.status, 303);
  EXPECT_EQ(store::ambassador_by_id(srv.store(), w.ta, inv2.ambassador_id)->status, "left");
  EXPECT_EQ(coord.get("/collectif/membres/" + std::to_string(inv2.ambassador_id)).status, 404);
}

TEST_P(CollectiveMembersHttp, OneClickUnsubscribeWithoutSessionOrCsrf) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  long long id = joined_member(srv.store(), w.ta, someone("Romane", "Leroy", "romane@exemple.fr"));
  std::string token = store::ambassador_by_id(srv.store(), w.ta, id)->unsubscribe_token;
  Client mail_client(srv.port());
  auto page = mail_client.get("/collectif/desabonnement/" + token);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Ne plus recevoir la lettre"));
  EXPECT_EQ(page.header("referrer-policy"), "no-referrer");
  EXPECT_TRUE(page.set_cookies.empty()) << "no cookie for a link from an e-mail";
  EXPECT_TRUE(store::ambassador_by_id(srv.store(), w.ta, id)->digest) << "a GET changes nothing";
  auto done = mail_client.request("POST", "/collectif/desabonnement/" + token, "List-Unsubscribe=One-Click",
                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(done.status, 200);
  EXPECT_TRUE(contains(done.body, "vous ne recevrez plus la lettre"));
  EXPECT_FALSE(store::ambassador_by_id(srv.store(), w.ta, id)->digest);
  EXPECT_EQ(mail_client.get("/collectif/desabonnement/inconnu").status, 404);
  EXPECT_EQ(mail_client
                .request("POST", "/collectif/desabonnement/inconnu", "List-Unsubscribe=One-Click",
                         {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            404);
}

INSTANTIATE_TEST_SUITE_P(Engines, CollectiveMembersHttp, ::testing::ValuesIn(fixture::engines()));
