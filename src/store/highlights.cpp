// Highlights of validated actions for the funder report.
#include "store/highlights.hpp"

#include "store/row.hpp"

namespace passerelles::store {

using soci::use;

std::vector<Highlight> highlights_in_period(Store& s, const IndicatorFilter& f, int limit) {
  // Empty bounds leave the period open: every 'YYYY-MM' sorts after '' and before '9999-99'.
  std::string from = f.from_month, to = f.to_month.empty() ? "9999-99" : f.to_month;
  return s.read([&](soci::session& sql) {
    std::vector<Highlight> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT a.id, a.starts_on, a.kind, a.place, a.title, a.highlight, "
                        "(SELECT MIN(sc.name) FROM action_schools x JOIN schools sc ON sc.id = x.school_id "
                        "WHERE x.action_id = a.id) "
                        "FROM actions a WHERE a.status = 'validated' AND a.highlight <> '' "
                        "AND (:t1 = 0 OR a.territory_id = :t2) AND a.month >= :from AND a.month <= :to "
                        "AND (:i1 = 0 OR a.initiative_id = :i2) AND (:k1 = '' OR a.kind = :k2) "
                        "ORDER BY a.starts_on DESC, a.id DESC LIMIT :lim",
         use(f.territory_id), use(f.territory_id), use(from), use(to), use(f.initiative_id), use(f.initiative_id),
         use(f.kind), use(f.kind), use(limit));
    for (const auto& r : rs) {
      Highlight h;
      h.action_id = col_ll(r, 0);
      h.day = col_str(r, 1);
      h.kind = col_str(r, 2);
      h.place = col_str(r, 3);
      if (h.place.empty()) h.place = col_str(r, 6);
      h.title = col_str(r, 4);
      h.text = col_str(r, 5);
      out.push_back(std::move(h));
    }
    return out;
  });
}

}  // namespace passerelles::store
