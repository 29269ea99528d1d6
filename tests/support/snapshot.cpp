// Table dump used by the tenant-isolation and bad-input tests.
#include "support/snapshot.hpp"

#include <algorithm>

#include "store/row.hpp"

namespace passerelles::fixture {

std::string snapshot(store::Store& s) {
  return s.read([&](soci::session& sql) {
    std::vector<std::string> tables;
    std::string name;
    soci::statement st =
        s.is_sqlite()
            ? (sql.prepare << "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND "
                              "sql NOT LIKE '%VIRTUAL%'",
               soci::into(name))
            : (sql.prepare << "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                              "current_schema() AND table_type='BASE TABLE'",
               soci::into(name));
    st.execute();
    while (st.fetch()) tables.push_back(name);
    std::sort(tables.begin(), tables.end());
    std::string out;
    for (const auto& t : tables) {
      if (t == "sessions" || t == "audit_log" || t == "schema_migrations" || t.find("_fts") != std::string::npos)
        continue;
      soci::rowset<soci::row> rs = sql.prepare << "SELECT * FROM " + t + " ORDER BY 1";
      for (const auto& r : rs) {
        std::string line = t + ":";
        for (std::size_t i = 0; i < r.size(); ++i) {
          std::string col = r.get_properties(i).get_name();
          if (col == "last_used_at" || col == "last_login_at" || col == "failed_logins" || col == "locked_until" ||
              col == "last_seen_at")
            continue;
          line += " " + col + "=" + store::col_str(r, i);
        }
        out += line + "\n";
      }
    }
    return out;
  });
}

}  // namespace passerelles::fixture
