#include <nlohmann/json.hpp>
#include <cassert>
#include <iostream>
#include "domain/matching.hpp"
using namespace passerelles::domain::matching;
int main() {
  auto j = nlohmann::json::parse(R"({"requests":[{"id":"r1","lat":47.24,"lon":6.02,"dates":["2027-03-02"],"needed":2,"domains":["usinage"]}],
   "ambassadors":[{"id":"a1","lat":47.25,"lon":6.03,"max_km":30,"dates":["2027-03-02"],"capacity":1,"domains":["usinage"]},
                  {"id":"a2","lat":47.30,"lon":6.10,"max_km":30,"capacity":2,"domains":["verre"],"load":3}]})");
  auto res = result_to_json(solve(instance_from_json(j)));
  std::cout << res.dump() << "\n";
  assert(res["assignments"].size() == 2 && res["unfilled"].empty());
  try { instance_from_json(nlohmann::json::parse(R"({"requests":[{"id":"r","lat":"x","lon":1}],"ambassadors":[]})")); assert(false); }
  catch (const std::invalid_argument& e) { std::cout << e.what() << "\n"; }
}
