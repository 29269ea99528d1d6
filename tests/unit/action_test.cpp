// Unit tests for the action rules: choice lists, calendar days, normalisation and the French validation messages.
#include "domain/action.hpp"

#include <gtest/gtest.h>

using namespace passerelles;

namespace {

domain::Action valid_action() {
  domain::Action a;
  a.kind = "temoignage_classe";
  a.title = "Témoignage d’une technicienne au collège Victor-Hugo";
  a.starts_on = "2025-03-14";
  a.duration_minutes = 55;
  a.audience[0] = 12;  // girls
  a.audience[1] = 14;  // boys
  a.audience[3] = 1;   // teachers
  a.classes = {{"3e", ""}};
  return a;
}

constexpr const char* kToday = "2025-06-01";

}  // namespace

TEST(ActionRules, ChoiceListsHaveFrenchLabels) {
  EXPECT_EQ(domain::action_kinds().size(), 12u);
  EXPECT_EQ(domain::action_kind_label("visite_entreprise"), "Visite d’entreprise");
  EXPECT_EQ(domain::action_kind_label("journee_8_mars"), "Journée du 8 mars");
  EXPECT_EQ(domain::action_kind_label("nope"), "");
  EXPECT_EQ(domain::action_status_label("validated"), "Validée");
  EXPECT_EQ(domain::audience_categories()[0].code, "girls");
  EXPECT_EQ(domain::audience_categories()[6].code, "parents");
  EXPECT_EQ(domain::audience_label("women_reconversion"), "Femmes en reconversion");
  EXPECT_EQ(domain::audience_label("cats"), "");
  EXPECT_EQ(domain::class_levels().size(), 12u);
  EXPECT_EQ(domain::class_level_label("bac_pro"), "Bac pro");
}

TEST(ActionRules, LevelGroups) {
  struct Case {
    const char* level;
    const char* group;
  } cases[] = {{"6e", "college"},  {"3e", "college"},  {"2nde", "lycee"},  {"Tle", "lycee"}, {"cap", "pro"},
               {"bac_pro", "pro"}, {"bts", "bts_but"}, {"but", "bts_but"}, {"sup", "sup"},   {"CM2", ""}};
  for (const auto& c : cases) EXPECT_EQ(domain::level_group_of(c.level), c.group) << c.level;
  for (const auto& l : domain::class_levels()) EXPECT_NE(domain::level_group_of(l.code), "") << l.code;
}

TEST(ActionRules, AudienceTotal) {
  domain::Audience a;
  a[0] = 12;
  a[1] = 14;
  a[6] = 3;
  EXPECT_EQ(a.total(), 29);  // 12 + 14 + 3
}

TEST(ActionRules, CalendarDaysAndMonths) {
  for (const char* ok : {"2025-02-28", "2024-02-29", "2000-02-29", "2025-12-31", "2025-04-30"})
    EXPECT_TRUE(domain::is_iso_day(ok)) << ok;
  for (const char* bad : {"2025-02-30", "2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10",
                          "2025-1-01", "25-01-01", "2025/01/01", "2025-01-01 ", "", "2025-01-0a"})
    EXPECT_FALSE(domain::is_iso_day(bad)) << bad;
  EXPECT_TRUE(domain::is_iso_month("2025-09"));
  EXPECT_FALSE(domain::is_iso_month("2025-13"));
  EXPECT_FALSE(domain::is_iso_month("2025-9"));
  EXPECT_FALSE(domain::is_iso_month("2025-09-01"));
}

TEST(ActionRules, ValidActionHasNoErrors) {
  auto e = domain::validate(valid_action(), kToday);
  EXPECT_TRUE(e.empty()) << e.begin()->first << ": " << e.begin()->second;
}

TEST(ActionRules, ValidationMessagesByField) {
  struct Case {
    const char* name;
    void (*change)(domain::Action&);
    const char* field;
    const char* fragment;
  } cases[] = {
      {"unknown kind", [](domain::Action& a) { a.kind = "pique_nique"; }, "kind", "type d’action"},
      {"long title", [](domain::Action& a) { a.title = std::string(201, 'x'); }, "title", "trop long"},
      {"30 February", [](domain::Action& a) { a.starts_on = "2025-02-30"; }, "starts_on", "n’existe pas"},
      {"no date", [](domain::Action& a) { a.starts_on = ""; }, "starts_on", "date"},
      {"French date", [](domain::Action& a) { a.starts_on = "14/03/2025"; }, "starts_on", "AAAA-MM-JJ"},
      {"too far ahead", [](domain::Action& a) { a.starts_on = "2026-06-02"; }, "starts_on", "un an"},
      {"too old", [](domain::Action& a) { a.starts_on = "1999-12-31"; }, "starts_on", "2000"},
      {"negative duration", [](domain::Action& a) { a.duration_minutes = -5; }, "duration_minutes", "minutes"},
      {"huge duration", [](domain::Action& a) { a.duration_minutes = 20161; }, "duration_minutes", "minutes"},
      {"negative girls", [](domain::Action& a) { a.audience[0] = -1; }, "girls", "entre 0 et 100 000"},
      {"huge boys", [](domain::Action& a) { a.audience[1] = 100001; }, "boys", "entre 0 et 100 000"},
      {"huge parents", [](domain::Action& a) { a.audience[6] = 5000000000LL; }, "parents", "entre 0 et 100 000"},
      {"negative teachers", [](domain::Action& a) { a.audience[3] = -7; }, "teachers", "nombre entier"},
      {"unknown level",
       [](domain::Action& a) {
         a.classes = {{"CM2", ""}};
       },
       "classes", "niveau"},
      {"long highlight", [](domain::Action& a) { a.highlight = std::string(2001, 'x'); }, "highlight", "trop long"},
      {"bad UTF-8 notes", [](domain::Action& a) { a.notes = "\xC3\x28"; }, "notes", "invalides"},
      {"itself", [](domain::Action& a) { a.id = 7, a.same_group_as = 7; }, "same_group_as", "elle-même"},
      {"bad commune", [](domain::Action& a) { a.commune_insee = "2505"; }, "commune_insee", "5 caractères"},
      {"unknown role",
       [](domain::Action& a) {
         a.organisations = {{3, "sponsor", ""}};
       },
       "organisations", "rôle"},
  };
  for (const auto& c : cases) {
    domain::Action a = valid_action();
    c.change(a);
    auto e = domain::validate(a, kToday);
    ASSERT_TRUE(e.count(c.field)) << c.name;
    EXPECT_NE(e[c.field].find(c.fragment), std::string::npos) << c.name << ": " << e[c.field];
    EXPECT_EQ(e.size(), 1u) << c.name;
  }
}

TEST(ActionRules, BoundariesAreAccepted) {
  domain::Action a = valid_action();
  a.starts_on = "2026-06-01";  // exactly a year after kToday
  a.duration_minutes = domain::kMaxDurationMinutes;
  a.audience[2] = domain::kMaxAudiencePerCategory;
  a.audience[0] = 0;
  a.title = "";  // optional: the kind and the place say enough
  EXPECT_TRUE(domain::validate(a, kToday).empty());
}

TEST(ActionRules, NormaliseTrimsAndDropsEmptyClassRows) {
  domain::Action a = valid_action();
  a.title = "  Forum des métiers  ";
  a.commune_insee = " 2a004 ";
  a.classes = {{" 2nde ", " STI2D "}, {"", ""}, {"bts", ""}};
  a.organisations = {{4, " partner ", ""}};
  domain::normalise(a);
  EXPECT_EQ(a.title, "Forum des métiers");
  EXPECT_EQ(a.commune_insee, "2A004");
  ASSERT_EQ(a.classes.size(), 2u);
  EXPECT_EQ(a.classes[0].level, "2nde");
  EXPECT_EQ(a.classes[0].track, "STI2D");
  EXPECT_EQ(a.organisations[0].role, "partner");
  EXPECT_EQ(a.month(), "2025-03");
}
