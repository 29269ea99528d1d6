// Counts over territories, schools, organisations and people.
#include "store/stats.hpp"

namespace passerelles::store {

using soci::into;
using soci::use;

PublicCounts public_counts(Store& s) {
  return s.read([](soci::session& sql) {
    PublicCounts c;
    sql << "SELECT COUNT(*) FROM territories", into(c.territories);
    sql << "SELECT COUNT(*) FROM schools", into(c.schools);
    sql << "SELECT COUNT(*) FROM organisations", into(c.organisations);
    return c;
  });
}

TerritoryCounts territory_counts(Store& s, const domain::Territory& t) {
  return s.read([&](soci::session& sql) {
    TerritoryCounts c;
    for (const auto& d : t.departments) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM schools WHERE department = :d", use(d), into(n);
      c.schools += n;
    }
    sql << "SELECT COUNT(*) FROM organisations WHERE territory_id = :t", use(t.id), into(c.organisations);
    sql << "SELECT COUNT(*) FROM people WHERE territory_id = :t", use(t.id), into(c.people);
    return c;
  });
}

long long schools_version(Store& s) {
  return s.read([](soci::session& sql) {
    long long n = 0, last = 0;
    soci::indicator ind;
    sql << "SELECT COUNT(*), MAX(updated_at) FROM schools", into(n), into(last, ind);
    return last * 1000003 + n;
  });
}

}  // namespace passerelles::store
