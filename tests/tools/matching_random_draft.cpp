#include "domain/matching.hpp"
#include <iostream>
#include <random>
using namespace passerelles::domain::matching;
int main() {
  std::mt19937 rng(7);
  for (int t = 0; t < 200; ++t) {
    int n = 1 + rng() % 8, m = n + rng() % 5;
    Instance in;
    for (int i = 0; i < n; ++i) in.requests.push_back({"r" + std::to_string(i), 0, 0, {}, 1, {}, false, false});
    for (int j = 0; j < m; ++j) in.ambassadors.push_back({"a" + std::to_string(j), 0, 0, 30, {}, 1, {}, 0});
    std::vector<PairCost> pc;
    std::cout << n << " " << m;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < m; ++j) {
        long long c = rng() % 1000;
        pc.push_back({"r" + std::to_string(i), "a" + std::to_string(j), c});
        std::cout << " " << c;
      }
    in.pair_costs = pc;
    std::cout << " " << solve(in).total_cost << "\n";
  }
}
