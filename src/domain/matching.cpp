// The matching engine: candidate pairs (spatial grid), the min-cost flow network and the reasons of unfilled places.
#include "domain/matching.hpp"

#include <fmt/format.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <limits>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace passerelles::domain::matching {

namespace {
constexpr double kEarthKm = 6371.0;
constexpr double kDeg = 3.14159265358979323846 / 180.0;
constexpr int kAnyDay = -1;                     // neither side lists days
constexpr long long kMaxPairCost = 1000000000;  // |cost| bound, so that the flow's sums cannot overflow
}  // namespace

namespace {

// The haversine with the cosines of both latitudes given: distance_km and the grid compute the same bits.
double haversine_km(double lat1, double lon1, double cos1, double lat2, double lon2, double cos2) {
  double dlat = (lat2 - lat1) * kDeg, dlon = (lon2 - lon1) * kDeg;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) + cos1 * cos2 * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool share_domain(const Request& r, const Ambassador& a) {
  return std::any_of(r.domains.begin(), r.domains.end(), [&](const std::string& d) {
    return std::find(a.domains.begin(), a.domains.end(), d) != a.domains.end();
  });
}

}  // namespace

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  return haversine_km(lat1, lon1, std::cos(lat1 * kDeg), lat2, lon2, std::cos(lat2 * kDeg));
}

namespace {

// c(r,a) once the road distance is known to be within her max_km; shared: they have a domain in common.
long long cost_at(const Request& r, const Ambassador& a, double road_km, bool shared, const Weights& w) {
  double c = road_km * w.per_km;
  if (!r.domains.empty() && !shared) c += w.domain_mismatch;
  c += w.load_step * a.load * (a.load + 1) / 2.0;
  if (!r.past_ambassadors.empty() &&
      std::find(r.past_ambassadors.begin(), r.past_ambassadors.end(), a.id) != r.past_ambassadors.end())
    c += w.repeat_school;
  if (r.never_reached) c -= w.never_reached_bonus;
  if (r.priority_education) c -= w.priority_bonus;
  return static_cast<long long>(std::llround(std::clamp(c, 0.0, static_cast<double>(kMaxPairCost))));
}

}  // namespace

std::optional<long long> pair_cost(const Request& r, const Ambassador& a, const Weights& w) {
  double km = distance_km(r.lat, r.lon, a.lat, a.lon) * w.road_factor;
  if (!(km <= a.max_km)) return std::nullopt;
  return cost_at(r, a, km, share_domain(r, a), w);
}

namespace {

// A pair the model or pair_costs allows. Live: with a common day, in the network. A pair that is not live comes
// from pair_costs, or from the model's grid with its distance not checked yet (0 cost).
struct Pair {
  int r = 0, a = 0;
  long long cost = 0;
  bool live = false;
};

// Days and months of the instance as small integers (sorted, so day order is text order).
struct Calendar {
  std::vector<std::string> days;
  std::vector<int> month_of_day;  // index into months
  std::vector<std::string> months;
  std::vector<std::vector<int>> request_days, ambassador_days;  // sorted, unique
  std::vector<std::uint64_t> request_mask, ambassador_mask;     // the same as bits, when there are ≤ 64 days

  explicit Calendar(const Instance& in) {
    for (const auto& r : in.requests) days.insert(days.end(), r.dates.begin(), r.dates.end());
    for (const auto& a : in.ambassadors) days.insert(days.end(), a.dates.begin(), a.dates.end());
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    for (const auto& d : days) {
      std::string m = d.substr(0, 7);
      if (months.empty() || months.back() != m) months.push_back(m);
      month_of_day.push_back(static_cast<int>(months.size()) - 1);
    }
    auto ids = [&](const std::vector<std::string>& list) {
      std::vector<int> out;
      out.reserve(list.size());
      for (const auto& d : list)
        out.push_back(static_cast<int>(std::lower_bound(days.begin(), days.end(), d) - days.begin()));
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      return out;
    };
    auto mask = [&](const std::vector<int>& list) {
      std::uint64_t m = 0;
      for (int d : list) m |= std::uint64_t{1} << d;
      return m;
    };
    for (const auto& r : in.requests) request_days.push_back(ids(r.dates));
    for (const auto& a : in.ambassadors) ambassador_days.push_back(ids(a.dates));
    if (days.size() <= 64) {
      for (const auto& x : request_days) request_mask.push_back(mask(x));
      for (const auto& x : ambassador_days) ambassador_mask.push_back(mask(x));
    }
  }

  // Whether the pair has a common day (common() is not empty).
  bool share_day(int r, int a) const {
    const auto &x = request_days[r], &y = ambassador_days[a];
    if (x.empty() || y.empty()) return true;
    if (!request_mask.empty()) return (request_mask[r] & ambassador_mask[a]) != 0;
    for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
      if (x[i] == y[j]) return true;
      x[i] < y[j] ? ++i : ++j;
    }
    return false;
  }

  int month(const std::string& m) const {
    auto it = std::lower_bound(months.begin(), months.end(), m);
    return it != months.end() && *it == m ? static_cast<int>(it - months.begin()) : -1;
  }

  // Days both list; {kAnyDay} when neither lists any; the other's days when one lists none.
  void common(int r, int a, std::vector<int>& out) const {
    const auto &x = request_days[r], &y = ambassador_days[a];
    out.clear();
    if (x.empty() && y.empty()) {
      out.push_back(kAnyDay);
    } else if (x.empty()) {
      out = y;
    } else if (y.empty()) {
      out = x;
    } else if (!request_mask.empty()) {
      for (std::uint64_t m = request_mask[r] & ambassador_mask[a]; m != 0; m &= m - 1)
        out.push_back(std::countr_zero(m));
    } else {
      std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
    }
  }
};

// Every pair the cost model allows, by request then ambassador. Ambassadors are put in a grid of cells at least
// as large as the farthest anyone travels (great-circle: max_km / road_factor), so a request looks only at the 3×3
// cells around it; a latitude gap Δφ is at least R·Δφ away, a longitude gap Δλ at least R·asin(cos φ · sin Δλ).
// Near the poles or for very long reaches the grid is not worth it and every pair is tried.
std::vector<Pair> model_pairs(const Instance& in, const Calendar& cal) {
  std::vector<Pair> out;
  const int n_req = static_cast<int>(in.requests.size()), n_amb = static_cast<int>(in.ambassadors.size());
  // Points on the unit sphere: the chord between two points is a cheap, exact test of the great-circle distance
  // (d ≤ D ⇔ chord ≤ 2 sin(D / 2R)); with a margin it only discards pairs far beyond max_km, and the haversine of
  // distance_km decides the others, so the pairs are exactly pair_cost's.
  auto unit = [](double lat, double lon) {
    return std::array<double, 3>{std::cos(lat * kDeg) * std::cos(lon * kDeg),
                                 std::cos(lat * kDeg) * std::sin(lon * kDeg), std::sin(lat * kDeg)};
  };
  std::vector<std::array<double, 3>> amb_point(n_amb);
  std::vector<double> amb_chord2(n_amb);
  for (int a = 0; a < n_amb; ++a) {
    const auto& x = in.ambassadors[a];
    amb_point[a] = unit(x.lat, x.lon);
    double great_circle = std::min(x.max_km / in.weights.road_factor, kEarthKm * 3.14159265358979323846);
    double chord = 2 * std::sin(std::min(great_circle / (2 * kEarthKm), 1.5707963267948966));
    amb_chord2[a] = chord * chord * (1 + 1e-6) + 1e-9;
  }
  std::vector<std::array<double, 3>> req_point(n_req);
  for (int r = 0; r < n_req; ++r) req_point[r] = unit(in.requests[r].lat, in.requests[r].lon);
  std::vector<double> req_cos(n_req), amb_cos(n_amb);
  for (int r = 0; r < n_req; ++r) req_cos[r] = std::cos(in.requests[r].lat * kDeg);
  for (int a = 0; a < n_amb; ++a) amb_cos[a] = std::cos(in.ambassadors[a].lat * kDeg);
  // Domains as bits when there are at most 64 of them (else compared as text).
  std::vector<std::string> names;
  for (const auto& r : in.requests) names.insert(names.end(), r.domains.begin(), r.domains.end());
  for (const auto& a : in.ambassadors) names.insert(names.end(), a.domains.begin(), a.domains.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  const bool bits = names.size() <= 64;
  auto mask = [&](const std::vector<std::string>& list) {
    std::uint64_t m = 0;
    if (bits)
      for (const auto& d : list)
        m |= std::uint64_t{1} << (std::lower_bound(names.begin(), names.end(), d) - names.begin());
    return m;
  };
  std::vector<std::uint64_t> req_domains(n_req), amb_domains(n_amb);
  for (int r = 0; r < n_req; ++r) req_domains[r] = mask(in.requests[r].domains);
  for (int a = 0; a < n_amb; ++a) amb_domains[a] = mask(in.ambassadors[a].domains);
  auto try_pair = [&](int r, int a) {
    const auto &p = req_point[r], &q = amb_point[a];
    double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
    if (dx * dx + dy * dy + dz * dz > amb_chord2[a]) return;
    if (!cal.share_day(r, a)) {  // kept for the reasons, which check the distance exactly if ever needed
      out.push_back({r, a, 0, false});
      return;
    }
    const Request& req = in.requests[r];
    const Ambassador& amb = in.ambassadors[a];
    double km = haversine_km(req.lat, req.lon, req_cos[r], amb.lat, amb.lon, amb_cos[a]) * in.weights.road_factor;
    if (!(km <= amb.max_km)) return;
    bool shared = bits ? (req_domains[r] & amb_domains[a]) != 0 : share_domain(req, amb);
    out.push_back({r, a, cost_at(req, amb, km, shared, in.weights), true});
  };
  double reach = 0, max_lat = 0;
  for (const auto& a : in.ambassadors) {
    reach = std::max(reach, a.max_km);
    max_lat = std::max(max_lat, std::abs(a.lat));
  }
  for (const auto& r : in.requests) max_lat = std::max(max_lat, std::abs(r.lat));
  double angle = std::max(reach / in.weights.road_factor * (1 + 1e-9), 0.01) / kEarthKm;  // radians
  double lon_sin = std::sin(angle) / std::cos(std::min(max_lat, 90.0) * kDeg);
  if (!(in.weights.road_factor > 0) || !std::isfinite(angle) || angle > 0.5 || !(lon_sin < 0.5)) {
    for (int r = 0; r < n_req; ++r)
      for (int a = 0; a < n_amb; ++a) try_pair(r, a);
    return out;
  }
  const double lat_cell = angle / kDeg, lon_cell = std::asin(lon_sin) / kDeg;
  const long long cols = static_cast<long long>(std::ceil(360.0 / lon_cell));
  auto row = [&](double lat) { return static_cast<long long>(std::floor((lat + 90.0) / lat_cell)); };
  auto col = [&](double lon) {
    long long c = static_cast<long long>(std::floor((lon + 180.0) / lon_cell)) % cols;
    return c < 0 ? c + cols : c;
  };
  auto key = [&](long long i, long long j) { return i * cols + j; };

  std::vector<std::pair<long long, int>> by_cell;  // (cell, ambassador), sorted
  by_cell.reserve(in.ambassadors.size());
  for (int a = 0; a < n_amb; ++a) by_cell.push_back({key(row(in.ambassadors[a].lat), col(in.ambassadors[a].lon)), a});
  std::sort(by_cell.begin(), by_cell.end());
  std::unordered_map<long long, std::pair<std::size_t, std::size_t>> cells;  // cell -> [begin, end) in by_cell
  cells.reserve(by_cell.size());
  for (std::size_t i = 0; i < by_cell.size();) {
    std::size_t j = i;
    while (j < by_cell.size() && by_cell[j].first == by_cell[i].first) ++j;
    cells[by_cell[i].first] = {i, j};
    i = j;
  }
  std::vector<int> near;
  for (int r = 0; r < n_req; ++r) {
    near.clear();
    long long i0 = row(in.requests[r].lat), j0 = col(in.requests[r].lon);
    for (long long di = -1; di <= 1; ++di)
      for (long long dj = -1; dj <= 1; ++dj) {
        auto it = cells.find(key(i0 + di, ((j0 + dj) % cols + cols) % cols));
        if (it == cells.end()) continue;
        for (std::size_t k = it->second.first; k < it->second.second; ++k) near.push_back(by_cell[k].second);
      }
    std::sort(near.begin(), near.end());
    for (int a : near) try_pair(r, a);
  }
  return out;
}

std::string km_text(double km) {
  std::string s = fmt::format("{:.0f}", km);
  if (std::abs(km - std::round(km)) > 1e-9) {
    s = fmt::format("{:.1f}", km);
    std::replace(s.begin(), s.end(), '.', ',');
  }
  return s;
}

void check(const Instance& in) {
  if (!(in.weights.road_factor > 0) || !std::isfinite(in.weights.road_factor))
    throw std::invalid_argument("weights.road_factor : nombre positif attendu");
  std::unordered_set<std::string> seen;
  for (const auto& r : in.requests) {
    if (r.needed < 0) throw std::invalid_argument("demande " + r.id + " : needed négatif");
    if (!seen.insert(r.id).second) throw std::invalid_argument("demande " + r.id + " : identifiant en double");
  }
  seen.clear();
  for (const auto& a : in.ambassadors) {
    if (a.capacity < 0) throw std::invalid_argument("ambassadrice " + a.id + " : capacity négative");
    for (const auto& [m, n] : a.month_capacity)
      if (n < 0) throw std::invalid_argument("ambassadrice " + a.id + " : month_capacity " + m + " négative");
    if (!seen.insert(a.id).second) throw std::invalid_argument("ambassadrice " + a.id + " : identifiant en double");
  }
}

}  // namespace

Result solve(const Instance& in) {
  const std::clock_t started = std::clock();
  check(in);
  const int n_req = static_cast<int>(in.requests.size()), n_amb = static_cast<int>(in.ambassadors.size());

  // Allowed pairs and their costs, by request then ambassador.
  const Calendar cal(in);
  std::vector<Pair> pairs;
  if (in.pair_costs) {
    std::unordered_map<std::string, int> req_index, amb_index;
    for (int i = 0; i < n_req; ++i) req_index.emplace(in.requests[i].id, i);
    for (int i = 0; i < n_amb; ++i) amb_index.emplace(in.ambassadors[i].id, i);
    pairs.reserve(in.pair_costs->size());
    const PairCost* previous = nullptr;  // lists usually come by request: one lookup per run
    int r = -1;
    for (const auto& pc : *in.pair_costs) {
      if (!previous || pc.request != previous->request) {
        auto it = req_index.find(pc.request);
        if (it == req_index.end()) throw std::invalid_argument("pair_costs : demande inconnue " + pc.request);
        r = it->second;
      }
      previous = &pc;
      auto a = amb_index.find(pc.ambassador);
      if (a == amb_index.end()) throw std::invalid_argument("pair_costs : ambassadrice inconnue " + pc.ambassador);
      if (std::llabs(pc.cost) > kMaxPairCost)
        throw std::invalid_argument("pair_costs : coût hors limites pour " + pc.request + " / " + pc.ambassador);
      pairs.push_back({r, a->second, pc.cost, cal.share_day(r, a->second)});
    }
    auto by_pair = [](const Pair& x, const Pair& y) { return std::make_pair(x.r, x.a) < std::make_pair(y.r, y.a); };
    if (!std::is_sorted(pairs.begin(), pairs.end(), by_pair)) std::stable_sort(pairs.begin(), pairs.end(), by_pair);
    for (std::size_t i = 1; i < pairs.size(); ++i)
      if (pairs[i].r == pairs[i - 1].r && pairs[i].a == pairs[i - 1].a)
        throw std::invalid_argument("pair_costs : paire en double " + in.requests[pairs[i].r].id + " / " +
                                    in.ambassadors[pairs[i].a].id);
  } else {
    pairs = model_pairs(in, cal);
  }

  const std::clock_t paired = std::clock();
  long long max_abs = 0, total_needed = 0;
  for (const auto& p : pairs) max_abs = std::max(max_abs, std::llabs(p.cost));
  for (const auto& r : in.requests) total_needed += r.needed;
  // A place left empty costs more than any change of the other paths' costs: filling one more always wins.
  const long long unfilled_cost = 2 * (total_needed + 1) * (max_abs + 1) + 1;
  if (total_needed > std::numeric_limits<int>::max() / 2 ||
      static_cast<long double>(unfilled_cost) * static_cast<long double>(total_needed + 1) > 4e18L)
    throw std::invalid_argument("instance trop grande pour des coûts aussi élevés");

  // Nodes: 0 the sink, then requests, ambassadors, and on demand (a, month) and (a, day); the (r, a) nodes of the
  // pairs with several common days come last, per round.
  struct Arc {
    int from, to, cap;
    long long cost;
  };
  std::vector<Arc> arcs;  // the arcs every round has: unfilled places, capacities, months, days
  int nodes = 1 + n_req + n_amb;
  auto req_node = [](int r) { return 1 + r; };
  auto amb_node = [&](int a) { return 1 + n_req + a; };
  arcs.reserve(static_cast<std::size_t>(n_req) + n_amb);
  for (int r = 0; r < n_req; ++r) arcs.push_back({req_node(r), 0, in.requests[r].needed, unfilled_cost});
  for (int a = 0; a < n_amb; ++a) arcs.push_back({amb_node(a), 0, in.ambassadors[a].capacity, 0});

  // Months each ambassador limits, as (month index, places left), for months the instance has days in.
  std::vector<std::vector<std::pair<int, int>>> month_limits(n_amb);
  for (int a = 0; a < n_amb; ++a)
    for (const auto& [m, n] : in.ambassadors[a].month_capacity)
      if (int k = cal.month(m); k >= 0) month_limits[a].push_back({k, n});
  const long long n_days = static_cast<long long>(cal.days.size()) + 1;
  const long long n_months = static_cast<long long>(cal.months.size()) + 1;
  std::unordered_map<long long, int> day_nodes, month_nodes;
  day_nodes.reserve(pairs.size());
  auto month_node = [&](int a, int m) {  // the node days of month m go through, or a's own node
    for (const auto& [k, n] : month_limits[a])
      if (k == m) {
        auto [it, fresh] = month_nodes.try_emplace(a * n_months + m, nodes);
        if (fresh) {
          ++nodes;
          arcs.push_back({it->second, amb_node(a), n, 0});
        }
        return it->second;
      }
    return amb_node(a);
  };
  auto day_node = [&](int a, int d) {
    if (d == kAnyDay) return amb_node(a);  // no day known: only her capacity applies
    auto [it, fresh] = day_nodes.try_emplace(a * n_days + d, nodes);
    if (fresh) {
      ++nodes;
      int up = month_node(a, cal.month_of_day[d]);
      arcs.push_back({it->second, up, 1, 0});
    }
    return it->second;
  };

  // Live pairs (a common day) and, flat, their days and the day nodes they lead to.
  std::vector<int> live, day_begin{0}, live_day, live_target;
  live.reserve(pairs.size());
  std::vector<int> days;
  for (int p = 0; p < static_cast<int>(pairs.size()); ++p) {
    if (!pairs[p].live) continue;
    cal.common(pairs[p].r, pairs[p].a, days);
    live.push_back(p);
    for (int d : days) {
      live_day.push_back(d);
      live_target.push_back(day_node(pairs[p].a, d));
    }
    day_begin.push_back(static_cast<int>(live_day.size()));
  }
  const int fixed_nodes = nodes;

  // Pricing: the flow is solved on the cheapest live pairs of each request first; the potentials then price every
  // pair left out (reduced cost c + π(r) − max over its days of π(a, d)), those below zero join, and again until
  // none does. Then the flow is optimal for the whole network (every arc left out has a reduced cost ≥ 0).
  // Each request starts with its needed + 1 cheapest pairs; on large instances (where a round costs more than the
  // pairs it saves) with 2 × needed + 12.
  std::vector<char> in_round(live.size(), 0);
  {
    const bool large = live.size() > 100000;
    const std::size_t first_round = large ? 2 : 1, extra = large ? 10 : 0;
    std::vector<int> order;
    std::size_t k = 0;
    for (int r = 0; r < n_req; ++r) {
      order.clear();
      while (k < live.size() && pairs[live[k]].r == r) order.push_back(static_cast<int>(k++));
      std::size_t keep = std::min<std::size_t>(order.size(), first_round * (1 + in.requests[r].needed) + extra);
      std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                        [&](int x, int y) { return pairs[live[x]].cost < pairs[live[y]].cost; });
      for (std::size_t i = 0; i < keep; ++i) in_round[order[i]] = 1;
    }
  }

  using G = lemon::SmartDigraph;
  using Simplex = lemon::NetworkSimplex<G, int, long long>;
  struct Use {
    int pair, day, arc;
    bool used;
  };
  std::vector<Use> uses;
  std::vector<int> unfilled_left(n_req, 0);
  for (int round = 1;; ++round) {
    if (round == 30) std::fill(in_round.begin(), in_round.end(), 1);  // a safety net: the whole network
    G g;
    std::size_t extra = 0;
    for (std::size_t i = 0; i < live.size(); ++i)
      if (in_round[i]) extra += day_begin[i + 1] - day_begin[i] + 1;
    g.reserveNode(nodes + static_cast<int>(extra));
    g.reserveArc(static_cast<int>(arcs.size() + extra));
    for (int i = 0; i < fixed_nodes; ++i) g.addNode();
    G::ArcMap<int> cap(g);
    G::ArcMap<long long> cost(g);
    auto add = [&](int from, int to, int c, long long w) {
      G::Arc e = g.addArc(g.nodeFromId(from), g.nodeFromId(to));
      cap[e] = c;
      cost[e] = w;
      return g.id(e);
    };
    for (const auto& a : arcs) add(a.from, a.to, a.cap, a.cost);
    uses.clear();
    for (std::size_t i = 0; i < live.size(); ++i) {
      if (!in_round[i]) continue;
      const Pair& pr = pairs[live[i]];
      if (day_begin[i + 1] - day_begin[i] == 1) {  // straight to the day: capacity 1 keeps her once per request
        uses.push_back(
            {live[i], live_day[day_begin[i]], add(req_node(pr.r), live_target[day_begin[i]], 1, pr.cost), false});
      } else {
        int ra = g.id(g.addNode());
        add(req_node(pr.r), ra, 1, pr.cost);
        for (int k = day_begin[i]; k < day_begin[i + 1]; ++k)
          uses.push_back({live[i], live_day[k], add(ra, live_target[k], 1, 0), false});
      }
    }
    G::NodeMap<int> supply(g, 0);
    for (int r = 0; r < n_req; ++r) supply[g.nodeFromId(req_node(r))] = in.requests[r].needed;
    supply[g.nodeFromId(0)] = -static_cast<int>(total_needed);
    Simplex ns(g);
    ns.upperMap(cap).costMap(cost).supplyMap(supply);
    if (ns.run() != Simplex::OPTIMAL) throw std::logic_error("matching: the flow problem has no optimal solution");

    std::size_t joined = 0;
    for (std::size_t i = 0; i < live.size(); ++i) {
      if (in_round[i]) continue;
      long long top = std::numeric_limits<long long>::min();
      for (int k = day_begin[i]; k < day_begin[i + 1]; ++k)
        top = std::max(top, ns.potential(g.nodeFromId(live_target[k])));
      const Pair& pr = pairs[live[i]];
      if (pr.cost + ns.potential(g.nodeFromId(req_node(pr.r))) - top < 0) {
        in_round[i] = 1;
        ++joined;
      }
    }
    if (joined > 0) continue;
    for (auto& u : uses) u.used = ns.flow(g.arcFromId(u.arc)) > 0;
    for (int r = 0; r < n_req; ++r) unfilled_left[r] = ns.flow(g.arcFromId(r));  // the first arcs
    break;
  }

  Result out;
  for (const auto& u : uses)
    if (u.used) {
      const auto& pr = pairs[u.pair];
      out.assignments.push_back(
          {in.requests[pr.r].id, in.ambassadors[pr.a].id, u.day == kAnyDay ? std::string() : cal.days[u.day], pr.cost});
      out.total_cost += pr.cost;
    }

  out.pairs_seconds = static_cast<double>(paired - started) / CLOCKS_PER_SEC;
  out.flow_seconds = static_cast<double>(std::clock() - paired) / CLOCKS_PER_SEC;

  // Reasons, from the pairs of each unfilled request (pairs are sorted by request).
  double farthest = 0;
  for (const auto& a : in.ambassadors) farthest = std::max(farthest, a.max_km);
  std::size_t p = 0;
  for (int r = 0; r < n_req; ++r) {
    std::size_t begin = p;
    while (p < pairs.size() && pairs[p].r == r) ++p;
    int left = unfilled_left[r];
    if (left <= 0) continue;
    const Request& req = in.requests[r];
    bool any_day = false, any_domain = req.domains.empty();
    bool any_pair = false;
    for (std::size_t k = begin; k < p; ++k) {
      const Ambassador& a = in.ambassadors[pairs[k].a];
      if (!pairs[k].live && !in.pair_costs && !pair_cost(req, a, in.weights)) continue;  // beyond her max_km
      any_pair = true;
      any_day = any_day || pairs[k].live;
      any_domain = any_domain || share_domain(req, a);
    }
    std::string reason;
    if (!any_pair) {
      reason = in.pair_costs ? "aucune ambassadrice autorisée pour cette demande"
               : n_amb == 0  ? "aucune ambassadrice disponible"
                             : "personne à moins de " + km_text(farthest) + " km";
    } else {
      reason = any_day ? "toutes les ambassadrices possibles sont déjà prises" : "personne disponible à ces dates";
      if (!any_domain) reason.insert(0, "personne du domaine demandé à proximité ; ");
    }
    out.unfilled.push_back({req.id, left, reason});
  }
  return out;
}

}  // namespace passerelles::domain::matching
