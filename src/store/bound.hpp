// Queries assembled at run time whose parameters mix numbers and text, bound in order with their own types
// (SQLite compares an expression such as COALESCE(x, 0) with a text parameter as text, so types matter).
#pragma once
#include <soci/soci.h>

#include <deque>
#include <functional>
#include <string>
#include <variant>

#include "store/query.hpp"

namespace passerelles::store {

// Parameters bound by name (":p0", ":p1"…), so that the order in which the query text is assembled does not matter
// (the operands of `a + b.add(x) + b.add(y)` are evaluated in an unspecified order). A deque: bound references stay
// valid while more are added.
class Binds {
 public:
  // Appends a value and returns its placeholder (":p0", ":p1"…), to be written into the query text.
  std::string add(long long v) {
    values_.emplace_back(v);
    return name();
  }
  std::string add(const std::string& v) {
    values_.emplace_back(v);
    return name();
  }
  // Runs `query` with these parameters and calls f(row) for each result row.
  void each_row(soci::session& sql, const std::string& query, const std::function<void(const soci::row&)>& f) {
    soci::row r;
    soci::statement st(sql);
    bind(st);
    fetch_rows(st, r, query, f);
  }
  // Runs a statement that returns nothing (INSERT … SELECT, DELETE).
  void exec(soci::session& sql, const std::string& query) {
    soci::statement st(sql);
    bind(st);
    run_statement(st, query);
  }

 private:
  std::string name() const { return ":p" + std::to_string(values_.size() - 1); }
  void bind(soci::statement& st) {
    std::size_t i = 0;
    for (auto& v : values_) std::visit([&](auto& x) { st.exchange(soci::use(x, "p" + std::to_string(i++))); }, v);
  }
  std::deque<std::variant<long long, std::string>> values_;
};

}  // namespace passerelles::store
