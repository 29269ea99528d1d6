// Unit tests for the directory rules: normalisation, validation messages per field, merging and search text.
#include "domain/directory.hpp"

#include <gtest/gtest.h>

using namespace passerelles::domain;

namespace {

Organisation valid_company() {
  Organisation o;
  o.kind = "company";
  o.name = "Forges de Franche-Comté";
  return o;
}

}  // namespace

TEST(DirectoryRules, OrganisationFieldChecks) {
  struct Case {
    const char* what;
    void (*change)(Organisation&);
    const char* field;  // nullptr: valid
  } cases[] = {
      {"valid", [](Organisation&) {}, nullptr},
      {"unknown kind", [](Organisation& o) { o.kind = "pirate"; }, "kind"},
      {"no name", [](Organisation& o) { o.name = "   "; }, "name"},
      {"name of 201 characters", [](Organisation& o) { o.name = std::string(201, 'a'); }, "name"},
      {"name of 200 accented characters",
       [](Organisation& o) {
         o.name.clear();
         for (int i = 0; i < 200; ++i) o.name += "é";
       },
       nullptr},
      {"name not UTF-8", [](Organisation& o) { o.name = "Forges \xC3\x28"; }, "name"},
      {"school without UAI", [](Organisation& o) { o.kind = "school"; }, "uai"},
      {"school with UAI",
       [](Organisation& o) {
         o.kind = "school";
         o.uai = "0350122T";
       },
       nullptr},
      {"malformed UAI", [](Organisation& o) { o.uai = "035012"; }, "uai"},
      {"SIRET with a wrong key", [](Organisation& o) { o.siret = "21350016800026"; }, "siret"},
      {"SIRET with spaces", [](Organisation& o) { o.siret = "213 500 168 00025"; }, nullptr},
      {"SIRET with letters", [](Organisation& o) { o.siret = "2135001680002A"; }, "siret"},
      {"bad e-mail", [](Organisation& o) { o.email = "contact@"; }, "email"},
      {"bad phone", [](Organisation& o) { o.phone = "appelez-nous"; }, "phone"},
      {"website without scheme", [](Organisation& o) { o.website = "www.exemple.fr"; }, "website"},
      {"javascript website", [](Organisation& o) { o.website = "javascript:alert(1)"; }, "website"},
      {"https website", [](Organisation& o) { o.website = "https://www.exemple.fr"; }, nullptr},
      {"INSEE of 4 characters", [](Organisation& o) { o.commune_insee = "2505"; }, "commune_insee"},
      {"Corsican INSEE", [](Organisation& o) { o.commune_insee = "2a004"; }, nullptr},
      {"latitude out of range", [](Organisation& o) { o.lat = 123.0; }, "lat"},
      {"notes too long", [](Organisation& o) { o.notes = std::string(5001, 'n'); }, "notes"},
  };
  for (const auto& c : cases) {
    Organisation o = valid_company();
    c.change(o);
    normalise(o);
    Errors e = validate(o);
    if (!c.field) {
      EXPECT_TRUE(e.empty()) << c.what << ": " << (e.empty() ? "" : e.begin()->first + " " + e.begin()->second);
    } else {
      EXPECT_EQ(e.size(), 1u) << c.what;
      EXPECT_EQ(e.count(c.field), 1u) << c.what;
    }
  }
}

TEST(DirectoryRules, MessagesAreFrench) {
  Organisation o;
  Errors e = validate(o);
  EXPECT_EQ(e["name"], "Ce champ est obligatoire.");
  EXPECT_EQ(e["kind"], "Choisissez le type d’organisation.");
  Person p;
  p.email = "nope";
  e = validate(p);
  EXPECT_EQ(e["first_name"], "Ce champ est obligatoire.");
  EXPECT_NE(e["email"].find("n’est pas valide"), std::string::npos);
}

TEST(DirectoryRules, NormaliseCleansCodes) {
  Organisation o = valid_company();
  o.name = "  Forges  ";
  o.uai = " 0350122t ";
  o.siret = "213 500 168 00025";
  o.email = " Contact@Forges.FR ";
  o.commune_insee = "2b033";
  normalise(o);
  EXPECT_EQ(o.name, "Forges");
  EXPECT_EQ(o.uai, "0350122T");
  EXPECT_EQ(o.siret, "21350016800025");
  EXPECT_EQ(o.email, "contact@forges.fr");
  EXPECT_EQ(o.commune_insee, "2B033");
}

TEST(DirectoryRules, PersonRolesMustBeKnown) {
  Person p;
  p.first_name = "Ada";
  p.last_name = "Lovelace";
  p.roles = {"teacher", " teacher ", "hr"};
  normalise(p);
  EXPECT_EQ(p.roles, (std::vector<std::string>{"teacher", "hr"}));
  EXPECT_TRUE(validate(p).empty());
  p.roles.push_back("pirate");
  EXPECT_EQ(validate(p).count("roles"), 1u);
}

TEST(DirectoryRules, AbsorbFillsOnlyEmptyFields) {
  Organisation keep = valid_company(), dup = valid_company();
  keep.phone = "03 81 00 00 00";
  dup.phone = "03 81 11 11 11";
  dup.email = "rh@forges.fr";
  dup.notes = "Visites possibles le jeudi.";
  absorb(keep, dup);
  EXPECT_EQ(keep.phone, "03 81 00 00 00");
  EXPECT_EQ(keep.email, "rh@forges.fr");
  EXPECT_EQ(keep.notes, "Visites possibles le jeudi.");
  EXPECT_EQ(changed_fields(valid_company(), keep), "email, phone, notes");
}

TEST(DirectoryRules, SearchTextIsFolded) {
  Organisation o = valid_company();
  o.commune_name = "Besançon";
  EXPECT_EQ(search_text(o).rfind("forges de franche-comte besancon", 0), 0u) << search_text(o);
}
