// A member's first portrait drafted from her profile (domain::portrait_from_ambassador).
#include <gtest/gtest.h>

#include "domain/collective.hpp"

using namespace passerelles;

TEST(PortraitPrefill, FromHerProfile) {
  domain::Ambassador a;
  a.id = 12;
  a.territory_id = 3;
  a.first_name = "Inès";
  a.last_name = "Roux";
  a.job_title = "Technicienne de maintenance";
  a.rome_code = "I1304";
  a.domain = "maintenance";
  a.employer_name = "Verrerie Fictive";
  a.home_commune_insee = "25056";
  a.home_commune_name = "Besançon";
  a.consents = {"name", "job"};
  a.path = {{"Bac pro MELEC", 4, 2015, "Lycée Jules Haag"},
            {"  ", 5, 0, ""},
            {"BTS MS", 5, 0, ""},
            {"Licence pro", 0, 2019, " IUT "}};
  domain::Portrait p = domain::portrait_from_ambassador(a);
  EXPECT_EQ(p.ambassador_id, 12);
  EXPECT_EQ(p.territory_id, 3);
  EXPECT_EQ(p.first_name, "Inès");
  EXPECT_EQ(p.last_name, "Roux");
  EXPECT_EQ(p.job_title, "Technicienne de maintenance");
  EXPECT_EQ(p.rome_code, "I1304");
  EXPECT_EQ(p.employer, "Verrerie Fictive");
  EXPECT_EQ(p.commune_insee, "25056");
  EXPECT_EQ(p.consents, a.consents);
  EXPECT_EQ(p.path, "Bac pro MELEC (niveau 4), Lycée Jules Haag, 2015\nBTS MS (niveau 5)\nLicence pro, IUT, 2019")
      << "a step without diploma is left out";
  EXPECT_EQ(p.diploma_level, 5) << "the highest level of her steps";
  EXPECT_EQ(p.status, "draft");
  EXPECT_TRUE(domain::validate_portrait(p).empty());
  EXPECT_EQ(domain::portrait_from_ambassador(domain::Ambassador{}).path, "");
}
