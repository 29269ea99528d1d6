// Mentoring rules: labels, age from the birth month, the application's checks and statuses, the consent gate and
// the pair costs given to the matching engine.
#include "domain/mentoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "domain/collective.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"

namespace passerelles::domain::mentoring {

const std::vector<Choice>& audiences() {
  static const std::vector<Choice> v = {{"collegiennes", "Collégiennes"},
                                        {"lyceennes", "Lycéennes"},
                                        {"etudiantes", "Étudiantes"},
                                        {"reconversion", "Femmes en reconversion"}};
  return v;
}

const std::vector<Choice>& programme_statuses() {
  static const std::vector<Choice> v = {{"draft", "En préparation"}, {"open", "Ouvert"}, {"closed", "Clos"}};
  return v;
}

const std::vector<Choice>& application_statuses() {
  static const std::vector<Choice> v = {{"submitted", "En attente de la caution de l’établissement"},
                                        {"awaiting_consent", "En attente de l’accord parental"},
                                        {"ready", "Prête pour l’appariement"},
                                        {"matched", "En binôme"},
                                        {"finished", "Terminée"},
                                        {"withdrawn", "Retirée"}};
  return v;
}

const std::vector<Choice>& outcomes() {
  static const std::vector<Choice> v = {{"bac_pro_industriel", "Bac pro industriel"},
                                        {"cap", "CAP"},
                                        {"bts_but", "BTS / BUT"},
                                        {"ingenieur", "École d’ingénieur"},
                                        {"apprentissage", "Apprentissage"},
                                        {"autre", "Autre voie"},
                                        {"ne_sait_pas", "Ne sait pas encore"}};
  return v;
}

const std::vector<Choice>& meeting_modes() {
  static const std::vector<Choice> v = {{"in_person", "En présentiel"},
                                        {"remote", "En visio"},
                                        {"visit", "Visite d’entreprise"},
                                        {"phone", "Par téléphone"}};
  return v;
}

const std::vector<Choice>& pair_statuses() {
  static const std::vector<Choice> v = {
      {"proposed", "Proposé"}, {"active", "En cours"}, {"ended", "Terminé"}, {"cancelled", "Annulé"}};
  return v;
}

bool is_pupil_audience(std::string_view audience) {
  return audience == "collegiennes" || audience == "lyceennes";
}

std::string Programme::middle_day() const {
  if (!valid_day(starts_on) || !valid_day(ends_on)) return "";
  return add_days(starts_on, days_between(starts_on, ends_on) / 2);
}

void normalise(Programme& p) {
  p.name = trim(p.name);
  p.description = trim(p.description);
  p.starts_on = trim(p.starts_on);
  p.ends_on = trim(p.ends_on);
}

Errors validate(const Programme& p) {
  Errors e;
  require_text(e, "name", p.name, 200);
  if (!is_choice(audiences(), p.audience)) e["audience"] = "Choisissez le public du programme.";
  if (!valid_day(p.starts_on)) e["starts_on"] = "Indiquez la date de début (jj/mm/aaaa).";
  if (!valid_day(p.ends_on))
    e["ends_on"] = "Indiquez la date de fin (jj/mm/aaaa).";
  else if (valid_day(p.starts_on) && p.ends_on < p.starts_on)
    e["ends_on"] = "La fin du programme doit suivre son début.";
  check_max_length(e, "description", p.description, 4000);
  if (!is_choice(programme_statuses(), p.status)) e["status"] = "Choisissez un état de la liste.";
  return e;
}

// ---- age -----------------------------------------------------------------------------------------------------

bool valid_birth_month(std::string_view bm) {
  if (bm.size() != 7 || bm[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (bm[i] < '0' || bm[i] > '9') return false;
  int year = std::stoi(std::string(bm.substr(0, 4))), month = std::stoi(std::string(bm.substr(5, 2)));
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12;
}

std::optional<int> age_on(std::string_view birth_month, std::string_view day) {
  if (!valid_birth_month(birth_month) || !valid_day(day)) return std::nullopt;
  int by = std::stoi(std::string(birth_month.substr(0, 4))), bmo = std::stoi(std::string(birth_month.substr(5, 2)));
  int y = std::stoi(std::string(day.substr(0, 4))), mo = std::stoi(std::string(day.substr(5, 2)));
  // Born on the last day of her birth month: the birthday is passed only once that month is over.
  int age = y - by - (mo <= bmo ? 1 : 0);
  return age;
}

// ---- applications --------------------------------------------------------------------------------------------

std::string Application::display_name() const {
  std::string initial;
  if (!last_name.empty()) {
    std::size_t n = 1;
    while (n < last_name.size() && (static_cast<unsigned char>(last_name[n]) & 0xC0) == 0x80) ++n;
    initial = " " + last_name.substr(0, n) + ".";
  }
  return first_name + initial;
}

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return static_cast<char>(ch < 0x80 ? std::tolower(ch) : ch); });
  return s;
}
std::string first_character(const std::string& s) {
  if (s.empty()) return s;
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}
}  // namespace

void normalise(Application& a, std::string_view today) {
  a.first_name = trim(a.first_name);
  a.last_name = trim(a.last_name);
  a.birth_month = trim(a.birth_month);
  a.email = lower(trim(a.email));
  a.phone = trim(a.phone);
  a.class_level = trim(a.class_level);
  a.motivation = trim(a.motivation);
  a.voucher_name = trim(a.voucher_name);
  a.voucher_email = lower(trim(a.voucher_email));
  a.guardian_name = trim(a.guardian_name);
  a.guardian_email = lower(trim(a.guardian_email));
  auto age = age_on(a.birth_month, today);
  a.minor = age && *age < 18;
  a.under_15 = age && *age < 15;
  if (a.minor) {
    a.last_name = first_character(a.last_name);
    a.phone.clear();  // a minor is reached through the platform only
  }
  if (a.under_15) {
    a.email.clear();
  } else {  // a guardian is asked only before 15
    a.guardian_name.clear();
    a.guardian_email.clear();
  }
  if (!a.minor) {  // an adult vouches for herself
    a.voucher_name.clear();
    a.voucher_email.clear();
  }
}

Errors validate(const Application& a, std::string_view audience, std::string_view today) {
  Errors e;
  require_text(e, "first_name", a.first_name, 100);
  if (a.last_name.empty())
    e["last_name"] = "Indiquez votre nom (l’initiale suffit pour une mineure).";
  else
    check_max_length(e, "last_name", a.last_name, 100);
  auto age = age_on(a.birth_month, today);
  if (a.birth_month.empty())
    e["birth_month"] = "Indiquez votre mois de naissance.";
  else if (!age)
    e["birth_month"] = "Indiquez le mois de naissance sous la forme aaaa-mm, par exemple 2010-04.";
  else if (*age < 11 || *age > 99)
    e["birth_month"] = "Ce mois de naissance donne un âge de " + std::to_string(*age) +
                       " ans : vérifiez-le (le programme accueille à partir de 11 ans).";
  else if (is_pupil_audience(audience) && *age >= 18)
    e["birth_month"] = "Ce programme est réservé aux collégiennes et lycéennes mineures.";
  else if (!is_pupil_audience(audience) && *age < 18)
    e["birth_month"] =
        "Ce programme accueille des majeures : avant 18 ans, candidatez à un programme pour collégiennes ou "
        "lycéennes.";
  bool minor = age && *age < 18, under_15 = age && *age < 15;
  if (!under_15) {
    if (!a.email.empty() && !is_valid_email(a.email))
      e["email"] = "Cette adresse e-mail n’est pas valide.";
    else if (!minor && age && a.email.empty())
      e["email"] = "Indiquez votre adresse e-mail : votre lien de suivi y est envoyé.";
  }
  if (!a.phone.empty() && !is_valid_phone(a.phone)) e["phone"] = "Ce numéro de téléphone n’est pas valide.";
  if (minor) {
    if (a.school_id <= 0 && !e.count("school")) e["school"] = "Choisissez votre établissement dans la liste.";
    require_text(e, "class_level", a.class_level, 50);
    if (a.voucher_name.empty())
      e["voucher_name"] = "Indiquez le nom de la personne de votre établissement qui soutient votre candidature.";
    else
      check_max_length(e, "voucher_name", a.voucher_name, 200);
    if (a.voucher_email.empty())
      e["voucher_email"] = "Indiquez l’adresse e-mail professionnelle de cette personne.";
    else if (!is_valid_email(a.voucher_email))
      e["voucher_email"] = "Cette adresse e-mail n’est pas valide.";
  }
  if (under_15) {
    if (a.guardian_name.empty())
      e["guardian_name"] = "Avant 15 ans, indiquez le nom de votre parent ou responsable légal.";
    else
      check_max_length(e, "guardian_name", a.guardian_name, 200);
    if (a.guardian_email.empty())
      e["guardian_email"] = "Avant 15 ans, indiquez l’adresse e-mail de votre parent : son accord est demandé.";
    else if (!is_valid_email(a.guardian_email))
      e["guardian_email"] = "Cette adresse e-mail n’est pas valide.";
  }
  for (const auto& d : a.domains)
    if (!is_choice(collective_domains(), d)) e["domains"] = "Choisissez des domaines de la liste.";
  for (const auto& w : a.weekly)
    if (!is_choice(weekly_slots(), w)) e["weekly"] = "Choisissez des demi-journées de la liste.";
  if (a.motivation.empty())
    e["motivation"] = "Dites en quelques mots ce que vous attendez d’une marraine.";
  else
    check_max_length(e, "motivation", a.motivation, 1000);
  return e;
}

std::string initial_status(const Application& a) {
  return a.minor ? "submitted" : "ready";
}

std::string status_after_vouch(const Application& a) {
  return a.under_15 && a.consent_at == 0 ? "awaiting_consent" : "ready";
}

bool contact_allowed(const Application& a) {
  if (a.erased_at != 0) return false;
  if (a.status != "ready" && a.status != "matched") return false;
  if (a.minor && a.vouched_at == 0) return false;
  if (a.under_15 && a.consent_at == 0) return false;
  return true;
}

// ---- matching ------------------------------------------------------------------------------------------------

namespace {
// « Usinage » -> « usinage », « Électronique » -> « électronique » (a label inside a sentence).
std::string lower_first(std::string s) {
  if (s.rfind("\xC3\x89", 0) == 0) return "\xC3\xA9" + s.substr(2);  // É
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string first_common(const std::vector<std::string>& a, const std::vector<std::string>& b,
                         const std::vector<Choice>& order) {
  for (const auto& c : order)
    if (std::find(a.begin(), a.end(), c.code) != a.end() && std::find(b.begin(), b.end(), c.code) != b.end())
      return std::string(c.code);
  return "";
}
}  // namespace

std::optional<PairOption> pair_option(const MenteeSide& m, const MentorSide& a, bool remote_allowed, const Weights& w) {
  std::string slot;
  if (!m.weekly.empty() && !a.weekly.empty()) {
    slot = first_common(m.weekly, a.weekly, weekly_slots());
    if (slot.empty()) return std::nullopt;
  }
  PairOption out;
  bool near = false;
  if (m.lat && m.lon && a.lat && a.lon) {
    out.distance_km = matching::distance_km(*m.lat, *m.lon, *a.lat, *a.lon) * w.road_factor;
    near = out.distance_km <= a.max_km;
  }
  if (near) {
    out.cost = std::llround(out.distance_km * w.per_km);
  } else if (remote_allowed && m.remote_ok && a.remote) {
    out.remote = true;
    out.cost = w.remote_cost;
  } else {
    return std::nullopt;
  }
  std::string domain = first_common(m.domains, a.domains, collective_domains());
  if (!m.domains.empty() && domain.empty()) out.cost += w.domain_mismatch;
  out.cost += w.load_step * a.load;
  std::vector<std::string> parts;
  if (out.remote) {
    parts.push_back("à distance");
  } else {
    char km[32];
    std::snprintf(km, sizeof km, "%.0f km", out.distance_km);
    parts.push_back(km);
  }
  if (!domain.empty()) parts.push_back(lower_first(std::string(choice_label(collective_domains(), domain))));
  if (!slot.empty()) parts.push_back(std::string(choice_label(weekly_slots(), slot)));
  out.why = join(parts, ", ");
  return out;
}

matching::Instance instance_of(const std::vector<MenteeSide>& mentees, const std::vector<MentorSide>& mentors,
                               bool remote_allowed, const Weights& w) {
  matching::Instance in;
  in.weights.road_factor = w.road_factor;
  std::vector<matching::PairCost> costs;
  for (const auto& m : mentees) {
    matching::Request r;
    r.id = m.id;
    r.needed = 1;
    in.requests.push_back(r);
  }
  for (const auto& a : mentors) {
    matching::Ambassador x;
    x.id = a.id;
    x.capacity = std::max(0, a.capacity - a.load);
    in.ambassadors.push_back(x);
  }
  for (const auto& m : mentees)
    for (const auto& a : mentors)
      if (auto o = pair_option(m, a, remote_allowed, w)) costs.push_back({m.id, a.id, o->cost});
  in.pair_costs = std::move(costs);
  return in;
}

// ---- meetings, messages, feedback ----------------------------------------------------------------------------

Errors validate_meeting(std::string_view day, int minutes, std::string_view mode, std::string_view summary) {
  Errors e;
  if (!valid_day(day)) e["day"] = "Indiquez le jour de la rencontre (jj/mm/aaaa).";
  if (minutes < 5 || minutes > 600) e["minutes"] = "Indiquez une durée entre 5 et 600 minutes.";
  if (!is_choice(meeting_modes(), mode)) e["mode"] = "Choisissez comment vous vous êtes rencontrées.";
  if (utf8_length(summary) > 2000) e["summary"] = "Le résumé est limité à 2 000 caractères.";
  return e;
}

Errors validate_message(std::string_view body) {
  Errors e;
  std::string t = trim(body);
  if (t.empty())
    e["body"] = "Écrivez votre message.";
  else if (utf8_length(t) > 4000)
    e["body"] = "Le message est limité à 4 000 caractères.";
  return e;
}

Errors validate_feedback(std::string_view phase, int rating, std::string_view comment) {
  Errors e;
  if (phase != "mid" && phase != "end") e["phase"] = "Choisissez le bilan de mi-parcours ou de fin.";
  if (rating < 1 || rating > 5) e["rating"] = "Choisissez une note de 1 à 5.";
  if (utf8_length(comment) > 2000) e["comment"] = "Le commentaire est limité à 2 000 caractères.";
  return e;
}

}  // namespace passerelles::domain::mentoring
