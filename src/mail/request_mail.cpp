// The e-mails of a teacher's request before matching: her confirmation link, and the coordinators' notice of a new
// confirmed request. The ambassadors' e-mails are in mail/intervention_mail.cpp.
#include <string>
#include <vector>

#include "domain/collective.hpp"
#include "domain/event.hpp"
#include "domain/text.hpp"
#include "mail/intervention_mail.hpp"

namespace passerelles::mail {

namespace {

constexpr const char* kSignature = "\n\nÀ bientôt,\n— Passerelles\n";
constexpr std::size_t kDaysShown = 8;

// "mardi 8 décembre 2026, jeudi 10 décembre 2026 et 4 autres jours".
std::string days_fr(const std::vector<std::string>& days) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < days.size() && i < kDaysShown; ++i) {
    std::string d = domain::day_with_weekday_fr(days[i]);
    shown.push_back(d.empty() ? days[i] : d);
  }
  std::string text = domain::join(shown, ", ");
  if (days.size() > kDaysShown) {
    std::size_t more = days.size() - kDaysShown;
    text += " et " + std::to_string(more) + (more > 1 ? " autres jours" : " autre jour");
  }
  return text;
}

std::string school_fr(const domain::InterventionRequest& r) {
  if (r.school_name.empty()) return "votre établissement";
  return r.school_name + (r.school_commune.empty() ? "" : " (" + r.school_commune + ")");
}

// What she asked, one line each: the kind, the school, the class, the days, the domains and jobs.
std::string summary(const domain::InterventionRequest& r) {
  std::string text = "Demande : " + std::string(domain::request_kind_label(r.kind));
  text += "\nÉtablissement : " + school_fr(r);
  if (!r.school_uai.empty()) text += " — UAI " + r.school_uai;
  if (!r.school_priority.empty()) text += " — éducation prioritaire (" + r.school_priority + ")";
  text += "\nClasse : " + domain::labels_of_codes(r.class_levels, domain::class_levels()) + " — " +
          std::to_string(r.girls) + (r.girls > 1 ? " filles, " : " fille, ") + std::to_string(r.boys) +
          (r.boys > 1 ? " garçons" : " garçon");
  text += "\nIntervenantes souhaitées : " + std::string(r.needed == 2 ? "deux" : "une");
  text += "\nDates proposées : " + days_fr(r.days);
  if (!r.domains.empty()) text += "\nDomaines : " + domain::labels_of_codes(r.domains, domain::collective_domains());
  if (!r.jobs.empty()) text += "\nMétiers souhaités : " + r.jobs;
  if (!r.language.empty())
    text += "\nLangue : " + std::string(domain::choice_label(domain::request_languages(), r.language));
  if (!r.accessibility.empty()) text += "\nAccessibilité : " + r.accessibility;
  return text;
}

}  // namespace

Message request_confirm_message(const domain::InterventionRequest& r, const std::string& base_url) {
  std::string link = base_url + "/demandes/" + r.token;
  Message m;
  m.to = r.email;
  m.subject = "Confirmez votre demande d’intervention : " + std::string(domain::request_kind_label(r.kind));
  m.text = (r.contact_name.empty() ? std::string("Bonjour,") : "Bonjour " + r.contact_name + ",") +
           "\n\nMerci pour votre demande d’intervention. Pour la confirmer, ouvrez ce lien dans les " +
           std::to_string(domain::kRequestConfirmHours) + " heures et cliquez sur « Confirmer ma demande » :\n" + link +
           "?confirmer=1" + "\n\nSans confirmation dans ce délai, la demande sera effacée.\n\n" + summary(r) +
           "\n\nCe lien personnel, à garder, vous permet ensuite de suivre votre demande, de la modifier ou de "
           "l’annuler :\n" +
           link + "\n\nSi vous n’avez rien demandé, ignorez ce message : rien ne sera fait." + kSignature;
  return m;
}

Message request_new_for_coordinator_message(const domain::InterventionRequest& r, const std::string& to,
                                            const std::string& base_url) {
  Message m;
  m.to = to;
  m.subject = "Nouvelle demande d’intervention : " + school_fr(r);
  m.text = "Bonjour,\n\nUne enseignante vient de confirmer une demande d’intervention" +
           (r.territory_name.empty() ? std::string() : " sur le territoire " + r.territory_name) + ".\n\n" +
           summary(r) + "\nContact : " + r.contact_name + (r.role.empty() ? "" : " (" + r.role + ")") + ", " + r.email +
           (r.phone.empty() ? "" : ", " + r.phone) +
           (r.message.empty() ? std::string() : "\n\nSon message :\n" + r.message) +
           "\n\nLa demande attend la prochaine recherche d’ambassadrices : " + base_url + "/interventions" + kSignature;
  return m;
}

}  // namespace passerelles::mail
