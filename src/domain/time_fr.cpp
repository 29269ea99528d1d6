// Paris wall-clock time from the EU summer-time rule, with the C++20 civil calendar.
#include "domain/time_fr.hpp"

#include <chrono>
#include <cstdio>

namespace passerelles::domain {

namespace {

using namespace std::chrono;

long long last_sunday_1am_utc(int y, unsigned m) {
  sys_days d{year{y} / month{m} / Sunday[last]};
  return duration_cast<seconds>(d.time_since_epoch()).count() + 3600;
}

}  // namespace

int paris_utc_offset(long long unix_seconds) {
  auto day = floor<days>(sys_seconds{seconds{unix_seconds}});
  int y = static_cast<int>(year_month_day{day}.year());
  bool summer = unix_seconds >= last_sunday_1am_utc(y, 3) && unix_seconds < last_sunday_1am_utc(y, 10);
  return summer ? 7200 : 3600;
}

const char* month_name_fr(unsigned month) {
  static constexpr const char* kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                            "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
}

std::string format_datetime_fr(long long unix_seconds) {
  if (unix_seconds == 0) return "";
  sys_seconds local{seconds{unix_seconds + paris_utc_offset(unix_seconds)}};
  auto day = floor<days>(local);
  year_month_day ymd{day};
  hh_mm_ss hms{local - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d %02d:%02d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()));
  return buf;
}

std::string school_term_start(std::string_view day) {
  std::string year(day.substr(0, 4));
  int month = day.size() >= 7 ? (day[5] - '0') * 10 + (day[6] - '0') : 1;
  if (month >= 9) return year + "-09-01";
  if (month >= 4) return year + "-04-01";
  return year + "-01-01";
}

}  // namespace passerelles::domain
