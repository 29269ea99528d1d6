// The French plain-text e-mails of an ambassador's assignments (invitation, confirmation with an .ics, cancellation,
// reminder, report request) and the iCalendar form of an assignment. The teacher's own request e-mails are in
// request_mail.cpp.
#include "mail/intervention_mail.hpp"

#include <algorithm>

#include "domain/plan.hpp"
#include "domain/text.hpp"

namespace passerelles::mail {

namespace {

constexpr const char* kSignature = "\n\nÀ bientôt,\n— Passerelles\n";

std::string host_of(const std::string& base_url) {
  std::string host = base_url;
  if (auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  if (auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (!host.empty() && host.front() == '[') return host.substr(0, host.find(']') + 1);
  return host.substr(0, host.find(':'));
}

std::string first_name(const std::string& full) {
  return full.substr(0, full.find(' '));
}

std::string kind_fr(const domain::InterventionRequest& r) {
  std::string label(domain::request_kind_label(r.kind));
  return label.empty() ? "Intervention" : label;
}

std::string school_fr(const store::AssignmentView& a) {
  const auto& r = a.request;
  if (r.school_name.empty()) return "l’établissement";
  return r.school_commune.empty() ? r.school_name : r.school_name + " (" + r.school_commune + ")";
}

// "une classe de 4e, 3e : 12 filles et 14 garçons".
std::string class_fr(const domain::InterventionRequest& r) {
  std::vector<std::string> levels;
  for (const auto& l : r.class_levels) {
    std::string label(domain::class_level_label(l));
    levels.push_back(label.empty() ? l : label);
  }
  std::string text = levels.empty() ? "une classe" : "une classe de " + domain::join(levels, ", ");
  return text + " : " + std::to_string(r.girls) + (r.girls > 1 ? " filles" : " fille") + " et " +
         std::to_string(r.boys) + (r.boys > 1 ? " garçons" : " garçon");
}

// What, where, when and for whom: the block every message to the ambassador carries.
std::string details(const store::AssignmentView& a) {
  const auto& r = a.request;
  std::string text = "Quoi : " + kind_fr(r) + "\nOù : " + school_fr(a);
  if (!a.school_address.empty()) text += ", " + a.school_address;
  text += "\nQuand : le " + domain::day_with_weekday_fr(a.day) + " (l’horaire se convient avec l’enseignante)";
  text += "\nPour : " + class_fr(r);
  if (!r.jobs.empty()) text += "\nMétiers souhaités : " + r.jobs;
  if (!r.accessibility.empty()) text += "\nAccessibilité : " + r.accessibility;
  if (!r.message.empty()) text += "\nSon message : " + r.message;
  return text;
}

std::string teacher_contact(const domain::InterventionRequest& r) {
  if (r.anonymised) return "";
  std::string text = "\n\nVotre contact dans l’établissement : " + r.contact_name;
  if (!r.role.empty()) text += ", " + r.role;
  text += "\nCourriel : " + r.email;
  if (!r.phone.empty()) text += "\nTéléphone : " + r.phone;
  return text;
}

std::string app_page(const std::string& base_url) {
  return base_url + "/collectif/interventions";
}

Message to_ambassador(const store::AssignmentView& a, std::string subject, std::string text) {
  Message m;
  m.to = a.ambassador_email;
  m.subject = std::move(subject);
  m.text = "Bonjour " + first_name(a.ambassador_name) + ",\n\n" + std::move(text) + kSignature;
  return m;
}

Message to_teacher(const domain::InterventionRequest& r, std::string subject, std::string text) {
  Message m;
  m.to = r.email;
  m.subject = std::move(subject);
  m.text = (r.contact_name.empty() ? std::string("Bonjour,") : "Bonjour " + r.contact_name + ",") + "\n\n" +
           std::move(text) + kSignature;
  return m;
}

std::string by_whom_fr(const std::string& by) {
  if (by == "ambassador") return "par l’ambassadrice";
  if (by == "teacher") return "par l’enseignante";
  if (by == "coordinator") return "par la coordinatrice";
  return "";
}

}  // namespace

domain::IcsEvent ics_of_assignment(const store::AssignmentView& a, const std::string& base_url) {
  const auto& r = a.request;
  domain::IcsEvent ev;
  ev.uid = "intervention-" + std::to_string(a.id) + "@" + host_of(base_url);
  ev.summary = kind_fr(r) + " — " + (r.school_name.empty() ? std::string("établissement") : r.school_name);
  ev.description = details(a);
  if (!a.partners.empty()) ev.description += "\nAvec : " + domain::join(a.partners, ", ");
  ev.location = r.school_name.empty()
                    ? a.school_address
                    : (a.school_address.empty() ? r.school_name : r.school_name + ", " + a.school_address);
  ev.url = app_page(base_url);
  ev.starts_on = a.day;
  ev.ends_on = a.day;
  ev.cancelled = a.status == "cancelled";
  ev.sequence = ev.cancelled ? 1 : 0;
  ev.stamp = std::max({a.invited_at, a.answered_at, r.updated_at});
  return ev;
}

Message assignment_invitation_message(const store::AssignmentView& a, const std::string& base_url) {
  const std::string answer = base_url + "/reponse/" + a.response_token;
  std::string text =
      "La coordinatrice de " + a.request.territory_name + " vous propose une intervention :\n\n" + details(a);
  if (!a.why.empty()) text += "\nPourquoi vous : " + a.why;
  text += "\n\nAccepter ou décliner en un clic : " + answer +
          "\n\nVous pouvez aussi répondre depuis vos interventions : " + app_page(base_url);
  return to_ambassador(a, "Proposition d’intervention : " + school_fr(a) + ", le " + domain::format_day_fr(a.day),
                       std::move(text));
}

Message request_confirmed_for_teacher_message(const domain::InterventionRequest& r,
                                              const std::vector<store::AssignmentView>& accepted,
                                              const std::string& base_url) {
  std::vector<std::string> who;
  for (const auto& a : accepted) {
    std::string one = first_name(a.ambassador_name);
    if (!a.ambassador_job.empty()) one += " (" + a.ambassador_job + ")";
    who.push_back(one);
  }
  std::string text = "Bonne nouvelle : votre demande (" + kind_fr(r) + ") est confirmée pour le " +
                     domain::day_with_weekday_fr(r.day) + ".\n\n" +
                     (who.size() > 1 ? "Les ambassadrices qui viendront : " : "L’ambassadrice qui viendra : ") +
                     domain::join(who, ", ") +
                     ".\nElles vous contacteront pour convenir de l’horaire ; l’invitation jointe s’ajoute à votre "
                     "agenda.\n\nSuivre, modifier ou annuler votre demande : " +
                     base_url + "/demandes/" + r.token;
  Message m = to_teacher(r, "Intervention confirmée le " + domain::format_day_fr(r.day), std::move(text));
  std::vector<domain::IcsEvent> events;
  if (!accepted.empty()) {
    store::AssignmentView first = accepted.front();
    first.partners.clear();
    for (const auto& a : accepted) first.partners.push_back(a.ambassador_name);
    domain::IcsEvent ev = ics_of_assignment(first, base_url);
    ev.uid = "request-" + std::to_string(r.id) + "@" + host_of(base_url);  // one event for the teacher
    ev.url = base_url + "/demandes/" + r.token;
    events.push_back(ev);
  }
  m.calendar = domain::ics_calendar(events, "Passerelles", "REQUEST");
  return m;
}

Message assignment_confirmed_message(const store::AssignmentView& a, const std::string& base_url) {
  std::string text = "C’est confirmé : vous intervenez le " + domain::day_with_weekday_fr(a.day) + ".\n\n" + details(a);
  if (!a.partners.empty()) text += "\nAvec : " + domain::join(a.partners, ", ");
  text += teacher_contact(a.request);
  text +=
      "\n\nPrenez contact avec elle pour convenir de l’horaire. L’invitation jointe s’ajoute à votre agenda.\n"
      "Un empêchement ? Annulez au plus tôt depuis vos interventions : " +
      app_page(base_url);
  Message m = to_ambassador(a, "Intervention confirmée : " + school_fr(a) + ", le " + domain::format_day_fr(a.day),
                            std::move(text));
  m.calendar = domain::ics_calendar({ics_of_assignment(a, base_url)}, "Passerelles", "REQUEST");
  return m;
}

Message assignment_cancelled_for_ambassador_message(const store::AssignmentView& a, const std::string& base_url) {
  std::string text = "L’intervention du " + domain::day_with_weekday_fr(a.day) + " à " + school_fr(a) +
                     " est annulée " + by_whom_fr(a.cancelled_by) + ".";
  if (!a.cancel_reason.empty()) text += "\nMotif : " + a.cancel_reason;
  text += "\n\nVous n’avez rien à faire. Vos interventions : " + app_page(base_url);
  Message m = to_ambassador(a, "Intervention annulée : " + school_fr(a) + ", le " + domain::format_day_fr(a.day),
                            std::move(text));
  store::AssignmentView c = a;
  c.status = "cancelled";
  if (a.answered_at != 0 && a.decline_reason.empty())  // she had accepted: her agenda holds the invitation
    m.calendar = domain::ics_calendar({ics_of_assignment(c, base_url)}, "Passerelles", "CANCEL");
  return m;
}

Message assignment_cancelled_for_teacher_message(const store::AssignmentView& a, const std::string& base_url) {
  const auto& r = a.request;
  std::string text = "L’ambassadrice prévue le " + domain::day_with_weekday_fr(a.day) + " (" +
                     first_name(a.ambassador_name) + ") ne pourra pas venir : l’intervention est annulée " +
                     by_whom_fr(a.cancelled_by) + ".";
  if (!a.cancel_reason.empty()) text += "\nMotif : " + a.cancel_reason;
  text +=
      "\n\nVotre demande reste ouverte : la coordinatrice cherche une autre ambassadrice et vous écrira dès qu’une "
      "intervention sera de nouveau confirmée.\n\nSuivre votre demande : " +
      base_url + "/demandes/" + r.token;
  Message m = to_teacher(r, "Intervention du " + domain::format_day_fr(a.day) + " annulée", std::move(text));
  if (r.day.empty()) return m;  // never confirmed: she holds no invitation to withdraw
  store::AssignmentView c = a;
  c.status = "cancelled";
  domain::IcsEvent ev = ics_of_assignment(c, base_url);
  ev.uid = "request-" + std::to_string(r.id) + "@" + host_of(base_url);
  m.calendar = domain::ics_calendar({ev}, "Passerelles", "CANCEL");
  return m;
}

Message assignment_cancelled_for_coordinator_message(const store::AssignmentView& a, const std::string& to,
                                                     const std::string& base_url) {
  Message m;
  m.to = to;
  m.subject = "Intervention annulée : " + school_fr(a) + ", le " + domain::format_day_fr(a.day);
  m.text = "Bonjour,\n\n" + a.ambassador_name + " a annulé son intervention du " + domain::day_with_weekday_fr(a.day) +
           " à " + school_fr(a) + " (" + kind_fr(a.request) + ").";
  if (!a.cancel_reason.empty()) m.text += "\nMotif : " + a.cancel_reason;
  m.text += "\n\nLa place revient dans l’appariement : relancez-le depuis " + base_url +
            "/interventions pour proposer une autre ambassadrice. L’enseignante a été prévenue." + kSignature;
  return m;
}

Message assignment_reminder_message(const store::AssignmentView& a, const std::string& base_url) {
  std::string text =
      "Petit rappel : vous intervenez demain, le " + domain::day_with_weekday_fr(a.day) + ".\n\n" + details(a);
  if (!a.partners.empty()) text += "\nAvec : " + domain::join(a.partners, ", ");
  text += teacher_contact(a.request);
  text +=
      "\n\nMerci pour votre engagement ! Un empêchement de dernière minute ? Prévenez l’enseignante et annulez "
      "depuis vos interventions : " +
      app_page(base_url);
  return to_ambassador(a, "Rappel : intervention demain à " + school_fr(a), std::move(text));
}

Message assignment_report_request_message(const store::AssignmentView& a, const std::string& base_url) {
  std::string text = "Merci d’être intervenue le " + domain::day_with_weekday_fr(a.day) + " à " + school_fr(a) +
                     " !\n\nDites-nous en une minute combien d’élèves étaient là et ce qui vous a marquée : votre "
                     "compte rendu compte dans les indicateurs du réseau.\n\n" +
                     base_url + "/collectif/interventions/" + std::to_string(a.id) + "/compte-rendu";
  return to_ambassador(a, "Compte rendu de votre intervention à " + school_fr(a), std::move(text));
}

}  // namespace passerelles::mail
