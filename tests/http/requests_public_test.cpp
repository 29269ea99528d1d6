// HTTP tests of the teacher's intervention request, on every engine: the form and its school datalist, French
// messages next to the fields with everything typed kept and nothing stored, the « Vérifiez votre messagerie » page
// that never shows the private link, the e-mail caught by a real SMTP server whose link confirms (by POST only) and
// tells the coordinators, the private page, editing, cancelling, unknown tokens and the rate limit.
#include <gtest/gtest.h>

#include <regex>

#include "domain/event.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

struct World {
  long long ta = 0, tb = 0;
  long long school = 0;  // Collège Lucie Aubrac, Besançon (ta)
  std::string school_uai;
  std::string calais_uai;  // Collège Jean Macé, Calais (tb)
  std::string today;
};

long long count(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << sql_text, soci::into(n);
    return n;
  });
}

long long add_school(store::Store& s, const std::string& uai, const std::string& name, const std::string& dep,
                     const std::string& commune) {
  std::string search = domain::fold(name + " " + commune + " " + uai);
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO schools (uai, name, kind, sector, commune_name, department, priority_education, search, "
           "updated_at) VALUES (:u, :n, 'college', 'public', :cn, :d, 'REP', :s, 1) RETURNING id",
        soci::use(uai), soci::use(name), soci::use(commune), soci::use(dep), soci::use(search), soci::into(id);
    return id;
  });
}

World seed(store::Store& s) {
  World w;
  w.today = domain::paris_day(store::now_unix());
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  w.school_uai = uai_from_digits("0251234");
  w.school = add_school(s, w.school_uai, "Collège Lucie Aubrac", "025", "Besançon");
  add_school(s, uai_from_digits("0251235"), "Collège Victor Hugo", "025", "Besançon");
  add_school(s, uai_from_digits("0251236"), "Lycée Victor Hugo", "025", "Besançon");
  w.calais_uai = uai_from_digits("0621111");
  add_school(s, w.calais_uai, "Collège Jean Macé", "062", "Calais");
  add_school(s, uai_from_digits("0701111"), "Lycée Hors Territoire", "070", "Vesoul");
  return w;
}

// A weekday at least `in_days` from today.
std::string weekday_after(const std::string& today, int in_days) {
  std::string d = domain::add_days(today, in_days);
  auto weekend = [](const std::string& day) {
    std::string text = domain::day_with_weekday_fr(day);
    return text.rfind("samedi", 0) == 0 || text.rfind("dimanche", 0) == 0;
  };
  while (weekend(d)) d = domain::add_days(d, 1);
  return d;
}

std::vector<std::pair<std::string, std::string>> form(const std::string& school, const std::string& dates,
                                                      const std::string& email = "prof@exemple.fr") {
  return {{"school", school},
          {"contact_name", "Claire Martin"},
          {"email", email},
          {"phone", "06 12 34 56 78"},
          {"role", "professeure de technologie"},
          {"kind", "talk"},
          {"class_levels", "4e"},
          {"class_levels", "3e"},
          {"girls", "12"},
          {"boys", "14"},
          {"needed", "2"},
          {"dates", dates},
          {"domains", "usinage"},
          {"jobs", "usineuse"},
          {"accessibility", ""},
          {"language", ""},
          {"message", "Merci d’avance"}};
}

std::string token_in(const std::string& mail) {
  std::smatch m;
  static const std::regex re("/demandes/([A-Za-z0-9_-]{32})");
  return std::regex_search(mail, m, re) ? m[1].str() : "";
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

}  // namespace

class RequestsPublicHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(RequestsPublicHttp, RequestConfirmedByTheEmailedLinkThenEditedAndCancelled) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  auto& s = srv.store();
  seed_user(s, "coord@exemple.fr", domain::Role::coordinator, w.ta);
  seed_user(s, "coord.b@exemple.fr", domain::Role::coordinator, w.tb);

  Client teacher(srv.port());
  auto page = teacher.get("/demandes/nouvelle");
  ASSERT_EQ(page.status, 200);
  expect_accessible(page.body, "request form");
  EXPECT_TRUE(contains(page.body, "Demander une intervention"));
  EXPECT_TRUE(contains(page.body, "2026-12-08, 2026-12-10..2026-12-18"));
  EXPECT_TRUE(contains(teacher.get("/").body, "href=\"/demandes/nouvelle\"")) << "linked from the home page";

  // The datalist: schools of the territories' départements only.
  auto options = teacher.get("/demandes/etablissements?school=aubrac");
  EXPECT_EQ(options.status, 200);
  std::string label = w.school_uai + " — Collège Lucie Aubrac (Besançon)";
  EXPECT_TRUE(contains(options.body, "<option value=\"" + label + "\">")) << options.body;
  EXPECT_FALSE(contains(teacher.get("/demandes/etablissements?q=vesoul").body, "Hors Territoire"));
  EXPECT_TRUE(contains(teacher.get("/demandes/etablissements?q=victor").body, "Lycée Victor Hugo"));
  EXPECT_FALSE(contains(teacher.get("/demandes/etablissements?q=victor&territoire=tb").body, "Victor Hugo"));

  std::string d1 = weekday_after(w.today, 14), d2 = weekday_after(domain::add_days(d1, 1), 0);
  auto sent = teacher.post_form("/demandes/nouvelle", form(label, d1 + ", " + d2));
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("location"), "/demandes/nouvelle?etat=envoyee");
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM intervention_requests WHERE status = 'unconfirmed' AND school_id = " +
                         std::to_string(w.school) + " AND territory_id = " + std::to_string(w.ta) +
                         " AND email = 'prof@exemple.fr' AND girls = 12 AND boys = 14 AND needed = 2 AND "
                         "class_levels = '3e,4e' AND domains = 'usinage' AND kind = 'talk'"),
            1);
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM request_days"), 2);
  auto check_mail = teacher.get(sent.header("location"));
  ASSERT_EQ(check_mail.status, 200);
  expect_accessible(check_mail.body, "check your mail page");
  EXPECT_TRUE(contains(check_mail.body, "Vérifiez votre messagerie"));

  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: prof@exemple.fr"));
  std::string token = token_in(mails[0]);
  ASSERT_EQ(token.size(), 32u) << mails[0];
  EXPECT_TRUE(contains(mails[0], "/demandes/" + token + "?confirmer=1"));
  EXPECT_FALSE(contains(check_mail.body, token)) << "the private link is only in the e-mail";

  // The e-mailed link, as a mail scanner would follow it: reading it confirms nothing.
  Client other(srv.port());
  auto link = other.get("/demandes/" + token + "?confirmer=1");
  ASSERT_EQ(link.status, 200);
  expect_accessible(link.body, "private page to confirm");
  EXPECT_TRUE(contains(link.body, "Confirmer ma demande"));
  EXPECT_TRUE(contains(link.body, "Collège Lucie Aubrac (Besançon)"));
  EXPECT_TRUE(contains(link.body, domain::day_with_weekday_fr(d1)));
  EXPECT_EQ(link.header("referrer-policy"), "no-referrer");
  EXPECT_TRUE(contains(link.header("x-robots-tag"), "noindex"));
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM intervention_requests WHERE status = 'unconfirmed'"), 1);
  EXPECT_EQ(Client(srv.port()).post_form("/demandes/" + token + "/confirmer", {{"csrf", "faux"}}).status, 403);

  auto confirmed = other.post_form("/demandes/" + token + "/confirmer", {});
  ASSERT_EQ(confirmed.status, 303);
  EXPECT_EQ(confirmed.header("location"), "/demandes/" + token + "?etat=confirmee");
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM intervention_requests WHERE status = 'open' AND confirmed_at > 0"), 1);
  // The coordinator of her territory (only) is told.
  mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_TRUE(contains(mails[1], "X-Envelope-To: coord@exemple.fr"));
  EXPECT_TRUE(contains(mails[1], "Claire Martin"));
  auto after = other.get(confirmed.header("location"));
  EXPECT_TRUE(contains(after.body, "Demande confirmée."));
  EXPECT_FALSE(contains(after.body, "Confirmer ma demande"));
  EXPECT_TRUE(contains(after.body, "En attente d’ambassadrices"));
  // A second confirmation sends nothing more.
  EXPECT_EQ(other.post_form("/demandes/" + token + "/confirmer", {}).status, 303);

  // Edit: the form shows what is stored; a bad date is named and nothing changes; then a good change.
  auto edit = other.get("/demandes/" + token + "/modifier");
  ASSERT_EQ(edit.status, 200);
  expect_accessible(edit.body, "edit form");
  EXPECT_TRUE(contains(edit.body, "value=\"" + label + "\""));
  EXPECT_TRUE(contains(edit.body, d1));
  auto bad = other.post_form("/demandes/" + token + "/modifier", form(label, d1 + ", 2026-02-30", "new@exemple.fr"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "« 2026-02-30 » n’est pas une date"));
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM intervention_requests WHERE email = 'prof@exemple.fr'"), 1);
  std::string d3 = weekday_after(w.today, 30);
  auto changed = other.post_form("/demandes/" + token + "/modifier", form(label, d3, "new@exemple.fr"));
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(changed.header("location"), "/demandes/" + token + "?etat=modifiee");
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM intervention_requests WHERE email = 'new@exemple.fr'"), 1);
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM request_days WHERE day = '" + d3 + "'"), 1);
  EXPECT_EQ(count(s, "SELECT COUNT(*) FROM request_days"), 1);

  // Cancel, with a reason; then the page says so and offers nothing more.
  auto cancelled = other.post_form("/demandes/" + token + "/annuler", {{"reason", "Sortie reportée"}});
  ASSERT_EQ(cancelled.status, 303);
  EXPECT_EQ(count(s,
                  "SELECT COUNT(*) FROM intervention_requests WHERE status = 'cancelled' AND cancelled_by = "
                  "'teacher' AND cancel_reason = 'Sortie reportée'"),
            1);
  auto gone = other.get("/demandes/" + token + "?etat=annulee");
  EXPECT_TRUE(contains(gone.body, "Demande annulée."));
  EXPECT_TRUE(contains(gone.body, "Sortie reportée"));
  EXPECT_FALSE(contains(gone.body, "/demandes/" + token + "/modifier"));
  EXPECT_EQ(other.get("/demandes/" + token + "/modifier").status, 409);
  EXPECT_EQ(other.post_form("/demandes/" + token + "/annuler", {}).status, 409);
  EXPECT_EQ(other.post_form("/demandes/" + token + "/confirmer", {}).status, 409);

  // Unknown tokens.
  for (const char* path : {"/demandes/inconnu-0123456789", "/demandes/inconnu-0123456789/modifier"})
    EXPECT_EQ(other.get(path).status, 404) << path;
  for (const char* path : {"/demandes/inconnu-0123456789/confirmer", "/demandes/inconnu-0123456789/annuler",
                           "/demandes/inconnu-0123456789/modifier"})
    EXPECT_EQ(other.post_form(path, {}).status, 404) << path;
}

TEST_P(RequestsPublicHttp, BadInputGetsFrenchMessagesNextToFieldsAndStoresNothing) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  c.get("/demandes/nouvelle");
  std::string d1 = weekday_after(w.today, 14);

  struct Case {
    std::string field, value, expected;
  };
  const std::vector<Case> cases = {
      {"school", "", "Choisissez votre établissement dans la liste"},
      {"school", "Victor Hugo", "2 établissements correspondent à « Victor Hugo »"},
      {"school", "Collège Imaginaire", "Aucun établissement des territoires de Passerelles"},
      {"school", uai_from_digits("0701111"), "n’est pas dans l’annuaire des territoires"},
      {"email", "pas-une-adresse", "Cette adresse e-mail n’est pas valide"},
      {"girls", "douze", "Indiquez un nombre entier entre 0 et 400."},
      {"dates", "demain", "« demain » n’est pas une date"},
      {"dates", "2020-01-06", "est passé"},
      {"kind", "fete", "Choisissez ce que vous souhaitez"},
      {"needed", "3", "Choisissez une ou deux intervenantes."},
  };
  for (const auto& k : cases) {
    auto fields = form(w.school_uai, d1);
    for (auto& [name, value] : fields)
      if (name == k.field) value = k.value;
    auto res = c.post_form("/demandes/nouvelle", fields);
    EXPECT_EQ(res.status, 422) << k.field << "=" << k.value;
    EXPECT_TRUE(contains(res.body, k.expected)) << k.field << "=" << k.value;
    EXPECT_TRUE(contains(res.body, "id=\"req-" + k.field + "-error\"")) << "the message sits next to " << k.field;
    EXPECT_TRUE(contains(res.body, "Claire Martin")) << "what was typed is kept";
    EXPECT_TRUE(contains(res.body, "Merci d’avance"));
    expect_accessible(res.body, "refused form " + k.field);
  }
  // No class level at all; the checked boxes are kept otherwise.
  auto fields = form(w.school_uai, d1);
  std::erase_if(fields, [](const auto& f) { return f.first == "class_levels"; });
  auto res = c.post_form("/demandes/nouvelle", fields);
  EXPECT_EQ(res.status, 422);
  EXPECT_TRUE(contains(res.body, "Cochez au moins un niveau de classe."));
  EXPECT_EQ(count_rows(srv.store(), "intervention_requests"), 0);

  // ?territoire= keeps its school search in its territory.
  auto in_tb = c.get("/demandes/nouvelle?territoire=tb");
  EXPECT_TRUE(contains(in_tb.body, "name=\"territoire\" value=\"tb\""));
  auto other_territory = form(w.school_uai, d1);
  other_territory.emplace_back("territoire", "tb");
  EXPECT_EQ(c.post_form("/demandes/nouvelle", other_territory).status, 422);
}

TEST_P(RequestsPublicHttp, RequestsAreLimitedPerEmail) {
  TestServer srv(GetParam());  // smtp_url points at a closed port: the page says the e-mail failed
  World w = seed(srv.store());
  Client c(srv.port());
  std::string d1 = weekday_after(w.today, 14);
  auto first = c.post_form("/demandes/nouvelle", form(w.school_uai, d1));
  ASSERT_EQ(first.status, 303);
  EXPECT_EQ(first.header("location"), "/demandes/nouvelle?etat=sans-mail");
  EXPECT_TRUE(contains(c.get(first.header("location")).body, "n’a pas pu être envoyé"));
  for (int i = 1; i < 5; ++i) ASSERT_EQ(c.post_form("/demandes/nouvelle", form(w.school_uai, d1)).status, 303);
  auto limited = c.post_form("/demandes/nouvelle", form(w.school_uai, d1));
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(contains(limited.body, "Trop de demandes"));
  EXPECT_EQ(count_rows(srv.store(), "intervention_requests"), 5);
}

TEST_P(RequestsPublicHttp, ConfirmedRequestShowsFirstNamesAndCancellingTellsTheAmbassadors) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  auto& s = srv.store();
  Client teacher(srv.port());
  std::string d1 = weekday_after(w.today, 14);
  ASSERT_EQ(teacher.post_form("/demandes/nouvelle", form(w.school_uai, d1)).status, 303);
  std::string token = token_in(sink.wait_for(1).at(0));
  ASSERT_EQ(token.size(), 32u);
  ASSERT_EQ(teacher.post_form("/demandes/" + token + "/confirmer", {}).status, 303);
  // Two ambassadors accepted on d1: the request is confirmed (as store/assignments.cpp would leave it).
  s.write([&](soci::session& sql) {
    long long rid = 0;
    sql << "SELECT id FROM intervention_requests WHERE token = :t", soci::use(token), soci::into(rid);
    sql << "UPDATE intervention_requests SET status = 'confirmed', day = :d WHERE id = :id", soci::use(d1),
        soci::use(rid);
    for (const std::string first : {"Inès", "Sarah"}) {
      std::string email = (first == "Inès" ? "ines" : "sarah") + std::string("@exemple.fr");
      std::string unsub = "unsub-" + email, resp = "resp-" + email;
      long long aid = 0;
      sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, job_title, "
             "unsubscribe_token, created_at, updated_at) VALUES (:t, 'active', :f, 'Secretnom', :e, "
             "'Technicienne de maintenance', :u, 1, 1) RETURNING id",
          soci::use(w.ta), soci::use(first), soci::use(email), soci::use(unsub), soci::into(aid);
      sql << "INSERT INTO request_assignments (request_id, ambassador_id, day, status, response_token, created_at, "
             "updated_at) VALUES (:r, :a, :d, 'accepted', :t, 1, 1)",
          soci::use(rid), soci::use(aid), soci::use(d1), soci::use(resp);
    }
  });
  auto page = teacher.get("/demandes/" + token);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<strong>Inès</strong>, Technicienne de maintenance"));
  EXPECT_TRUE(contains(page.body, "<strong>Sarah</strong>"));
  EXPECT_FALSE(contains(page.body, "Secretnom")) << "first name and job only";
  EXPECT_FALSE(contains(page.body, "ines@exemple.fr"));
  EXPECT_TRUE(contains(page.body, "L’intervention est fixée au " + domain::day_with_weekday_fr(d1)));
  EXPECT_FALSE(contains(page.body, "/demandes/" + token + "/modifier")) << "a fixed request is not edited";
  EXPECT_EQ(teacher.post_form("/demandes/" + token + "/modifier", form(w.school_uai, d1)).status, 409);
  expect_accessible(page.body, "confirmed request");

  std::size_t before = sink.messages().size();
  ASSERT_EQ(teacher.post_form("/demandes/" + token + "/annuler", {{"reason", ""}}).status, 303);
  auto mails = sink.wait_for(before + 2);
  ASSERT_EQ(mails.size(), before + 2);
  std::string told;
  for (std::size_t i = before; i < mails.size(); ++i) told += mails[i];
  EXPECT_TRUE(contains(told, "X-Envelope-To: ines@exemple.fr"));
  EXPECT_TRUE(contains(told, "X-Envelope-To: sarah@exemple.fr"));
  EXPECT_EQ(count(s,
                  "SELECT COUNT(*) FROM request_assignments WHERE status = 'cancelled' AND cancelled_by = "
                  "'teacher'"),
            2);
}

INSTANTIATE_TEST_SUITE_P(Engines, RequestsPublicHttp, ::testing::ValuesIn(fixture::engines()));
