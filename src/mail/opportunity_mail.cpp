// The French plain-text e-mails of offer applications: to the company (new, reminders, withdrawn or expired) and to
// the referrer (every change of status).
#include "mail/opportunity_mail.hpp"

#include "domain/event.hpp"

namespace passerelles::mail {

namespace {

constexpr const char* kSignature = "\n\nÀ bientôt,\n— Passerelles\n";

std::string link(const domain::OfferApplication& a, const std::string& base_url) {
  return base_url + "/candidatures/" + std::to_string(a.id);
}

// « Stage d’observation de 3e — Découverte de l’usinage (Métallerie Comtoise) »
std::string offer_fr(const domain::OfferApplication& a) {
  std::string kind(domain::offer_kind_label(a.offer_kind));
  std::string text = kind.empty() ? a.offer_title : kind + " — " + a.offer_title;
  return a.organisation_name.empty() ? text : text + " (" + a.organisation_name + ")";
}

std::string who(const domain::OfferApplication& a) {
  return a.first_name.empty() ? std::string("la personne candidate") : a.first_name;
}

Message message(const std::string& to, std::string subject, std::string text) {
  Message m;
  m.to = to;
  m.subject = std::move(subject);
  m.text = std::move(text) + kSignature;
  return m;
}

}  // namespace

Message application_new_for_company_message(const domain::OfferApplication& a, const std::string& base_url) {
  std::string text = "Bonjour,\n\nUne nouvelle candidature vous attend pour votre offre :\n" + offer_fr(a) + "\n\n";
  text += "Candidate ou candidat : " + who(a);
  if (!a.referrer_organisation_name.empty()) text += ", présenté·e par " + a.referrer_organisation_name;
  text += ".\n\nConsultez-la, proposez un entretien, acceptez-la ou refusez-la ici (connexion nécessaire) :\n" +
          link(a, base_url) + "\n\nSans réponse de votre part, la candidature expirera 45 jours après son envoi.";
  return message(a.company_email, "Nouvelle candidature : " + a.offer_title, text);
}

Message application_reminder_message(const domain::OfferApplication& a, int days, const std::string& base_url) {
  std::string text = "Bonjour,\n\nLa candidature de " + who(a) + " pour votre offre :\n" + offer_fr(a) +
                     "\nattend votre réponse depuis " + std::to_string(days) + " jours.\n\n" +
                     "Une réponse, même négative, aide beaucoup la personne à avancer :\n" + link(a, base_url) +
                     "\n\nSans décision, elle expirera 45 jours après son envoi.";
  return message(a.company_email, "Rappel : une candidature attend votre réponse (" + a.offer_title + ")", text);
}

Message application_change_for_referrer_message(const domain::OfferApplication& a, const std::string& base_url) {
  std::string state = a.state();
  std::string news;
  if (state == "seen")
    news = "L’entreprise a consulté la candidature.";
  else if (state == "interview")
    news = "L’entreprise propose un entretien le " + domain::day_with_weekday_fr(a.interview_on) + ".";
  else if (state == "accepted")
    news = "Bonne nouvelle : la candidature est acceptée !";
  else if (state == "declined")
    news = "La candidature n’a pas été retenue. Raison donnée par l’entreprise : " + a.decline_reason;
  else if (state == "expired")
    news = "L’entreprise n’a pas pris de décision dans les 45 jours : la candidature a expiré.";
  else if (state == "withdrawn")
    news = "La candidature a été retirée.";
  else if (state == "completed")
    news = "Le stage est noté comme réalisé (ou le contrat comme commencé).";
  else
    news = "La candidature est maintenant : " + std::string(domain::application_status_label(state)) + ".";
  std::string text = "Bonjour,\n\nDu nouveau pour la candidature de " + who(a) + " à l’offre :\n" + offer_fr(a) +
                     "\n\n" + news + "\n\nLe suivi de la candidature :\n" + link(a, base_url);
  std::string label(domain::application_status_label(state));
  return message(a.referrer_email, "Candidature « " + a.offer_title + " » : " + label, text);
}

Message application_closed_for_company_message(const domain::OfferApplication& a, const std::string& base_url) {
  bool withdrawn = a.status == "withdrawn";
  std::string news =
      withdrawn ? "La candidature de " + who(a) + " a été retirée par la personne qui l’avait présentée."
                : "La candidature de " + who(a) + " a expiré : aucune décision n’a été prise dans les 45 jours.";
  std::string text = "Bonjour,\n\nVotre offre :\n" + offer_fr(a) + "\n\n" + news + "\n\n" + link(a, base_url);
  return message(a.company_email,
                 std::string(withdrawn ? "Candidature retirée : " : "Candidature expirée : ") + a.offer_title, text);
}

}  // namespace passerelles::mail
