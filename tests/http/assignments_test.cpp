// HTTP tests of the ambassador's side of intervention requests on every engine, with a real SMTP sink: her list
// and its answers (another's or another territory's assignment reads as 404, a non-member gets the explanation),
// the confirmation e-mails with their .ics, the report form's French errors, the one-click answer page from the
// e-mail (a GET changes nothing), the .ics download and her calendar feed.
#include "store/assignments.hpp"

#include <gtest/gtest.h>

#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

struct World {
  long long ta = 0, tb = 0, school_a = 0, school_b = 0;
  long long ines = 0, sarah = 0, lea = 0;  // ambassadors rows (Inès and Sarah in A, Léa in B)
};

long long ambassador(store::Store& s, long long territory, const std::string& email, const std::string& first) {
  long long user = seed_user(s, email, domain::Role::ambassador, territory);
  return s.write([&](soci::session& sql) {
    long long id = 0;
    const std::string unsubscribe = "unsub-" + email;
    sql << "INSERT INTO ambassadors (territory_id, user_id, status, first_name, last_name, email, unsubscribe_token, "
           "created_at, updated_at) VALUES (:t, :u, 'active', :f, 'Martin', :e, :tok, 1, 1) RETURNING id",
        soci::use(territory), soci::use(user), soci::use(first), soci::use(email), soci::use(unsubscribe),
        soci::into(id);
    return id;
  });
}

long long school(store::Store& s, const std::string& uai, const std::string& name, const std::string& dep) {
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO schools (uai, name, kind, address, postal_code, commune_name, department, lat, lon, "
           "updated_at) VALUES (:u, :n, 'college', '2 rue Mégevand', '25000', 'Besançon', :d, 47.24, 6.02, 1) "
           "RETURNING id",
        soci::use(uai), soci::use(name), soci::use(dep), soci::into(id);
    return id;
  });
}

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  w.school_a = school(s, "0251080N", "Collège Victor Hugo", "025");
  w.school_b = school(s, "0620161N", "Collège Jean Macé", "062");
  w.ines = ambassador(s, w.ta, "ines@exemple.fr", "Inès");
  w.sarah = ambassador(s, w.ta, "sarah@exemple.fr", "Sarah");
  w.lea = ambassador(s, w.tb, "lea@exemple.fr", "Léa");
  return w;
}

long long request(store::Store& s, long long territory, long long school_id, int needed) {
  static int n = 0;
  std::string token = "teacher-token-" + std::to_string(++n) + "-abcdefghijklmn";
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO intervention_requests (territory_id, status, token, confirmed_at, school_id, contact_name, "
           "email, kind, class_levels, girls, boys, needed, created_at, updated_at) VALUES (:t, 'open', :tok, 1, :s, "
           "'Claire Prof', 'claire.prof@exemple.fr', 'talk', '4e', 12, 14, :n, 1, 1) RETURNING id",
        soci::use(territory), soci::use(token), soci::use(school_id), soci::use(needed), soci::into(id);
    return id;
  });
}

struct Assignment {
  long long id = 0;
  std::string token;
};
Assignment assignment(store::Store& s, long long request_id, long long ambassador_id, const std::string& day) {
  static int n = 0;
  Assignment a;
  a.token = "answer-token-" + std::to_string(++n) + "-abcdefghijklmnop";
  a.id = s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO request_assignments (request_id, ambassador_id, day, status, response_token, why, "
           "invited_at, created_at, updated_at) VALUES (:r, :a, :d, 'invited', :tok, '12 km, 1re intervention', 1, 1, "
           "1) RETURNING id",
        soci::use(request_id), soci::use(ambassador_id), soci::use(day), soci::use(a.token), soci::into(id);
    return id;
  });
  return a;
}

std::string status_of(store::Store& s, long long assignment_id) {
  return s.read([&](soci::session& sql) {
    std::string st;
    sql << "SELECT status FROM request_assignments WHERE id = :id", soci::use(assignment_id), soci::into(st);
    return st;
  });
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

std::string path(long long id, const std::string& what) {
  return "/collectif/interventions/" + std::to_string(id) + what;
}

}  // namespace

class AssignmentsHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(AssignmentsHttp, HerListAnswersConfirmationAndReport) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  const std::string today = domain::paris_day(store::now_unix());
  const std::string day = domain::add_days(today, 10);
  long long r = request(srv.store(), w.ta, w.school_a, 1);
  auto mine = assignment(srv.store(), r, w.ines, day);
  auto hers = assignment(srv.store(), request(srv.store(), w.ta, w.school_a, 1), w.sarah, day);
  auto other_territory = assignment(srv.store(), request(srv.store(), w.tb, w.school_b, 1), w.lea, day);

  Client ines(srv.port());
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  auto list = ines.get("/collectif/interventions");
  ASSERT_EQ(list.status, 200);
  expect_accessible(list.body, "my interventions");
  EXPECT_TRUE(contains(list.body, "Collège Victor Hugo"));
  EXPECT_TRUE(contains(list.body, path(mine.id, "/accepter")));
  EXPECT_TRUE(contains(list.body, "/agenda/"));
  EXPECT_FALSE(contains(list.body, path(hers.id, "/accepter")));
  EXPECT_FALSE(contains(list.body, "claire.prof@exemple.fr"));  // her contact only once accepted

  // Someone else's, another territory's, an unknown id: 404, nothing changes.
  EXPECT_EQ(ines.post_form(path(hers.id, "/accepter"), {}).status, 404);
  EXPECT_EQ(ines.post_form(path(other_territory.id, "/accepter"), {}).status, 404);
  EXPECT_EQ(ines.post_form(path(999999, "/decliner"), {{"reason_choice", "indisponible"}}).status, 404);
  EXPECT_EQ(ines.get(path(hers.id, "/compte-rendu")).status, 404);
  EXPECT_EQ(ines.get(path(hers.id, "/invitation.ics")).status, 404);
  EXPECT_EQ(status_of(srv.store(), hers.id), "invited");
  EXPECT_EQ(status_of(srv.store(), other_territory.id), "invited");

  // A coordinator is no member: the explanation, and answers are refused.
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  auto none = coord.get("/collectif/interventions");
  EXPECT_EQ(none.status, 200);
  EXPECT_TRUE(contains(none.body, "n’est pas relié à une fiche d’ambassadrice"));
  EXPECT_EQ(coord.post_form(path(mine.id, "/accepter"), {}).status, 403);
  Client anonymous(srv.port());
  EXPECT_NE(anonymous.get("/collectif/interventions").status, 200);

  // Declining needs a reason: 422 next to the field.
  auto no_reason = ines.post_form(path(mine.id, "/decliner"), {{"reason_choice", ""}, {"reason_text", " "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "Indiquez la raison"));
  EXPECT_TRUE(contains(no_reason.body, "aria-describedby=\"reason-error-" + std::to_string(mine.id) + "\""));
  expect_accessible(no_reason.body, "decline error");

  // Nothing to report before the day.
  auto early = ines.post_form(path(mine.id, "/compte-rendu"),
                              {{"girls", "10"}, {"boys", "9"}, {"teachers", "1"}, {"duration_minutes", "60"}});
  EXPECT_EQ(early.status, 409);

  auto accepted = ines.post_form(path(mine.id, "/accepter"), {});
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  EXPECT_EQ(accepted.header("location"), "/collectif/interventions?msg=confirmee");
  EXPECT_EQ(status_of(srv.store(), mine.id), "accepted");
  auto mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2u);
  int with_ics = 0;
  for (const auto& m : mails)
    if (contains(m, "filename=\"invitation.ics\"") && contains(m, "method=REQUEST")) ++with_ics;
  EXPECT_EQ(with_ics, 2);  // the teacher and the ambassador
  auto after = ines.get("/collectif/interventions?msg=confirmee");
  EXPECT_TRUE(contains(after.body, "claire.prof@exemple.fr"));
  EXPECT_TRUE(contains(after.body, "L’intervention est confirmée"));

  auto ics = ines.get(path(mine.id, "/invitation.ics"));
  ASSERT_EQ(ics.status, 200);
  EXPECT_TRUE(contains(ics.header("content-type"), "text/calendar"));
  EXPECT_TRUE(contains(ics.body, "UID:intervention-" + std::to_string(mine.id) + "@"));
  EXPECT_TRUE(contains(ics.body, "METHOD:REQUEST"));

  // Cancelling needs a reason, then tells the teacher and the coordinator.
  EXPECT_EQ(ines.post_form(path(mine.id, "/annuler"), {{"reason", ""}}).status, 422);
  auto cancelled = ines.post_form(path(mine.id, "/annuler"), {{"reason", "Réunion imprévue"}});
  ASSERT_EQ(cancelled.status, 303);
  EXPECT_EQ(status_of(srv.store(), mine.id), "cancelled");
  auto all = sink.wait_for(4);
  EXPECT_EQ(all.size(), 4u);
  bool coordinator_told = false;
  for (const auto& m : all)
    if (contains(m, "X-Envelope-To: coord-a@exemple.fr") && contains(m, "Réunion imprévue")) coordinator_told = true;
  EXPECT_TRUE(coordinator_told);
}

TEST_P(AssignmentsHttp, ReportFormErrorsThenCountedAction) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  const std::string today = domain::paris_day(store::now_unix());
  auto a = assignment(srv.store(), request(srv.store(), w.ta, w.school_a, 1), w.ines, today);
  ASSERT_TRUE(store::accept_assignment(srv.store(), a.id, 1).result.ok());
  Client ines(srv.port());
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  auto form = ines.get(path(a.id, "/compte-rendu"));
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "report form");
  EXPECT_TRUE(contains(form.body, "value=\"12\""));  // prefilled with the girls announced

  auto bad = ines.post_form(path(a.id, "/compte-rendu"),
                            {{"girls", "douze"}, {"boys", "3"}, {"teachers", "1"}, {"duration_minutes", "0"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "id=\"report-girls-error\""));
  EXPECT_TRUE(contains(bad.body, "value=\"douze\""));  // what she typed stays
  expect_accessible(bad.body, "report errors");
  auto bad_duration = ines.post_form(path(a.id, "/compte-rendu"),
                                     {{"girls", "12"}, {"boys", "3"}, {"teachers", "1"}, {"duration_minutes", "0"}});
  EXPECT_EQ(bad_duration.status, 422);
  EXPECT_TRUE(contains(bad_duration.body, "id=\"report-duration_minutes-error\""));
  EXPECT_EQ(count_rows(srv.store(), "actions"), 0);

  auto ok = ines.post_form(path(a.id, "/compte-rendu"), {{"girls", "17"},
                                                         {"boys", "3"},
                                                         {"teachers", "2"},
                                                         {"duration_minutes", "90"},
                                                         {"highlight", "Une élève veut devenir soudeuse."}});
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(status_of(srv.store(), a.id), "reported");
  long long girls = srv.store().read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT girls FROM actions WHERE status = 'validated'", soci::into(n);
    return n;
  });
  EXPECT_EQ(girls, 17);
  EXPECT_EQ(ines.post_form(path(a.id, "/compte-rendu"),
                           {{"girls", "1"}, {"boys", "1"}, {"teachers", "0"}, {"duration_minutes", "60"}})
                .status,
            409);
}

TEST_P(AssignmentsHttp, OneClickAnswerFromTheMail) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  const std::string day = domain::add_days(domain::paris_day(store::now_unix()), 4);
  auto a = assignment(srv.store(), request(srv.store(), w.ta, w.school_a, 1), w.ines, day);
  auto b = assignment(srv.store(), request(srv.store(), w.ta, w.school_a, 1), w.sarah, day);
  Client mail_reader(srv.port());
  auto page = mail_reader.get("/reponse/" + a.token);
  ASSERT_EQ(page.status, 200);
  expect_accessible(page.body, "answer page");
  EXPECT_TRUE(contains(page.body, "Collège Victor Hugo"));
  EXPECT_TRUE(contains(page.body, "/reponse/" + a.token + "/accepter"));
  EXPECT_EQ(page.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(status_of(srv.store(), a.id), "invited");  // a GET changes nothing
  EXPECT_EQ(mail_reader.get("/reponse/unknown-token-unknown-token-12").status, 404);

  auto no_reason = mail_reader.post_form("/reponse/" + b.token + "/decliner", {{"reason_choice", "autre"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "Indiquez la raison"));
  auto declined =
      mail_reader.post_form("/reponse/" + b.token + "/decliner", {{"reason_choice", "trop_loin"}, {"reason_text", ""}});
  ASSERT_EQ(declined.status, 303);
  EXPECT_EQ(status_of(srv.store(), b.id), "declined");
  auto v = store::assignment_by_id(srv.store(), w.ta, b.id);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->decline_reason, "C’est trop loin pour moi");

  auto accepted = mail_reader.post_form("/reponse/" + a.token + "/accepter", {});
  ASSERT_EQ(accepted.status, 303);
  EXPECT_EQ(status_of(srv.store(), a.id), "accepted");
  auto again = mail_reader.post_form("/reponse/" + a.token + "/accepter", {});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(contains(again.body, "n’attend plus de réponse"));
}

TEST_P(AssignmentsHttp, PersonalCalendarFeed) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  const std::string day = domain::add_days(domain::paris_day(store::now_unix()), 6);
  auto a = assignment(srv.store(), request(srv.store(), w.ta, w.school_a, 1), w.ines, day);
  auto invited = assignment(srv.store(), request(srv.store(), w.ta, w.school_a, 1), w.ines, domain::add_days(day, 1));
  ASSERT_TRUE(store::accept_assignment(srv.store(), a.id, 1).result.ok());
  std::string token = store::calendar_token_of(srv.store(), w.ines);
  Client agenda(srv.port());
  auto feed = agenda.get("/agenda/" + token + ".ics");
  ASSERT_EQ(feed.status, 200);
  EXPECT_TRUE(contains(feed.header("content-type"), "text/calendar"));
  EXPECT_TRUE(contains(feed.body, "UID:intervention-" + std::to_string(a.id) + "@"));
  EXPECT_FALSE(contains(feed.body, "UID:intervention-" + std::to_string(invited.id) + "@"));
  EXPECT_FALSE(contains(feed.body, "METHOD:"));  // a feed, not an invitation
  EXPECT_EQ(agenda.get("/agenda/" + token).status, 404);
  EXPECT_EQ(agenda.get("/agenda/unknown-token-unknown-token-12.ics").status, 404);
  EXPECT_EQ(agenda.get("/agenda/.ics").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, AssignmentsHttp, ::testing::ValuesIn(fixture::engines()));
