// Intervention requests: kinds, statuses and languages with their French labels, normalisation, validation, the
// dates a teacher types (days and windows) and the French explanation of a proposal.
#include "domain/request.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "domain/collective.hpp"
#include "domain/directory.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"

namespace passerelles::domain {

namespace {

constexpr std::size_t kMaxJobs = 500;
constexpr std::size_t kMaxAccessibility = 1000;
constexpr std::size_t kMaxMessage = 2000;
constexpr std::size_t kMaxRole = 200;
constexpr std::size_t kMaxDatesText = 2000;

// Mon = 0 … Sun = 6 (2024-01-01 was a Monday); -1 for an invalid day.
int weekday_of(std::string_view day) {
  if (!valid_day(day)) return -1;
  long long n = days_between("2024-01-01", day);
  return static_cast<int>(((n % 7) + 7) % 7);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// 'YYYY-MM-DD' from 'YYYY-MM-DD' or the French 'JJ/MM/AAAA' (one-digit day and month allowed); "" when it is not a
// real day.
std::string day_of(std::string_view text) {
  std::string t = trim(text);
  if (t.size() == 10 && t[4] == '-' && t[7] == '-') return valid_day(t) ? t : "";
  auto parts = split_list(t, '/');
  if (parts.size() != 3 || t.find(' ') != std::string::npos) return "";
  const auto &d = parts[0], &m = parts[1], &y = parts[2];
  if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2 || y.size() != 4) return "";
  std::string iso = y + "-" + (m.size() == 1 ? "0" : "") + m + "-" + (d.size() == 1 ? "0" : "") + d;
  return valid_day(iso) ? iso : "";
}

std::string bad_item(const std::string& item) {
  return "« " + item +
         " » n’est pas une date : écrivez un jour 2026-12-08 (ou 08/12/2026), ou une période "
         "2026-12-10..2026-12-18.";
}

// "Maintenance industrielle" -> "maintenance industrielle"; "Électronique" -> "électronique".
std::string lower_first(std::string_view label) {
  std::string s(label);
  if (s.empty()) return s;
  if (s.compare(0, 2, "\xC3\x89") == 0) return "\xC3\xA9" + s.substr(2);  // É -> é
  s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

const std::vector<Choice>& request_kinds() {
  static const std::vector<Choice> v = {
      {"talk", "Témoignage en classe"},       {"visit_company", "Visite d’entreprise"},
      {"visit_lab", "Visite de laboratoire"}, {"forum", "Stand à un forum des métiers"},
      {"mentoring", "Marrainage d’élèves"},
  };
  return v;
}

std::string_view request_kind_label(std::string_view kind) {
  return choice_label(request_kinds(), kind);
}

std::string_view action_kind_of_request(std::string_view kind) {
  if (kind == "talk") return "temoignage_classe";
  if (kind == "visit_company") return "visite_entreprise";
  if (kind == "visit_lab") return "visite_laboratoire";
  if (kind == "forum") return "forum_salon";
  if (kind == "mentoring") return "atelier";
  return "";
}

const std::vector<Choice>& request_statuses() {
  static const std::vector<Choice> v = {
      {"unconfirmed", "À confirmer par e-mail"},
      {"open", "En attente d’ambassadrices"},
      {"confirmed", "Confirmée"},
      {"done", "Réalisée"},
      {"cancelled", "Annulée"},
  };
  return v;
}

std::string_view request_status_label(std::string_view status) {
  return choice_label(request_statuses(), status);
}

const std::vector<Choice>& assignment_statuses() {
  static const std::vector<Choice> v = {
      {"proposed", "Proposée"}, {"invited", "Invitée"},   {"accepted", "Acceptée"},
      {"declined", "Déclinée"}, {"cancelled", "Annulée"}, {"reported", "Compte rendu fait"},
  };
  return v;
}

std::string_view assignment_status_label(std::string_view status) {
  return choice_label(assignment_statuses(), status);
}

const std::vector<Choice>& request_languages() {
  static const std::vector<Choice> v = {
      {"en", "anglais"}, {"de", "allemand"}, {"es", "espagnol"},
      {"it", "italien"}, {"ar", "arabe"},    {"pt", "portugais"},
  };
  return v;
}

DatesParse parse_request_dates(std::string_view text) {
  DatesParse out;
  std::string normalised(text);
  for (char& c : normalised)
    if (c == '\n' || c == '\r' || c == ';' || c == '\t') c = ',';
  for (const auto& item : split_list(normalised, ',')) {
    auto dots = item.find("..");
    if (dots == std::string::npos) {
      std::string day = day_of(item);
      if (day.empty()) {
        out.error = bad_item(item);
        break;
      }
      out.days.push_back(day);
      continue;
    }
    std::string from = day_of(item.substr(0, dots)), to = day_of(item.substr(dots + 2));
    if (from.empty() || to.empty()) {
      out.error = bad_item(item);
      break;
    }
    long long span = days_between(from, to);
    if (span < 0) {
      out.error = "« " + item + " » : la fin de la période est avant son début.";
      break;
    }
    if (span + 1 > kMaxRequestWindowDays) {
      out.error = "« " + item + " » : une période compte au plus " + std::to_string(kMaxRequestWindowDays) +
                  " jours ; proposez des périodes plus courtes.";
      break;
    }
    std::size_t before = out.days.size();
    for (long long i = 0; i <= span; ++i) {
      std::string day = add_days(from, i);
      if (weekday_of(day) < 5) out.days.push_back(day);
    }
    if (out.days.size() == before) {
      out.error = "« " + item + " » ne compte aucun jour de semaine (du lundi au vendredi).";
      break;
    }
  }
  sort_unique(out.days);
  return out;
}

std::string request_dates_text(const std::vector<std::string>& days) {
  std::vector<std::string> items;
  std::size_t i = 0;
  while (i < days.size()) {
    std::size_t j = i;
    if (weekday_of(days[i]) >= 0 && weekday_of(days[i]) < 5)
      while (j + 1 < days.size()) {
        int w = weekday_of(days[j]), next = weekday_of(days[j + 1]);
        bool follows = days[j + 1] == add_days(days[j], 1) || (w == 4 && days[j + 1] == add_days(days[j], 3));
        if (next < 0 || next > 4 || !follows) break;
        ++j;
      }
    items.push_back(j == i ? days[i] : days[i] + ".." + days[j]);
    i = j + 1;
  }
  return join(items, ", ");
}

void normalise(InterventionRequest& r) {
  for (auto* f : {&r.contact_name, &r.email, &r.phone, &r.role, &r.kind, &r.jobs, &r.accessibility, &r.language,
                  &r.message, &r.dates_text})
    *f = trim(*f);
  for (auto& c : r.email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto* list : {&r.class_levels, &r.domains}) {
    for (auto& code : *list) code = trim(code);
    list->erase(std::remove(list->begin(), list->end(), std::string()), list->end());
    sort_unique(*list);
  }
  if (!r.dates_text.empty()) r.days = parse_request_dates(r.dates_text).days;
  for (auto& d : r.days) d = trim(d);
  sort_unique(r.days);
}

Errors validate(const InterventionRequest& r, std::string_view today) {
  Errors e;
  if (r.school_id <= 0)
    e["school_id"] = "Choisissez votre établissement dans la liste : tapez son nom, sa commune ou son code UAI.";
  if (trim(r.contact_name).empty())
    e["contact_name"] = "Indiquez votre nom : la coordination saura qui contacter.";
  else
    check_max_length(e, "contact_name", r.contact_name, kMaxName);
  if (trim(r.email).empty())
    e["email"] = "Indiquez votre adresse e-mail : le lien pour confirmer la demande y sera envoyé.";
  else if (!is_valid_email(r.email))
    e["email"] = "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).";
  if (!r.phone.empty() && (r.phone.size() > 30 || !is_valid_phone(r.phone)))
    e["phone"] = "Ce numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78).";
  check_max_length(e, "role", r.role, kMaxRole);
  if (request_kind_label(r.kind).empty())
    e["kind"] = "Choisissez ce que vous souhaitez : témoignage, visite, forum ou marrainage.";
  if (r.class_levels.empty())
    e["class_levels"] = "Cochez au moins un niveau de classe.";
  else
    for (const auto& l : r.class_levels)
      if (class_level_label(l).empty()) {
        e["class_levels"] = "Choisissez les niveaux de classe dans la liste.";
        break;
      }
  for (const auto& [field, n] : {std::pair<const char*, int>{"girls", r.girls}, {"boys", r.boys}})
    if (n < 0 || n > kMaxClassPupils)
      e[field] = "Indiquez un nombre entier entre 0 et " + std::to_string(kMaxClassPupils) + ".";
  if (!e.count("girls") && !e.count("boys") && r.girls + r.boys == 0)
    e["girls"] = "Indiquez le nombre de filles et de garçons : au moins une élève ou un élève.";
  if (r.needed != 1 && r.needed != 2) e["needed"] = "Choisissez une ou deux intervenantes.";
  for (const auto& d : r.domains)
    if (!is_choice(collective_domains(), d)) {
      e["domains"] = "Choisissez les domaines dans la liste.";
      break;
    }
  if (!r.language.empty() && !is_choice(request_languages(), r.language))
    e["language"] = "Choisissez la langue dans la liste.";
  check_max_length(e, "jobs", r.jobs, kMaxJobs);
  check_max_length(e, "accessibility", r.accessibility, kMaxAccessibility);
  check_max_length(e, "message", r.message, kMaxMessage);

  std::string dates_error;
  if (r.dates_text.size() > kMaxDatesText)
    dates_error = "Ce texte est trop long : " + std::to_string(kMaxDatesText) + " caractères au plus.";
  else if (!r.dates_text.empty())
    dates_error = parse_request_dates(r.dates_text).error;
  if (dates_error.empty()) {
    std::string last = add_days(today, 365);
    for (const auto& d : r.days) {
      if (!valid_day(d)) {
        dates_error = bad_item(d);
      } else if (valid_day(today) && d < today) {
        dates_error = "Le " + format_day_fr(d) + " est passé : proposez des dates à venir.";
      } else if (!last.empty() && d > last) {
        dates_error = "Le " + format_day_fr(d) + " est à plus d’un an : proposez des dates dans l’année qui vient.";
      }
      if (!dates_error.empty()) break;
    }
  }
  if (dates_error.empty() && r.days.empty())
    dates_error = "Proposez au moins un jour, par exemple « 2026-12-08 », ou une période « 2026-12-10..2026-12-18 ».";
  if (dates_error.empty() && r.days.size() > static_cast<std::size_t>(kMaxRequestDays))
    dates_error = "Vos dates comptent " + std::to_string(r.days.size()) + " jours : proposez-en " +
                  std::to_string(kMaxRequestDays) + " au plus.";
  if (!dates_error.empty()) e["dates"] = dates_error;
  return e;
}

std::string labels_of_codes(const std::vector<std::string>& codes, const std::vector<Choice>& choices) {
  std::vector<std::string> out;
  for (const auto& c : codes) {
    std::string_view l = choice_label(choices, c);
    out.emplace_back(l.empty() ? std::string_view(c) : l);
  }
  return join(out, ", ");
}

std::string proposal_why(double km, std::string_view domain_label, bool request_named_domains, int load,
                         bool never_reached, std::string_view priority, bool repeat_school) {
  std::vector<std::string> parts;
  long long rounded = std::isfinite(km) && km > 0 ? std::llround(km) : 0;
  parts.push_back(std::to_string(rounded) + " km");
  if (!domain_label.empty())
    parts.push_back(lower_first(domain_label));
  else if (request_named_domains)
    parts.push_back("hors domaine demandé");
  int nth = std::max(0, load) + 1;
  parts.push_back(std::to_string(nth) + (nth == 1 ? "re" : "e") + " intervention ce trimestre");
  if (never_reached) parts.push_back("établissement jamais atteint");
  if (!priority.empty()) parts.push_back("éducation prioritaire (" + std::string(priority) + ")");
  if (repeat_school) parts.push_back("déjà venue dans cet établissement");
  return join(parts, ", ");
}

}  // namespace passerelles::domain
