// Unit tests for offers and applications: the transition table (every pair of states checked against the list
// written by hand from the issue), the refusal messages, French labels, normalisation (default expiry) and the
// French validation messages of offers and applications.
#include "domain/opportunity.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>

using namespace passerelles;

namespace {

constexpr const char* kToday = "2026-11-28";

domain::Offer valid_offer() {
  domain::Offer o;
  o.territory_id = 1;
  o.organisation_id = 3;
  o.kind = "stage_3e";
  o.title = "Découverte de l’usinage";
  o.domain = "usinage";
  o.places = 2;
  o.starts_on = "2027-01-18";
  o.ends_on = "2027-01-22";
  o.expires_on = "2027-01-10";
  return o;
}

domain::OfferApplication valid_application() {
  domain::OfferApplication a;
  a.first_name = "Léa";
  a.last_name = "Martin";
  a.sex = "F";
  a.minor = true;
  a.class_level = "3e";
  return a;
}

}  // namespace

TEST(OpportunityTransitions, ExactlyTheTableOfTheIssue) {
  // Written by hand from issue 7 and migration 0007, independently of the table in opportunity.cpp.
  const std::set<std::pair<std::string, std::string>> expected = {
      {"sent", "seen"},          {"sent", "interview"},     {"sent", "accepted"},     {"sent", "declined"},
      {"sent", "expired"},       {"sent", "withdrawn"},     {"seen", "interview"},    {"seen", "accepted"},
      {"seen", "declined"},      {"seen", "expired"},       {"seen", "withdrawn"},    {"interview", "interview"},
      {"interview", "accepted"}, {"interview", "declined"}, {"interview", "expired"}, {"interview", "withdrawn"},
      {"accepted", "completed"},
  };
  const std::vector<std::string> states = {"sent",     "seen",    "interview", "accepted",
                                           "declined", "expired", "withdrawn", "completed"};
  int allowed = 0;
  for (const auto& from : states)
    for (const auto& to : states) {
      bool want = expected.count({from, to}) == 1;
      EXPECT_EQ(domain::allowed(from, to), want) << from << " -> " << to;
      allowed += want;
    }
  EXPECT_EQ(allowed, 17);
  EXPECT_FALSE(domain::allowed("", "sent"));
  EXPECT_FALSE(domain::allowed("sent", "sent"));
  EXPECT_FALSE(domain::allowed("sent", "completed")) << "only an accepted application is completed";
  EXPECT_FALSE(domain::allowed("accepted", "withdrawn")) << "withdrawn only before a decision";
}

TEST(OpportunityTransitions, StateOfACompletedApplication) {
  EXPECT_EQ(domain::application_state("accepted", true), "completed");
  EXPECT_EQ(domain::application_state("accepted", false), "accepted");
  EXPECT_EQ(domain::application_state("declined", true), "declined");
  EXPECT_TRUE(domain::application_undecided("interview"));
  EXPECT_FALSE(domain::application_undecided("accepted"));
}

TEST(OpportunityTransitions, RefusalsAreFrench) {
  EXPECT_EQ(domain::transition_refused_fr("accepted", "declined"),
            "Cette candidature est déjà acceptée : la décision ne peut plus être changée.");
  EXPECT_EQ(domain::transition_refused_fr("declined", "withdrawn"),
            "Cette candidature a été refusée : elle ne peut plus être retirée.");
  EXPECT_EQ(domain::transition_refused_fr("sent", "completed"),
            "Cette candidature attend encore une décision : seule une candidature acceptée peut être notée comme "
            "réalisée.");
}

TEST(OpportunityLabels, KindsStatusesAndSexes) {
  EXPECT_EQ(domain::offer_kind_label("stage_3e"), "Stage d’observation de 3e");
  EXPECT_EQ(domain::offer_kind_label("stage_seconde"), "Stage de seconde");
  EXPECT_EQ(domain::offer_kind_label("stage_sup"), "Stage BTS / BUT");
  EXPECT_EQ(domain::offer_kind_label("apprenticeship"), "Apprentissage / alternance");
  EXPECT_EQ(domain::offer_kind_label("job"), "Emploi");
  EXPECT_EQ(domain::offer_kind_label("stage"), "");
  EXPECT_EQ(domain::application_status_label("accepted"), "Acceptée");
  EXPECT_EQ(domain::application_status_label("declined"), "Refusée");
  EXPECT_EQ(domain::offer_status_label("published"), "Publiée");
  EXPECT_EQ(domain::choice_label(domain::candidate_sexes(), "F"), "Fille / femme");
  EXPECT_EQ(domain::choice_label(domain::candidate_sexes(), "M"), "Garçon / homme");
  EXPECT_EQ(domain::choice_label(domain::candidate_sexes(), "X"), "Autre ou non dit");
}

TEST(OfferValidation, ValidOfferAndDefaultExpiry) {
  auto o = valid_offer();
  EXPECT_TRUE(domain::validate(o, kToday).empty());
  o.expires_on = "";
  o.contact_email = "  RH@Metallerie.FR ";
  domain::normalise(o, kToday);
  EXPECT_EQ(o.expires_on, "2027-01-18") << "starts_on when still ahead";
  EXPECT_EQ(o.contact_email, "rh@metallerie.fr");
  o.expires_on = "";
  o.starts_on = "2026-11-01";
  domain::normalise(o, kToday);
  EXPECT_EQ(o.expires_on, "2027-01-27") << "today + 60 days: 2 in November, 31 in December, 27 in January";
}

TEST(OfferValidation, FrenchMessagesNextToFields) {
  struct Case {
    const char* field;
    std::function<void(domain::Offer&)> spoil;
    const char* message_part;
  };
  const std::vector<Case> cases = {
      {"organisation_id", [](auto& o) { o.organisation_id = 0; }, "entreprise"},
      {"kind", [](auto& o) { o.kind = "stage"; }, "type d’offre"},
      {"title", [](auto& o) { o.title = "  "; }, "titre"},
      {"title", [](auto& o) { o.title = std::string(201, 'a'); }, "200"},
      {"domain", [](auto& o) { o.domain = "cuisine"; }, "domaine"},
      {"places", [](auto& o) { o.places = 0; }, "entre 1 et 50"},
      {"places", [](auto& o) { o.places = 51; }, "entre 1 et 50"},
      {"starts_on", [](auto& o) { o.starts_on = ""; }, "premier jour"},
      {"starts_on", [](auto& o) { o.starts_on = "2027-02-30"; }, "pas valide"},
      {"ends_on", [](auto& o) { o.ends_on = "2027-01-17"; }, "avant le début"},
      {"contact_email", [](auto& o) { o.contact_email = "rh@"; }, "pas valide"},
      {"expires_on", [](auto& o) { o.expires_on = ""; }, "jusqu’à quand"},
      {"expires_on", [](auto& o) { o.expires_on = "2026-11-27"; }, "27 novembre 2026 est passé"},
  };
  for (const auto& c : cases) {
    auto o = valid_offer();
    c.spoil(o);
    auto e = domain::validate(o, kToday);
    ASSERT_EQ(e.size(), 1u) << c.field << ": " << (e.empty() ? "" : e.begin()->first);
    EXPECT_EQ(e.begin()->first, c.field);
    EXPECT_NE(e.begin()->second.find(c.message_part), std::string::npos) << e.begin()->second;
  }
  auto past = valid_offer();
  past.expires_on = "2026-11-27";
  EXPECT_TRUE(domain::validate(past, kToday, false).empty()) << "an expired offer's other fields can be edited";
}

TEST(ApplicationValidation, FrenchMessagesNextToFields) {
  EXPECT_TRUE(domain::validate(valid_application()).empty());
  struct Case {
    const char* field;
    std::function<void(domain::OfferApplication&)> spoil;
  };
  const std::vector<Case> cases = {
      {"first_name", [](auto& a) { a.first_name = ""; }},
      {"last_name", [](auto& a) { a.last_name = " "; }},
      {"email", [](auto& a) { a.email = "lea.martin"; }},
      {"phone", [](auto& a) { a.phone = "appelez-moi"; }},
      {"sex", [](auto& a) { a.sex = "f"; }},
      {"class_level", [](auto& a) { a.class_level = "CM2"; }},
      {"message", [](auto& a) { a.message = std::string(2001, 'x'); }},
  };
  for (const auto& c : cases) {
    auto a = valid_application();
    c.spoil(a);
    auto e = domain::validate(a);
    ASSERT_EQ(e.size(), 1u) << c.field;
    EXPECT_EQ(e.begin()->first, c.field);
  }
  auto a = valid_application();
  a.email = " Lea.Martin@Exemple.FR ";
  domain::normalise(a);
  EXPECT_EQ(a.email, "lea.martin@exemple.fr");
}
