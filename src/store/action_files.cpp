// Evidence attached to actions (photos, attendance sheets): listing, confined to the territory.
#include "store/actions.hpp"
#include "store/row.hpp"

namespace passerelles::store {

std::vector<ActionFile> action_files(Store& s, long long territory_id, long long action_id) {
  return s.read([&](soci::session& sql) {
    std::vector<ActionFile> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT f.id, af.kind, f.name, f.content_type, f.size FROM action_files af "
                        "JOIN actions a ON a.id = af.action_id JOIN files f ON f.id = af.file_id "
                        "WHERE a.territory_id = :t AND a.id = :a AND f.territory_id = :t2 ORDER BY f.id",
         soci::use(territory_id), soci::use(action_id), soci::use(territory_id));
    for (const auto& r : rs) out.push_back({col_ll(r, 0), col_str(r, 1), col_str(r, 2), col_str(r, 3), col_ll(r, 4)});
    return out;
  });
}

}  // namespace passerelles::store
