// The French plain-text e-mails of joining the collective: invitation, application notice.
#include "mail/collective_mail.hpp"

namespace passerelles::mail {

Message invitation_message(const domain::Ambassador& a, const std::string& territory_name, const std::string& token,
                           const std::string& base_url) {
  Message m;
  m.to = a.email;
  m.subject = "Invitation à rejoindre le collectif des ambassadrices — " + territory_name;
  m.text = (a.first_name.empty() ? std::string("Bonjour,") : "Bonjour " + a.first_name + ",") +
           "\n\nLa coordination de " + territory_name +
           " vous invite à rejoindre son collectif d’ambassadrices : des femmes des métiers de l’industrie qui "
           "témoignent auprès des collégiennes, des lycéennes et des femmes en reconversion.\n\nPour accepter, "
           "ouvrez ce lien personnel dans les 14 jours :\n" +
           base_url + "/collectif/invitation/" + token +
           "\n\nVous y choisirez votre mot de passe et lirez la charte de bonne conduite avec les mineurs, que "
           "chaque membre accepte. Vous compléterez ensuite votre profil : métier, parcours, disponibilités, et ce "
           "que vous acceptez de publier.\n\nSi vous ne souhaitez pas rejoindre le collectif, ignorez ce message : "
           "sans réponse, l’invitation expire d’elle-même.\n\nÀ bientôt,\n— Passerelles\n";
  return m;
}

Message application_message(const std::string& to, const domain::Ambassador& a, const std::string& territory_name,
                            const std::string& base_url) {
  Message m;
  m.to = to;
  m.subject = "Nouvelle candidature au collectif : " + a.full_name();
  std::string domain(domain::choice_label(domain::collective_domains(), a.domain));
  m.text = "Bonjour,\n\n" + a.full_name() + " souhaite rejoindre le collectif des ambassadrices de " + territory_name +
           ".\n\nMétier : " + a.job_title + (domain.empty() ? "" : "\nDomaine : " + domain) +
           (a.motivation.empty() ? "" : "\nSa motivation :\n" + a.motivation) +
           "\n\nPour l’inviter ou refuser sa candidature :\n" + base_url + "/collectif/membres/" +
           std::to_string(a.id) + "\n\n— Passerelles\n";
  return m;
}

}  // namespace passerelles::mail
