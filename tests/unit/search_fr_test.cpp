// Unit tests for the French search terms: forms of one word meet, distinct job words stay apart.
#include "domain/search_fr.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace passerelles::domain;

namespace {

// The forms of one job as the ROME v460 titles write them (masculine / feminine), plus plurals.
const std::vector<std::vector<const char*>> kSameJob = {
    {"usineur", "usineuse", "usineuses", "usineurs", "Usineuse"},
    {"technicien", "technicienne", "techniciens", "techniciennes", "TECHNICIENNE"},
    {"conducteur", "conductrice", "conductrices", "conducteurs"},
    {"ouvrier", "ouvrière", "ouvriers", "ouvrières", "ouvriere"},
    {"électronicien", "électronicienne", "electroniciennes"},
    {"opérateur", "opératrice", "operatrices", "opérateurs"},
    {"ingénieur", "ingénieure", "ingénieurs", "ingenieures"},
    {"soudeur", "soudeuse", "soudeuses"},
    {"monteur", "monteuse", "monteurs"},
    {"ajusteur", "ajusteuse"},
    {"régleur", "régleuse", "regleuses"},
    {"décolleteur", "décolleteuse"},
    {"fraiseur", "fraiseuse"},
    {"tourneur", "tourneuse"},
    {"polisseur", "polisseuse"},
    {"chaudronnier", "chaudronnière"},
    {"électricien", "électricienne"},
    {"mécanicien", "mécanicienne"},
    {"horloger", "horlogère", "horlogères"},
    {"bijoutier", "bijoutière"},
    {"lunetier", "lunetière"},
    {"opticien", "opticienne"},
    {"verrier", "verrière"},
    {"souffleur", "souffleuse"},
    {"assembleur", "assembleuse"},
    {"câbleur", "câbleuse", "cableuses"},
    {"bobinier", "bobinière"},
    {"dessinateur", "dessinatrice"},
    {"programmeur", "programmeuse"},
    {"développeur", "développeuse"},
    {"informaticien", "informaticienne"},
    {"contrôleur", "contrôleuse"},
    {"qualiticien", "qualiticienne"},
    {"automaticien", "automaticienne"},
    {"roboticien", "roboticienne"},
    {"mécatronicien", "mécatronicienne"},
    {"électrotechnicien", "électrotechnicienne"},
    {"métrologue", "métrologues"},
    {"outilleur", "outilleuse"},
    {"graveur", "graveuse"},
    {"menuisier", "menuisière"},
    {"animateur", "animatrice"},
    {"formateur", "formatrice"},
    {"tuteur", "tutrice"},
    {"ambassadeur", "ambassadrice", "ambassadrices"},
    {"chef", "cheffe", "cheffes"},
    {"mouliste", "moulistes"},
    {"plasturgiste", "plasturgistes"},
    {"peintre", "peintres"},
    {"pilote", "pilotes"},
};

std::vector<std::string> terms(const char* text) {
  return search_terms_fr(text);
}

// Each form is one word whose stem is that of the group's first form.
void expect_one_stem_per_group(const std::vector<std::vector<const char*>>& groups) {
  for (const auto& group : groups) {
    for (const char* form : group) {
      ASSERT_EQ(terms(form).size(), 1u) << form;
      EXPECT_EQ(terms(form)[0], terms(group[0])[0]) << form << " vs " << group[0];
    }
  }
}

}  // namespace

TEST(SearchFr, FormsOfOneWordMeet) {
  const std::vector<std::vector<const char*>> groups = {
      {"mecanique", "Mécanique", "mécaniques", "MÉCANIQUES"},
      {"métal", "métaux"},
      {"bureau", "bureaux"},
      {"employé", "employée", "employés", "employées"},
      {"sportif", "sportive", "sportifs", "sportives"},
      {"professionnel", "professionnelle", "professionnels"},
      {"maître", "maîtresse"},
  };
  expect_one_stem_per_group(groups);
}

TEST(SearchFr, ExamplesOfTheIssue) {
  EXPECT_EQ(search_query_fr("mecanique"), search_document_fr("mécanique"));
  EXPECT_EQ(search_query_fr("usineuses"), search_document_fr("usineuse"));
  EXPECT_EQ(search_document_fr("usineuse"), "usineu");
  EXPECT_EQ(search_document_fr("conductrice"), "conducteu");
  EXPECT_EQ(search_document_fr("technicienne"), "technicien");
  EXPECT_EQ(search_document_fr("ouvrière"), "ouvrier");
}

TEST(SearchFr, FormsOfOneJobMeet) {
  expect_one_stem_per_group(kSameJob);
}

TEST(SearchFr, DistinctJobsStayApart) {
  for (std::size_t i = 0; i < kSameJob.size(); ++i)
    for (std::size_t j = i + 1; j < kSameJob.size(); ++j)
      EXPECT_NE(terms(kSameJob[i][0]), terms(kSameJob[j][0])) << kSameJob[i][0] << " vs " << kSameJob[j][0];
  // Related words that a search must not confuse with the job.
  EXPECT_NE(terms("usine"), terms("usineuse"));
  EXPECT_NE(terms("mécanique"), terms("mécanicienne"));
  EXPECT_NE(terms("technique"), terms("technicienne"));
  EXPECT_NE(terms("fille"), terms("fil"));
}

TEST(SearchFr, StopWordsAndShortWordsAreDropped) {
  EXPECT_EQ(search_document_fr("le la les de des du un une et en au aux pour par sur dans avec que qui ou"), "");
  EXPECT_EQ(search_document_fr("Technicienne de maintenance en usinage à Besançon"),
            "technicien maintenanc usinag besancon");
  EXPECT_EQ(search_document_fr("Où ? À Y !"), "");
}

TEST(SearchFr, ApostrophesHyphensAndPunctuationSplit) {
  EXPECT_EQ(search_document_fr("l’usineuse d'Ornans"), "usineu ornan");
  EXPECT_EQ(search_document_fr("L'ingénieure"), "ingenieu");
  EXPECT_EQ(search_document_fr("monteuse-câbleuse"), "monteu cableu");
  EXPECT_EQ(search_document_fr("« Opératrice », qu’elle dit\u00a0: «\u202fmoi\u202f»"), "operateu qu ell dit moi");
  EXPECT_EQ(search_document_fr("Femmes et Microtechniques 2019, niveau 5"), "femm microtechniqu 2019 niveau 5");
}

TEST(SearchFr, DocumentKeepsRepeatsQueryDoesNot) {
  EXPECT_EQ(search_document_fr("soudeuse, soudeur"), "soudeu soudeu");
  EXPECT_EQ(search_query_fr("soudeuse soudeurs Soudeuses"), "soudeu");
  EXPECT_EQ(search_query_fr("  ,;  de la  "), "");
  EXPECT_EQ(search_query_fr(""), "");
}
