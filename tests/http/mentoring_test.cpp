// HTTP tests of mentoring, on every engine: the coordinator's programme (422 French messages next to the fields,
// another territory's programme is 404, roles), the public application of an adult and of an under-15 (vouch and
// consent links caught by a real SMTP server; a GET changes nothing), the ambassador joins, the matching run and
// its acceptance with e-mails that carry no address of the mentee, the logged channel whose notices carry no body.
#include <gtest/gtest.h>

#include <regex>

#include "store/accounts.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

long long count(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << sql_text, soci::into(n);
    return n;
  });
}

std::string status_of_application(store::Store& s, const std::string& first_name) {
  return s.read([&](soci::session& sql) {
    std::string st;
    sql << "SELECT status FROM mentee_applications WHERE first_name = :f", soci::use(first_name), soci::into(st);
    return st;
  });
}

std::string link_in(const std::string& mail, const std::string& path) {
  std::smatch m;
  std::regex re(path + "([A-Za-z0-9_-]{32})");
  return std::regex_search(mail, m, re) ? m[1].str() : "";
}

struct World {
  long long ta = 0, tb = 0, ambassador = 0;
};

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  seed_user(s, "coord@ta.fr", domain::Role::coordinator, w.ta);
  seed_user(s, "coord@tb.fr", domain::Role::coordinator, w.tb);
  seed_user(s, "prof@ac-besancon.fr", domain::Role::school_contact, w.ta);
  long long ines_user = seed_user(s, "ines@ta.fr", domain::Role::ambassador, w.ta);
  s.write([&](soci::session& sql) {
    sql << "INSERT INTO communes (insee, name, department, lat, lon) VALUES ('25056', 'Besançon', '25', 47.24, "
           "6.02)";
    sql << "INSERT INTO schools (uai, name, kind, department, commune_name, search, updated_at) VALUES ('" +
               uai_from_digits("0251234") +
               "', 'Lycée Lucie Aubrac', 'lycee', '025', 'Besançon', 'lycee lucie "
               "aubrac besancon', 1)";
    sql << "INSERT INTO ambassadors (territory_id, user_id, status, first_name, last_name, email, job_title, domain, "
           "home_commune_insee, max_km, weekly, max_per_month, offers, unsubscribe_token, created_at, updated_at) "
           "VALUES (:t, :u, 'active', 'Inès', 'Marchal', 'ines@ta.fr', 'Usineuse', 'usinage', '25056', 30, 'wed-pm', "
           "2, 'talk,mentor', 'unsub-ines-0000000000000000000', 1, 1) RETURNING id",
        soci::use(w.ta), soci::use(ines_user), soci::into(w.ambassador);
  });
  return w;
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

std::vector<std::pair<std::string, std::string>> programme_form(const std::string& name, const std::string& ends) {
  return {{"name", name},      {"audience", "lyceennes"}, {"starts_on", "2026-01-05"}, {"ends_on", ends},
          {"description", ""}, {"remote_allowed", "1"},   {"status", "open"}};
}

std::vector<std::pair<std::string, std::string>> application_form(const std::string& first, const std::string& birth,
                                                                  const std::string& email) {
  return {{"first_name", first},
          {"last_name", "Bernard"},
          {"birth_month", birth},
          {"email", email},
          {"commune", "25056"},
          {"school", uai_from_digits("0251234")},
          {"class_level", "3e"},
          {"voucher_name", "Mme Prof"},
          {"voucher_email", "prof@ac-besancon.fr"},
          {"guardian_name", "M. Bernard"},
          {"guardian_email", "parent.bernard@exemple.fr"},
          {"domains", "usinage"},
          {"weekly", "wed-pm"},
          {"remote_ok", "1"},
          {"motivation", "Découvrir l’usinage."}};
}

}  // namespace

class MentoringHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(MentoringHttp, ProgrammeApplicationsVouchConsentMatchingAndChannel) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  auto& s = srv.store();
  World w = seed(s);
  ASSERT_GT(w.ambassador, 0);

  // Roles: anonymous -> login; an ambassador -> 403.
  EXPECT_EQ(Client(srv.port()).get("/parrainage").status, 303);
  Client ines(srv.port());
  ASSERT_EQ(ines.login("ines@ta.fr", kPassword), 303);
  EXPECT_EQ(ines.get("/parrainage").status, 403);

  // The coordinator creates a programme: a bad period is refused next to the field, then a good one.
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord@ta.fr", kPassword), 303);
  auto form_page = coord.get("/parrainage/programmes/nouveau");
  ASSERT_EQ(form_page.status, 200);
  expect_accessible(form_page.body, "programme form");
  auto bad = coord.post_form("/parrainage/programmes/nouveau", programme_form("Marrainage 2026", "2025-01-01"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "La fin du programme doit suivre son début."));
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM mentoring_programmes"), 0);
  auto created = coord.post_form("/parrainage/programmes/nouveau", programme_form("Marrainage 2026", "2026-12-31"));
  ASSERT_EQ(created.status, 303) << created.body;
  long long id = id_from_location(created.header("location"));
  ASSERT_GT(id, 0);
  const std::string prog = "/parrainage/programmes/" + std::to_string(id);
  auto shown = coord.get(prog);
  ASSERT_EQ(shown.status, 200);
  expect_accessible(shown.body, "programme page");
  EXPECT_TRUE(contains(shown.body, "Lancer l’appariement"));
  expect_accessible(coord.get("/parrainage").body, "programmes list");
  Client other(srv.port());
  ASSERT_EQ(other.login("coord@tb.fr", kPassword), 303);
  EXPECT_EQ(other.get(prog).status, 404);
  EXPECT_EQ(other.post_form(prog + "/appariement", {}).status, 404);

  // The public form; refused fields keep nothing.
  Client girl(srv.port());
  auto apply_page = girl.get(prog + "/candidature");
  ASSERT_EQ(apply_page.status, 200);
  expect_accessible(apply_page.body, "application form");
  EXPECT_EQ(girl.get("/parrainage/programmes/999999/candidature").status, 404);
  auto refused = girl.post_form(prog + "/candidature", {{"first_name", ""}, {"birth_month", "2012-13"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "Indiquez le mois de naissance sous la forme aaaa-mm, par exemple 2010-04."));
  EXPECT_TRUE(contains(refused.body, "Dites en quelques mots ce que vous attendez d’une marraine."));
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM mentee_applications"), 0);

  // A 16-year-old (born in 2010, applying in 2026 or later… at least 15): submitted, her school contact e-mailed.
  auto lina = girl.post_form(prog + "/candidature", application_form("Lina", "2010-01", "lina@exemple.fr"));
  ASSERT_EQ(lina.status, 303) << lina.body;
  EXPECT_EQ(status_of_application(s, "Lina"), "submitted");
  auto mails = sink.wait_for(2);
  std::string vouch;
  for (const auto& m : mails)
    if (contains(m, "X-Envelope-To: prof@ac-besancon.fr")) vouch = link_in(m, "/parrainage/caution/");
  ASSERT_EQ(vouch.size(), 32u);
  // The school contact's page: a GET changes nothing; the POST vouches.
  Client prof(srv.port());
  auto vouch_page = prof.get("/parrainage/caution/" + vouch);
  ASSERT_EQ(vouch_page.status, 200);
  expect_accessible(vouch_page.body, "vouch page");
  EXPECT_EQ(vouch_page.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(status_of_application(s, "Lina"), "submitted");
  ASSERT_EQ(prof.post_form("/parrainage/caution/" + vouch, {}).status, 303);
  EXPECT_EQ(status_of_application(s, "Lina"), "ready");
  EXPECT_EQ(Client(srv.port()).get("/parrainage/caution/inconnu-inconnu-inconnu-inconnu-00").status, 404);

  // Inès joins (a capacity of 9 is refused), the coordinator runs the matching and accepts.
  auto member = ines.get("/collectif/parrainage");
  ASSERT_EQ(member.status, 200);
  expect_accessible(member.body, "ambassador mentoring page");
  auto too_many = ines.post_form("/collectif/parrainage/programmes/" + std::to_string(id) + "/rejoindre",
                                 {{"capacity", "9"}, {"remote", "1"}});
  EXPECT_EQ(too_many.status, 422);
  EXPECT_TRUE(contains(too_many.body, "Choisissez de 1 à 5 filleules."));
  ASSERT_EQ(ines.post_form("/collectif/parrainage/programmes/" + std::to_string(id) + "/rejoindre",
                           {{"capacity", "2"}, {"remote", "1"}})
                .status,
            303);
  ASSERT_EQ(coord.post_form(prog + "/appariement", {}).status, 303);
  long long pair = s.read([&](soci::session& sql) {
    long long p = 0;
    sql << "SELECT id FROM mentoring_pairs WHERE status = 'proposed'", soci::into(p);
    return p;
  });
  ASSERT_GT(pair, 0);
  EXPECT_EQ(other.post_form("/parrainage/binomes/" + std::to_string(pair) + "/accepter", {}).status, 404);
  std::size_t before = sink.messages().size();
  ASSERT_EQ(coord.post_form("/parrainage/binomes/" + std::to_string(pair) + "/accepter", {}).status, 303);
  EXPECT_EQ(status_of_application(s, "Lina"), "matched");
  mails = sink.wait_for(before + 2);
  bool mentor_told = false;
  for (std::size_t i = before; i < mails.size(); ++i)
    if (contains(mails[i], "X-Envelope-To: ines@ta.fr")) {
      mentor_told = true;
      EXPECT_TRUE(contains(mails[i], "Lina B."));
      EXPECT_FALSE(contains(mails[i], "lina@exemple.fr")) << "never the mentee's address";
      EXPECT_FALSE(contains(mails[i], "parent.bernard")) << "never the guardian's address";
    }
  EXPECT_TRUE(mentor_told);

  // Her pair, seen by Inès: the first name and initial, never an address.
  auto pair_page = ines.get("/collectif/parrainage/binomes/" + std::to_string(pair));
  ASSERT_EQ(pair_page.status, 200);
  expect_accessible(pair_page.body, "mentor's pair page");
  EXPECT_TRUE(contains(pair_page.body, "Lina B."));
  EXPECT_FALSE(contains(pair_page.body, "lina@exemple.fr"));
  EXPECT_EQ(other.get("/parrainage/binomes/" + std::to_string(pair)).status, 404);

  // The mentee writes from her private page: the mentor gets a notice without the body.
  std::string token = s.read([&](soci::session& sql) {
    std::string t;
    sql << "SELECT token FROM mentee_applications WHERE first_name = 'Lina'", soci::into(t);
    return t;
  });
  auto follow = girl.get("/parrainage/suivi/" + token);
  ASSERT_EQ(follow.status, 200);
  expect_accessible(follow.body, "mentee's private page");
  EXPECT_TRUE(contains(follow.body, "Inès, Usineuse."));
  EXPECT_FALSE(contains(follow.body, "ines@ta.fr"));
  before = sink.messages().size();
  EXPECT_EQ(girl.post_form("/parrainage/suivi/" + token + "/messages", {{"body", ""}}).status, 422);
  ASSERT_EQ(
      girl.post_form("/parrainage/suivi/" + token + "/messages", {{"body", "Question secrète sur le BTS"}}).status,
      303);
  mails = sink.wait_for(before + 1);
  ASSERT_GT(mails.size(), before);
  EXPECT_TRUE(contains(mails.back(), "un nouveau message vous attend"));
  EXPECT_FALSE(contains(mails.back(), "Question secrète"));
  EXPECT_TRUE(contains(coord.get("/parrainage/binomes/" + std::to_string(pair)).body, "Question secrète sur le BTS"));

  // An under-15: vouched from the school contact's account, then the guardian's consent (a GET changes nothing).
  ASSERT_EQ(girl.post_form(prog + "/candidature", application_form("Maya", "2014-01", "")).status, 303);
  Client prof_account(srv.port());
  ASSERT_EQ(prof_account.login("prof@ac-besancon.fr", kPassword), 303);
  auto to_vouch = prof_account.get("/parrainage/cautions");
  ASSERT_EQ(to_vouch.status, 200);
  expect_accessible(to_vouch.body, "school contact's list");
  EXPECT_TRUE(contains(to_vouch.body, "Maya B."));
  long long maya = s.read([&](soci::session& sql) {
    long long i = 0;
    sql << "SELECT id FROM mentee_applications WHERE first_name = 'Maya'", soci::into(i);
    return i;
  });
  before = sink.messages().size();
  ASSERT_EQ(prof_account.post_form("/parrainage/cautions/" + std::to_string(maya), {}).status, 303);
  EXPECT_EQ(status_of_application(s, "Maya"), "awaiting_consent");
  mails = sink.wait_for(before + 1);
  std::string consent = link_in(mails.back(), "/parrainage/consentement/");
  ASSERT_EQ(consent.size(), 32u);
  EXPECT_TRUE(contains(mails.back(), "X-Envelope-To: parent.bernard@exemple.fr"));
  auto consent_page = Client(srv.port()).get("/parrainage/consentement/" + consent);
  ASSERT_EQ(consent_page.status, 200);
  expect_accessible(consent_page.body, "consent page");
  EXPECT_EQ(status_of_application(s, "Maya"), "awaiting_consent");
  // Before consent: the matching leaves her out.
  ASSERT_EQ(coord.post_form(prog + "/appariement", {}).status, 303);
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM mentoring_pairs WHERE application_id = " + std::to_string(maya)), 0);
  Client parent(srv.port());
  parent.get("/parrainage/consentement/" + consent);
  ASSERT_EQ(parent.post_form("/parrainage/consentement/" + consent, {}).status, 303);
  EXPECT_EQ(status_of_application(s, "Maya"), "ready");
  ASSERT_EQ(coord.post_form(prog + "/appariement", {}).status, 303);
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM mentoring_pairs WHERE status = 'proposed' AND application_id = " +
                         std::to_string(maya)),
            1);
}

INSTANTIATE_TEST_SUITE_P(Engines, MentoringHttp, ::testing::ValuesIn(fixture::engines()));
