// The French plain-text e-mails of event registrations and the iCalendar form of an event.
#include "mail/event_mail.hpp"

#include <algorithm>
#include <vector>

#include "domain/plan.hpp"
#include "domain/text.hpp"

namespace passerelles::mail {

namespace {

constexpr const char* kSignature = "\n\nÀ bientôt,\n— Passerelles\n";

// "le mardi 14 mars 2025, de 14 h à 16 h 30", "du lundi 3 mars 2025 à 9 h au mardi 4 mars 2025 à 17 h".
std::string when_fr(const domain::Event& e) {
  bool one_day = e.ends_on.empty() || e.ends_on == e.starts_on;
  bool start = domain::is_hh_mm(e.start_time), end = domain::is_hh_mm(e.end_time);
  if (one_day) {
    std::string text = "le " + domain::day_with_weekday_fr(e.starts_on);
    if (start && end)
      return text + ", de " + domain::hour_of_day_fr(e.start_time) + " à " + domain::hour_of_day_fr(e.end_time);
    if (start) return text + ", à " + domain::hour_of_day_fr(e.start_time);
    return text;
  }
  return "du " + domain::day_with_weekday_fr(e.starts_on) +
         (start ? " à " + domain::hour_of_day_fr(e.start_time) : "") + " au " + domain::day_with_weekday_fr(e.ends_on) +
         (end ? " à " + domain::hour_of_day_fr(e.end_time) : "");
}

// The place, its address and its commune, each once: {"Atelier B", "3 rue des Forges", "Besançon"}.
std::vector<std::string> place_parts(const domain::Event& e) {
  std::vector<std::string> parts;
  for (const auto* p : {&e.place, &e.address, &e.commune_name})
    if (!p->empty() && std::find(parts.begin(), parts.end(), *p) == parts.end()) parts.push_back(*p);
  return parts;
}

// "Atelier B, 3 rue des Forges, Besançon", or "en ligne".
std::string where_fr(const domain::Event& e) {
  std::vector<std::string> parts = place_parts(e);
  if (parts.empty()) return e.online() ? "en ligne" : "précisé sur la page de l’événement";
  std::string text = domain::join(parts, ", ");
  return e.online() ? text + ", et en ligne" : text;
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n > 1 ? many : one);
}

// What was booked: "une classe de 3e : 12 filles, 14 garçons et 2 adultes accompagnateurs, soit 28 places".
std::string booking_fr(const domain::Registration& r) {
  int places = r.places > 0 ? r.places : domain::places_of(r);
  std::string total = plural(places, "place", "places");
  if (r.kind == "class") {
    std::string level(domain::class_level_label(r.class_level));
    std::string who = plural(r.girls, "fille", "filles") + ", " + plural(r.boys, "garçon", "garçons") + " et " +
                      plural(r.adults, "adulte accompagnateur", "adultes accompagnateurs");
    return "une classe" + (level.empty() ? std::string() : " de " + level) + " (" + who + "), soit " + total;
  }
  if (r.kind == "prescriber")
    return "vous et " + plural(r.people, "personne que vous accompagnez", "personnes que vous accompagnez") +
           ", soit " + total;
  return "vous-même, soit " + total;
}

std::string hello(const domain::Registration& r) {
  return r.contact_name.empty() ? "Bonjour," : "Bonjour " + r.contact_name + ",";
}

std::string private_link(const domain::Registration& r, const std::string& base_url) {
  return base_url + "/inscriptions/" + r.token;
}

std::string public_page(const domain::Event& e, const std::string& base_url) {
  return base_url + "/evenements/" + std::to_string(e.id);
}

// The block every message carries: what, when, where.
std::string details(const domain::Event& e) {
  std::string text = "Événement : " + e.title;
  if (auto kind = domain::event_kind_label(e.kind); !kind.empty()) text += " (" + std::string(kind) + ")";
  text += "\nQuand : " + when_fr(e) + "\nOù : " + where_fr(e);
  if (!e.organisation_name.empty()) text += "\nAccueil : " + e.organisation_name;
  return text;
}

std::string checkin_code(const domain::Registration& r) {
  if (r.code.empty()) return "";
  return "\n\nVotre code d’accueil : " + r.code +
         "\nLe jour venu, à l’accueil, scannez le QR code affiché et saisissez ce code : votre présence sera "
         "enregistrée.";
}

std::string online_link(const domain::Event& e) {
  if (!e.online()) return "";
  return "\n\nPour rejoindre l’événement en ligne : " + e.online_url;
}

std::string manage(const domain::Registration& r, const std::string& base_url) {
  return "\n\nVotre inscription, à garder : " + private_link(r, base_url) +
         "\nCe lien personnel vous permet de la modifier, de l’annuler et d’ajouter l’événement à votre agenda.";
}

// The private link: to confirm first when that is not done yet, then to change, cancel or add to a calendar.
std::string confirm_or_manage(const domain::Registration& r, const std::string& base_url) {
  if (r.confirmed()) return manage(r, base_url);
  return "\n\nPour confirmer votre inscription, ouvrez ce lien dans les 48 heures :\n" + private_link(r, base_url) +
         "\nSans confirmation dans ce délai, elle sera annulée" +
         (r.status == "waitlisted" ? "." : " et ses places rendues à d’autres.") +
         "\nCe même lien vous permet ensuite de la modifier, de l’annuler et d’ajouter l’événement à votre agenda.";
}

Message message_to(const domain::Registration& r, std::string subject, std::string text) {
  Message m;
  m.to = r.email;
  m.subject = std::move(subject);
  m.text = std::move(text);
  return m;
}

std::string host_of(const std::string& base_url) {
  std::string host = base_url;
  if (auto scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  if (auto at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (!host.empty() && host.front() == '[') return host.substr(0, host.find(']') + 1);  // [::1]:8080
  return host.substr(0, host.find(':'));
}

}  // namespace

Message booking_message(const domain::Event& e, const domain::Registration& r, const std::string& base_url) {
  bool waitlisted = r.status == "waitlisted";
  std::string text = hello(r) + "\n\nMerci pour votre inscription à « " + e.title + " ».\n\n" + details(e) +
                     "\nVotre réservation : " + booking_fr(r) + ".\n\n";
  if (waitlisted)
    text +=
        "Il ne reste pas assez de places pour le moment : votre inscription est sur liste d’attente. Si des places se "
        "libèrent, elle passera automatiquement en places réservées et nous vous écrirons aussitôt.";
  else
    text += "Vos places sont réservées.";
  text += confirm_or_manage(r, base_url);
  if (!waitlisted) text += online_link(e) + checkin_code(r);
  text += kSignature;
  std::string subject = (r.confirmed() ? "Inscription enregistrée : " : "Confirmez votre inscription : ") + e.title;
  return message_to(r, std::move(subject), std::move(text));
}

Message promoted_message(const domain::Event& e, const domain::Registration& r, const std::string& base_url) {
  std::string text = hello(r) + "\n\nBonne nouvelle : des places se sont libérées pour « " + e.title +
                     " ». Votre inscription quitte la liste d’attente : vos places sont maintenant réservées.\n\n" +
                     details(e) + "\nVotre réservation : " + booking_fr(r) + "." + online_link(e) + checkin_code(r) +
                     "\n\nSi vous ne pouvez plus venir, annulez votre inscription : les places iront aux suivants "
                     "de la liste." +
                     confirm_or_manage(r, base_url) + kSignature;
  return message_to(r, "Des places se sont libérées : " + e.title, std::move(text));
}

Message reminder_message(const domain::Event& e, const domain::Registration& r, const std::string& base_url) {
  std::string text = hello(r) + "\n\nPetit rappel : « " + e.title + " », c’est " + when_fr(e) + ".\n\n" + details(e);
  text += "\nVotre réservation : " + booking_fr(r) + ".";
  if (!e.safety_rules.empty()) text += "\n\nConsignes de sécurité :\n" + e.safety_rules;
  if (e.min_age > 0) text += "\n\nÂge minimum : " + std::to_string(e.min_age) + " ans.";
  if (!e.accessibility.empty()) text += "\n\nAccessibilité :\n" + e.accessibility;
  text +=
      online_link(e) + checkin_code(r) +
      "\n\nUn empêchement ? Annulez par votre lien personnel pour libérer vos places : " + private_link(r, base_url) +
      kSignature;
  return message_to(r, "Rappel : " + e.title + ", le " + domain::day_with_weekday_fr(e.starts_on), std::move(text));
}

Message event_cancelled_message(const domain::Event& e, const domain::Registration& r, const std::string& base_url) {
  std::string text = hello(r) + "\n\nNous sommes désolés : l’événement « " + e.title + " », prévu " + when_fr(e) +
                     ", est annulé par ses organisateurs.";
  if (!e.cancel_reason.empty()) text += "\nMotif : " + e.cancel_reason;
  text +=
      "\n\nVotre inscription est donc annulée : vous n’avez rien à faire. D’autres événements vous attendent "
      "sur " +
      base_url + "/evenements.\n\nVotre inscription : " + private_link(r, base_url) + kSignature;
  return message_to(r, "Événement annulé : " + e.title, std::move(text));
}

Message registration_cancelled_message(const domain::Event& e, const domain::Registration& r,
                                       const std::string& base_url) {
  std::string text = hello(r) + "\n\n";
  std::string subject;
  if (r.cancel_reason == "non confirmée") {
    subject = "Inscription non confirmée, annulée : " + e.title;
    text += "Votre inscription à « " + e.title +
            " » n’a pas été confirmée dans les 48 heures : elle est annulée et ses places sont rendues.\n\n" +
            details(e) + "\n\nVous souhaitez toujours venir ? Inscrivez-vous de nouveau sur " +
            public_page(e, base_url) + " (s’il reste des places).";
  } else if (r.cancel_reason.empty()) {
    subject = "Inscription annulée : " + e.title;
    text += "Votre inscription à « " + e.title +
            " » est bien annulée. Merci de nous avoir prévenus : les places sont rendues à d’autres.\n\n" + details(e) +
            "\nVotre réservation : " + booking_fr(r) + ".";
  } else {
    subject = "Inscription annulée : " + e.title;
    text += "Votre inscription à « " + e.title + " » est annulée.\nMotif : " + r.cancel_reason + "\n\n" + details(e) +
            "\nVotre réservation : " + booking_fr(r) + ".";
  }
  text += "\n\nVotre inscription : " + private_link(r, base_url) + kSignature;
  return message_to(r, std::move(subject), std::move(text));
}

domain::IcsEvent ics_of(const domain::Event& e, const std::string& base_url, bool with_online_link) {
  domain::IcsEvent ev;
  ev.uid = "event-" + std::to_string(e.id) + "@" + host_of(base_url);
  ev.summary = e.title;
  ev.url = public_page(e, base_url);
  std::vector<std::string> where = place_parts(e);
  ev.location = where.empty() && e.online() ? "En ligne" : domain::join(where, ", ");

  std::vector<std::string> notes;
  if (e.status == "cancelled")
    notes.push_back("Événement annulé." + (e.cancel_reason.empty() ? std::string() : " Motif : " + e.cancel_reason));
  if (!e.description.empty()) notes.push_back(e.description);
  if (!e.organisation_name.empty()) notes.push_back("Accueil : " + e.organisation_name);
  if (!e.accessibility.empty()) notes.push_back("Accessibilité : " + e.accessibility);
  if (!e.safety_rules.empty()) notes.push_back("Consignes de sécurité : " + e.safety_rules);
  if (e.min_age > 0) notes.push_back("Âge minimum : " + std::to_string(e.min_age) + " ans.");
  if (e.online() && with_online_link) notes.push_back("Pour rejoindre l’événement en ligne : " + e.online_url);
  notes.push_back("Informations et inscription : " + ev.url);
  ev.description = domain::join(notes, "\n\n");

  ev.starts_on = e.starts_on;
  ev.start_time = e.start_time;
  ev.ends_on = e.ends_on.empty() ? e.starts_on : e.ends_on;
  ev.end_time = e.end_time;
  ev.cancelled = e.status == "cancelled";
  ev.sequence = e.updated_at;
  ev.stamp = e.updated_at;
  return ev;
}

}  // namespace passerelles::mail
