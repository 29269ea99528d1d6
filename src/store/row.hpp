// Reading soci::row columns whatever type each engine reports (SQLite's dynamic types vs PostgreSQL's).
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>

namespace passerelles::store {

// NULL reads as 0 / "" / nullopt.
long long col_ll(const soci::row& r, std::size_t i);
int col_int(const soci::row& r, std::size_t i);
double col_dbl(const soci::row& r, std::size_t i);
std::optional<double> col_opt_dbl(const soci::row& r, std::size_t i);
std::string col_str(const soci::row& r, std::size_t i);

}  // namespace passerelles::store
