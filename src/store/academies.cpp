// The académie of a territory's schools (see academies.hpp).
#include "store/academies.hpp"

#include <map>

#include "store/row.hpp"

namespace passerelles::store {

std::string most_frequent_academy(Store& s, const std::vector<std::string>& departments) {
  return s.read([&](soci::session& sql) {
    std::map<std::string, long long> count;
    for (const auto& d : departments) {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT academy, COUNT(*) FROM schools WHERE department = :d "
                                                   "AND academy <> '' GROUP BY academy",
                                    soci::use(d));
      for (const auto& r : rs) count[col_str(r, 0)] += col_ll(r, 1);
    }
    std::string best;
    long long most = 0;
    for (const auto& [academy, n] : count) {
      if (n > most) best = academy, most = n;
    }
    return best;
  });
}

}  // namespace passerelles::store
