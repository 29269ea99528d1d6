// HTTP tests of accounts: password links by e-mail (real SMTP sink), profile and API tokens, session rules,
// login limits, user and territory management, the audit log and the OpenAPI document — on every engine.
#include "store/accounts.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "http/crypto.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

// The token of the first password link in an e-mail.
std::string link_token(const std::string& mail) {
  std::smatch m;
  static const std::regex re(R"re(/mot-de-passe/nouveau\?jeton=([A-Za-z0-9_-]+))re");
  return std::regex_search(mail, m, re) ? m[1].str() : std::string();
}

std::string first_match(const std::string& text, const std::string& pattern) {
  std::smatch m;
  std::regex re(pattern);
  return std::regex_search(text, m, re) ? m[1].str() : std::string();
}

// Runs SQL behind the application's back; the auth generation moves so that its session cache drops too.
void exec(store::Store& s, const std::string& sql_text) {
  s.write([&](soci::session& sql) { sql << sql_text; });
  s.bump_auth_generation();
}

long long count(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << sql_text, soci::into(n);
    return n;
  });
}

// POST /connexion as if from `ip` (the test server trusts X-Forwarded-For when trust_proxy is set).
HttpResult login_from(Client& c, const std::string& ip, const std::string& email, const std::string& password) {
  c.get("/connexion");
  std::string body = fixture::url_encode_form({{"email", email}, {"password", password}, {"csrf", c.csrf()}});
  return c.request("POST", "/connexion", body,
                   {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Forwarded-For", ip}});
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

}  // namespace

class AccountsHttp : public ::testing::TestWithParam<std::string> {};

// ---- password reset ------------------------------------------------------------------------------

TEST_P(AccountsHttp, PasswordResetByEmailedLinkEndToEnd) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  long long uid = fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
  Client other(srv.port());
  ASSERT_EQ(other.login("ines@exemple.fr", kPassword), 303) << "a session opened before the reset";

  Client c(srv.port());
  auto form = c.get("/mot-de-passe/oubli");
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "<label for=\"email\">"));
  auto sent = c.post_form("/mot-de-passe/oubli", {{"email", "Ines@Exemple.fr"}});
  EXPECT_EQ(sent.status, 303);
  EXPECT_EQ(sent.header("location"), "/connexion?msg=mdp-envoye");
  EXPECT_TRUE(contains(c.get(sent.header("location")).body, "Si un compte existe pour cette adresse"));

  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: ines@exemple.fr"));
  EXPECT_TRUE(contains(mails[0], "Subject: Passerelles : choisir un nouveau mot de passe"));
  std::string token = link_token(mails[0]);
  ASSERT_FALSE(token.empty()) << mails[0];
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM password_resets WHERE token_hash = '" + http::token_hash(token) +
                                   "' AND expires_at BETWEEN " + std::to_string(store::now_unix() + 3500) + " AND " +
                                   std::to_string(store::now_unix() + 3700)),
            1)
      << "stored hashed, valid one hour";
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM password_resets WHERE token_hash = '" + token + "'"), 0);

  auto page = c.get("/mot-de-passe/nouveau?jeton=" + token);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.header("referrer-policy"), "no-referrer");
  auto too_short =
      c.post_form("/mot-de-passe/nouveau", {{"jeton", token}, {"password", "court"}, {"password_confirm", "court"}});
  EXPECT_EQ(too_short.status, 422);
  EXPECT_TRUE(contains(too_short.body, "au moins 12 caractères"));
  EXPECT_TRUE(contains(too_short.body, "aria-invalid=\"true\" aria-describedby=\"password-error\""));
  auto mismatch = c.post_form(
      "/mot-de-passe/nouveau",
      {{"jeton", token}, {"password", "une phrase assez longue"}, {"password_confirm", "une autre phrase longue"}});
  EXPECT_EQ(mismatch.status, 422);
  EXPECT_TRUE(contains(mismatch.body, "ne sont pas identiques"));

  auto done = c.post_form(
      "/mot-de-passe/nouveau",
      {{"jeton", token}, {"password", "une phrase assez longue"}, {"password_confirm", "une phrase assez longue"}});
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.header("location"), "/connexion?msg=mdp-change");

  EXPECT_EQ(other.get("/tableau-de-bord").status, 303) << "every session ended";
  Client fresh(srv.port());
  EXPECT_EQ(fresh.login("ines@exemple.fr", kPassword), 401) << "the old password no longer works";
  EXPECT_EQ(fresh.login("ines@exemple.fr", "une phrase assez longue"), 303);

  auto reused = c.get("/mot-de-passe/nouveau?jeton=" + token);
  EXPECT_EQ(reused.status, 400);
  EXPECT_TRUE(contains(reused.body, "Ce lien n’est plus valable"));
  auto reposted = c.post_form(
      "/mot-de-passe/nouveau",
      {{"jeton", token}, {"password", "encore une autre phrase"}, {"password_confirm", "encore une autre phrase"}});
  EXPECT_EQ(reposted.status, 400);
  EXPECT_EQ(fresh.login("ines@exemple.fr", "encore une autre phrase"), 401);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM audit_log WHERE action = 'password_reset' AND user_id = " +
                                   std::to_string(uid)),
            1);
}

TEST_P(AccountsHttp, ResetAnswerIsTheSameWhetherTheAccountExists) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
  Client c(srv.port());
  auto unknown = c.post_form("/mot-de-passe/oubli", {{"email", "personne@exemple.fr"}});
  auto known = c.post_form("/mot-de-passe/oubli", {{"email", "ines@exemple.fr"}});
  EXPECT_EQ(unknown.status, known.status);
  EXPECT_EQ(unknown.header("location"), known.header("location"));
  EXPECT_EQ(unknown.body, known.body);
  auto mails = sink.wait_for(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(sink.messages().size(), 1u) << "a mail for the existing account only";
  auto invalid = c.post_form("/mot-de-passe/oubli", {{"email", "pas-une-adresse"}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_TRUE(contains(invalid.body, "aria-describedby=\"email-error\""));
}

TEST_P(AccountsHttp, SmtpFailureGivesTheSameNeutralAnswer) {
  TestServer srv(GetParam());  // smtp_url points at a closed port
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
  Client c(srv.port());
  auto r = c.post_form("/mot-de-passe/oubli", {{"email", "ines@exemple.fr"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/connexion?msg=mdp-envoye");
}

TEST_P(AccountsHttp, ExpiredLinkIsRefusedInFrench) {
  TestServer srv(GetParam());
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  long long uid = fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
  store::insert_password_reset(srv.store(), http::token_hash("jeton-expire"), uid, store::now_unix() - 1);
  Client c(srv.port());
  auto page = c.get("/mot-de-passe/nouveau?jeton=jeton-expire");
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(contains(page.body, "Ce lien n’est plus valable"));
  EXPECT_TRUE(contains(page.body, "href=\"/mot-de-passe/oubli\""));
  auto post = c.post_form("/mot-de-passe/nouveau", {{"jeton", "jeton-expire"},
                                                    {"password", "une phrase assez longue"},
                                                    {"password_confirm", "une phrase assez longue"}});
  EXPECT_EQ(post.status, 400);
  EXPECT_EQ(c.login("ines@exemple.fr", kPassword), 303) << "the password did not change";
  EXPECT_EQ(c.get("/mot-de-passe/nouveau").status, 400) << "no token at all";
}

// ---- profile, password change, API tokens ---------------------------------------------------------

TEST_P(AccountsHttp, ProfileChangesPasswordOnlyWithTheCurrentOne) {
  TestServer srv(GetParam());
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
  Client c(srv.port()), other(srv.port());
  ASSERT_EQ(c.login("ines@exemple.fr", kPassword), 303);
  ASSERT_EQ(other.login("ines@exemple.fr", kPassword), 303);
  auto profile = c.get("/profil");
  EXPECT_EQ(profile.status, 200);
  EXPECT_TRUE(contains(profile.body, "ines@exemple.fr"));
  EXPECT_TRUE(contains(profile.body, "Coordinatrice"));
  EXPECT_TRUE(contains(profile.body, "Territoire t1"));

  auto wrong = c.post_form("/profil/mot-de-passe", {{"current_password", "pas le bon mot de passe"},
                                                    {"password", "une phrase assez longue"},
                                                    {"password_confirm", "une phrase assez longue"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(contains(wrong.body, "aria-describedby=\"current_password-error\""));
  auto short_one = c.post_form("/profil/mot-de-passe",
                               {{"current_password", kPassword}, {"password", "court"}, {"password_confirm", "court"}});
  EXPECT_EQ(short_one.status, 422);
  EXPECT_TRUE(contains(short_one.body, "au moins 12 caractères"));
  auto ok = c.post_form("/profil/mot-de-passe", {{"current_password", kPassword},
                                                 {"password", "une phrase assez longue"},
                                                 {"password_confirm", "une phrase assez longue"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(c.get("/profil").status, 200) << "this session is renewed";
  EXPECT_EQ(other.get("/profil").status, 303) << "other sessions end";
  Client fresh(srv.port());
  EXPECT_EQ(fresh.login("ines@exemple.fr", kPassword), 401);
  EXPECT_EQ(fresh.login("ines@exemple.fr", "une phrase assez longue"), 303);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM audit_log WHERE action = 'password_change'"), 1);
}

TEST_P(AccountsHttp, ApiTokensAreShownOnceListedAndRevoked) {
  TestServer srv(GetParam());
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  long long uid = fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
  fixture::seed_user(srv.store(), "autre@exemple.fr", domain::Role::coordinator, t);
  Client c(srv.port());
  ASSERT_EQ(c.login("ines@exemple.fr", kPassword), 303);

  auto empty_name = c.post_form("/profil/jetons", {{"name", "  "}});
  EXPECT_EQ(empty_name.status, 422);
  EXPECT_TRUE(contains(empty_name.body, "aria-describedby=\"token-name-error\""));

  auto created = c.post_form("/profil/jetons", {{"name", "Tableur du réseau"}});
  EXPECT_EQ(created.status, 200);
  std::string token = first_match(created.body, R"re(value="(psl_[A-Za-z0-9_-]+)")re");
  ASSERT_FALSE(token.empty());
  auto rows = store::api_tokens_of_user(srv.store(), uid);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].prefix, token.substr(0, 10));
  EXPECT_EQ(rows[0].last_used_at, 0);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + http::token_hash(token) + "'"),
            1);

  auto profile = c.get("/profil");
  EXPECT_FALSE(contains(profile.body, token)) << "shown once only";
  EXPECT_TRUE(contains(profile.body, "Tableur du réseau"));
  EXPECT_TRUE(contains(profile.body, token.substr(0, 10)));
  EXPECT_TRUE(contains(profile.body, "jamais"));

  Client api(srv.port());
  auto me = api.get("/api/v1/me", {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(me.status, 200);
  auto j = nlohmann::json::parse(me.body);
  EXPECT_EQ(j["email"], "ines@exemple.fr");
  EXPECT_EQ(j["role"], "coordinator");
  EXPECT_EQ(j["territory"]["slug"], "t1");
  EXPECT_GT(store::api_tokens_of_user(srv.store(), uid)[0].last_used_at, 0) << "last use recorded";
  EXPECT_FALSE(contains(c.get("/profil").body, "jamais"));

  std::string id = first_match(profile.body, R"re(/profil/jetons/([0-9]+)/supprimer)re");
  ASSERT_FALSE(id.empty());
  Client intruder(srv.port());
  ASSERT_EQ(intruder.login("autre@exemple.fr", kPassword), 303);
  EXPECT_EQ(intruder.post_form("/profil/jetons/" + id + "/supprimer", {}).status, 404) << "not her token";
  EXPECT_EQ(api.get("/api/v1/me", {{"Authorization", "Bearer " + token}}).status, 200);

  auto revoked = c.post_form("/profil/jetons/" + id + "/supprimer", {});
  EXPECT_EQ(revoked.status, 303);
  auto refused = api.get("/api/v1/me", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(refused.status, 401);
  EXPECT_TRUE(nlohmann::json::parse(refused.body).contains("error"));
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM audit_log WHERE entity = 'api_token'"), 2)
      << "creation and revocation logged";
}

TEST_P(AccountsHttp, ApiMeNeedsAuthentication) {
  TestServer srv(GetParam());
  Client c(srv.port());
  auto r = c.get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_TRUE(nlohmann::json::parse(r.body)["error"].is_string());
  EXPECT_EQ(c.get("/api/v1/me", {{"Authorization", "Bearer inconnu"}}).status, 401);
}

// ---- sessions and login limits --------------------------------------------------------------------

TEST_P(AccountsHttp, SessionCookieAttributes) {
  for (bool https : {false, true}) {
    SCOPED_TRACE(https ? "https" : "http");
    config::Config cfg;
    if (https) cfg.public_url = "https://passerelles.exemple.fr/";
    TestServer srv(GetParam(), cfg);
    long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
    fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
    Client c(srv.port());
    c.get("/connexion");
    auto r = c.post_form("/connexion", {{"email", "ines@exemple.fr"}, {"password", kPassword}});
    ASSERT_EQ(r.status, 303);
    std::string cookie;
    for (const auto& sc : r.set_cookies)
      if (sc.rfind(https ? "__Host-passerelles=" : "passerelles=", 0) == 0) cookie = sc;
    ASSERT_FALSE(cookie.empty());
    EXPECT_TRUE(contains(cookie, "; HttpOnly"));
    EXPECT_TRUE(contains(cookie, "; SameSite=Lax"));
    EXPECT_TRUE(contains(cookie, "; Path=/"));
    EXPECT_FALSE(contains(cookie, "Domain="));
    EXPECT_FALSE(contains(cookie, "Max-Age")) << "a browser-session cookie";
    EXPECT_EQ(contains(cookie, "; Secure"), https);
    EXPECT_EQ(c.get("/tableau-de-bord").status, 200);
  }
}

TEST_P(AccountsHttp, SessionsExpireWhenIdleAndAfterTheirMaximumAge) {
  TestServer srv(GetParam());  // 120 minutes idle, 12 hours at most
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
  Client c(srv.port());
  std::string now = std::to_string(store::now_unix());

  ASSERT_EQ(c.login("ines@exemple.fr", kPassword), 303);
  exec(srv.store(), "UPDATE sessions SET last_seen_at = " + now + " - 119 * 60");
  EXPECT_EQ(c.get("/tableau-de-bord").status, 200) << "idle 119 minutes: still valid";
  exec(srv.store(), "UPDATE sessions SET last_seen_at = " + now + " - 121 * 60");
  auto idle = c.get("/tableau-de-bord");
  EXPECT_EQ(idle.status, 303) << "idle 121 minutes: expired";
  EXPECT_EQ(idle.header("location").rfind("/connexion", 0), 0u);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM sessions"), 0) << "the expired session is deleted";

  ASSERT_EQ(c.login("ines@exemple.fr", kPassword), 303);
  exec(srv.store(), "UPDATE sessions SET created_at = " + now + " - 11 * 3600");
  EXPECT_EQ(c.get("/tableau-de-bord").status, 200) << "11 hours old and active: still valid";
  exec(srv.store(), "UPDATE sessions SET created_at = " + now + " - 12 * 3600 - 60");
  EXPECT_EQ(c.get("/tableau-de-bord").status, 303) << "older than 12 hours: expired though active";
}

TEST_P(AccountsHttp, RepeatedFailuresGive429InFrench) {
  TestServer srv(GetParam());
  Client c(srv.port());
  // Three free tries, then a delay of 1, 2, 4… seconds: an attempt inside the delay is refused. The delay is
  // counted in whole seconds, so the attempt right after the 4th failure may just miss the 1-second one.
  HttpResult r;
  int failures = 0;
  for (; failures < 8; ++failures) {
    c.get("/connexion");
    r = c.post_form("/connexion", {{"email", "personne@exemple.fr"}, {"password", "mauvais mot de passe"}});
    if (r.status != 401) break;
  }
  EXPECT_EQ(r.status, 429);
  EXPECT_GE(failures, 4) << "three free tries and one without delay";
  EXPECT_LE(failures, 5);
  EXPECT_TRUE(contains(r.body, "Trop de tentatives. Réessayez dans"));
}

TEST_P(AccountsHttp, LockedAccountStaysLockedEvenWithTheRightPassword) {
  config::Config cfg;
  cfg.trust_proxy = "true";  // each attempt from another address: only the account lock applies
  TestServer srv(GetParam(), cfg);
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  long long uid = fixture::seed_user(srv.store(), "ines@exemple.fr", domain::Role::coordinator, t);
  Client c(srv.port());
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(login_from(c, "192.0.2." + std::to_string(i + 1), "ines@exemple.fr", "mauvais mot de passe").status, 401)
        << i;
  auto locked = login_from(c, "198.51.100.7", "ines@exemple.fr", kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_TRUE(contains(locked.body, "Ce compte est temporairement bloqué"));
  EXPECT_EQ(c.get("/tableau-de-bord").status, 303) << "no session was opened";

  exec(srv.store(), "UPDATE users SET locked_until = " + std::to_string(store::now_unix() - 1) +
                        " WHERE id = " + std::to_string(uid));
  EXPECT_EQ(login_from(c, "198.51.100.8", "ines@exemple.fr", kPassword).status, 303) << "the lock has ended";
  EXPECT_EQ(count(srv.store(), "SELECT failed_logins FROM users WHERE id = " + std::to_string(uid)), 0);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM audit_log WHERE action = 'login'"), 1);
}

// ---- users and territories ------------------------------------------------------------------------

TEST_P(AccountsHttp, CoordinatorManagesTheAccountsOfHerTerritoryOnly) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  long long t1 = fixture::seed_territory(srv.store(), "t1", {"025"});
  long long t2 = fixture::seed_territory(srv.store(), "t2", {"062"});
  long long coord = fixture::seed_user(srv.store(), "coord@exemple.fr", domain::Role::coordinator, t1);
  fixture::seed_user(srv.store(), "voisine@exemple.fr", domain::Role::ambassador, t1);
  long long foreign = fixture::seed_user(srv.store(), "ailleurs@exemple.fr", domain::Role::ambassador, t2);
  Client c(srv.port());
  ASSERT_EQ(c.login("coord@exemple.fr", kPassword), 303);

  auto list = c.get("/utilisateurs");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "voisine@exemple.fr"));
  EXPECT_FALSE(contains(list.body, "ailleurs@exemple.fr"));
  EXPECT_FALSE(contains(list.body, "value=\"admin\"")) << "admin is not offered";

  auto admin =
      c.post_form("/utilisateurs", {{"display_name", "Pirate"}, {"email", "pirate@exemple.fr"}, {"role", "admin"}});
  EXPECT_EQ(admin.status, 422);
  EXPECT_TRUE(contains(admin.body, "aria-describedby=\"role-error\""));
  EXPECT_FALSE(store::user_by_email(srv.store(), "pirate@exemple.fr"));

  auto dup = c.post_form("/utilisateurs",
                         {{"display_name", "Doublon"}, {"email", "voisine@exemple.fr"}, {"role", "ambassador"}});
  EXPECT_EQ(dup.status, 422);
  EXPECT_TRUE(contains(dup.body, "Un compte existe déjà"));

  auto created = c.post_form(
      "/utilisateurs",
      {{"display_name", "Léa Dupont"}, {"email", "lea@exemple.fr"}, {"role", "ambassador"}, {"territoire", "t2"}});
  EXPECT_EQ(created.status, 303);
  EXPECT_EQ(created.header("location"), "/utilisateurs?msg=compte-cree");
  auto lea = store::user_by_email(srv.store(), "lea@exemple.fr");
  ASSERT_TRUE(lea);
  EXPECT_EQ(lea->territory_id, t1) << "always in her own territory, whatever the form says";
  EXPECT_EQ(lea->role, domain::Role::ambassador);

  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: lea@exemple.fr"));
  std::string token = link_token(mails[0]);
  ASSERT_FALSE(token.empty());
  Client invitee(srv.port());
  EXPECT_EQ(invitee.get("/mot-de-passe/nouveau?jeton=" + token).status, 200);
  EXPECT_EQ(invitee
                .post_form("/mot-de-passe/nouveau", {{"jeton", token},
                                                     {"password", "ma phrase secrète à moi"},
                                                     {"password_confirm", "ma phrase secrète à moi"}})
                .status,
            303);
  EXPECT_EQ(invitee.login("lea@exemple.fr", "ma phrase secrète à moi"), 303);

  EXPECT_EQ(c.post_form("/utilisateurs/" + std::to_string(foreign) + "/desactiver", {}).status, 404);
  EXPECT_TRUE(store::user_by_id(srv.store(), foreign)->active);
  EXPECT_EQ(c.post_form("/utilisateurs/" + std::to_string(coord) + "/desactiver", {}).status, 400);

  std::string tok = "psl_jeton-de-lea-0123456789";
  store::insert_api_token(srv.store(), lea->id, "lea", http::token_hash(tok), tok.substr(0, 10));
  auto off = c.post_form("/utilisateurs/" + std::to_string(lea->id) + "/desactiver", {});
  EXPECT_EQ(off.status, 303);
  EXPECT_FALSE(store::user_by_id(srv.store(), lea->id)->active);
  EXPECT_EQ(invitee.get("/tableau-de-bord").status, 303) << "her session ended";
  EXPECT_EQ(Client(srv.port()).login("lea@exemple.fr", "ma phrase secrète à moi"), 401);
  EXPECT_EQ(Client(srv.port()).get("/api/v1/me", {{"Authorization", "Bearer " + tok}}).status, 401);
  EXPECT_TRUE(contains(c.get("/utilisateurs").body, "Désactivé"));

  EXPECT_EQ(count(srv.store(),
                  "SELECT COUNT(*) FROM audit_log WHERE entity = 'user' AND action IN ('create', "
                  "'deactivate') AND territory_id = " +
                      std::to_string(t1)),
            2);
  Client amb(srv.port());
  ASSERT_EQ(amb.login("voisine@exemple.fr", kPassword), 303);
  EXPECT_EQ(amb.get("/utilisateurs").status, 403);
  EXPECT_EQ(
      amb.post_form("/utilisateurs", {{"display_name", "X"}, {"email", "x@exemple.fr"}, {"role", "viewer"}}).status,
      403);
}

TEST_P(AccountsHttp, OnlyAnAdminManagesTerritories) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  long long t1 = fixture::seed_territory(srv.store(), "t1", {"025"});
  fixture::seed_user(srv.store(), "coord@exemple.fr", domain::Role::coordinator, t1);
  fixture::seed_user(srv.store(), "admin@exemple.fr", domain::Role::admin, 0);

  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord@exemple.fr", kPassword), 303);
  EXPECT_EQ(coord.get("/territoires").status, 403);
  EXPECT_EQ(
      coord.post_form("/territoires", {{"slug", "t9"}, {"name", "T9"}, {"kind", "cmq"}, {"departments", "025"}}).status,
      403);
  EXPECT_EQ(coord
                .post_form("/territoires/coordinatrices",
                           {{"territoire", "t1"}, {"coord_name", "X"}, {"coord_email", "x@exemple.fr"}})
                .status,
            403);
  EXPECT_FALSE(store::territory_by_slug(srv.store(), "t9"));

  Client admin(srv.port());
  ASSERT_EQ(admin.login("admin@exemple.fr", kPassword), 303);
  EXPECT_EQ(admin.get("/territoires").status, 200);
  auto bad = admin.post_form(
      "/territoires",
      {{"slug", "Pas Bon"}, {"name", ""}, {"kind", "autre"}, {"departments", "1234"}, {"road_factor", "beaucoup"}});
  EXPECT_EQ(bad.status, 422);
  for (const char* field : {"slug", "name", "kind", "departments", "road_factor"})
    EXPECT_TRUE(contains(bad.body, std::string("aria-describedby=\"") + field + "-error\"")) << field;
  EXPECT_EQ(
      admin.post_form("/territoires", {{"slug", "t1"}, {"name", "Doublon"}, {"kind", "cmq"}, {"departments", "25"}})
          .status,
      422)
      << "slug already taken";

  auto ok = admin.post_form("/territoires", {{"slug", "ti-flandre"},
                                             {"name", "Territoire d’industrie Flandre"},
                                             {"kind", "industry_territory"},
                                             {"departments", "59, 62"},
                                             {"academy", "Lille"},
                                             {"road_factor", "1,25"}});
  EXPECT_EQ(ok.status, 303);
  auto t = store::territory_by_slug(srv.store(), "ti-flandre");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->departments, (std::vector<std::string>{"059", "062"}));
  EXPECT_EQ(t->kind, "industry_territory");
  EXPECT_DOUBLE_EQ(t->road_factor, 1.25);
  std::string back = ok.header("location");
  back = back.substr(0, back.find('#'));  // browsers do not send the fragment
  auto listed = admin.get(back);
  EXPECT_TRUE(contains(listed.body, "value=\"ti-flandre\" selected"));
  EXPECT_TRUE(contains(listed.body, "Aucune — en ajouter une")) << "no coordinator yet";
  EXPECT_TRUE(contains(admin.get("/profil").body, "Tous les territoires"));

  auto admin_role = admin.post_form(
      "/territoires/coordinatrices",
      {{"territoire", "ti-flandre"}, {"coord_name", "Camille Martin"}, {"coord_email", "pas-une-adresse"}});
  EXPECT_EQ(admin_role.status, 422);
  EXPECT_TRUE(contains(admin_role.body, "aria-describedby=\"coord_email-error\""));
  auto first = admin.post_form(
      "/territoires/coordinatrices",
      {{"territoire", "ti-flandre"}, {"coord_name", "Camille Martin"}, {"coord_email", "camille@exemple.fr"}});
  EXPECT_EQ(first.status, 303);
  auto camille = store::user_by_email(srv.store(), "camille@exemple.fr");
  ASSERT_TRUE(camille);
  EXPECT_EQ(camille->role, domain::Role::coordinator);
  EXPECT_EQ(camille->territory_id, t->id);
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_FALSE(link_token(mails[0]).empty());

  // The admin picks the territory whose accounts and journal she looks at.
  auto chooser = admin.get("/utilisateurs");
  EXPECT_EQ(chooser.status, 200);
  EXPECT_TRUE(contains(chooser.body, "/utilisateurs?territoire=ti-flandre"));
  EXPECT_TRUE(contains(admin.get("/utilisateurs?territoire=ti-flandre").body, "camille@exemple.fr"));
  EXPECT_EQ(admin.get("/utilisateurs?territoire=inconnu").status, 404);
  EXPECT_TRUE(contains(admin.get("/journal?territoire=ti-flandre").body, "Création — territoire"));
}

TEST_P(AccountsHttp, NavigationShowsTheLinksOfTheRole) {
  TestServer srv(GetParam());
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  fixture::seed_user(srv.store(), "coord@exemple.fr", domain::Role::coordinator, t);
  fixture::seed_user(srv.store(), "amb@exemple.fr", domain::Role::ambassador, t);
  fixture::seed_user(srv.store(), "admin@exemple.fr", domain::Role::admin, 0);
  struct Case {
    const char* email;
    bool editor, admin;
  };
  for (const auto& k : {Case{"coord@exemple.fr", true, false}, Case{"amb@exemple.fr", false, false},
                        Case{"admin@exemple.fr", true, true}}) {
    SCOPED_TRACE(k.email);
    Client c(srv.port());
    ASSERT_EQ(c.login(k.email, kPassword), 303);
    auto page = c.get("/profil");
    EXPECT_EQ(contains(page.body, "href=\"/utilisateurs\""), k.editor);
    EXPECT_EQ(contains(page.body, "href=\"/journal\""), k.editor);
    EXPECT_EQ(contains(page.body, "href=\"/territoires\""), k.admin);
    EXPECT_EQ(c.get("/journal").status, k.editor ? 200 : 403);
  }
}

// ---- audit log ------------------------------------------------------------------------------------

TEST_P(AccountsHttp, JournalShowsTheTerritoryNewestFirstByPages) {
  TestServer srv(GetParam());
  long long t1 = fixture::seed_territory(srv.store(), "t1", {"025"});
  long long t2 = fixture::seed_territory(srv.store(), "t2", {"062"});
  fixture::seed_user(srv.store(), "coord@exemple.fr", domain::Role::coordinator, t1);
  srv.store().write([&](soci::session& sql) {
    for (int i = 1; i <= 60; ++i)
      store::audit(sql, t1, 0, "quelqu-une", "update", "organisation", i, "entrée-" + std::to_string(i) + "-fin");
    store::audit(sql, t2, 0, "ailleurs", "update", "organisation", 1, "entrée-secrète-de-t2");
  });
  Client c(srv.port());
  ASSERT_EQ(c.login("coord@exemple.fr", kPassword), 303);  // logged too: the newest entry
  auto p1 = c.get("/journal");
  EXPECT_EQ(p1.status, 200);
  EXPECT_TRUE(contains(p1.body, "<td>Connexion</td>"));
  EXPECT_TRUE(contains(p1.body, "entrée-60-fin"));
  EXPECT_TRUE(contains(p1.body, "entrée-12-fin"));
  EXPECT_FALSE(contains(p1.body, "entrée-11-fin")) << "50 entries a page";
  EXPECT_LT(p1.body.find("entrée-60-fin"), p1.body.find("entrée-59-fin")) << "newest first";
  EXPECT_TRUE(contains(p1.body, "href=\"/journal?page=2\""));
  EXPECT_FALSE(contains(p1.body, "entrée-secrète-de-t2"));
  auto p2 = c.get("/journal?page=2");
  EXPECT_TRUE(contains(p2.body, "entrée-1-fin"));
  EXPECT_TRUE(contains(p2.body, "entrée-11-fin"));
  EXPECT_FALSE(contains(p2.body, "entrée-12-fin"));
  EXPECT_TRUE(contains(p2.body, "href=\"/journal?page=1\""));
  EXPECT_FALSE(contains(p2.body, "page=3"));
  EXPECT_EQ(c.get("/journal?page=abc").status, 200);
}

// ---- OpenAPI --------------------------------------------------------------------------------------

TEST_P(AccountsHttp, OpenApiDocumentDescribesEveryApiRoute) {
  TestServer srv(GetParam());
  Client c(srv.port());
  auto r = c.get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200) << "public";
  EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u);
  nlohmann::json doc = nlohmann::json::parse(r.body);
  EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.0", 0), 0u);
  EXPECT_EQ(doc["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
  const auto& error = doc["components"]["schemas"]["Error"]["properties"];
  EXPECT_TRUE(error.contains("error"));
  EXPECT_TRUE(error.contains("fields"));
  const auto& paths = doc["paths"];
  int api_routes = 0;
  for (const auto& route : srv.app().router.routes()) {
    if (route.pattern.rfind("/api/v1/", 0) != 0) continue;
    ++api_routes;
    std::string method = route.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern << " is not in src/api/openapi.json";
    EXPECT_TRUE(paths[route.pattern].contains(method)) << route.method << " " << route.pattern;
  }
  EXPECT_GE(api_routes, 2);
  for (const char* p : {"/api/v1/schools", "/api/v1/schools/{uai}", "/api/v1/organisations",
                        "/api/v1/organisations/{id}", "/api/v1/people", "/api/v1/people/{id}", "/api/v1/me"})
    EXPECT_TRUE(paths.contains(p)) << p;
  // Every $ref points at something that exists.
  std::function<void(const nlohmann::json&)> check_refs = [&](const nlohmann::json& j) {
    if (j.is_object()) {
      if (j.contains("$ref")) {
        std::string ref = j["$ref"];
        ASSERT_EQ(ref.rfind("#/", 0), 0u);
        EXPECT_NO_THROW(doc.at(nlohmann::json::json_pointer(ref.substr(1)))) << ref;
      }
      for (const auto& [k, v] : j.items()) check_refs(v);
    } else if (j.is_array()) {
      for (const auto& v : j) check_refs(v);
    }
  };
  check_refs(doc);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsHttp, ::testing::ValuesIn(fixture::engines()));
