// Every value of every table searched for a marker string (tests of erasure and purge).
#include "support/marker_scan.hpp"

#include "store/row.hpp"

namespace passerelles::fixture {

std::vector<std::string> tables_containing(store::Store& s, const std::string& marker) {
  return s.read([&](soci::session& sql) {
    std::vector<std::string> tables;
    std::string name;
    {
      soci::statement st =
          s.is_sqlite()
              ? (sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", soci::into(name))
              : (sql.prepare << "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
                 soci::into(name));
      st.execute();
      while (st.fetch()) tables.push_back(name);
    }
    std::vector<std::string> found;
    for (const auto& t : tables) {
      std::vector<std::string> columns;
      {
        soci::statement st =
            s.is_sqlite()
                ? (sql.prepare << "SELECT name FROM pragma_table_info(:t) ORDER BY cid", soci::use(t), soci::into(name))
                : (sql.prepare << "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                  "current_schema() AND table_name = :t ORDER BY ordinal_position",
                   soci::use(t), soci::into(name));
        st.execute();
        while (st.fetch()) columns.push_back(name);
      }
      if (columns.empty()) continue;
      std::string select;
      for (const auto& c : columns) select += (select.empty() ? "" : ", ") + ("CAST(\"" + c + "\" AS TEXT)");
      soci::rowset<soci::row> rs = sql.prepare << "SELECT " + select + " FROM \"" + t + "\"";
      for (const auto& r : rs)
        for (std::size_t i = 0; i < r.size(); ++i)
          if (store::col_str(r, i).find(marker) != std::string::npos) found.push_back(t + "." + columns[i]);
    }
    return found;
  });
}

}  // namespace passerelles::fixture
