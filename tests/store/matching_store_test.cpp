// Store tests for the server side of matching, on every engine: a hand-made territory (3 schools with
// coordinates, 4 ambassadors with communes, weekly half-days, days off and monthly maxima) whose instance, run,
// proposals review, shortages and recruitment needs are checked against values computed by hand; and territory
// confinement.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/collective.hpp"
#include "store/accounts.hpp"
#include "store/matching.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;
namespace m = domain::matching;

namespace {

// Monday 1 March 2027; the term started on 1 January 2027.
const std::string kToday = "2027-03-01";

class MatchingStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "cmq-m", "Territoire M", "cmq", {"025", "039"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "cmq-n", "Territoire N", "cmq", {"062"}, "", "", 1.3});
    coordinator = user("coord@m.fr", domain::Role::coordinator, ta);
    long long u3 = user("lea@m.fr", domain::Role::ambassador, ta);
    // Communes: C1 at 47.0 N, C2 at 47.1 N (same meridian: 0.1° = 11.12 km), C3 far at 48.0 N, C4 in the other
    // territory.
    commune("25056", "Besançon", "25", 47.0, 6.0);
    commune("39198", "Dole", "39", 47.1, 6.0);
    commune("39300", "Loin", "39", 48.0, 6.0);
    commune("62193", "Calais", "62", 50.95, 1.85);
    // Schools: S1 at C1 (REP+), S2 at 47.05 N (5.56 km from C1 and C2), S3 at 49.0 N (far from everyone).
    s1 = school("0251080N", "Collège Victor Hugo", "025", 47.0, 6.0, "REP+");
    s2 = school("0250010A", "Lycée Jules Haag", "025", 47.05, 6.0, "");
    s3 = school("0390786T", "Lycée Jacques Duhamel", "039", 49.0, 6.0, "");
    sb = school("0620161N", "Collège Jean Macé", "062", 50.95, 1.85, "REP");
    // Ambassadors.
    ines = ambassador(ta, 0, "Inès", "25056", "microtechnique", "mon-am,wed-am", 1);
    sarah = ambassador(ta, 0, "Sarah", "39198", "usinage", "tue-pm,wed-pm", 2);
    lea = ambassador(ta, u3, "Léa", "25056", "microtechnique", "thu-am,fri-am", 2);
    nora = ambassador(ta, 0, "Nora", "39300", "chimie", "mon-am,tue-am,wed-am,thu-am,fri-am", 2);
    ambassador(ta, 0, "Invitée", "25056", "microtechnique", "mon-am,tue-am,wed-am,thu-am,fri-am", 2, "invited");
    ambassador(ta, 0, "Sans commune", "", "microtechnique", "mon-am,tue-am,wed-am,thu-am,fri-am", 2);
    other_amb = ambassador(tb, 0, "Zoé", "62193", "usinage", "mon-am,tue-am,wed-am,thu-am,fri-am", 2);
    day_off(sarah, "2027-03-10");
    // Requests.
    r1 = request(ta, s1, 1, "microtechnique", {"2027-03-08", "2027-03-11"});
    r2 = request(ta, s2, 2, "usinage", {"2027-03-09", "2027-03-10"});
    r3 = request(ta, s3, 1, "chimie", {"2027-03-12"});
    request(ta, s1, 1, "", {"2027-03-08"}, "open", 0);      // unconfirmed
    request(ta, s1, 1, "", {"2027-02-20", "2027-03-01"});   // no day after today
    request(ta, s1, 1, "", {"2027-03-08"}, "cancelled");    // cancelled
    long long r7 = request(ta, s1, 1, "", {"2027-03-11"});  // full: Léa accepted
    assignment(r7, lea, "2027-03-11", "accepted");
    long long r8 = request(ta, s2, 1, "", {"2027-02-15"}, "done");  // Léa reported it (no action): S2 reached
    assignment(r8, lea, "2027-02-15", "reported");
    rb = request(tb, sb, 1, "usinage", {"2027-03-08"});
    // Léa's validated actions: one this term (counted), one before the term (not counted).
    action(u3, "2027-02-01");
    action(u3, "2026-12-01");
    by = {coordinator, "coord@m.fr"};
  }

  long long user(const std::string& email, domain::Role role, long long territory) {
    domain::User u;
    u.email = email;
    u.display_name = email;
    u.role = role;
    u.territory_id = territory;
    return store::insert_user(*db, u, "hash");
  }

  void commune(const std::string& insee, const std::string& name, const std::string& dep, double lat, double lon) {
    db->write([&](soci::session& sql) {
      sql << "INSERT INTO communes (insee, name, department, lat, lon) VALUES (:i, :n, :d, :la, :lo)", soci::use(insee),
          soci::use(name), soci::use(dep), soci::use(lat), soci::use(lon);
    });
  }

  long long school(const std::string& uai, const std::string& name, const std::string& dep, double lat, double lon,
                   const std::string& priority) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO schools (uai, name, kind, department, commune_name, priority_education, lat, lon, "
             "updated_at) VALUES (:u, :n, 'college', :d, 'Commune', :p, :la, :lo, 1) RETURNING id",
          soci::use(uai), soci::use(name), soci::use(dep), soci::use(priority), soci::use(lat), soci::use(lon),
          soci::into(id);
      return id;
    });
  }

  long long ambassador(long long territory, long long user_id, const std::string& first, const std::string& insee,
                       const std::string& dom, const std::string& weekly, int per_month,
                       const std::string& status = "active") {
    static int n = 0;
    std::string email = "amb" + std::to_string(++n) + "@m.fr", token = "unsub-" + email;
    soci::indicator ui = user_id ? soci::i_ok : soci::i_null;
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO ambassadors (territory_id, user_id, status, first_name, last_name, email, job_title, domain, "
             "home_commune_insee, max_km, weekly, max_per_month, unsubscribe_token, created_at, updated_at) VALUES "
             "(:t, :u, :s, :f, 'Test', :e, 'Technicienne', :d, :c, 30, :w, :m, :tok, 1, 1) RETURNING id",
          soci::use(territory), soci::use(user_id, ui), soci::use(status), soci::use(first), soci::use(email),
          soci::use(dom), soci::use(insee), soci::use(weekly), soci::use(per_month), soci::use(token), soci::into(id);
      return id;
    });
  }

  void day_off(long long ambassador_id, const std::string& day) {
    db->write([&](soci::session& sql) {
      sql << "INSERT INTO ambassador_days_off (ambassador_id, day) VALUES (:a, :d)", soci::use(ambassador_id),
          soci::use(day);
    });
  }

  long long request(long long territory, long long school_id, int needed, const std::string& domains,
                    const std::vector<std::string>& days, const std::string& status = "open",
                    long long confirmed_at = 1) {
    static int n = 0;
    std::string token = "matching-request-" + std::to_string(++n) + "-abcdefghijklmn";
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO intervention_requests (territory_id, status, token, confirmed_at, school_id, contact_name, "
             "email, kind, class_levels, girls, boys, needed, domains, created_at, updated_at) VALUES (:t, :s, :tok, "
             ":c, :sc, 'Mme Prof', 'prof@exemple.fr', 'talk', '4e', 12, 14, :n, :d, 1, 1) RETURNING id",
          soci::use(territory), soci::use(status), soci::use(token), soci::use(confirmed_at), soci::use(school_id),
          soci::use(needed), soci::use(domains), soci::into(id);
      for (const auto& d : days)
        sql << "INSERT INTO request_days (request_id, day) VALUES (:r, :d)", soci::use(id), soci::use(d);
      return id;
    });
  }

  long long assignment(long long request_id, long long ambassador_id, const std::string& day,
                       const std::string& status) {
    static int n = 0;
    std::string token = "matching-response-" + std::to_string(++n) + "-abcdefghijklmn";
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO request_assignments (request_id, ambassador_id, day, status, response_token, created_at, "
             "updated_at) VALUES (:r, :a, :d, :s, :tok, 1, 1) RETURNING id",
          soci::use(request_id), soci::use(ambassador_id), soci::use(day), soci::use(status), soci::use(token),
          soci::into(id);
      return id;
    });
  }

  void action(long long user_id, const std::string& day) {
    db->write([&](soci::session& sql) {
      long long id = 0;
      std::string month = day.substr(0, 7);
      sql << "INSERT INTO actions (territory_id, kind, starts_on, month, status, created_at, updated_at) VALUES (:t, "
             "'temoignage_classe', :d, :m, 'validated', 1, 1) RETURNING id",
          soci::use(ta), soci::use(day), soci::use(month), soci::into(id);
      sql << "INSERT INTO action_ambassadors (action_id, user_id) VALUES (:a, :u)", soci::use(id), soci::use(user_id);
      sql << "INSERT INTO action_schools (action_id, school_id) VALUES (:a, :s)", soci::use(id), soci::use(s3);
    });
  }

  std::string status_of(long long assignment_id) {
    return db->read([&](soci::session& sql) {
      std::string s;
      sql << "SELECT status FROM request_assignments WHERE id = :id", soci::use(assignment_id), soci::into(s);
      return s;
    });
  }

  static const m::Request* find_request(const store::TerritoryInstance& t, const std::string& id) {
    for (const auto& r : t.instance.requests)
      if (r.id == id) return &r;
    return nullptr;
  }
  // The pointer points into `ps`: a temporary list would leave it dangling (ASan caught one).
  const store::Proposal* proposal_for(std::vector<store::Proposal>&& ps, long long request_id) = delete;
  static const m::Ambassador* find_ambassador(const store::TerritoryInstance& t, const std::string& id) {
    for (const auto& a : t.instance.ambassadors)
      if (a.id == id) return &a;
    return nullptr;
  }
  static std::string rid(long long id) { return "r" + std::to_string(id); }
  static std::string aid(long long id) { return "a" + std::to_string(id); }

  const store::Proposal* proposal_for(const std::vector<store::Proposal>& ps, long long request_id) {
    for (const auto& p : ps)
      if (p.request_id == request_id) return &p;
    return nullptr;
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0, coordinator = 0;
  long long s1 = 0, s2 = 0, s3 = 0, sb = 0;
  long long ines = 0, sarah = 0, lea = 0, nora = 0, other_amb = 0;
  long long r1 = 0, r2 = 0, r3 = 0, rb = 0;
  store::Author by;
};

// 0.05° of latitude (S2 from C1 or C2) on the road: 6371 × 0.05 × π / 180 × 1.3 km.
const double kS2Km = 6371 * 0.05 * 3.14159265358979323846 / 180 * 1.3;  // 7.2277…

TEST_P(MatchingStore, InstanceFromTheDatabase) {
  auto t = store::matching_instance(*db, ta, kToday);
  // Requests: r1, r2, r3 only (unconfirmed, past-only, cancelled, full and other territory's left out).
  ASSERT_EQ(t.instance.requests.size(), 3u);
  const m::Request* q1 = find_request(t, rid(r1));
  const m::Request* q2 = find_request(t, rid(r2));
  const m::Request* q3 = find_request(t, rid(r3));
  ASSERT_TRUE(q1 && q2 && q3);
  EXPECT_EQ(t.request_ids.at(rid(r2)), r2);
  EXPECT_EQ(q1->dates, (std::vector<std::string>{"2027-03-08", "2027-03-11"}));
  EXPECT_EQ(q2->dates, (std::vector<std::string>{"2027-03-09", "2027-03-10"}));
  EXPECT_EQ(q2->needed, 2);
  EXPECT_DOUBLE_EQ(q2->lat, 47.05);
  EXPECT_EQ(q1->domains, (std::vector<std::string>{"microtechnique"}));
  // S1: no validated action, no report: never reached; REP+; Léa accepted there before.
  EXPECT_TRUE(q1->never_reached);
  EXPECT_TRUE(q1->priority_education);
  EXPECT_EQ(q1->past_ambassadors, (std::vector<std::string>{aid(lea)}));
  // S2: reached by Léa's report; S3: reached by the validated actions.
  EXPECT_FALSE(q2->never_reached);
  EXPECT_FALSE(q2->priority_education);
  EXPECT_EQ(q2->past_ambassadors, (std::vector<std::string>{aid(lea)}));
  EXPECT_FALSE(q3->never_reached);

  // Ambassadors: the invited one, the one without a commune and the other territory's are left out.
  ASSERT_EQ(t.instance.ambassadors.size(), 4u);
  const m::Ambassador* a1 = find_ambassador(t, aid(ines));
  const m::Ambassador* a2 = find_ambassador(t, aid(sarah));
  const m::Ambassador* a3 = find_ambassador(t, aid(lea));
  const m::Ambassador* a4 = find_ambassador(t, aid(nora));
  ASSERT_TRUE(a1 && a2 && a3 && a4);
  EXPECT_EQ(t.ambassador_ids.at(aid(sarah)), sarah);
  // Days of the requests: 8 (Mon), 9 (Tue), 10 (Wed), 11 (Thu), 12 (Fri) March 2027.
  EXPECT_EQ(a1->dates, (std::vector<std::string>{"2027-03-08", "2027-03-10"}));  // Monday and Wednesday mornings
  EXPECT_EQ(a2->dates, (std::vector<std::string>{"2027-03-09"}));                // the 10th is a day off
  EXPECT_EQ(a3->dates, (std::vector<std::string>{"2027-03-12"}));                // the 11th is booked
  EXPECT_EQ(a4->dates.size(), 5u);
  // Capacity: max_per_month minus what she holds that month.
  EXPECT_EQ(a1->capacity, 1);
  EXPECT_EQ(a1->month_capacity.at("2027-03"), 1);
  EXPECT_EQ(a2->capacity, 2);
  EXPECT_EQ(a3->capacity, 1);  // 2 minus the accepted 11 March
  EXPECT_EQ(a3->month_capacity.at("2027-03"), 1);
  // Load: Léa's validated action this term and her report without an action.
  EXPECT_EQ(a3->load, 2);
  EXPECT_EQ(a1->load, 0);
  EXPECT_DOUBLE_EQ(a1->lat, 47.0);
  EXPECT_DOUBLE_EQ(a2->lat, 47.1);
  EXPECT_EQ(a2->domains, (std::vector<std::string>{"usinage"}));
  EXPECT_DOUBLE_EQ(a1->max_km, 30);
  EXPECT_DOUBLE_EQ(t.instance.weights.road_factor, 1.3);
}

TEST_P(MatchingStore, RunProposesAndListsShortages) {
  auto run = store::run_matching(*db, ta, kToday, by);
  // r1 ← Inès (the only one there on the 8th or 11th); r2 ← Sarah (9th), its second place cannot be filled (Inès
  // has only one place in March, taken by r1); r3 is beyond everyone's distance.
  EXPECT_EQ(run.proposals, 2);
  EXPECT_EQ(run.unfilled_places, 2);
  EXPECT_GE(run.seconds, 0);
  auto ps = store::proposals_of(*db, ta);
  ASSERT_EQ(ps.size(), 2u);
  const store::Proposal* p1 = proposal_for(ps, r1);
  const store::Proposal* p2 = proposal_for(ps, r2);
  ASSERT_TRUE(p1 && p2);
  EXPECT_EQ(p1->ambassador_id, ines);
  EXPECT_EQ(p1->day, "2027-03-08");
  EXPECT_EQ(p1->cost, 0);  // 0 km, shared domain, bonuses clamp at 0
  EXPECT_EQ(p1->school_name, "Collège Victor Hugo");
  EXPECT_EQ(p1->status, "proposed");
  EXPECT_EQ(p1->why, domain::proposal_why(0, domain::choice_label(domain::collective_domains(), "microtechnique"), true,
                                          0, true, "REP+", false));
  EXPECT_EQ(p2->ambassador_id, sarah);
  EXPECT_EQ(p2->day, "2027-03-09");
  EXPECT_NEAR(p2->distance_km, kS2Km, 1e-6);
  EXPECT_EQ(p2->cost, 72);  // 7.2277 km × 10
  EXPECT_EQ(run.total_cost, 72);
  EXPECT_EQ(p2->why, domain::proposal_why(kS2Km, domain::choice_label(domain::collective_domains(), "usinage"), true, 0,
                                          false, "", false));
  EXPECT_EQ(p2->ambassador_name, "Sarah Test");

  auto sh = store::shortages(*db, ta);
  ASSERT_EQ(sh.size(), 2u);
  std::map<long long, store::Shortage> by_id;
  for (const auto& x : sh) by_id[x.request.id] = x;
  EXPECT_EQ(by_id.at(r2).places_left, 2);  // nobody invited yet: both places are still waiting
  EXPECT_EQ(by_id.at(r3).places_left, 1);
  EXPECT_FALSE(by_id.at(r2).request.shortage_reason.empty());
  EXPECT_FALSE(by_id.at(r3).request.shortage_reason.empty());
  EXPECT_NE(by_id.at(r2).request.shortage_reason, by_id.at(r3).request.shortage_reason);
  EXPECT_GT(by_id.at(r3).request.shortage_since, 0);
  EXPECT_EQ(by_id.at(r3).request.school_name, "Lycée Jacques Duhamel");
  EXPECT_EQ(by_id.at(r3).request.days, (std::vector<std::string>{"2027-03-12"}));

  // Needs: (025, usinage) 1 request 2 places, nobody there; (039, chimie) 1 request 1 place, Nora lives there.
  auto needs = store::recruitment_needs(*db, ta);
  ASSERT_EQ(needs.size(), 2u);
  EXPECT_EQ(needs[0].department, "025");
  EXPECT_EQ(needs[0].domain, "usinage");
  EXPECT_EQ(needs[0].requests, 1);
  EXPECT_EQ(needs[0].places, 2);
  EXPECT_EQ(needs[0].ambassadors_there, 0);
  EXPECT_EQ(needs[1].department, "039");
  EXPECT_EQ(needs[1].domain, "chimie");
  EXPECT_EQ(needs[1].places, 1);
  EXPECT_EQ(needs[1].ambassadors_there, 1);

  // A second run replaces the proposals (no duplicates) and keeps the shortage's first date.
  long long since = by_id.at(r3).request.shortage_since;
  store::run_matching(*db, ta, kToday, by);
  EXPECT_EQ(store::proposals_of(*db, ta).size(), 2u);
  EXPECT_EQ(store::shortages(*db, ta).back().request.shortage_since, since);
  // The other territory sees none of it.
  EXPECT_TRUE(store::proposals_of(*db, tb).empty());
  EXPECT_TRUE(store::shortages(*db, tb).empty());
}

TEST_P(MatchingStore, AcceptInvitesAndBooks) {
  store::run_matching(*db, ta, kToday, by);
  auto ps = store::proposals_of(*db, ta);
  ASSERT_EQ(ps.size(), 2u);
  // Another territory accepts nothing here.
  EXPECT_TRUE(store::accept_proposals(*db, tb, {}, by).empty());
  EXPECT_TRUE(store::accept_proposals(*db, tb, {ps[0].id}, by).empty());
  auto one = store::accept_proposals(*db, ta, {proposal_for(ps, r1)->id}, by);
  EXPECT_EQ(one, (std::vector<long long>{proposal_for(ps, r1)->id}));
  EXPECT_EQ(status_of(proposal_for(ps, r1)->id), "invited");
  EXPECT_EQ(status_of(proposal_for(ps, r2)->id), "proposed");
  auto rest = store::accept_proposals(*db, ta, {}, by);
  EXPECT_EQ(rest, (std::vector<long long>{proposal_for(ps, r2)->id}));
  EXPECT_TRUE(store::proposals_of(*db, ta).empty());

  // Now r1 is full; r2 keeps one place, on the day Sarah holds; both are booked that day.
  auto t = store::matching_instance(*db, ta, kToday);
  EXPECT_FALSE(find_request(t, rid(r1)));
  ASSERT_TRUE(find_request(t, rid(r2)));
  EXPECT_EQ(find_request(t, rid(r2))->needed, 1);
  EXPECT_EQ(find_request(t, rid(r2))->dates, (std::vector<std::string>{"2027-03-09"}));
  EXPECT_FALSE(find_ambassador(t, aid(sarah)));  // her one day, the 9th, is booked
  EXPECT_FALSE(find_ambassador(t, aid(ines)));   // her one place of March is taken
  auto sh = store::shortages(*db, ta);
  for (const auto& x : sh)
    if (x.request.id == r2) {
      EXPECT_EQ(x.places_left, 1);
    }
}

TEST_P(MatchingStore, ChangeAndDiscardProposals) {
  store::run_matching(*db, ta, kToday, by);
  auto ps = store::proposals_of(*db, ta);
  long long p1 = proposal_for(ps, r1)->id, p2 = proposal_for(ps, r2)->id;

  // r2's candidates: Inès on Wednesday 10th (Sarah is already on it, Léa and Nora are not there those days).
  auto cands = store::candidates_for(*db, ta, r2, kToday);
  ASSERT_EQ(cands.size(), 1u);
  EXPECT_EQ(cands[0].ambassador_id, ines);
  EXPECT_EQ(cands[0].day, "2027-03-10");
  EXPECT_EQ(cands[0].cost, 372);  // 7.2277 km × 10 + 300: microtechnique, not the usinage asked for
  EXPECT_EQ(cands[0].ambassador_name, "Inès Test");
  EXPECT_TRUE(store::candidates_for(*db, tb, r2, kToday).empty());
  EXPECT_TRUE(store::candidates_for(*db, ta, rb, kToday).empty());

  // Not a candidate: invalid, nothing changed; another territory's proposal: not found.
  auto bad = store::replace_proposal(*db, ta, p2, nora, "2027-03-10", kToday, by);
  EXPECT_EQ(bad.status, Status::invalid);
  EXPECT_TRUE(bad.errors.count("ambassador_id"));
  EXPECT_EQ(store::replace_proposal(*db, tb, p2, ines, "2027-03-10", kToday, by).status, Status::not_found);
  auto after_change = store::proposals_of(*db, ta);
  EXPECT_EQ(proposal_for(after_change, r2)->ambassador_id, sarah);

  // Drop r1's proposal (Inès then free on the 8th, and on the 10th), then put Inès on r2.
  EXPECT_EQ(store::discard_proposal(*db, tb, p1, by).status, Status::not_found);
  EXPECT_TRUE(store::discard_proposal(*db, ta, p1, by).ok());
  EXPECT_EQ(store::discard_proposal(*db, ta, p1, by).status, Status::not_found);
  auto ok = store::replace_proposal(*db, ta, p2, ines, "2027-03-10", kToday, by);
  ASSERT_TRUE(ok.ok());
  auto after = store::proposals_of(*db, ta);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].id, p2);
  EXPECT_EQ(after[0].ambassador_id, ines);
  EXPECT_EQ(after[0].day, "2027-03-10");
  EXPECT_EQ(after[0].cost, 372);
  // An invited assignment cannot be replaced or discarded.
  store::accept_proposals(*db, ta, {p2}, by);
  EXPECT_EQ(store::replace_proposal(*db, ta, p2, sarah, "2027-03-09", kToday, by).status, Status::not_found);
  EXPECT_EQ(store::discard_proposal(*db, ta, p2, by).status, Status::not_found);
}

TEST_P(MatchingStore, WeightsAreSavedAndChecked) {
  auto w = store::matching_weights(*db, ta);
  EXPECT_DOUBLE_EQ(w.per_km, m::Weights{}.per_km);
  EXPECT_DOUBLE_EQ(w.road_factor, 1.3);
  w.road_factor = 5;
  w.per_km = -1;
  auto bad = store::save_matching_weights(*db, ta, w, by);
  EXPECT_EQ(bad.status, Status::invalid);
  EXPECT_TRUE(bad.errors.count("road_factor"));
  EXPECT_TRUE(bad.errors.count("per_km"));
  EXPECT_FALSE(bad.errors.count("load_step"));
  w.road_factor = 1.0;
  w.per_km = 20;
  w.never_reached_bonus = 0;
  ASSERT_TRUE(store::save_matching_weights(*db, ta, w, by).ok());
  auto back = store::matching_weights(*db, ta);
  EXPECT_DOUBLE_EQ(back.road_factor, 1.0);
  EXPECT_DOUBLE_EQ(back.per_km, 20);
  EXPECT_DOUBLE_EQ(back.never_reached_bonus, 0);
  EXPECT_DOUBLE_EQ(store::matching_weights(*db, tb).per_km, m::Weights{}.per_km);  // the other territory's

  // The run uses them: S2 is now 5.56 km × 1.0 × 20 = 111 for Sarah.
  store::run_matching(*db, ta, kToday, by);
  auto after_weights = store::proposals_of(*db, ta);
  auto p2 = proposal_for(after_weights, r2);
  ASSERT_TRUE(p2);
  EXPECT_EQ(p2->cost, 111);
}

INSTANTIATE_TEST_SUITE_P(Engines, MatchingStore, ::testing::ValuesIn(fixture::engines()));

}  // namespace
