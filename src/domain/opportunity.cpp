// Offers and applications: kinds, statuses and their French labels, the applications' transition table, and
// validation with French messages.
#include "domain/opportunity.hpp"

#include <algorithm>
#include <cctype>

#include "domain/action.hpp"
#include "domain/collective.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"

namespace passerelles::domain {

namespace {

void lower(std::string& s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

struct Edge {
  std::string_view from, to;
};

// The transition table (opportunity.hpp says it in words).
const std::vector<Edge>& edges() {
  static const std::vector<Edge> v = {
      {"sent", "seen"},          {"sent", "interview"},     {"sent", "accepted"},     {"sent", "declined"},
      {"sent", "expired"},       {"sent", "withdrawn"},     {"seen", "interview"},    {"seen", "accepted"},
      {"seen", "declined"},      {"seen", "expired"},       {"seen", "withdrawn"},    {"interview", "interview"},
      {"interview", "accepted"}, {"interview", "declined"}, {"interview", "expired"}, {"interview", "withdrawn"},
      {"accepted", "completed"},
  };
  return v;
}

}  // namespace

const std::vector<Choice>& offer_kinds() {
  static const std::vector<Choice> v = {
      {"stage_3e", "Stage d’observation de 3e"},
      {"stage_seconde", "Stage de seconde"},
      {"stage_sup", "Stage BTS / BUT"},
      {"apprenticeship", "Apprentissage / alternance"},
      {"job", "Emploi"},
  };
  return v;
}

std::string_view offer_kind_label(std::string_view kind) {
  return choice_label(offer_kinds(), kind);
}

const std::vector<Choice>& offer_statuses() {
  static const std::vector<Choice> v = {
      {"draft", "Brouillon"},
      {"published", "Publiée"},
      {"closed", "Clôturée"},
      {"expired", "Expirée"},
  };
  return v;
}

std::string_view offer_status_label(std::string_view status) {
  return choice_label(offer_statuses(), status);
}

const std::vector<Choice>& offer_close_reasons() {
  static const std::vector<Choice> v = {
      {"filled", "Pourvue"},
      {"withdrawn", "Retirée"},
  };
  return v;
}

const std::vector<Choice>& application_statuses() {
  static const std::vector<Choice> v = {
      {"sent", "Envoyée"},
      {"seen", "Vue par l’entreprise"},
      {"interview", "Entretien prévu"},
      {"accepted", "Acceptée"},
      {"declined", "Refusée"},
      {"expired", "Expirée sans réponse"},
      {"withdrawn", "Retirée"},
      {"completed", "Stage réalisé ou contrat commencé"},
  };
  return v;
}

std::string_view application_status_label(std::string_view status) {
  return choice_label(application_statuses(), status);
}

const std::vector<Choice>& candidate_sexes() {
  static const std::vector<Choice> v = {
      {"F", "Fille / femme"},
      {"M", "Garçon / homme"},
      {"X", "Autre ou non dit"},
  };
  return v;
}

std::string application_state(std::string_view status, bool completed) {
  if (status == "accepted" && completed) return "completed";
  return std::string(status);
}

bool allowed(std::string_view from, std::string_view to) {
  return std::any_of(edges().begin(), edges().end(), [&](const Edge& e) { return e.from == from && e.to == to; });
}

bool application_undecided(std::string_view status) {
  return status == "sent" || status == "seen" || status == "interview";
}

std::string transition_refused_fr(std::string_view from, std::string_view to) {
  std::string now;
  if (from == "accepted")
    now = "Cette candidature est déjà acceptée";
  else if (from == "declined")
    now = "Cette candidature a été refusée";
  else if (from == "expired")
    now = "Cette candidature a expiré sans réponse";
  else if (from == "withdrawn")
    now = "Cette candidature a été retirée";
  else if (from == "completed")
    now = "Ce stage ou ce contrat est déjà noté comme réalisé";
  else
    now = "Cette candidature attend encore une décision";
  std::string wanted;
  if (to == "seen")
    wanted = "elle ne peut plus être marquée comme vue";
  else if (to == "interview")
    wanted = "un entretien ne peut plus être fixé";
  else if (to == "accepted" || to == "declined")
    wanted = "la décision ne peut plus être changée";
  else if (to == "withdrawn")
    wanted = "elle ne peut plus être retirée";
  else if (to == "completed")
    wanted = "seule une candidature acceptée peut être notée comme réalisée";
  else
    wanted = "ce changement n’est pas possible";
  return now + " : " + wanted + ".";
}

void normalise(Offer& o, std::string_view today) {
  for (auto* f : {&o.kind, &o.title, &o.description, &o.domain, &o.rome_code, &o.starts_on, &o.ends_on,
                  &o.commune_insee, &o.address, &o.accessibility, &o.contact_email, &o.expires_on})
    *f = trim(*f);
  lower(o.contact_email);
  if (o.expires_on.empty() && valid_day(today)) {
    if (valid_day(o.starts_on) && o.starts_on >= today)
      o.expires_on = o.starts_on;
    else
      o.expires_on = add_days(today, kOfferDefaultExpiryDays);
  }
}

void normalise(OfferApplication& a) {
  for (auto* f : {&a.first_name, &a.last_name, &a.email, &a.phone, &a.sex, &a.class_level, &a.message}) *f = trim(*f);
  lower(a.email);
}

Errors validate(const Offer& o, std::string_view today, bool check_expiry_past) {
  Errors e;
  if (o.organisation_id <= 0) e["organisation_id"] = "Choisissez l’entreprise qui propose cette offre.";
  if (offer_kind_label(o.kind).empty())
    e["kind"] = "Choisissez le type d’offre : stage de 3e, de seconde, BTS / BUT, apprentissage ou emploi.";
  if (trim(o.title).empty())
    e["title"] = "Donnez un titre à l’offre, par exemple « Stage d’observation en maintenance ».";
  else
    check_max_length(e, "title", o.title, kMaxOfferTitle);
  check_max_length(e, "description", o.description, kMaxOfferDescription);
  if (!o.domain.empty() && !is_choice(collective_domains(), o.domain))
    e["domain"] = "Choisissez le domaine dans la liste.";
  if (o.places < 1 || o.places > kMaxOfferPlaces)
    e["places"] = "Indiquez un nombre de places entre 1 et " + std::to_string(kMaxOfferPlaces) + ".";
  if (o.starts_on.empty())
    e["starts_on"] = "Indiquez le premier jour (stage) ou la date d’embauche.";
  else if (!valid_day(o.starts_on))
    e["starts_on"] = "Cette date n’est pas valide : choisissez un jour dans le calendrier.";
  if (!o.ends_on.empty()) {
    if (!valid_day(o.ends_on))
      e["ends_on"] = "Cette date n’est pas valide : choisissez un jour dans le calendrier.";
    else if (valid_day(o.starts_on) && o.ends_on < o.starts_on)
      e["ends_on"] = "La fin est avant le début : vérifiez les dates.";
  }
  check_max_length(e, "address", o.address, kMaxOfferText);
  check_max_length(e, "accessibility", o.accessibility, kMaxOfferText);
  if (!o.contact_email.empty() && !is_valid_email(o.contact_email))
    e["contact_email"] = "Cette adresse e-mail n’est pas valide (exemple : rh@entreprise.fr).";
  if (o.expires_on.empty())
    e["expires_on"] = "Indiquez jusqu’à quand l’offre reçoit des candidatures.";
  else if (!valid_day(o.expires_on))
    e["expires_on"] = "Cette date n’est pas valide : choisissez un jour dans le calendrier.";
  else if (check_expiry_past && valid_day(today) && o.expires_on < today)
    e["expires_on"] = "Le " + format_day_fr(o.expires_on) + " est passé : choisissez une date à venir.";
  return e;
}

Errors validate(const OfferApplication& a) {
  Errors e;
  if (trim(a.first_name).empty())
    e["first_name"] = "Indiquez le prénom de la personne candidate.";
  else
    check_max_length(e, "first_name", a.first_name, kMaxPersonName);
  if (trim(a.last_name).empty())
    e["last_name"] = "Indiquez le nom de la personne candidate.";
  else
    check_max_length(e, "last_name", a.last_name, kMaxPersonName);
  if (!a.email.empty() && !is_valid_email(a.email))
    e["email"] = "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).";
  if (!a.phone.empty() && (a.phone.size() > kMaxPhone || !is_valid_phone(a.phone)))
    e["phone"] = "Ce numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78).";
  if (!is_choice(candidate_sexes(), a.sex))
    e["sex"] = "Choisissez : fille / femme, garçon / homme, ou autre ou non dit.";
  if (!a.class_level.empty() && class_level_label(a.class_level).empty())
    e["class_level"] = "Choisissez la classe dans la liste.";
  check_max_length(e, "message", a.message, kMaxApplicationMessage);
  return e;
}

}  // namespace passerelles::domain
