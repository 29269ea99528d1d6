// HTTP tests of the coordinator's matching pages on every engine, with a real SMTP sink: access (an ambassador gets
// 403, another territory's ids read as 404), a run and its proposals, changing and withdrawing one, accepting all
// (the invited ambassador is e-mailed), the weights form's 422 next to the field, the recruitment needs page and
// cancelling a request with notice.
#include "store/matching.hpp"

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
  long long ta = 0, tb = 0, school_a = 0, school_far = 0, school_b = 0;
  long long ines = 0, sarah = 0;
  long long request_a = 0, request_far = 0, request_b = 0;
};

void commune(store::Store& s, const std::string& insee, const std::string& name, double lat, double lon) {
  s.write([&](soci::session& sql) {
    sql << "INSERT INTO communes (insee, name, department, lat, lon) VALUES (:i, :n, '25', :la, :lo)", soci::use(insee),
        soci::use(name), soci::use(lat), soci::use(lon);
  });
}

long long ambassador(store::Store& s, long long territory, const std::string& email, const std::string& first,
                     const std::string& insee, const std::string& dom) {
  long long user = seed_user(s, email, domain::Role::ambassador, territory);
  std::string token = "unsub-" + email;
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO ambassadors (territory_id, user_id, status, first_name, last_name, email, domain, "
           "home_commune_insee, weekly, max_per_month, unsubscribe_token, created_at, updated_at) VALUES (:t, :u, "
           "'active', :f, 'Martin', :e, :d, :c, 'mon-am,tue-am,wed-am,thu-am,fri-am', 4, :tok, 1, 1) RETURNING id",
        soci::use(territory), soci::use(user), soci::use(first), soci::use(email), soci::use(dom), soci::use(insee),
        soci::use(token), soci::into(id);
    return id;
  });
}

long long school(store::Store& s, const std::string& uai, const std::string& name, const std::string& dep, double lat) {
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO schools (uai, name, kind, commune_name, department, lat, lon, updated_at) VALUES (:u, :n, "
           "'college', 'Besançon', :d, :la, 6.02, 1) RETURNING id",
        soci::use(uai), soci::use(name), soci::use(dep), soci::use(lat), soci::into(id);
    return id;
  });
}

long long request(store::Store& s, long long territory, long long school_id, const std::string& domains) {
  static int n = 0;
  std::string token = "matching-http-" + std::to_string(++n) + "-abcdefghijklmn";
  std::string today = domain::paris_day(store::now_unix());
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO intervention_requests (territory_id, status, token, confirmed_at, school_id, contact_name, "
           "email, kind, class_levels, girls, boys, needed, domains, created_at, updated_at) VALUES (:t, 'open', :tok, "
           "1, :s, 'Claire Prof', 'claire.prof@exemple.fr', 'talk', '4e', 12, 14, 1, :d, 1, 1) RETURNING id",
        soci::use(territory), soci::use(token), soci::use(school_id), soci::use(domains), soci::into(id);
    for (int i = 7; i <= 13; ++i) {  // a whole week: weekdays among them
      std::string day = domain::add_days(today, i);
      sql << "INSERT INTO request_days (request_id, day) VALUES (:r, :d)", soci::use(id), soci::use(day);
    }
    return id;
  });
}

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  commune(s, "25056", "Besançon", 47.24, 6.02);
  commune(s, "25462", "Nord", 47.30, 6.02);  // 6.7 km north
  w.school_a = school(s, "0251080N", "Collège Victor Hugo", "025", 47.24);
  w.school_far = school(s, "0251307K", "Collège Lointain", "025", 49.0);
  w.school_b = school(s, "0620161N", "Collège Jean Macé", "062", 50.95);
  w.ines = ambassador(s, w.ta, "ines@exemple.fr", "Inès", "25056", "usinage");
  w.sarah = ambassador(s, w.ta, "sarah@exemple.fr", "Sarah", "25462", "chimie");
  w.request_a = request(s, w.ta, w.school_a, "usinage");
  w.request_far = request(s, w.ta, w.school_far, "verre");
  w.request_b = request(s, w.tb, w.school_b, "");
  return w;
}

config::Config with_smtp(const SmtpSink& sink) {
  config::Config cfg;
  cfg.smtp_url = sink.url();
  return cfg;
}

std::string request_status(store::Store& s, long long id) {
  return s.read([&](soci::session& sql) {
    std::string st;
    sql << "SELECT status FROM intervention_requests WHERE id = :id", soci::use(id), soci::into(st);
    return st;
  });
}

}  // namespace

class MatchingHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(MatchingHttp, AccessRules) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client anonymous(srv.port());
  EXPECT_NE(anonymous.get("/interventions").status, 200);
  Client ines(srv.port());
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  EXPECT_EQ(ines.get("/interventions").status, 403);
  EXPECT_EQ(ines.get("/interventions/besoins").status, 403);
  EXPECT_EQ(ines.post_form("/interventions/appariement", {}).status, 403);
  EXPECT_TRUE(store::proposals_of(srv.store(), w.ta).empty());

  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  ASSERT_EQ(coord.post_form("/interventions/appariement", {}).status, 303);
  auto ps = store::proposals_of(srv.store(), w.ta);
  ASSERT_EQ(ps.size(), 1u);
  std::string pid = std::to_string(ps[0].id);

  // Another territory's coordinator: every id of A reads as 404, nothing changes.
  Client other(srv.port());
  ASSERT_EQ(other.login("coord-b@exemple.fr", kPassword), 303);
  EXPECT_EQ(other.get("/interventions/demandes/" + std::to_string(w.request_a)).status, 404);
  EXPECT_EQ(
      other.post_form("/interventions/demandes/" + std::to_string(w.request_a) + "/annuler", {{"reason", "Essai"}})
          .status,
      404);
  EXPECT_EQ(other.get("/interventions/propositions/" + pid + "/changer").status, 404);
  EXPECT_EQ(other
                .post_form("/interventions/propositions/" + pid + "/changer",
                           {{"candidate", std::to_string(w.sarah) + ":2030-01-01"}})
                .status,
            404);
  EXPECT_EQ(other.post_form("/interventions/propositions/" + pid + "/retirer", {}).status, 404);
  ASSERT_EQ(other.post_form("/interventions/propositions/accepter", {}).status, 303);
  auto mine = other.get("/interventions");
  EXPECT_FALSE(contains(mine.body, "Collège Victor Hugo"));
  EXPECT_TRUE(contains(mine.body, "Collège Jean Macé"));
  EXPECT_EQ(store::proposals_of(srv.store(), w.ta).size(), 1u);
  EXPECT_EQ(store::proposals_of(srv.store(), w.ta)[0].status, "proposed");
  EXPECT_EQ(request_status(srv.store(), w.request_a), "open");
  EXPECT_EQ(coord.get("/interventions/demandes/999999").status, 404);
}

TEST_P(MatchingHttp, RunChangeAcceptAll) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  auto empty = coord.get("/interventions");
  ASSERT_EQ(empty.status, 200);
  expect_accessible(empty.body, "interventions before a run");
  EXPECT_TRUE(contains(empty.body, "Lancer l’appariement"));
  EXPECT_TRUE(contains(empty.body, "href=\"/interventions\""));  // the nav link

  auto run = coord.post_form("/interventions/appariement", {});
  ASSERT_EQ(run.status, 303);
  // Inès (same domain, 0 km) on the Victor Hugo request; nobody within reach of the far school.
  EXPECT_EQ(run.header("location"), "/interventions?etat=appariement&propositions=1&manque=1");
  auto page = coord.get(run.header("location"));
  ASSERT_EQ(page.status, 200);
  expect_accessible(page.body, "interventions with proposals");
  EXPECT_TRUE(contains(page.body, "Appariement terminé : 1 proposition, 1 place non pourvue."));
  EXPECT_TRUE(contains(page.body, "Inès Martin"));
  EXPECT_TRUE(contains(page.body, "Tout accepter"));
  auto ps = store::proposals_of(srv.store(), w.ta);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].ambassador_id, w.ines);
  std::string change = "/interventions/propositions/" + std::to_string(ps[0].id) + "/changer";

  // Change: Sarah is the other candidate.
  auto form = coord.get(change);
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "change a proposal");
  EXPECT_TRUE(contains(form.body, "Sarah Martin"));
  auto cands = store::candidates_for(srv.store(), w.ta, w.request_a, domain::paris_day(store::now_unix()));
  ASSERT_FALSE(cands.empty());
  std::string sarah_value = std::to_string(w.sarah) + ":" + cands[0].day;
  auto none = coord.post_form(change, {{"candidate", ""}});
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(contains(none.body, "Choisissez une ambassadrice dans la liste."));
  auto bad = coord.post_form(change, {{"candidate", "999999:" + cands[0].day}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "ne peut pas être proposée"));
  auto changed = coord.post_form(change, {{"candidate", sarah_value}});
  ASSERT_EQ(changed.status, 303);
  EXPECT_EQ(store::proposals_of(srv.store(), w.ta)[0].ambassador_id, w.sarah);

  // Accept all: Sarah is invited by e-mail.
  auto accepted = coord.post_form("/interventions/propositions/accepter", {});
  ASSERT_EQ(accepted.status, 303);
  EXPECT_EQ(accepted.header("location"), "/interventions?etat=acceptees");
  EXPECT_TRUE(store::proposals_of(srv.store(), w.ta).empty());
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: sarah@exemple.fr"));
  EXPECT_EQ(coord.post_form("/interventions/propositions/accepter", {}).header("location"),
            "/interventions?etat=aucune");

  // The request page shows her as invited.
  auto show = coord.get("/interventions/demandes/" + std::to_string(w.request_a));
  ASSERT_EQ(show.status, 200);
  expect_accessible(show.body, "request for the coordinator");
  EXPECT_TRUE(contains(show.body, "Sarah Martin"));
  EXPECT_TRUE(contains(show.body, "claire.prof@exemple.fr"));

  // A second run proposes nobody new for A: Sarah holds its place.
  ASSERT_EQ(coord.post_form("/interventions/appariement", {}).status, 303);
  EXPECT_TRUE(store::proposals_of(srv.store(), w.ta).empty());
}

TEST_P(MatchingHttp, WithdrawAndCancelWithNotice) {
  SmtpSink sink;
  TestServer srv(GetParam(), with_smtp(sink));
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  ASSERT_EQ(coord.post_form("/interventions/appariement", {}).status, 303);
  auto ps = store::proposals_of(srv.store(), w.ta);
  ASSERT_EQ(ps.size(), 1u);
  std::string withdraw = "/interventions/propositions/" + std::to_string(ps[0].id) + "/retirer";
  EXPECT_EQ(coord.post_form(withdraw, {}).status, 303);
  EXPECT_TRUE(store::proposals_of(srv.store(), w.ta).empty());
  EXPECT_EQ(coord.post_form(withdraw, {}).status, 404);

  std::string cancel = "/interventions/demandes/" + std::to_string(w.request_a) + "/annuler";
  auto no_reason = coord.post_form(cancel, {{"reason", "  "}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "Indiquez la raison de l’annulation"));
  EXPECT_TRUE(contains(no_reason.body, "aria-describedby=\"raison-erreur\""));
  expect_accessible(no_reason.body, "cancel error");
  EXPECT_EQ(request_status(srv.store(), w.request_a), "open");
  auto done = coord.post_form(cancel, {{"reason", "Sortie scolaire déplacée"}});
  ASSERT_EQ(done.status, 303);
  EXPECT_EQ(request_status(srv.store(), w.request_a), "cancelled");
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_TRUE(contains(mails[0], "X-Envelope-To: claire.prof@exemple.fr"));
}

TEST_P(MatchingHttp, WeightsFormAndNeeds) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  auto form = coord.get("/interventions/ponderations");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "weights");
  EXPECT_TRUE(contains(form.body, "value=\"1,3\""));
  std::vector<std::pair<std::string, std::string>> fields = {{"road_factor", "abc"},     {"per_km", "10"},
                                                             {"domain_mismatch", "300"}, {"load_step", "40"},
                                                             {"repeat_school", "120"},   {"never_reached_bonus", "150"},
                                                             {"priority_bonus", "100"}};
  auto bad = coord.post_form("/interventions/ponderations", fields);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "id=\"poids-road_factor-erreur\""));
  EXPECT_TRUE(contains(bad.body, "Indiquez un nombre"));
  EXPECT_TRUE(contains(bad.body, "value=\"abc\""));
  expect_accessible(bad.body, "weights error");
  fields[0].second = "5";
  auto out_of_range = coord.post_form("/interventions/ponderations", fields);
  EXPECT_EQ(out_of_range.status, 422);
  EXPECT_TRUE(contains(out_of_range.body, "entre 1 et 3"));
  EXPECT_DOUBLE_EQ(store::matching_weights(srv.store(), w.ta).road_factor, 1.3);
  fields[0].second = "1,5";
  fields[1].second = "12.5";
  auto ok = coord.post_form("/interventions/ponderations", fields);
  ASSERT_EQ(ok.status, 303);
  auto saved = store::matching_weights(srv.store(), w.ta);
  EXPECT_DOUBLE_EQ(saved.road_factor, 1.5);
  EXPECT_DOUBLE_EQ(saved.per_km, 12.5);
  EXPECT_DOUBLE_EQ(store::matching_weights(srv.store(), w.tb).road_factor, 1.3);

  ASSERT_EQ(coord.post_form("/interventions/appariement", {}).status, 303);
  auto needs = coord.get("/interventions/besoins");
  ASSERT_EQ(needs.status, 200);
  expect_accessible(needs.body, "recruitment needs");
  EXPECT_TRUE(contains(needs.body, "Collège Lointain"));
  EXPECT_TRUE(contains(needs.body, "<svg"));
  EXPECT_TRUE(contains(needs.body, "Verre"));
  EXPECT_FALSE(contains(needs.body, "Collège Victor Hugo"));
}

INSTANTIATE_TEST_SUITE_P(Engines, MatchingHttp, ::testing::ValuesIn(engines()));
