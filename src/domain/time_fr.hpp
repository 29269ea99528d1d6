// Dates and times shown to French users: Unix seconds to Paris wall-clock time, without a time-zone database.
#pragma once
#include <string>
#include <string_view>

namespace passerelles::domain {

// Offset of Europe/Paris from UTC at `unix_seconds`: 7200 in summer time (last Sunday of March 01:00 UTC to
// last Sunday of October 01:00 UTC, the EU rule since 1996), 3600 otherwise.
int paris_utc_offset(long long unix_seconds);

// "12/03/2024 14:05" in Paris time; "" for 0 (never).
std::string format_datetime_fr(long long unix_seconds);

// "janvier" for 1 … "décembre" for 12; "" for any other number.
const char* month_name_fr(unsigned month);

// 'YYYY-09-01', 'YYYY-01-01' or 'YYYY-04-01': the start of the French school term containing `day` ('YYYY-MM-DD').
std::string school_term_start(std::string_view day);

}  // namespace passerelles::domain
