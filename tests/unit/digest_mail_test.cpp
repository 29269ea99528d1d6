// Unit tests for the collective's e-mails: the monthly digest (sections, escaping in the HTML part, unsubscribe
// headers of RFC 8058), the month label, the invitation and the application notice.
#include "mail/digest_mail.hpp"

#include <gtest/gtest.h>

#include "mail/collective_mail.hpp"

using namespace passerelles;

namespace {

constexpr const char* kBase = "https://passerelles.example.org";
constexpr const char* kUnsub =
    "https://passerelles.example.org/collectif/desabonnement/AbCdEf0123456789AbCdEf0123456789";

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string header(const mail::Message& m, const std::string& name) {
  for (const auto& [n, v] : m.headers)
    if (n == name) return v;
  return "";
}

mail::Digest full() {
  mail::Digest d;
  d.month = "2026-03";
  d.portraits = {{"Amélie R. — Technicienne de maintenance", "Maintenance industrielle · Verrerie <Fictive> & Cie",
                  std::string(kBase) + "/portraits/technicienne-de-maintenance"}};
  d.kit_pages = {{"Réponses aux clichés", "", std::string(kBase) + "/collectif/kit/pages/reponses-aux-cliches"}};
  d.resources = {{"Diaporama « Les métiers du verre »", "Pour les 4e", "https://exemple.fr/diapo.pdf?a=1&b=2"}};
  return d;
}

}  // namespace

TEST(DigestMail, MonthLabels) {
  EXPECT_EQ(mail::month_label_fr("2026-03"), "mars 2026");
  EXPECT_EQ(mail::month_label_fr("2025-12"), "décembre 2025");
  EXPECT_EQ(mail::month_label_fr("2026-13"), "");
  EXPECT_EQ(mail::month_label_fr("2026-3"), "");
  EXPECT_EQ(mail::month_label_fr(""), "");
}

TEST(DigestMail, TextHasEverySectionTheLinksAndTheUnsubscribeLink) {
  auto m = mail::digest_message("amelie@exemple.fr", "Amélie", full(), kBase, kUnsub);
  EXPECT_EQ(m.to, "amelie@exemple.fr");
  EXPECT_EQ(m.subject, "Passerelles : les nouvelles du collectif — mars 2026");
  EXPECT_TRUE(has(m.text, "Bonjour Amélie,"));
  EXPECT_TRUE(has(m.text, "pour mars 2026"));
  EXPECT_TRUE(has(m.text, "Nouveaux portraits\n\n- Amélie R. — Technicienne de maintenance"));
  EXPECT_TRUE(has(m.text, "\n  https://passerelles.example.org/portraits/technicienne-de-maintenance"));
  EXPECT_TRUE(has(m.text, "Pages du kit de discours mises à jour\n\n- Réponses aux clichés\n  https://"));
  EXPECT_TRUE(has(m.text, "Nouvelles ressources partagées\n\n- Diaporama « Les métiers du verre »\n  Pour les 4e"));
  EXPECT_TRUE(has(m.text, "Le kit de discours du collectif : https://passerelles.example.org/collectif/kit"));
  EXPECT_TRUE(has(m.text, "Pour ne plus le recevoir : " + std::string(kUnsub)));
  EXPECT_FALSE(has(m.text, "<p>")) << "no markup in the text part";
  EXPECT_TRUE(has(m.text, "Verrerie <Fictive> & Cie")) << "nor escaping";
}

TEST(DigestMail, HtmlIsEscapedAndCarriesTheSameLinks) {
  auto m = mail::digest_message("amelie@exemple.fr", "", full(), kBase, kUnsub);
  EXPECT_TRUE(has(m.html, "<html lang=\"fr\">"));
  EXPECT_TRUE(has(m.html, "<p>Bonjour,</p>"));
  EXPECT_TRUE(has(m.html, "Verrerie &lt;Fictive&gt; &amp; Cie"));
  EXPECT_FALSE(has(m.html, "<Fictive>"));
  EXPECT_TRUE(has(m.html, "href=\"https://exemple.fr/diapo.pdf?a=1&amp;b=2\""));
  EXPECT_TRUE(has(m.html, "<h2>Nouveaux portraits</h2>"));
  EXPECT_TRUE(has(m.html, "href=\"" + std::string(kUnsub) + "\""));
}

TEST(DigestMail, OneClickUnsubscribeHeaders) {
  auto m = mail::digest_message("amelie@exemple.fr", "Amélie", full(), kBase, kUnsub);
  EXPECT_EQ(header(m, "List-Unsubscribe"), "<" + std::string(kUnsub) + ">");
  EXPECT_EQ(header(m, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
}

TEST(DigestMail, EmptySectionsAreLeftOut) {
  mail::Digest d = full();
  d.portraits.clear();
  d.resources.clear();
  EXPECT_FALSE(d.empty());
  auto m = mail::digest_message("a@exemple.fr", "A", d, kBase, kUnsub);
  EXPECT_FALSE(has(m.text, "Nouveaux portraits"));
  EXPECT_FALSE(has(m.html, "Nouveaux portraits"));
  EXPECT_FALSE(has(m.text, "Nouvelles ressources"));
  EXPECT_TRUE(has(m.text, "Réponses aux clichés"));
  d.kit_pages.clear();
  EXPECT_TRUE(d.empty());
}

TEST(CollectiveMail, InvitationGivesTheLinkAndItsLifetime) {
  domain::Ambassador a;
  a.id = 4;
  a.first_name = "Inès";
  a.email = "ines@exemple.fr";
  auto m = mail::invitation_message(a, "CMQ Microtechniques", "TOKEN-123", kBase);
  EXPECT_EQ(m.to, "ines@exemple.fr");
  EXPECT_EQ(m.subject, "Invitation à rejoindre le collectif des ambassadrices — CMQ Microtechniques");
  EXPECT_TRUE(has(m.text, "Bonjour Inès,"));
  EXPECT_TRUE(has(m.text, "\nhttps://passerelles.example.org/collectif/invitation/TOKEN-123\n"));
  EXPECT_TRUE(has(m.text, "dans les 14 jours"));
  EXPECT_TRUE(has(m.text, "charte"));
  EXPECT_TRUE(m.html.empty());
  EXPECT_TRUE(m.headers.empty());
}

TEST(CollectiveMail, ApplicationNoticeNamesHerAndThePageToDecide) {
  domain::Ambassador a;
  a.id = 31;
  a.first_name = "Léa";
  a.last_name = "Durand";
  a.job_title = "Régleuse en plasturgie";
  a.domain = "plasturgie";
  a.motivation = "Montrer que c’est possible.";
  auto m = mail::application_message("coord@exemple.fr", a, "TI Flandre", kBase);
  EXPECT_EQ(m.to, "coord@exemple.fr");
  EXPECT_EQ(m.subject, "Nouvelle candidature au collectif : Léa Durand");
  EXPECT_TRUE(has(m.text, "Métier : Régleuse en plasturgie\nDomaine : Plasturgie"));
  EXPECT_TRUE(has(m.text, "Montrer que c’est possible."));
  EXPECT_TRUE(has(m.text, "https://passerelles.example.org/collectif/membres/31"));
}
