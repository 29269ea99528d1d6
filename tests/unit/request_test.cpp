// Unit tests for intervention requests: the dates a teacher types (days, French days, windows reduced to weekdays,
// bad items named), normalisation, French validation messages, the dates written back for the edit form, and the
// explanation of a proposal.
#include "domain/request.hpp"

#include <gtest/gtest.h>

#include "domain/collective.hpp"
#include "domain/text.hpp"

using namespace passerelles;

namespace {

constexpr const char* kToday = "2026-11-28";

domain::InterventionRequest valid_request() {
  domain::InterventionRequest r;
  r.school_id = 7;
  r.contact_name = "Claire Martin";
  r.email = "claire.martin@exemple.fr";
  r.kind = "talk";
  r.class_levels = {"4e"};
  r.girls = 12;
  r.boys = 13;
  r.dates_text = "2026-12-08";
  domain::normalise(r);
  return r;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(RequestDates, DaysAndWindowsKeepWeekdaysOnly) {
  // Computed by hand (python3 datetime): 2026-12-10 is a Thursday, 12 and 13 are the weekend.
  auto p = domain::parse_request_dates("2026-12-08, 2026-12-10..2026-12-18");
  EXPECT_EQ(p.error, "");
  std::vector<std::string> expected = {"2026-12-08", "2026-12-10", "2026-12-11", "2026-12-14",
                                       "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18"};
  EXPECT_EQ(p.days, expected);
}

TEST(RequestDates, FrenchDaysLinesAndDuplicates) {
  auto p = domain::parse_request_dates("08/12/2026\n2026-12-08;\r\n 9/12/2026 \n\n2026-12-12");
  EXPECT_EQ(p.error, "");
  // A day listed alone is kept even on a Saturday; duplicates go.
  EXPECT_EQ(p.days, (std::vector<std::string>{"2026-12-08", "2026-12-09", "2026-12-12"}));
  EXPECT_TRUE(domain::parse_request_dates("").days.empty());
}

TEST(RequestDates, BadItemsAreNamed) {
  struct Case {
    const char* text;
    const char* expected_part;
  };
  const Case cases[] = {
      {"2026-12-08, 2026-02-30", "« 2026-02-30 » n’est pas une date"},
      {"31/02/2026", "« 31/02/2026 » n’est pas une date"},
      {"demain", "« demain » n’est pas une date"},
      {"2026-12-18..2026-12-10", "« 2026-12-18..2026-12-10 » : la fin de la période est avant son début."},
      {"2026-12-01..2027-06-01", "« 2026-12-01..2027-06-01 » : une période compte au plus 92 jours"},
      {"2026-12-12..2026-12-13", "« 2026-12-12..2026-12-13 » ne compte aucun jour de semaine"},
      {"2026-12-10..", "« 2026-12-10.. » n’est pas une date"},
  };
  for (const auto& c : cases) {
    auto p = domain::parse_request_dates(c.text);
    EXPECT_TRUE(contains(p.error, c.expected_part)) << c.text << " -> " << p.error;
  }
}

TEST(RequestDates, TextForTheEditFormGivesTheDaysBack) {
  std::vector<std::string> days = {"2026-12-04", "2026-12-07", "2026-12-08", "2026-12-10", "2026-12-12"};
  // Friday 4 then Monday 7 and Tuesday 8 are one run; the 10th alone; Saturday the 12th alone.
  EXPECT_EQ(domain::request_dates_text(days), "2026-12-04..2026-12-08, 2026-12-10, 2026-12-12");
  EXPECT_EQ(domain::parse_request_dates(domain::request_dates_text(days)).days, days);
  EXPECT_EQ(domain::request_dates_text({}), "");
}

TEST(RequestValidation, AValidRequestPasses) {
  auto r = valid_request();
  EXPECT_TRUE(domain::validate(r, kToday).empty());
  EXPECT_EQ(r.days, std::vector<std::string>{"2026-12-08"});
}

TEST(RequestValidation, NormaliseTrimsLowersAndSorts) {
  domain::InterventionRequest r;
  r.email = "  Claire.MARTIN@Exemple.fr ";
  r.contact_name = "  Claire ";
  r.class_levels = {"4e", " 3e", "4e", ""};
  r.domains = {"usinage", "chimie", "usinage"};
  r.dates_text = " 2026-12-09, 2026-12-08 ";
  domain::normalise(r);
  EXPECT_EQ(r.email, "claire.martin@exemple.fr");
  EXPECT_EQ(r.contact_name, "Claire");
  EXPECT_EQ(r.class_levels, (std::vector<std::string>{"3e", "4e"}));
  EXPECT_EQ(r.domains, (std::vector<std::string>{"chimie", "usinage"}));
  EXPECT_EQ(r.days, (std::vector<std::string>{"2026-12-08", "2026-12-09"}));
}

TEST(RequestValidation, EachFieldGetsItsFrenchMessage) {
  struct Case {
    const char* field;
    void (*change)(domain::InterventionRequest&);
    const char* expected_part;
  };
  const Case cases[] = {
      {"school_id", [](domain::InterventionRequest& r) { r.school_id = 0; }, "Choisissez votre établissement"},
      {"contact_name", [](domain::InterventionRequest& r) { r.contact_name = " "; }, "Indiquez votre nom"},
      {"email", [](domain::InterventionRequest& r) { r.email = ""; }, "Indiquez votre adresse e-mail"},
      {"email", [](domain::InterventionRequest& r) { r.email = "claire@"; }, "n’est pas valide"},
      {"phone", [](domain::InterventionRequest& r) { r.phone = "12"; }, "numéro de téléphone"},
      {"kind", [](domain::InterventionRequest& r) { r.kind = "party"; }, "Choisissez ce que vous souhaitez"},
      {"class_levels", [](domain::InterventionRequest& r) { r.class_levels.clear(); }, "au moins un niveau"},
      {"class_levels", [](domain::InterventionRequest& r) { r.class_levels = {"cm2"}; }, "dans la liste"},
      {"girls", [](domain::InterventionRequest& r) { r.girls = -1; }, "entre 0 et 400"},
      {"boys", [](domain::InterventionRequest& r) { r.boys = 401; }, "entre 0 et 400"},
      {"girls", [](domain::InterventionRequest& r) { r.girls = r.boys = 0; }, "au moins une élève"},
      {"needed", [](domain::InterventionRequest& r) { r.needed = 3; }, "une ou deux"},
      {"domains", [](domain::InterventionRequest& r) { r.domains = {"cuisine"}; }, "domaines dans la liste"},
      {"language", [](domain::InterventionRequest& r) { r.language = "xx"; }, "langue dans la liste"},
      {"jobs", [](domain::InterventionRequest& r) { r.jobs = std::string(501, 'a'); }, ""},
      {"message", [](domain::InterventionRequest& r) { r.message = std::string(2001, 'a'); }, ""},
      {"dates",
       [](domain::InterventionRequest& r) {
         r.dates_text = "2026-12-08, 2026-13-01";
         domain::normalise(r);
       },
       "« 2026-13-01 » n’est pas une date"},
      {"dates",
       [](domain::InterventionRequest& r) {
         r.dates_text = "2026-11-20";
         domain::normalise(r);
       },
       "Le 20 novembre 2026 est passé"},
      {"dates",
       [](domain::InterventionRequest& r) {
         r.dates_text = "2027-12-01";
         domain::normalise(r);
       },
       "à plus d’un an"},
      {"dates",
       [](domain::InterventionRequest& r) {
         r.dates_text = "";
         r.days.clear();
       },
       "Proposez au moins un jour"},
      {"dates",
       [](domain::InterventionRequest& r) {
         r.dates_text = "2026-12-01..2027-02-26";  // 88 days, 64 weekdays (python3 datetime)
         domain::normalise(r);
       },
       "Vos dates comptent 64 jours : proposez-en 60 au plus."},
  };
  for (const auto& c : cases) {
    auto r = valid_request();
    c.change(r);
    auto e = domain::validate(r, kToday);
    ASSERT_TRUE(e.count(c.field)) << c.field << " " << c.expected_part;
    EXPECT_TRUE(contains(e.at(c.field), c.expected_part)) << c.field << ": " << e.at(c.field);
    EXPECT_EQ(e.size(), 1u) << c.field << ": " << e.begin()->first;
  }
}

TEST(RequestLabels, ListsAndActionKinds) {
  EXPECT_EQ(domain::request_kind_label("talk"), "Témoignage en classe");
  EXPECT_EQ(domain::request_kind_label("nope"), "");
  EXPECT_EQ(domain::request_status_label("open"), "En attente d’ambassadrices");
  EXPECT_EQ(domain::assignment_status_label("declined"), "Déclinée");
  EXPECT_EQ(domain::action_kind_of_request("talk"), "temoignage_classe");
  EXPECT_EQ(domain::action_kind_of_request("visit_company"), "visite_entreprise");
  EXPECT_EQ(domain::action_kind_of_request("visit_lab"), "visite_laboratoire");
  EXPECT_EQ(domain::action_kind_of_request("forum"), "forum_salon");
  EXPECT_EQ(domain::action_kind_of_request("mentoring"), "atelier");
  EXPECT_EQ(domain::labels_of_codes({"Tle", "4e"}, domain::class_levels()), "Terminale, 4e");
  EXPECT_EQ(domain::labels_of_codes({"verre", "inconnu"}, domain::collective_domains()), "Verre, inconnu");
  EXPECT_EQ(domain::labels_of_codes({}, domain::class_levels()), "");
  EXPECT_EQ(domain::request_kinds().size(), 5u);
  EXPECT_EQ(domain::request_statuses().size(), 5u);
  EXPECT_EQ(domain::assignment_statuses().size(), 6u);
}

TEST(ProposalWhy, FrenchExplanation) {
  EXPECT_EQ(domain::proposal_why(12.4, "Maintenance industrielle", true, 0, false, "", false),
            "12 km, maintenance industrielle, 1re intervention ce trimestre");
  EXPECT_EQ(domain::proposal_why(12.6, "Maintenance industrielle", true, 2, false, "", false),
            "13 km, maintenance industrielle, 3e intervention ce trimestre");
  EXPECT_EQ(domain::proposal_why(3, "Électronique", true, 1, true, "REP+", true),
            "3 km, électronique, 2e intervention ce trimestre, établissement jamais atteint, éducation prioritaire "
            "(REP+), déjà venue dans cet établissement");
  EXPECT_EQ(domain::proposal_why(0.2, "", true, 0, false, "REP", false),
            "0 km, hors domaine demandé, 1re intervention ce trimestre, éducation prioritaire (REP)");
  EXPECT_EQ(domain::proposal_why(25, "", false, 0, false, "", false), "25 km, 1re intervention ce trimestre");
}
