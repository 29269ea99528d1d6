// Unit tests for text folding, slugs, UTF-8 checks and field validation.
#include "domain/text.hpp"

#include <gtest/gtest.h>

#include "domain/account.hpp"
#include "domain/validation.hpp"

using namespace passerelles::domain;

TEST(Text, FoldRemovesAccentsAndCase) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Collège Saint-Exupéry", "college saint-exupery"}, {"MÉCANIQUE", "mecanique"}, {"Œuvre d’Ève", "oeuvre d'eve"},
      {"Lycée Ľudovít Štúr", "lycee ludovit stur"},       {"plain", "plain"},
  };
  for (const auto& c : cases) EXPECT_EQ(fold(c.in), c.out) << c.in;
}

TEST(Text, Slugify) {
  EXPECT_EQ(slugify("  Lycée Victor-Hugo (Besançon) "), "lycee-victor-hugo-besancon");
  EXPECT_EQ(slugify("---"), "");
}

TEST(Text, Utf8Validity) {
  EXPECT_TRUE(valid_utf8("Besançon"));
  EXPECT_FALSE(valid_utf8("\xC3"));          // truncated
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(valid_utf8("\xFF"));
}

TEST(Validation, Identifiers) {
  EXPECT_TRUE(is_valid_uai("0350122T"));   // real: école of Baulon
  EXPECT_TRUE(is_valid_uai("0071168g"));   // real, lower-case letter
  EXPECT_FALSE(is_valid_uai("0350122A"));  // wrong check letter
  EXPECT_FALSE(is_valid_uai("035001A"));
  EXPECT_FALSE(is_valid_uai("0350001"));
  EXPECT_TRUE(is_valid_siret("73282932000074"));
  EXPECT_FALSE(is_valid_siret("73282932000075"));
  EXPECT_TRUE(is_valid_email("ines.martin@exemple.fr"));
  EXPECT_FALSE(is_valid_email("ines@"));
  EXPECT_FALSE(is_valid_email("a b@c.fr"));
}

TEST(Validation, PasswordNeedsTwelveCharacters) {
  EXPECT_FALSE(validate_password("court").empty());
  EXPECT_FALSE(validate_password("onzecaract").empty());
  EXPECT_TRUE(validate_password("douze-caract").empty());
  EXPECT_TRUE(validate_password("éééééééééééé").empty()) << "counted in characters, not bytes";
}

TEST(Validation, DepartmentCodes) {
  EXPECT_EQ(department_code3("25"), "025");
  EXPECT_EQ(department_code3("2a"), "02A");
  EXPECT_EQ(department_code3("971"), "971");
}
