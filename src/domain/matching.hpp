// Matching ambassadors to school requests (issue 5): pure code, the same for `passerelles match` and the server.
//
// All open requests are assigned together by a min-cost flow (LEMON NetworkSimplex), optimal for the model:
// first as many needed places as possible are filled, then the total cost is the least.
//
// The network (docs/matching.md draws it), for each request r, ambassador a and day d both list:
//   r -> (a,d)             capacity 1 (the same woman once per request, so a pair is two people), cost c(r,a), when
//                          the pair has one common day; with several: r -> (r,a) at c(r,a), then (r,a) -> (a,d)
//   (a,d) -> (a,month)     capacity 1 (never booked twice on one day), when her month_capacity lists that month
//   (a,month) -> a         capacity month_capacity[month]; otherwise (a,d) -> a, capacity 1
//   r -> a                 capacity 1, cost c(r,a), when neither lists days (only her capacity applies)
//   a -> sink              capacity capacity(a)
//   r -> sink              capacity needed(r), cost kUnfilled (a place left empty): larger than any change of the
//                          other paths' costs, so filling a place always wins over leaving it empty.
//   supply needed(r) at each request.
// With pair_costs only the listed pairs are arcs, at those costs; otherwise the cost model below gives c(r,a), and
// pairs beyond max_km are not arcs. Candidate pairs come from a spatial grid; the flow is solved on each request's
// cheapest pairs first, then the pairs left out are priced with the potentials until none would lower the cost.
#pragma once
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace passerelles::domain::matching {

struct Request {
  std::string id;
  double lat = 0, lon = 0;
  std::vector<std::string> dates;  // ISO days; empty = any day
  int needed = 1;
  std::vector<std::string> domains;
  bool never_reached = false;
  bool priority_education = false;
  // Ambassadors who already came to this school (its earlier interventions): each pairs at + repeat_school, so
  // that a school meets different women over time.
  std::vector<std::string> past_ambassadors;
};

struct Ambassador {
  std::string id;
  double lat = 0, lon = 0;
  double max_km = 30;
  std::vector<std::string> dates;  // days available; empty = any day
  int capacity = 1;                // assignments in this run
  std::vector<std::string> domains;
  int load = 0;  // assignments already this term
  // Places left per month 'YYYY-MM' (her monthly maximum minus what she already has that month): assignments on
  // days of a listed month never exceed it. A month not listed is limited only by capacity.
  std::map<std::string, int> month_capacity;
};

// Cost of a pairing (integers: the flow is solved exactly):
//   distance_km × road_factor × per_km
// + domain_mismatch when no domain is shared (0 when the request names none)
// + load_step × load × (load + 1) / 2 … the marginal cost of her next assignment grows with her load
// + repeat_school when she is one of the request's past_ambassadors
// - never_reached_bonus when the school was never reached, - priority_bonus for priority education
// (clamped at 0).
struct Weights {
  double road_factor = 1.3;
  double per_km = 10;
  double domain_mismatch = 300;
  double load_step = 40;
  double repeat_school = 120;
  double never_reached_bonus = 150;
  double priority_bonus = 100;
};

struct PairCost {
  std::string request, ambassador;
  long long cost = 0;
};

struct Instance {
  std::vector<Request> requests;
  std::vector<Ambassador> ambassadors;
  Weights weights;
  std::optional<std::vector<PairCost>> pair_costs;
};

struct Assignment {
  std::string request, ambassador, date;  // date "" when neither side listed days
  long long cost = 0;
};
struct Unfilled {
  std::string request;
  int places = 0;
  std::string reason;  // French: « personne à moins de 30 km », « personne disponible à ces dates »…
};
struct Result {
  std::vector<Assignment> assignments;  // by request order, then ambassador order
  std::vector<Unfilled> unfilled;
  long long total_cost = 0;
  // Processor seconds of the two phases (bench and `passerelles match`): the allowed pairs and their costs (with
  // pair_costs: reading the list), then the network and the flow.
  double pairs_seconds = 0, flow_seconds = 0;
};

// Great-circle distance in km (haversine, R = 6371 km).
double distance_km(double lat1, double lon1, double lat2, double lon2);

// The cost model's c(r,a), or nullopt when the pair is not allowed (beyond her max_km).
std::optional<long long> pair_cost(const Request& r, const Ambassador& a, const Weights& w);

// Throws std::invalid_argument with a precise French message for an inconsistent instance (unknown ids or a pair
// listed twice in pair_costs, duplicate ids, negative capacities or needs, a road factor ≤ 0).
Result solve(const Instance& in);

}  // namespace passerelles::domain::matching

// ---- the JSON format of `passerelles match --in instance.json --out result.json` (docs/matching.md) ----------
namespace passerelles::domain::matching {

// Reads an instance; throws std::invalid_argument with the JSON path of the bad value
// (« requests[3].lat: nombre attendu »).
Instance instance_from_json(const nlohmann::json& j);
nlohmann::json result_to_json(const Result& r);

}  // namespace passerelles::domain::matching
