// Action plan rules: audiences, indicators and statuses with their French labels, validation of initiatives,
// partnerships and funding, euro amounts and calendar days as French users write and read them.
#include "domain/plan.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

#include "domain/text.hpp"
#include "domain/time_fr.hpp"

namespace passerelles::domain {

namespace {

using namespace std::chrono;

template <class T>
void drop_repeats(std::vector<T>& v) {
  std::vector<T> out;
  for (const auto& x : v)
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  v = std::move(out);
}

std::optional<sys_days> parse_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 1900 || y > 2999 || m < 1 || d < 1) return std::nullopt;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::string iso(sys_days d) {
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

// Checks a pair of days: each empty (when allowed) or valid, the end not before the start.
void check_period(Errors& e, const std::string& starts_on, const std::string& ends_on, bool required) {
  for (auto [field, value] :
       {std::pair<const char*, const std::string*>{"starts_on", &starts_on}, {"ends_on", &ends_on}}) {
    if (value->empty()) {
      if (required)
        e[field] = std::string("Indiquez la date de ") + (field == std::string("starts_on") ? "début." : "fin.");
    } else if (!valid_day(*value)) {
      e[field] = "Cette date n’est pas valide (exemple : 2026-09-01, ou choisissez-la dans le calendrier).";
    }
  }
  if (!e.count("starts_on") && !e.count("ends_on") && !starts_on.empty() && !ends_on.empty() && ends_on < starts_on)
    e["ends_on"] = "La date de fin ne peut pas précéder la date de début.";
}

constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";
constexpr std::string_view kEuro = "\xE2\x82\xAC";
constexpr long long kMaxCents = 100000000000000LL;  // 12 digits of euros

// Length of the group separator (space, U+00A0, U+202F) at s[i], 0 when there is none.
std::size_t separator_at(std::string_view s, std::size_t i) {
  if (s[i] == ' ') return 1;
  for (auto sep : {kNbsp, kNarrowNbsp})
    if (s.substr(i, sep.size()) == sep) return sep.size();
  return 0;
}

// Without white space (ASCII, U+00A0, U+202F) at both ends.
std::string_view strip(std::string_view s) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (auto sp : {std::string_view(" "), std::string_view("\t"), kNbsp, kNarrowNbsp}) {
      if (s.starts_with(sp)) s.remove_prefix(sp.size()), changed = true;
      if (s.ends_with(sp)) s.remove_suffix(sp.size()), changed = true;
    }
  }
  return s;
}

// "12 500" with U+00A0 between groups of three digits.
std::string grouped(unsigned long long v) {
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kNbsp;
    out += digits[i];
  }
  return out;
}

bool ends_with_word(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  auto tail = s.substr(s.size() - word.size());
  return std::equal(tail.begin(), tail.end(), word.begin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

}  // namespace

const std::vector<Choice>& target_audiences() {
  static const std::vector<Choice> v = {
      {"pupils_girls", "Filles scolarisées (collège, lycée)"},
      {"pupils_boys", "Garçons scolarisés (collège, lycée)"},
      {"companies", "Entreprises"},
      {"prescribers", "Prescripteurs de l’emploi et de la formation"},
      {"women_reconversion", "Femmes en reconversion"},
      {"teachers", "Enseignantes et enseignants"},
      {"general_public", "Grand public"},
  };
  return v;
}

const std::vector<Choice>& target_indicators() {
  static const std::vector<Choice> v = {
      {"people_reached", "Personnes sensibilisées"},
      {"girls", "Filles sensibilisées"},
      {"actions", "Actions menées"},
      {"schools_reached", "Établissements touchés"},
  };
  return v;
}

const std::vector<Choice>& partnership_statuses() {
  static const std::vector<Choice> v = {
      {"draft", "En préparation"},
      {"signed", "Signée"},
      {"ended", "Terminée"},
      {"cancelled", "Annulée"},
  };
  return v;
}

std::string_view target_audience_label(std::string_view code) {
  return choice_label(target_audiences(), code);
}
std::string_view target_indicator_label(std::string_view code) {
  return choice_label(target_indicators(), code);
}
std::string_view partnership_status_label(std::string_view code) {
  return choice_label(partnership_statuses(), code);
}

void normalise(Initiative& i) {
  for (auto* f : {&i.axis, &i.name, &i.objective}) *f = trim(*f);
  for (auto& a : i.audiences) a = trim(a);
  std::erase(i.audiences, std::string());
  drop_repeats(i.audiences);
  std::erase_if(i.partner_ids, [&](long long id) { return id <= 0 || id == i.lead_organisation_id; });
  drop_repeats(i.partner_ids);
  for (auto& t : i.targets) t.indicator = trim(t.indicator);
}

void normalise(Partnership& p) {
  for (auto* f : {&p.title, &p.starts_on, &p.ends_on, &p.status, &p.notes}) *f = trim(*f);
}

void normalise(Funding& f) {
  for (auto* s : {&f.funder, &f.starts_on, &f.ends_on, &f.purpose}) *s = trim(*s);
  std::erase_if(f.initiative_ids, [](long long id) { return id <= 0; });
  drop_repeats(f.initiative_ids);
}

Errors validate(const Initiative& i) {
  Errors e;
  check_max_length(e, "axis", i.axis, kMaxAxis);
  require_text(e, "name", i.name, kMaxName);
  check_max_length(e, "objective", i.objective, kMaxNotes);
  for (const auto& a : i.audiences)
    if (target_audience_label(a).empty()) e["audiences"] = "Choisissez les publics parmi ceux proposés.";
  if (i.targets.size() > kMaxTargetRows)
    e["targets"] = "Trop d’objectifs chiffrés (" + std::to_string(kMaxTargetRows) + " au plus).";
  for (std::size_t n = 0; n < i.targets.size() && n < kMaxTargetRows; ++n) {
    const auto& t = i.targets[n];
    std::string key = "target-" + std::to_string(n);
    if (t.year < 2000 || t.year > 2100)
      e[key] = "L’année doit être comprise entre 2000 et 2100.";
    else if (target_indicator_label(t.indicator).empty())
      e[key] = "Choisissez l’indicateur de cet objectif.";
    else if (t.target < 0 || t.target > kMaxTarget)
      e[key] = "La cible est un nombre entier entre 0 et 1 000 000 000.";
    else
      for (std::size_t m = 0; m < n; ++m)
        if (i.targets[m].year == t.year && i.targets[m].indicator == t.indicator) {
          e[key] = "Cet objectif (" + std::to_string(t.year) + ", " + std::string(target_indicator_label(t.indicator)) +
                   ") est déjà donné à la ligne " + std::to_string(m + 1) + ".";
          break;
        }
  }
  return e;
}

Errors validate(const Partnership& p) {
  Errors e;
  require_text(e, "title", p.title, kMaxName);
  if (partnership_status_label(p.status).empty()) e["status"] = "Choisissez l’état de la convention.";
  check_period(e, p.starts_on, p.ends_on, false);
  check_max_length(e, "notes", p.notes, kMaxNotes);
  return e;
}

Errors validate(const Funding& f) {
  Errors e;
  require_text(e, "funder", f.funder, kMaxName);
  if (f.amount_cents < 0 || f.amount_cents >= kMaxCents)
    e["amount"] = "Le montant doit être positif ou nul, et inférieur à mille milliards d’euros.";
  check_period(e, f.starts_on, f.ends_on, true);
  check_max_length(e, "purpose", f.purpose, kMaxNotes);
  return e;
}

std::string format_euros(long long cents) {
  bool negative = cents < 0;
  unsigned long long v =
      negative ? 0ULL - static_cast<unsigned long long>(cents) : static_cast<unsigned long long>(cents);
  char decimals[4];
  std::snprintf(decimals, sizeof decimals, "%02llu", v % 100);
  return (negative ? "-" : "") + grouped(v / 100) + "," + decimals + std::string(kNbsp) + std::string(kEuro);
}

std::string format_count(long long n) {
  if (n < 0) return "-" + grouped(0ULL - static_cast<unsigned long long>(n));
  return grouped(static_cast<unsigned long long>(n));
}

std::string describe_fr(const FundingWarning& w) {
  const auto& f = w.funding;
  long long n = w.days_left;
  std::string when = format_day_fr(f.ends_on);
  std::string text = "La subvention « " + f.funder + " » (" + format_euros(f.amount_cents) + ") ";
  if (n > 0)
    text += "se termine le " + when + ", dans " + std::to_string(n) + (n == 1 ? " jour" : " jours");
  else if (n == 0)
    text += "se termine aujourd’hui, le " + when;
  else
    text += "s’est terminée le " + when + ", il y a " + std::to_string(-n) + (n == -1 ? " jour" : " jours");
  if (f.initiative_names.empty()) return text + " : elle ne finance aucune initiative du plan.";
  text += n >= 0 ? " : elle finance " : " : elle finançait ";
  for (std::size_t i = 0; i < f.initiative_names.size(); ++i)
    text += (i ? ", « " : "« ") + f.initiative_names[i] + " »";
  return text + ".";
}

bool parse_euros(std::string_view text, long long& cents) {
  std::string_view s = strip(text);
  if (s.ends_with(kEuro))
    s.remove_suffix(kEuro.size());
  else if (ends_with_word(s, "euros"))
    s.remove_suffix(5);
  else if (ends_with_word(s, "eur"))
    s.remove_suffix(3);
  s = strip(s);
  long long euros = 0, decimals = 0;
  int int_digits = 0, dec_digits = 0;
  bool in_decimals = false;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (in_decimals) {
        if (++dec_digits > 2) return false;
        decimals = decimals * 10 + (c - '0');
      } else {
        if (++int_digits > 12) return false;
        euros = euros * 10 + (c - '0');
      }
      ++i;
    } else if ((c == ',' || c == '.') && !in_decimals && int_digits > 0) {
      in_decimals = true;
      ++i;
    } else if (std::size_t n = separator_at(s, i);
               n > 0 && !in_decimals && int_digits > 0 && i + n < s.size() && s[i + n] >= '0' && s[i + n] <= '9') {
      i += n;
    } else {
      return false;
    }
  }
  if (int_digits == 0 || (in_decimals && dec_digits == 0)) return false;
  if (dec_digits == 1) decimals *= 10;
  cents = euros * 100 + decimals;
  return true;
}

bool valid_day(std::string_view day) {
  return parse_day(day).has_value();
}

long long days_between(std::string_view from, std::string_view to) {
  auto a = parse_day(from), b = parse_day(to);
  if (!a || !b) return 0;
  return (*b - *a).count();
}

std::string add_days(std::string_view day, long long n) {
  auto d = parse_day(day);
  if (!d) return "";
  return iso(*d + days{n});
}

std::string format_day_fr(std::string_view day) {
  auto d = parse_day(day);
  if (!d) return "";
  year_month_day ymd{*d};
  unsigned dd = static_cast<unsigned>(ymd.day());
  return (dd == 1 ? std::string("1er") : std::to_string(dd)) + " " + month_name_fr(static_cast<unsigned>(ymd.month())) +
         " " + std::to_string(static_cast<int>(ymd.year()));
}

std::string paris_day(long long unix_seconds) {
  return iso(floor<days>(sys_seconds{seconds{unix_seconds + paris_utc_offset(unix_seconds)}}));
}

}  // namespace passerelles::domain
