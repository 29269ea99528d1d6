// Helpers shared by the store's write functions: their results, row locks on PostgreSQL, territory checks,
// nullable references and the audit log's details. Internal to src/store/.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/action.hpp"
#include "domain/validation.hpp"
#include "store/directory.hpp"

namespace passerelles::store::detail {

// A refused write (not found, conflict, invalid) with its field errors.
WriteResult failed(WriteResult::Status status, domain::Errors errors = {});
// A successful write of row `id`.
WriteResult done(long long id);

bool is_postgresql(soci::session& sql);

// " FOR UPDATE" (" FOR UPDATE OF <alias>" when the query joins other tables) on PostgreSQL, "" on SQLite: rows read
// before a write are locked against concurrent writers there; SQLite writers are already serialised by Store::write.
std::string for_update(soci::session& sql, const char* alias = nullptr);

// The one row of `columns` ("SELECT … FROM table alias …") with `alias`.territory_id and `alias`.id given, made into
// a value by from_row; locked for the rest of the transaction when `lock` (see for_update). nullopt when absent.
template <class FromRow>
auto row_in_territory(soci::session& sql, const std::string& columns, const char* alias, long long territory_id,
                      long long id, bool lock, FromRow from_row)
    -> std::optional<decltype(from_row(std::declval<const soci::row&>()))> {
  const std::string a(alias);
  soci::row r;
  sql << columns + "WHERE " + a + ".territory_id = :t AND " + a + ".id = :id" + (lock ? for_update(sql, alias) : ""),
      soci::use(territory_id), soci::use(id), soci::into(r);
  if (!sql.got_data()) return std::nullopt;
  return from_row(r);
}

// Whether `id` names a row of `table` (a constant of the caller, never user text) in the territory; 0 (no
// reference) passes.
bool in_territory(soci::session& sql, const char* table, long long territory_id, long long id);
bool all_in_territory(soci::session& sql, const char* table, long long territory_id, const std::vector<long long>& ids);

// The indicator binding a nullable reference: NULL for 0.
soci::indicator null_if_zero(long long id);

// "Name (field, field)" for the audit log; just the name when nothing changed.
std::string with_changes(const std::string& name, const std::string& changed);

// insert_action and update_action (store/actions.hpp) inside a transaction the caller holds, for writes that
// change an action together with other rows (an event's attendance).
WriteResult insert_action_in(soci::session& sql, const domain::Action& a, const Author& by);
WriteResult update_action_in(soci::session& sql, const domain::Action& a, const Author& by);
std::optional<domain::Action> load_action_in(soci::session& sql, long long territory_id, long long id);
// The territory's départements, 3 characters each ('025').
std::vector<std::string> territory_departments(soci::session& sql, long long territory_id);

}  // namespace passerelles::store::detail
