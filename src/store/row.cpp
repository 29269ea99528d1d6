// Column conversions for soci::row, tolerant of the engine's reported type.
#include "store/row.hpp"

#include <cmath>

namespace passerelles::store {

long long col_ll(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double: return std::llround(r.get<double>(i));
    case soci::dt_string: return std::stoll(r.get<std::string>(i));
    default: return 0;
  }
}

int col_int(const soci::row& r, std::size_t i) {
  return static_cast<int>(col_ll(r, i));
}

double col_dbl(const soci::row& r, std::size_t i) {
  return col_opt_dbl(r, i).value_or(0.0);
}

std::optional<double> col_opt_dbl(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return std::nullopt;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return static_cast<double>(r.get<long long>(i));
    case soci::dt_unsigned_long_long: return static_cast<double>(r.get<unsigned long long>(i));
    case soci::dt_double: return r.get<double>(i);
    case soci::dt_string: return std::stod(r.get<std::string>(i));
    default: return std::nullopt;
  }
}

std::string col_str(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return {};
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string: return r.get<std::string>(i);
    case soci::dt_integer: return std::to_string(r.get<int>(i));
    case soci::dt_long_long: return std::to_string(r.get<long long>(i));
    case soci::dt_double: return std::to_string(r.get<double>(i));
    default: return {};
  }
}

}  // namespace passerelles::store
