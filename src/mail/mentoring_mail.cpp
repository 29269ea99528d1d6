// The mentoring e-mails: plain French text, links to the platform, no private channel between an adult and a
// minor (no address of the mentee, no message body).
#include "mail/mentoring_mail.hpp"

#include "domain/collective.hpp"
#include "domain/request.hpp"

namespace passerelles::mail {

namespace {
constexpr const char* kSignature = "\n\nÀ bientôt,\n— Passerelles\n";

std::string audience_fr(const domain::mentoring::Programme& p) {
  return std::string(domain::choice_label(domain::mentoring::audiences(), p.audience));
}
}  // namespace

Message mentoring_vouch_request_message(const domain::mentoring::Application& a, const domain::mentoring::Programme& p,
                                        const std::string& base_url) {
  Message m;
  m.to = a.voucher_email;
  m.subject = "Une candidature au marrainage attend votre caution";
  m.text =
      "Bonjour " + a.voucher_name + ",\n\n" + a.display_name() +
      (a.class_level.empty() ? "" : " (" + a.class_level + ")") +
      " vous désigne comme personne de son établissement qui soutient sa candidature au programme de "
      "marrainage « " +
      p.name + " » (" + audience_fr(p) +
      ").\n\nUne marraine, professionnelle de l’industrie, l’accompagnera pendant le programme ; tous les "
      "échanges passent par la plateforme et sont consignés.\n\nPour consulter la candidature et la cautionner :\n" +
      base_url + "/parrainage/caution/" + a.vouch_token +
      "\n\nSi vous ne connaissez pas cette élève, ignorez ce message : rien ne se passera sans votre caution." +
      kSignature;
  return m;
}

Message mentoring_consent_request_message(const domain::mentoring::Application& a,
                                          const domain::mentoring::Programme& p, const std::string& consent_token,
                                          const std::string& base_url) {
  Message m;
  m.to = a.guardian_email;
  m.subject = "Marrainage : votre accord est demandé";
  m.text = "Bonjour " + a.guardian_name + ",\n\n" + a.first_name + " a demandé une marraine dans le programme « " +
           p.name +
           " », et son établissement a soutenu sa candidature. Comme elle a moins de 15 ans, aucun contact n’a lieu "
           "avant votre accord.\n\nLes échanges avec la marraine passent uniquement par la plateforme et sont "
           "consignés ; la coordinatrice peut les lire.\n\nPour lire les informations et donner votre accord :\n" +
           base_url + "/parrainage/consentement/" + consent_token + kSignature;
  return m;
}

Message mentoring_application_message(const domain::mentoring::Application& a, const domain::mentoring::Programme& p,
                                      const std::string& to, const std::string& base_url) {
  Message m;
  m.to = to;
  m.subject = "Votre candidature au marrainage";
  m.text = "Bonjour,\n\nLa candidature de " + a.first_name + " au programme « " + p.name +
           " » est enregistrée.\n\nSa page de suivi (gardez ce lien, il est personnel) :\n" + base_url +
           "/parrainage/suivi/" + a.token + kSignature;
  return m;
}

Message mentoring_pair_for_mentor_message(const store::PairView& pair, const std::string& base_url) {
  Message m;
  m.to = pair.mentor_email;
  m.subject = "Marrainage : votre filleule";
  std::string domains = domain::labels_of_codes(pair.mentee_domains, domain::collective_domains());
  m.text = "Bonjour " + pair.mentor_first_name + ",\n\nLa coordination vous confie une filleule dans le programme « " +
           pair.programme_name + " » : " + pair.mentee_name +
           (pair.mentee_class.empty() ? "" : ", en " + pair.mentee_class) +
           (domains.empty() ? "" : ", curieuse de : " + domains) +
           ".\n\nVos échanges passent par la plateforme (ils sont consignés) : écrivez-lui, notez vos rencontres et "
           "donnez vos bilans ici :\n" +
           base_url + "/collectif/parrainage/binomes/" + std::to_string(pair.id) + kSignature;
  return m;
}

Message mentoring_pair_for_mentee_message(const store::PairView& pair, const domain::mentoring::Application& a,
                                          const std::string& to, const std::string& base_url) {
  Message m;
  m.to = to;
  m.subject = "Marrainage : une marraine vous accompagne";
  m.text = "Bonjour,\n\n" + pair.mentor_first_name + ", " + pair.mentor_job + ", sera la marraine de " + a.first_name +
           " dans le programme « " + pair.programme_name +
           " ».\n\nLes messages et les rencontres se suivent sur la page personnelle :\n" + base_url +
           "/parrainage/suivi/" + a.token + kSignature;
  return m;
}

Message mentoring_new_message_notice(const std::string& to, const std::string& link) {
  Message m;
  m.to = to;
  m.subject = "Marrainage : un nouveau message vous attend";
  m.text = "Bonjour,\n\nUn nouveau message vous attend sur Passerelles :\n" + link + kSignature;
  return m;
}

Message mentoring_feedback_request_message(const store::PairView& pair, const std::string& phase, bool for_mentor,
                                           const std::string& to, const std::string& link) {
  const bool mid = phase == "mid";
  Message m;
  m.to = to;
  m.subject = mid ? "Marrainage : votre avis à mi-parcours" : "Marrainage : votre avis de fin de programme";
  std::string other = for_mentor ? pair.mentee_name : pair.mentor_first_name;
  m.text = "Bonjour,\n\n" +
           std::string(mid ? "Le programme « " + pair.programme_name + " » arrive à mi-parcours."
                           : "Le programme « " + pair.programme_name + " » touche à sa fin.") +
           " Comment se passe le marrainage avec " + other +
           " ? Une note de 1 à 5 et quelques mots suffisent : ils aident la coordinatrice à accompagner chaque "
           "binôme et à améliorer le programme.\n\nDonner votre avis :\n" +
           link + kSignature;
  return m;
}

}  // namespace passerelles::mail
