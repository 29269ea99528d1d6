// Action rules: kinds, statuses, audiences, class levels with their French labels; normalisation and validation.
#include "domain/action.hpp"

#include <algorithm>
#include <cctype>

#include "domain/text.hpp"

namespace passerelles::domain {

namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

int to_int(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// '2025-03-14' + one year, for the "not more than a year ahead" rule ('2024-02-29' → '2025-02-29', which compares
// as intended with real days).
std::string one_year_after(std::string_view day) {
  if (!is_iso_day(day)) return "9999-12-31";
  return std::to_string(to_int(day.substr(0, 4)) + 1) + std::string(day.substr(4));
}

constexpr std::string_view kEarliestDay = "2000-01-01";
constexpr std::size_t kMaxPlace = 300;
constexpr std::size_t kMaxTrack = 100;
constexpr std::size_t kMaxClasses = 50;

}  // namespace

const std::vector<Choice>& action_kinds() {
  static const std::vector<Choice> v = {
      {"temoignage_classe", "Témoignage en classe"},
      {"visite_entreprise", "Visite d’entreprise"},
      {"visite_laboratoire", "Visite de laboratoire"},
      {"visite_etablissement", "Visite d’établissement"},
      {"forum_salon", "Forum, salon"},
      {"atelier", "Atelier"},
      {"job_dating", "Job dating"},
      {"stage_observation", "Stage d’observation"},
      {"journee_8_mars", "Journée du 8 mars"},
      {"webinaire", "Webinaire"},
      {"action_interne_entreprise", "Action interne en entreprise"},
      {"autre", "Autre"},
  };
  return v;
}

std::string_view action_kind_label(std::string_view kind) {
  return choice_label(action_kinds(), kind);
}

const std::vector<Choice>& action_statuses() {
  static const std::vector<Choice> v = {
      {"declared", "Déclarée"},
      {"validated", "Validée"},
      {"rejected", "Refusée"},
  };
  return v;
}

std::string_view action_status_label(std::string_view status) {
  return choice_label(action_statuses(), status);
}

const std::array<Choice, kAudienceCount>& audience_categories() {
  static const std::array<Choice, kAudienceCount> v = {{
      {"girls", "Filles"},
      {"boys", "Garçons"},
      {"women_reconversion", "Femmes en reconversion"},
      {"teachers", "Enseignants"},
      {"prescribers", "Prescripteurs"},
      {"employees", "Salariés"},
      {"parents", "Parents"},
  }};
  return v;
}

std::string_view audience_label(std::string_view code) {
  for (const auto& c : audience_categories())
    if (c.code == code) return c.label;
  return "";
}

const std::vector<Choice>& class_levels() {
  static const std::vector<Choice> v = {
      {"6e", "6e"},           {"5e", "5e"},   {"4e", "4e"},         {"3e", "3e"},
      {"2nde", "2nde"},       {"1re", "1re"}, {"Tle", "Terminale"}, {"cap", "CAP"},
      {"bac_pro", "Bac pro"}, {"bts", "BTS"}, {"but", "BUT"},       {"sup", "Enseignement supérieur"},
  };
  return v;
}

std::string_view class_level_label(std::string_view level) {
  return choice_label(class_levels(), level);
}

const std::vector<Choice>& level_groups() {
  static const std::vector<Choice> v = {
      {"college", "Collège (6e–3e)"},
      {"lycee", "Lycée (2nde–Terminale)"},
      {"pro", "Voie professionnelle (CAP, Bac pro)"},
      {"bts_but", "BTS, BUT"},
      {"sup", "Enseignement supérieur"},
  };
  return v;
}

std::string_view level_group_of(std::string_view level) {
  if (level == "6e" || level == "5e" || level == "4e" || level == "3e") return "college";
  if (level == "2nde" || level == "1re" || level == "Tle") return "lycee";
  if (level == "cap" || level == "bac_pro") return "pro";
  if (level == "bts" || level == "but") return "bts_but";
  if (level == "sup") return "sup";
  return "";
}

const std::vector<Choice>& action_org_roles() {
  static const std::vector<Choice> v = {
      {"school", "Établissement scolaire"},
      {"company", "Entreprise"},
      {"lab", "Laboratoire"},
      {"partner", "Association partenaire (co-organisatrice)"},
      {"other", "Autre"},
  };
  return v;
}

long long Audience::total() const {
  long long t = 0;
  for (long long x : n) t += x;
  return t;
}

bool is_iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return false;
  int year = to_int(y), month = to_int(m), day = to_int(d);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

bool is_iso_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  auto y = s.substr(0, 4), m = s.substr(5, 2);
  if (!all_digits(y) || !all_digits(m)) return false;
  int month = to_int(m);
  return to_int(y) >= 1 && month >= 1 && month <= 12;
}

void normalise(Action& a) {
  for (auto* f : {&a.kind, &a.title, &a.starts_on, &a.place, &a.commune_insee, &a.status, &a.highlight, &a.notes,
                  &a.rejection_reason})
    *f = trim(*f);
  for (auto& c : a.commune_insee) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (auto& c : a.classes) {
    c.level = trim(c.level);
    c.track = trim(c.track);
  }
  // Unchosen rows of a form (no level, no track) are not classes.
  a.classes.erase(std::remove_if(a.classes.begin(), a.classes.end(),
                                 [](const ActionClass& c) { return c.level.empty() && c.track.empty(); }),
                  a.classes.end());
  for (auto& o : a.organisations) o.role = trim(o.role);
}

Errors validate(const Action& a, std::string_view today) {
  Errors e;
  if (action_kind_label(a.kind).empty()) e["kind"] = "Choisissez le type d’action dans la liste.";
  require_text(e, "title", a.title, kMaxActionTitle, false);  // optional: the kind and the place say enough
  if (a.starts_on.empty())
    e["starts_on"] = "Indiquez la date de l’action.";
  else if (!is_iso_day(a.starts_on))
    e["starts_on"] = "Cette date n’existe pas : indiquez un jour réel au format AAAA-MM-JJ (exemple : 2025-03-14).";
  else if (a.starts_on < kEarliestDay)
    e["starts_on"] = "La date doit être postérieure au 1er janvier 2000.";
  else if (a.starts_on > one_year_after(today))
    e["starts_on"] = "La date ne peut pas dépasser d’un an la date du jour.";
  if (a.duration_minutes < 0 || a.duration_minutes > kMaxDurationMinutes)
    e["duration_minutes"] =
        "La durée est un nombre entier de minutes entre 0 et " + std::to_string(kMaxDurationMinutes) + " (14 jours).";
  for (std::size_t i = 0; i < kAudienceCount; ++i) {
    long long n = a.audience[i];
    if (n < 0 || n > kMaxAudiencePerCategory)
      e[std::string(audience_categories()[i].code)] = "Indiquez un nombre entier de personnes entre 0 et 100 000.";
  }
  check_max_length(e, "place", a.place, kMaxPlace);
  if (!a.commune_insee.empty() &&
      (a.commune_insee.size() != 5 || !std::all_of(a.commune_insee.begin(), a.commune_insee.end(), [](char c) {
         return std::isdigit(static_cast<unsigned char>(c)) || c == 'A' || c == 'B';
       })))
    e["commune_insee"] = "Le code INSEE de la commune compte 5 caractères (exemple : 25056 pour Besançon).";
  check_max_length(e, "highlight", a.highlight, kMaxHighlight);
  check_max_length(e, "notes", a.notes, kMaxNotes);
  check_max_length(e, "rejection_reason", a.rejection_reason, kMaxHighlight);
  if (a.classes.size() > kMaxClasses) e["classes"] = "Indiquez au plus " + std::to_string(kMaxClasses) + " classes.";
  for (const auto& c : a.classes) {
    if (class_level_label(c.level).empty()) {
      e["classes"] =
          "Choisissez le niveau de chaque classe dans la liste (6e à Terminale, CAP, Bac pro, BTS, BUT, "
          "enseignement supérieur).";
      break;
    }
    if (!valid_utf8(c.track) || utf8_length(c.track) > kMaxTrack) {
      e["classes"] = "La filière d’une classe est trop longue (" + std::to_string(kMaxTrack) + " caractères au plus).";
      break;
    }
  }
  for (const auto& o : a.organisations)
    if (action_org_roles().end() == std::find_if(action_org_roles().begin(), action_org_roles().end(),
                                                 [&](const Choice& c) { return c.code == o.role; })) {
      e["organisations"] = "Choisissez le rôle de chaque organisation dans la liste.";
      break;
    }
  if (a.same_group_as < 0 || (a.id != 0 && a.same_group_as == a.id))
    e["same_group_as"] = "Une action ne peut pas être la suite d’elle-même : choisissez la première séance du groupe.";
  return e;
}

}  // namespace passerelles::domain
