// Paris wall-clock times: the EU summer-time switches and the French date format.
#include "domain/time_fr.hpp"

#include <gtest/gtest.h>

using passerelles::domain::format_datetime_fr;
using passerelles::domain::paris_utc_offset;

TEST(TimeFr, SummerTimeStartsAndEndsAtOneUtcOnTheLastSundays) {
  struct Case {
    long long unix;
    int offset;
  };
  for (const auto& c : {Case{1711846799, 3600},   // 2024-03-31 00:59:59 UTC
                        Case{1711846800, 7200},   // 2024-03-31 01:00:00 UTC: summer time
                        Case{1729990799, 7200},   // 2024-10-27 00:59:59 UTC
                        Case{1729990800, 3600}})  // 2024-10-27 01:00:00 UTC: winter time
    EXPECT_EQ(paris_utc_offset(c.unix), c.offset) << c.unix;
}

TEST(TimeFr, FormatsDayMonthYearHoursMinutes) {
  EXPECT_EQ(format_datetime_fr(1720951500), "14/07/2024 12:05");  // 10:05 UTC in summer
  EXPECT_EQ(format_datetime_fr(1735774200), "02/01/2025 00:30");  // 23:30 UTC on New Year's Day, winter
  EXPECT_EQ(format_datetime_fr(1711846800), "31/03/2024 03:00");
  EXPECT_EQ(format_datetime_fr(0), "") << "never";
}

TEST(SchoolTerm, StartsOnTheFirstOfSeptemberJanuaryOrApril) {
  EXPECT_EQ(passerelles::domain::school_term_start("2026-11-28"), "2026-09-01");
  EXPECT_EQ(passerelles::domain::school_term_start("2026-09-01"), "2026-09-01");
  EXPECT_EQ(passerelles::domain::school_term_start("2026-08-31"), "2026-04-01");
  EXPECT_EQ(passerelles::domain::school_term_start("2027-03-31"), "2027-01-01");
  EXPECT_EQ(passerelles::domain::school_term_start("2027-04-01"), "2027-04-01");
}
