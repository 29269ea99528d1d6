#include "domain/matching.hpp"

#include <lemon/list_graph.h>
#include <lemon/network_simplex.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

namespace passerelles::domain::matching {

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthKm = 6371.0, kDeg = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kDeg, dlon = (lon2 - lon1) * kDeg;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kDeg) * std::cos(lat2 * kDeg) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::optional<long long> pair_cost(const Request& r, const Ambassador& a, const Weights& w) {
  double km = distance_km(r.lat, r.lon, a.lat, a.lon) * w.road_factor;
  if (km > a.max_km) return std::nullopt;
  double c = km * w.per_km;
  if (!r.domains.empty()) {
    bool shared = std::any_of(r.domains.begin(), r.domains.end(), [&](const std::string& d) {
      return std::find(a.domains.begin(), a.domains.end(), d) != a.domains.end();
    });
    if (!shared) c += w.domain_mismatch;
  }
  c += w.load_step * a.load * (a.load + 1) / 2.0;
  if (r.never_reached) c -= w.never_reached_bonus;
  if (r.priority_education) c -= w.priority_bonus;
  return static_cast<long long>(std::llround(std::max(0.0, c)));
}

namespace {

// Days both list; {""} when one side lists none (any day), empty when they list days with none in common.
std::vector<std::string> common_days(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return {""};
  if (a.empty()) return b;
  if (b.empty()) return a;
  std::vector<std::string> out;
  std::set<std::string> sb(b.begin(), b.end());
  for (const auto& d : std::set<std::string>(a.begin(), a.end()))
    if (sb.count(d)) out.push_back(d);
  return out;
}

}  // namespace

Result solve(const Instance& in) {
  using G = lemon::ListDigraph;
  std::map<std::string, std::size_t> req_index, amb_index;
  for (std::size_t i = 0; i < in.requests.size(); ++i) {
    if (in.requests[i].needed < 0) throw std::invalid_argument("request " + in.requests[i].id + ": needed < 0");
    if (!req_index.emplace(in.requests[i].id, i).second)
      throw std::invalid_argument("duplicate request id " + in.requests[i].id);
  }
  for (std::size_t i = 0; i < in.ambassadors.size(); ++i) {
    if (in.ambassadors[i].capacity < 0)
      throw std::invalid_argument("ambassador " + in.ambassadors[i].id + ": capacity < 0");
    if (!amb_index.emplace(in.ambassadors[i].id, i).second)
      throw std::invalid_argument("duplicate ambassador id " + in.ambassadors[i].id);
  }

  // Allowed pairs and their costs.
  std::map<std::pair<std::size_t, std::size_t>, long long> costs;
  if (in.pair_costs) {
    for (const auto& pc : *in.pair_costs) {
      auto r = req_index.find(pc.request);
      auto a = amb_index.find(pc.ambassador);
      if (r == req_index.end()) throw std::invalid_argument("pair_costs: unknown request " + pc.request);
      if (a == amb_index.end()) throw std::invalid_argument("pair_costs: unknown ambassador " + pc.ambassador);
      costs[{r->second, a->second}] = pc.cost;
    }
  } else {
    for (std::size_t r = 0; r < in.requests.size(); ++r)
      for (std::size_t a = 0; a < in.ambassadors.size(); ++a)
        if (auto c = pair_cost(in.requests[r], in.ambassadors[a], in.weights)) costs[{r, a}] = *c;
  }

  long long max_abs = 0, total_needed = 0;
  for (const auto& [k, c] : costs) max_abs = std::max(max_abs, std::llabs(c));
  for (const auto& r : in.requests) total_needed += r.needed;
  const long long unfilled_cost = 2 * (total_needed + 1) * (max_abs + 1) + 1;

  G g;
  G::ArcMap<int> cap(g);
  G::ArcMap<long long> cost(g);
  G::NodeMap<int> supply(g);
  G::Node source = g.addNode(), sink = g.addNode();
  auto arc = [&](G::Node u, G::Node v, int c, long long w) {
    G::Arc e = g.addArc(u, v);
    cap[e] = c;
    cost[e] = w;
    return e;
  };
  std::vector<G::Node> req_node, amb_node;
  for (const auto& r : in.requests) {
    req_node.push_back(g.addNode());
    arc(source, req_node.back(), r.needed, 0);
  }
  std::vector<G::Arc> unfilled_arc;
  for (std::size_t r = 0; r < in.requests.size(); ++r)
    unfilled_arc.push_back(arc(req_node[r], sink, in.requests[r].needed, unfilled_cost));
  for (const auto& a : in.ambassadors) {
    amb_node.push_back(g.addNode());
    arc(amb_node.back(), sink, a.capacity, 0);
  }
  std::map<std::pair<std::size_t, std::string>, G::Node> day_node;
  struct Use {
    std::size_t r, a;
    std::string day;
    long long cost;
    G::Arc e;
  };
  std::vector<Use> uses;
  for (const auto& [k, c] : costs) {
    auto [r, a] = k;
    auto days = common_days(in.requests[r].dates, in.ambassadors[a].dates);
    if (days.empty()) continue;
    G::Node ra = g.addNode();
    arc(req_node[r], ra, 1, c);
    for (const auto& d : days) {
      auto [it, fresh] = day_node.try_emplace({a, d});
      if (fresh) {
        it->second = g.addNode();
        arc(it->second, amb_node[a], 1, 0);
      }
      uses.push_back({r, a, d, c, arc(ra, it->second, 1, 0)});
    }
  }
  supply[source] = static_cast<int>(total_needed);
  supply[sink] = -static_cast<int>(total_needed);

  lemon::NetworkSimplex<G, int, long long> ns(g);
  ns.upperMap(cap).costMap(cost).supplyMap(supply);
  if (ns.run() != lemon::NetworkSimplex<G, int, long long>::OPTIMAL)
    throw std::logic_error("matching: the flow problem has no optimal solution");

  Result out;
  for (const auto& u : uses)
    if (ns.flow(u.e) > 0) {
      out.assignments.push_back({in.requests[u.r].id, in.ambassadors[u.a].id, u.day, u.cost});
      out.total_cost += u.cost;
    }
  std::sort(out.assignments.begin(), out.assignments.end(), [&](const Assignment& x, const Assignment& y) {
    auto kx = std::make_pair(req_index[x.request], amb_index[x.ambassador]);
    auto ky = std::make_pair(req_index[y.request], amb_index[y.ambassador]);
    return kx < ky;
  });
  for (std::size_t r = 0; r < in.requests.size(); ++r) {
    int left = ns.flow(unfilled_arc[r]);
    if (left <= 0) continue;
    bool any_pair = false, any_day = false;
    for (const auto& [k, c] : costs)
      if (k.first == r) {
        any_pair = true;
        if (!common_days(in.requests[r].dates, in.ambassadors[k.second].dates).empty()) any_day = true;
      }
    std::string reason = !any_pair  ? "personne dans la distance ni le domaine demandés"
                         : !any_day ? "personne de disponible à ces dates"
                                    : "les ambassadrices possibles sont déjà toutes prises";
    out.unfilled.push_back({in.requests[r].id, left, reason});
  }
  return out;
}

}  // namespace passerelles::domain::matching
