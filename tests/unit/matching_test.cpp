// Unit tests for the matching engine: hand-computed cases, the JSON format's errors, and a constraint checker on
// random instances (optimality against scipy is tests/tools/check_matching.py).
#include "domain/matching.hpp"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

using namespace passerelles::domain::matching;

namespace {

Request req(std::string id, double lat, double lon, std::vector<std::string> dates = {}, int needed = 1) {
  Request r;
  r.id = std::move(id);
  r.lat = lat;
  r.lon = lon;
  r.dates = std::move(dates);
  r.needed = needed;
  return r;
}

Ambassador amb(std::string id, double lat, double lon, std::vector<std::string> dates = {}, int capacity = 1,
               double max_km = 30) {
  Ambassador a;
  a.id = std::move(id);
  a.lat = lat;
  a.lon = lon;
  a.dates = std::move(dates);
  a.capacity = capacity;
  a.max_km = max_km;
  return a;
}

int filled(const Result& r) {
  return static_cast<int>(r.assignments.size());
}

std::string expect_json_error(const char* text) {
  try {
    instance_from_json(nlohmann::json::parse(text));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error for " << text;
  return "";
}

constexpr double kKmPerDegree = 6371.0 * 3.14159265358979323846 / 180.0;  // 111.19492…

}  // namespace

TEST(Matching, DistanceAlongAMeridianAndTheEquator) {
  EXPECT_NEAR(distance_km(45, 5, 46, 5), kKmPerDegree, 1e-9);
  EXPECT_NEAR(distance_km(0, 10, 0, 12), 2 * kKmPerDegree, 1e-9);
  EXPECT_NEAR(distance_km(0, 179.5, 0, -179.5), kKmPerDegree, 1e-9);  // across the antimeridian
  EXPECT_NEAR(distance_km(48.8566, 2.3522, 48.8566, 2.3522), 0, 1e-12);
  // Paris – Lyon: 391.5 km by an independent haversine (python math, R = 6371).
  EXPECT_NEAR(distance_km(48.8566, 2.3522, 45.7640, 4.8357), 391.50, 0.01);
}

TEST(Matching, PairCostAddsEveryTermAndRespectsMaxKm) {
  Weights w;  // road 1.3, 10/km, mismatch 300, load_step 40, repeat 120, never reached 150, priority 100
  Request r = req("r", 0, 0);
  Ambassador a = amb("a", 0.1, 0);  // 11.119492 km, × 1.3 = 14.45534 km → 144.5534
  EXPECT_EQ(pair_cost(r, a, w), 145);
  r.domains = {"usinage"};
  a.domains = {"verre"};
  a.load = 2;  // 40 × 2 × 3 / 2 = 120
  r.past_ambassadors = {"x", "a"};
  EXPECT_EQ(pair_cost(r, a, w), 145 + 300 + 120 + 120);  // 684.55 → 685
  a.domains = {"verre", "usinage"};                      // a shared domain: no mismatch
  EXPECT_EQ(pair_cost(r, a, w), 385);                    // 384.55
  r.never_reached = true;
  r.priority_education = true;
  EXPECT_EQ(pair_cost(r, a, w), 135);  // 384.55 − 250 = 134.55
  a.max_km = 14.4;
  EXPECT_EQ(pair_cost(r, a, w), std::nullopt);
  a.max_km = 14.5;
  a.load = 0;
  r.past_ambassadors.clear();
  EXPECT_EQ(pair_cost(r, a, w), 0);  // 144.55 − 250, clamped at 0
}

TEST(Matching, APairNeedsTwoDifferentWomen) {
  Instance in;
  in.requests = {req("r", 45, 5, {"2027-03-02", "2027-03-09"}, 2)};
  in.ambassadors = {amb("a", 45, 5.01, {"2027-03-02", "2027-03-09"}, 2)};
  Result res = solve(in);
  ASSERT_EQ(filled(res), 1);
  ASSERT_EQ(res.unfilled.size(), 1u);
  EXPECT_EQ(res.unfilled[0].places, 1);
  EXPECT_EQ(res.unfilled[0].reason, "toutes les ambassadrices possibles sont déjà prises");
  in.ambassadors.push_back(amb("b", 45, 5.02, {"2027-03-09"}));
  res = solve(in);
  ASSERT_EQ(filled(res), 2);
  EXPECT_EQ(res.assignments[0].ambassador, "a");
  EXPECT_EQ(res.assignments[1].ambassador, "b");
  EXPECT_EQ(res.assignments[1].date, "2027-03-09");
  EXPECT_TRUE(res.unfilled.empty());
}

TEST(Matching, NeverTwiceOnOneDay) {
  Instance in;
  in.requests = {req("r1", 45, 5, {"2027-03-02"}), req("r2", 45.01, 5, {"2027-03-02"})};
  in.ambassadors = {amb("a", 45, 5.01, {}, 2)};
  EXPECT_EQ(filled(solve(in)), 1);
  in.requests[1].dates = {"2027-03-02", "2027-03-03"};
  Result res = solve(in);
  ASSERT_EQ(filled(res), 2);
  EXPECT_EQ(res.assignments[0].date, "2027-03-02");
  EXPECT_EQ(res.assignments[1].date, "2027-03-03");
}

TEST(Matching, CapacityAndMonthCapacity) {
  Instance in;
  in.requests = {req("r1", 45, 5, {"2027-03-02"}), req("r2", 45.05, 5, {"2027-03-09"}),
                 req("r3", 45, 5, {"2027-04-06"}), req("r4", 45, 5, {"2027-05-04"})};
  in.ambassadors = {amb("a", 45, 5.01, {}, 1)};
  EXPECT_EQ(filled(solve(in)), 1);
  in.ambassadors[0].capacity = 4;
  EXPECT_EQ(filled(solve(in)), 4);
  in.ambassadors[0].month_capacity = {{"2027-03", 1}, {"2027-04", 0}, {"2027-09", 0}};  // May not listed
  Result res = solve(in);
  ASSERT_EQ(filled(res), 2);
  EXPECT_EQ(res.assignments[0].request, "r1");
  EXPECT_EQ(res.assignments[1].request, "r4");
  EXPECT_EQ(res.unfilled.size(), 2u);
}

TEST(Matching, FillingFirstBeatsCheaperButFewer) {
  Instance in;
  in.requests = {req("r1", 0, 0), req("r2", 0, 0)};
  in.ambassadors = {amb("a1", 0, 0), amb("a2", 0, 0)};
  in.pair_costs = std::vector<PairCost>{{"r1", "a1", 1}, {"r2", "a1", 1}, {"r1", "a2", 1000}};
  Result res = solve(in);
  ASSERT_EQ(filled(res), 2);
  EXPECT_EQ(res.total_cost, 1001);
  EXPECT_EQ(res.assignments[0].ambassador, "a2");
  EXPECT_EQ(res.assignments[1].ambassador, "a1");
}

TEST(Matching, PairCostsReplaceTheModel) {
  Instance in;
  in.requests = {req("r", 45, 5, {"2027-03-02"})};
  in.ambassadors = {amb("near", 45, 5.001, {"2027-03-02"}), amb("far", 48, 2, {"2027-03-02"}, 1, 5)};
  EXPECT_EQ(solve(in).assignments.at(0).ambassador, "near");
  in.pair_costs = std::vector<PairCost>{{"r", "far", 7}};
  Result res = solve(in);
  ASSERT_EQ(filled(res), 1);
  EXPECT_EQ(res.assignments[0].ambassador, "far");
  EXPECT_EQ(res.assignments[0].cost, 7);
  EXPECT_EQ(res.total_cost, 7);
  in.ambassadors[1].dates = {"2027-03-03"};  // dates still apply
  res = solve(in);
  EXPECT_EQ(filled(res), 0);
  EXPECT_EQ(res.unfilled.at(0).reason, "personne disponible à ces dates");
  in.pair_costs = std::vector<PairCost>{};
  EXPECT_EQ(solve(in).unfilled.at(0).reason, "aucune ambassadrice autorisée pour cette demande");
}

TEST(Matching, RepeatSchoolSendsSomeoneNew) {
  Instance in;
  in.requests = {req("r", 45, 5)};
  in.ambassadors = {amb("a", 45, 5.01), amb("b", 45, 5.02)};  // costs 10 and 20
  EXPECT_EQ(solve(in).assignments.at(0).ambassador, "a");
  in.requests[0].past_ambassadors = {"a"};
  EXPECT_EQ(solve(in).assignments.at(0).ambassador, "b");
}

TEST(Matching, ReasonsOfUnfilledPlaces) {
  Instance in;
  in.requests = {req("far", 48, 2), req("dates", 45, 5, {"2027-03-02"}), req("taken", 45, 5, {"2027-03-09"}, 2)};
  in.requests[2].domains = {"chimie"};
  in.ambassadors = {amb("a", 45, 5.01, {"2027-03-09"}, 1, 30), amb("b", 45, 5.02, {"2027-03-09"}, 0, 45)};
  in.ambassadors[1].domains = {"chimie"};
  Result res = solve(in);
  ASSERT_EQ(res.unfilled.size(), 3u);
  EXPECT_EQ(res.unfilled[0].reason, "personne à moins de 45 km");
  EXPECT_EQ(res.unfilled[1].reason, "personne disponible à ces dates");
  EXPECT_EQ(res.unfilled[2].reason, "toutes les ambassadrices possibles sont déjà prises");
  EXPECT_EQ(res.unfilled[2].places, 1);
  in.ambassadors[1].domains = {"verre"};
  in.ambassadors[1].max_km = 22.5;
  res = solve(in);
  EXPECT_EQ(res.unfilled[0].reason, "personne à moins de 30 km");
  EXPECT_EQ(res.unfilled[2].reason,
            "personne du domaine demandé à proximité ; toutes les ambassadrices possibles sont déjà prises");
  in.ambassadors[0].max_km = 22.5;
  EXPECT_EQ(solve(in).unfilled[0].reason, "personne à moins de 22,5 km");
  in.ambassadors.clear();
  EXPECT_EQ(solve(in).unfilled[0].reason, "aucune ambassadrice disponible");
}

TEST(Matching, InconsistentInstancesThrow) {
  Instance in;
  in.requests = {req("r", 0, 0), req("r", 0, 0)};
  EXPECT_THROW(solve(in), std::invalid_argument);
  in.requests = {req("r", 0, 0, {}, -1)};
  EXPECT_THROW(solve(in), std::invalid_argument);
  in.requests = {req("r", 0, 0)};
  in.ambassadors = {amb("a", 0, 0)};
  in.pair_costs = std::vector<PairCost>{{"r", "b", 1}};
  EXPECT_THROW(solve(in), std::invalid_argument);
  in.pair_costs = std::vector<PairCost>{{"r", "a", 1}, {"r", "a", 2}};
  EXPECT_THROW(solve(in), std::invalid_argument);
  in.pair_costs.reset();
  EXPECT_NO_THROW(solve(in));
  in.weights.road_factor = 0;
  EXPECT_THROW(solve(in), std::invalid_argument);
}

TEST(Matching, JsonRoundTrip) {
  auto in = instance_from_json(nlohmann::json::parse(R"({
    "requests": [{"id": "r1", "lat": 47.24, "lon": 6.02, "dates": ["2027-03-02"], "needed": 2,
                  "domains": ["usinage"], "past_ambassadors": ["a2"], "never_reached": true}],
    "ambassadors": [{"id": "a1", "lat": 47.25, "lon": 6.03, "max_km": 30, "dates": ["2027-03-02"],
                     "capacity": 1, "domains": ["usinage"], "month_capacity": {"2027-03": 1}},
                    {"id": 7, "lat": 47.30, "lon": 6.10, "capacity": 2, "load": 3}],
    "weights": {"repeat_school": 55, "road_factor": 1.2}})"));
  EXPECT_EQ(in.requests[0].past_ambassadors, std::vector<std::string>{"a2"});
  EXPECT_EQ(in.ambassadors[0].month_capacity.at("2027-03"), 1);
  EXPECT_EQ(in.ambassadors[1].id, "7");
  EXPECT_EQ(in.weights.repeat_school, 55);
  EXPECT_EQ(in.weights.road_factor, 1.2);
  auto out = result_to_json(solve(in));
  ASSERT_EQ(out["assignments"].size(), 2u);
  EXPECT_EQ(out["assignments"][0]["ambassador"], "a1");
  EXPECT_EQ(out["assignments"][1]["ambassador"], "7");
  EXPECT_EQ(out["assignments"][1]["date"], "2027-03-02");
  EXPECT_EQ(out["total_cost"].get<long long>(),
            out["assignments"][0]["cost"].get<long long>() + out["assignments"][1]["cost"].get<long long>());
  EXPECT_TRUE(out["unfilled"].empty());
}

TEST(Matching, JsonErrorsNameThePath) {
  const std::string ambs = R"("ambassadors": [{"id": "a", "lat": 1, "lon": 2}])";
  std::vector<std::pair<std::string, std::string>> cases = {
      {"[]", "$ : objet JSON attendu"},
      {R"({"ambassadors": []})", "$.requests : champ manquant"},
      {std::string(R"({"requests": [{"id": "r", "lat": "x", "lon": 1}], )") + ambs + "}",
       "requests[0].lat : nombre attendu"},
      {std::string(R"({"requests": [{"id": "r", "lat": 91, "lon": 1}], )") + ambs + "}",
       "requests[0].lat : nombre entre -90 et 90 attendu"},
      {std::string(R"({"requests": [{"id": "r", "lat": 1, "lon": 1, "dates": ["2027-02-30"]}], )") + ambs + "}",
       "requests[0].dates[0] : jour AAAA-MM-JJ attendu (« 2027-02-30 »)"},
      {std::string(R"({"requests": [{"id": "r", "lat": 1, "lon": 1, "needed": -1}], )") + ambs + "}",
       "requests[0].needed : nombre entier positif attendu"},
      {R"({"requests": [], "ambassadors": [{"id": "a", "lat": 1, "lon": 2}, {"id": "a", "lat": 1, "lon": 2}]})",
       "ambassadors[1].id : identifiant en double (« a »)"},
      {R"({"requests": [], "ambassadors": [{"id": "a", "lat": 1, "lon": 2, "month_capacity": {"2027-13": 1}}]})",
       "ambassadors[0].month_capacity.2027-13 : mois AAAA-MM attendu"},
      {R"({"requests": [], "ambassadors": [{"id": "a", "lat": 1, "lon": 2, "month_capacity": {"2027-03": 1.5}}]})",
       "ambassadors[0].month_capacity.2027-03 : nombre entier positif attendu"},
      {R"({"requests": [], "ambassadors": [{"id": "a", "lat": 1, "lon": 2, "dates": "2027-03-02"}]})",
       "ambassadors[0].dates : liste attendue"},
      {std::string(R"({"requests": [], )") + ambs + R"(, "weights": {"repeat_school": -1}})",
       "weights.repeat_school : nombre entre 0 et 1000000 attendu"},
      {std::string(R"({"requests": [{"id": "r", "lat": 1, "lon": 1}], )") + ambs +
           R"(, "pair_costs": [{"request": "r", "ambassador": "b", "cost": 1}]})",
       "pair_costs[0].ambassador : ambassadrice inconnue (« b »)"},
      {std::string(R"({"requests": [{"id": "r", "lat": 1, "lon": 1}], )") + ambs +
           R"(, "pair_costs": [{"request": "r", "ambassador": "a", "cost": 1}, {"request": "r", "ambassador": "a", "cost": 2}]})",
       "pair_costs[1] : paire déjà donnée plus haut"},
      {std::string(R"({"requests": [{"id": "r", "lat": 1, "lon": 1}], )") + ambs +
           R"(, "pair_costs": [{"request": "r", "ambassador": "a", "cost": 1.5}]})",
       "pair_costs[0].cost : nombre entier entre -1000000000 et 1000000000 attendu"},
  };
  for (const auto& [json, message] : cases) EXPECT_EQ(expect_json_error(json.c_str()), message) << json;
}

// Random instances with dates, distances, capacities and month capacities: every constraint holds, and the grid's
// candidate pairs give the same optimum as every pair given through pair_costs (the grid misses no pair).
TEST(Matching, RandomInstancesKeepEveryConstraint) {
  std::mt19937 rng(20270302);
  auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::vector<std::string> all_days = {"2027-02-26", "2027-03-01", "2027-03-02", "2027-03-03",
                                             "2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02"};
  const std::vector<std::string> domains = {"usinage", "chimie", "verre", "numerique"};
  int total_assignments = 0, total_unfilled = 0, month_limited = 0;
  for (int t = 0; t < 300; ++t) {
    // Centres: France, the antimeridian, the southern hemisphere.
    const double centres[][2] = {{46.5, 2.5}, {-17.5, 179.9}, {-33.9, 151.2}};
    const auto& c = centres[t % 3];
    auto days = [&](int most) {
      std::vector<std::string> out;
      for (const auto& d : all_days)
        if (pick(0, 7) < most) out.push_back(d);
      return out;
    };
    Instance in;
    in.weights.road_factor = uniform(1, 1.6);
    int n_req = pick(1, 12), n_amb = pick(0, 16);
    for (int i = 0; i < n_req; ++i) {
      Request r = req("r" + std::to_string(i), c[0] + uniform(-0.6, 0.6), c[1] + uniform(-0.6, 0.6),
                      pick(0, 4) == 0 ? std::vector<std::string>{} : days(2), pick(0, 3));
      if (pick(0, 1)) r.domains = {domains[pick(0, 3)]};
      r.never_reached = pick(0, 3) == 0;
      if (pick(0, 3) == 0) r.past_ambassadors = {"a" + std::to_string(pick(0, 15))};
      in.requests.push_back(r);
    }
    for (int j = 0; j < n_amb; ++j) {
      Ambassador a = amb("a" + std::to_string(j), c[0] + uniform(-0.6, 0.6), c[1] + uniform(-0.6, 0.6),
                         pick(0, 4) == 0 ? std::vector<std::string>{} : days(4), pick(0, 3), uniform(5, 80));
      a.domains = {domains[pick(0, 3)]};
      a.load = pick(0, 4);
      if (pick(0, 2) == 0) a.month_capacity["2027-03"] = pick(0, 2);
      if (pick(0, 4) == 0) a.month_capacity["2027-04"] = pick(0, 1);
      month_limited += !a.month_capacity.empty();
      if (t % 10 == 9 && j == 0) a.max_km = 5000;  // a reach the grid does not handle: every pair is tried
      in.ambassadors.push_back(a);
    }
    Result res = solve(in);

    std::map<std::string, const Request*> rq;
    std::map<std::string, const Ambassador*> am;
    for (const auto& r : in.requests) rq[r.id] = &r;
    for (const auto& a : in.ambassadors) am[a.id] = &a;
    std::map<std::string, int> per_request, per_ambassador;
    std::map<std::pair<std::string, std::string>, int> per_month;
    std::set<std::pair<std::string, std::string>> ambassador_day, request_ambassador;
    long long total = 0;
    for (const auto& x : res.assignments) {
      SCOPED_TRACE("instance " + std::to_string(t) + " " + x.request + "/" + x.ambassador + " " + x.date);
      const Request& r = *rq.at(x.request);
      const Ambassador& a = *am.at(x.ambassador);
      auto cost = pair_cost(r, a, in.weights);
      ASSERT_TRUE(cost.has_value()) << "beyond max_km";
      EXPECT_LE(distance_km(r.lat, r.lon, a.lat, a.lon) * in.weights.road_factor, a.max_km);
      EXPECT_EQ(x.cost, *cost);
      auto listed = [&](const std::vector<std::string>& ds) {
        return ds.empty() || std::find(ds.begin(), ds.end(), x.date) != ds.end();
      };
      EXPECT_TRUE(listed(r.dates) && listed(a.dates)) << "not a common day";
      EXPECT_EQ(x.date.empty(), r.dates.empty() && a.dates.empty());
      if (!x.date.empty()) {
        EXPECT_TRUE(ambassador_day.insert({x.ambassador, x.date}).second) << "twice on one day";
        int n = ++per_month[{x.ambassador, x.date.substr(0, 7)}];
        if (auto it = a.month_capacity.find(x.date.substr(0, 7)); it != a.month_capacity.end()) {
          EXPECT_LE(n, it->second) << "month capacity";
        }
      }
      EXPECT_TRUE(request_ambassador.insert({x.request, x.ambassador}).second) << "the same woman twice";
      EXPECT_LE(++per_request[x.request], r.needed);
      EXPECT_LE(++per_ambassador[x.ambassador], a.capacity);
      total += x.cost;
    }
    EXPECT_EQ(res.total_cost, total);
    int unfilled = 0;
    for (const auto& u : res.unfilled) {
      EXPECT_EQ(u.places, rq.at(u.request)->needed - per_request[u.request]) << u.request;
      EXPECT_FALSE(u.reason.empty());
      unfilled += u.places;
    }
    int needed = 0;
    for (const auto& r : in.requests) needed += r.needed;
    EXPECT_EQ(unfilled + filled(res), needed);

    // The same instance with every allowed pair listed (no grid): the same optimum.
    Instance listed = in;
    listed.pair_costs = std::vector<PairCost>{};
    for (const auto& r : in.requests)
      for (const auto& a : in.ambassadors)
        if (auto cost = pair_cost(r, a, in.weights)) listed.pair_costs->push_back({r.id, a.id, *cost});
    Result ref = solve(listed);
    EXPECT_EQ(filled(ref), filled(res)) << "instance " << t;
    EXPECT_EQ(ref.total_cost, res.total_cost) << "instance " << t;
    total_assignments += filled(res);
    total_unfilled += unfilled;
  }
  // The instances are not trivial: many assignments, some unfilled places, month limits in play.
  EXPECT_GT(total_assignments, 800);
  EXPECT_GT(total_unfilled, 500);
  EXPECT_GT(month_limited, 500);
}
