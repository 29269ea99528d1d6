// Unit tests for the action plan rules: validation per field, euro amounts typed and shown the French way,
// calendar days, and the wording of the warning before a grant ends.
#include "domain/plan.hpp"

#include <gtest/gtest.h>

using namespace passerelles::domain;

namespace {

const std::string kNbsp = "\xC2\xA0";

Initiative valid_initiative() {
  Initiative i;
  i.name = "Mentorat de lycéennes";
  i.audiences = {"pupils_girls", "women_reconversion"};
  i.targets = {{2026, "girls", 400}, {2026, "actions", 30}, {2027, "girls", 450}};
  return i;
}

Funding valid_funding() {
  Funding f;
  f.funder = "Région Bourgogne-Franche-Comté";
  f.amount_cents = 1250050;
  f.starts_on = "2026-01-01";
  f.ends_on = "2027-06-30";
  return f;
}

// The field of the only error, "" when valid, "several" when more than one.
std::string error_field(const Errors& e) {
  if (e.empty()) return "";
  if (e.size() > 1) return "several";
  return e.begin()->first;
}

}  // namespace

TEST(PlanRules, InitiativeFieldChecks) {
  struct Case {
    const char* what;
    void (*change)(Initiative&);
    const char* field;
  } cases[] = {
      {"valid", [](Initiative&) {}, ""},
      {"no name", [](Initiative& i) { i.name = "  "; }, "name"},
      {"name of 201 characters", [](Initiative& i) { i.name = std::string(201, 'n'); }, "name"},
      {"axis not UTF-8", [](Initiative& i) { i.axis = "Axe \xC3\x28"; }, "axis"},
      {"objective too long", [](Initiative& i) { i.objective = std::string(5001, 'o'); }, "objective"},
      {"unknown audience", [](Initiative& i) { i.audiences.push_back("pirates"); }, "audiences"},
      {"year 1999", [](Initiative& i) { i.targets[1].year = 1999; }, "target-1"},
      {"year 2101", [](Initiative& i) { i.targets[0].year = 2101; }, "target-0"},
      {"year not a number (-1)", [](Initiative& i) { i.targets[2].year = -1; }, "target-2"},
      {"unknown indicator", [](Initiative& i) { i.targets[0].indicator = "bonheur"; }, "target-0"},
      {"negative target", [](Initiative& i) { i.targets[1].target = -1; }, "target-1"},
      {"target above 10^9", [](Initiative& i) { i.targets[1].target = 1000000001; }, "target-1"},
      {"target of exactly 10^9", [](Initiative& i) { i.targets[1].target = 1000000000; }, ""},
      {"same year and indicator twice", [](Initiative& i) { i.targets[2].year = 2026; }, "target-2"},
      {"same indicator, another year",
       [](Initiative& i) {
         i.targets[1].indicator = "girls";
         i.targets[1].year = 2028;
       },
       ""},
      {"too many rows",
       [](Initiative& i) {
         for (int y = 2030; y < 2030 + static_cast<int>(kMaxTargetRows); ++y) i.targets.push_back({y, "girls", 1});
       },
       "targets"},
  };
  for (const auto& c : cases) {
    Initiative i = valid_initiative();
    c.change(i);
    normalise(i);
    EXPECT_EQ(error_field(validate(i)), c.field) << c.what;
  }
}

TEST(PlanRules, DuplicateTargetNamesTheEarlierLine) {
  Initiative i = valid_initiative();
  i.targets[2] = {2026, "girls", 10};
  auto e = validate(i);
  ASSERT_EQ(e.count("target-2"), 1u);
  EXPECT_NE(e["target-2"].find("ligne 1"), std::string::npos) << e["target-2"];
}

TEST(PlanRules, NormaliseDropsRepeatsAndTheLeadFromThePartners) {
  Initiative i = valid_initiative();
  i.name = "  Visites d’entreprises \t";
  i.audiences = {"companies", " companies ", "", "prescribers"};
  i.lead_organisation_id = 7;
  i.partner_ids = {3, 7, 3, 9, 0};
  normalise(i);
  EXPECT_EQ(i.name, "Visites d’entreprises");
  EXPECT_EQ(i.audiences, (std::vector<std::string>{"companies", "prescribers"}));
  EXPECT_EQ(i.partner_ids, (std::vector<long long>{3, 9}));

  Funding f = valid_funding();
  f.initiative_ids = {4, 4, 2, -1};
  normalise(f);
  EXPECT_EQ(f.initiative_ids, (std::vector<long long>{4, 2}));
}

TEST(PlanRules, PartnershipFieldChecks) {
  struct Case {
    const char* what;
    void (*change)(Partnership&);
    const char* field;
  } cases[] = {
      {"valid", [](Partnership&) {}, ""},
      {"no title", [](Partnership& p) { p.title = ""; }, "title"},
      {"unknown status", [](Partnership& p) { p.status = "perdue"; }, "status"},
      {"no dates at all", [](Partnership& p) { p.starts_on = p.ends_on = ""; }, ""},
      {"only a start", [](Partnership& p) { p.ends_on = ""; }, ""},
      {"31 February", [](Partnership& p) { p.starts_on = "2026-02-31"; }, "starts_on"},
      {"French date order", [](Partnership& p) { p.ends_on = "31/12/2027"; }, "ends_on"},
      {"end before start", [](Partnership& p) { p.ends_on = "2025-12-31"; }, "ends_on"},
      {"one-day convention", [](Partnership& p) { p.ends_on = p.starts_on; }, ""},
      {"notes too long", [](Partnership& p) { p.notes = std::string(5001, 'x'); }, "notes"},
  };
  for (const auto& c : cases) {
    Partnership p;
    p.title = "Convention avec l’UIMM";
    p.status = "signed";
    p.starts_on = "2026-01-01";
    p.ends_on = "2027-12-31";
    c.change(p);
    normalise(p);
    EXPECT_EQ(error_field(validate(p)), c.field) << c.what;
  }
}

TEST(PlanRules, FundingFieldChecks) {
  struct Case {
    const char* what;
    void (*change)(Funding&);
    const char* field;
  } cases[] = {
      {"valid", [](Funding&) {}, ""},
      {"no funder", [](Funding& f) { f.funder = " "; }, "funder"},
      {"negative amount", [](Funding& f) { f.amount_cents = -1; }, "amount"},
      {"nothing yet", [](Funding& f) { f.amount_cents = 0; }, ""},
      {"no start", [](Funding& f) { f.starts_on = ""; }, "starts_on"},
      {"no end", [](Funding& f) { f.ends_on = ""; }, "ends_on"},
      {"end before start", [](Funding& f) { f.ends_on = "2025-06-30"; }, "ends_on"},
      {"29 February of a leap year", [](Funding& f) { f.ends_on = "2028-02-29"; }, ""},
      {"29 February of another year", [](Funding& f) { f.ends_on = "2027-02-29"; }, "ends_on"},
  };
  for (const auto& c : cases) {
    Funding f = valid_funding();
    c.change(f);
    normalise(f);
    EXPECT_EQ(error_field(validate(f)), c.field) << c.what;
  }
}

TEST(PlanRules, EurosAreReadAsFrenchUsersTypeThem) {
  struct Case {
    const char* text;
    long long cents;  // -1: refused
  } cases[] = {
      {"12 500,50 €", 1250050},
      {"12500.5", 1250050},
      {"12500", 1250000},
      {"12 500", 1250000},
      {"12\xC2\xA0"
       "500,50\xC2\xA0€",
       1250050},  // no-break spaces, as format_euros writes them
      {"1\xE2\x80\xAF"
       "000",
       100000},  // narrow no-break space (U+202F)
      {"  7,05 EUR ", 705},
      {"300 euros", 30000},
      {"0", 0},
      {"0,5", 50},
      {"999999999999,99", 99999999999999},
      {"abc", -1},
      {"", -1},
      {"€", -1},
      {"-12", -1},
      {"+12", -1},
      {"12,345", -1},  // three decimals: "12.345" could mean 12 345, so neither is guessed
      {"12.500", -1},
      {"12,", -1},
      {",50", -1},
      {"1,2,3", -1},
      {"12 500 ,50", -1},
      {"1e6", -1},
      {"1000000000000", -1},  // 13 digits of euros
      {"12 € 50", -1},
  };
  for (const auto& c : cases) {
    long long cents = -1;
    bool ok = parse_euros(c.text, cents);
    EXPECT_EQ(ok, c.cents >= 0) << c.text;
    if (ok && c.cents >= 0) {
      EXPECT_EQ(cents, c.cents) << c.text;
    }
  }
}

TEST(PlanRules, EurosAreWrittenWithNoBreakSpacesAndReadBack) {
  EXPECT_EQ(format_euros(1250050), "12" + kNbsp + "500,50" + kNbsp + "€");
  EXPECT_EQ(format_euros(0), "0,00" + kNbsp + "€");
  EXPECT_EQ(format_euros(5), "0,05" + kNbsp + "€");
  EXPECT_EQ(format_euros(100000000), "1" + kNbsp + "000" + kNbsp + "000,00" + kNbsp + "€");
  EXPECT_EQ(format_euros(-99950), "-999,50" + kNbsp + "€");
  for (long long cents : {0LL, 7LL, 1250050LL, 99999999999999LL}) {
    long long back = -1;
    ASSERT_TRUE(parse_euros(format_euros(cents), back)) << cents;
    EXPECT_EQ(back, cents);
  }
  EXPECT_EQ(format_count(1200), "1" + kNbsp + "200");
  EXPECT_EQ(format_count(999), "999");
}

TEST(PlanRules, CalendarDays) {
  EXPECT_TRUE(valid_day("2026-09-01"));
  for (const char* bad :
       {"2026-9-01", "2026-13-01", "2026-00-10", "2026-04-31", "26-09-01", "2026/09/01", "", "abcd-ef-gh"})
    EXPECT_FALSE(valid_day(bad)) << bad;
  EXPECT_EQ(days_between("2027-05-16", "2027-06-30"), 45);
  EXPECT_EQ(days_between("2027-06-30", "2027-05-16"), -45);
  EXPECT_EQ(days_between("2028-02-28", "2028-03-01"), 2) << "leap year";
  EXPECT_EQ(add_days("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(add_days("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(add_days("pas une date", 1), "");
  EXPECT_EQ(format_day_fr("2027-06-30"), "30 juin 2027");
  EXPECT_EQ(format_day_fr("2026-03-01"), "1er mars 2026");
  EXPECT_EQ(format_day_fr("2026-08-15"), "15 août 2026");
  EXPECT_EQ(paris_day(1735687800), "2025-01-01") << "23:30 UTC on 31 December is past midnight in Paris";
  EXPECT_EQ(paris_day(1720994340), "2024-07-14") << "21:59 UTC in summer is 23:59 in Paris";
  EXPECT_EQ(paris_day(1720994400), "2024-07-15");
}

TEST(PlanRules, WarningNamesTheGrantItsEndAndTheInitiatives) {
  FundingWarning w;
  w.funding.funder = "Région Bourgogne-Franche-Comté";
  w.funding.amount_cents = 1250000;
  w.funding.ends_on = "2027-06-30";
  w.funding.initiative_names = {"Initiative A", "Initiative B"};
  w.days_left = 45;
  EXPECT_EQ(describe_fr(w), "La subvention « Région Bourgogne-Franche-Comté » (12" + kNbsp + "500,00" + kNbsp +
                                "€) se termine le 30 juin 2027, dans 45 jours : elle finance « Initiative A », "
                                "« Initiative B ».");
  w.days_left = 1;
  EXPECT_NE(describe_fr(w).find("dans 1 jour :"), std::string::npos) << describe_fr(w);
  w.days_left = 0;
  EXPECT_NE(describe_fr(w).find("se termine aujourd’hui"), std::string::npos) << describe_fr(w);
  w.days_left = -10;
  EXPECT_NE(describe_fr(w).find("s’est terminée le 30 juin 2027, il y a 10 jours : elle finançait « Initiative A »"),
            std::string::npos)
      << describe_fr(w);
  w.funding.initiative_names.clear();
  EXPECT_NE(describe_fr(w).find("elle ne finance aucune initiative du plan."), std::string::npos);
}

TEST(PlanRules, LabelsAreFrenchAndUnknownCodesHaveNone) {
  EXPECT_EQ(target_audience_label("women_reconversion"), "Femmes en reconversion");
  EXPECT_EQ(target_indicator_label("schools_reached"), "Établissements touchés");
  EXPECT_EQ(partnership_status_label("signed"), "Signée");
  EXPECT_EQ(target_audience_label("x"), "");
  EXPECT_EQ(target_audiences().size(), 7u);
  EXPECT_EQ(target_indicators().size(), 4u);
  EXPECT_EQ(partnership_statuses().size(), 4u);
}
