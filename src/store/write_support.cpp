// Helpers shared by the store's write functions (see the header).
#include "store/write_support.hpp"

#include <algorithm>

namespace passerelles::store::detail {

WriteResult failed(WriteResult::Status status, domain::Errors errors) {
  WriteResult r;
  r.status = status;
  r.errors = std::move(errors);
  return r;
}

WriteResult done(long long id) {
  WriteResult r;
  r.id = id;
  return r;
}

bool is_postgresql(soci::session& sql) {
  return sql.get_backend_name() == "postgresql";
}

std::string for_update(soci::session& sql, const char* alias) {
  if (!is_postgresql(sql)) return "";
  return alias ? std::string(" FOR UPDATE OF ") + alias : std::string(" FOR UPDATE");
}

bool in_territory(soci::session& sql, const char* table, long long territory_id, long long id) {
  if (id == 0) return true;
  long long found = 0;
  sql << std::string("SELECT id FROM ") + table + " WHERE territory_id = :t AND id = :id", soci::use(territory_id),
      soci::use(id), soci::into(found);
  return sql.got_data();
}

bool all_in_territory(soci::session& sql, const char* table, long long territory_id,
                      const std::vector<long long>& ids) {
  return std::all_of(ids.begin(), ids.end(), [&](long long id) { return in_territory(sql, table, territory_id, id); });
}

soci::indicator null_if_zero(long long id) {
  return id ? soci::i_ok : soci::i_null;
}

std::string with_changes(const std::string& name, const std::string& changed) {
  return changed.empty() ? name : name + " (" + changed + ")";
}

}  // namespace passerelles::store::detail
