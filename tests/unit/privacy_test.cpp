// Unit tests of the privacy rules: the day the purge of minors' data becomes due, and the register's labels.
#include "domain/privacy.hpp"

#include <gtest/gtest.h>

using namespace passerelles::domain;

TEST(PrivacyRules, AddMonthsClampsToTheEndOfShorterMonths) {
  struct Case {
    const char* day;
    int months;
    const char* expected;
  };
  for (const auto& c : std::vector<Case>{{"2026-06-30", 6, "2026-12-30"},
                                         {"2026-08-31", 6, "2027-02-28"},
                                         {"2027-08-31", 6, "2028-02-29"},  // leap year
                                         {"2026-01-31", 1, "2026-02-28"},
                                         {"2026-12-15", 1, "2027-01-15"},
                                         {"2026-03-10", 0, "2026-03-10"},
                                         {"2026-03-10", 24, "2028-03-10"},
                                         {"2026-02-30", 1, ""},
                                         {"", 6, ""},
                                         {"2026-03-10", -1, ""}})
    EXPECT_EQ(add_months(c.day, c.months), c.expected) << c.day << " + " << c.months;
}

TEST(PrivacyRules, PurgeIsDueTheDayAfterTheAnniversary) {
  EXPECT_FALSE(purge_due("2026-06-30", 6, "2026-12-29"));
  EXPECT_FALSE(purge_due("2026-06-30", 6, "2026-12-30"));
  EXPECT_TRUE(purge_due("2026-06-30", 6, "2026-12-31"));
  EXPECT_TRUE(purge_due("2026-06-30", 6, "2027-05-01"));
  EXPECT_FALSE(purge_due("", 6, "2030-01-01")) << "no end day: never";
  EXPECT_FALSE(purge_due("2026-06-30", 6, "demain"));
}

TEST(PrivacyRules, RegisterLabelsAreFrench) {
  EXPECT_EQ(privacy_kind_label("erasure"), "Effacement sur demande");
  EXPECT_EQ(privacy_subject_label("offer_application"), "Candidature à une offre");
  EXPECT_EQ(privacy_subject_label("inconnu"), "inconnu");
}
