// Event rules: kinds, statuses, audiences and registrations with their French labels; normalisation, validation
// and the iCalendar (RFC 5545) text of feeds and invitations.
#include "domain/event.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

#include "domain/plan.hpp"
#include "domain/text.hpp"

namespace passerelles::domain {

namespace {

constexpr std::string_view kEarliestDay = "2000-01-01";
constexpr std::size_t kMaxPlace = kMaxAddress;
constexpr int kMaxMinAge = 99;
constexpr int kMaxPrescriberPeople = 50;

bool known(const std::vector<Choice>& choices, std::string_view code) {
  return !code.empty() && !choice_label(choices, code).empty();
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

void check_day(Errors& e, const std::string& field, const std::string& day, const char* missing) {
  if (day.empty())
    e[field] = missing;
  else if (!is_iso_day(day))
    e[field] = "Cette date n’existe pas : indiquez un jour réel au format AAAA-MM-JJ (exemple : 2025-03-14).";
  else if (day < kEarliestDay)
    e[field] = "La date doit être postérieure au 1er janvier 2000.";
}

bool is_https_url(std::string_view url) {
  constexpr std::string_view kScheme = "https://";
  if (!url.starts_with(kScheme) || url.size() == kScheme.size()) return false;
  if (url[kScheme.size()] == '/' || url[kScheme.size()] == '.') return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= ' ' || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\';
  });
}

bool is_insee(std::string_view code) {
  return code.size() == 5 && std::all_of(code.begin(), code.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) || c == 'A' || c == 'B';
         });
}

void check_count(Errors& e, const std::string& field, int n, int max, const std::string& message) {
  if (n < 0 || n > max) e[field] = message;
}

// ---- iCalendar ----------------------------------------------------------------------------------------------

constexpr std::string_view kCrlf = "\r\n";
constexpr std::size_t kMaxLineOctets = 75;

// RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as \n; other control characters (which
// TEXT does not allow) dropped.
std::string escape_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) break;
        out += c;
    }
  }
  return out;
}

// A URI value is not escaped, but it must stay on its content line: control characters and spaces are dropped.
std::string clean_uri(std::string_view s) {
  std::string out;
  for (char c : s)
    if (static_cast<unsigned char>(c) > ' ' && c != 0x7F) out += c;
  return out;
}

// RFC 5545 §3.1: content lines of at most 75 octets, continued by CRLF and one space; never inside a UTF-8
// sequence (a break goes before a continuation byte's lead byte).
void append_line(std::string& out, std::string_view line) {
  std::size_t limit = kMaxLineOctets;  // the first line; the continuation lines spend one octet on the space
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut anyway rather than loop
    out.append(line.substr(0, cut)).append(kCrlf).append(" ");
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;
  }
  out.append(line).append(kCrlf);
}

void property(std::string& out, std::string_view name, std::string_view value) {
  std::string line(name);
  line.append(":").append(value);
  append_line(out, line);
}

// 'YYYY-MM-DD' -> 'YYYYMMDD'.
std::string ics_day(std::string_view day) {
  std::string out;
  for (char c : day)
    if (c != '-') out += c;
  return out;
}

// 'YYYY-MM-DD', 'HH:MM' -> 'YYYYMMDDTHHMM00'.
std::string ics_local_time(std::string_view day, std::string_view hh_mm) {
  return ics_day(day) + "T" + std::string(hh_mm.substr(0, 2)) + std::string(hh_mm.substr(3, 2)) + "00";
}

std::string ics_utc(long long unix_seconds) {
  using namespace std::chrono;
  sys_seconds t{seconds{unix_seconds}};
  auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

// Europe/Paris since 1996 (the EU rule, as in domain/time_fr.hpp): summer time from the last Sunday of March at
// 02:00 local to the last Sunday of October at 03:00 local.
void append_paris_timezone(std::string& out) {
  for (std::string_view line : {
           "BEGIN:VTIMEZONE",
           "TZID:Europe/Paris",
           "X-LIC-LOCATION:Europe/Paris",
           "BEGIN:DAYLIGHT",
           "TZOFFSETFROM:+0100",
           "TZOFFSETTO:+0200",
           "TZNAME:CEST",
           "DTSTART:19960331T020000",
           "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
           "END:DAYLIGHT",
           "BEGIN:STANDARD",
           "TZOFFSETFROM:+0200",
           "TZOFFSETTO:+0100",
           "TZNAME:CET",
           "DTSTART:19961027T030000",
           "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
           "END:STANDARD",
           "END:VTIMEZONE",
       })
    append_line(out, line);
}

void append_event(std::string& out, const IcsEvent& ev) {
  std::string ends_on = is_iso_day(ev.ends_on) && ev.ends_on >= ev.starts_on ? ev.ends_on : ev.starts_on;
  append_line(out, "BEGIN:VEVENT");
  property(out, "UID", escape_text(ev.uid));
  property(out, "DTSTAMP", ics_utc(ev.stamp));
  if (is_hh_mm(ev.start_time)) {
    property(out, "DTSTART;TZID=Europe/Paris", ics_local_time(ev.starts_on, ev.start_time));
    if (is_hh_mm(ev.end_time))
      property(out, "DTEND;TZID=Europe/Paris", ics_local_time(ends_on, ev.end_time));
    else if (ends_on != ev.starts_on)  // no end time: the event lasts until the end of its last day
      property(out, "DTEND;TZID=Europe/Paris", ics_local_time(add_days(ends_on, 1), "00:00"));
    // Same day, no end time: no DTEND, which RFC 5545 §3.6.1 reads as ending when it starts.
  } else {
    property(out, "DTSTART;VALUE=DATE", ics_day(ev.starts_on));
    property(out, "DTEND;VALUE=DATE", ics_day(add_days(ends_on, 1)));  // exclusive: the day after the last
  }
  property(out, "SUMMARY", escape_text(ev.summary));
  if (!ev.description.empty()) property(out, "DESCRIPTION", escape_text(ev.description));
  if (!ev.location.empty()) property(out, "LOCATION", escape_text(ev.location));
  if (std::string url = clean_uri(ev.url); !url.empty()) property(out, "URL", url);
  property(out, "SEQUENCE", std::to_string(ev.sequence < 0 ? 0 : ev.sequence));
  property(out, "STATUS", ev.cancelled ? "CANCELLED" : "CONFIRMED");
  append_line(out, "END:VEVENT");
}

}  // namespace

// ---- choices ------------------------------------------------------------------------------------------------

const std::vector<Choice>& event_kinds() {
  static const std::vector<Choice> v = {
      {"visite_entreprise", "Visite d’entreprise"},
      {"visite_laboratoire", "Visite de laboratoire"},
      {"portes_ouvertes", "Portes ouvertes d’un établissement"},
      {"forum_salon", "Forum / salon"},
      {"journee_8_mars", "Journée du 8 mars"},
      {"atelier", "Atelier"},
      {"webinaire", "Webinaire"},
  };
  return v;
}

std::string_view event_kind_label(std::string_view kind) {
  return choice_label(event_kinds(), kind);
}

std::string_view action_kind_of_event(std::string_view kind) {
  if (!known(event_kinds(), kind)) return "";
  if (kind == "portes_ouvertes") return "visite_etablissement";
  return kind;
}

const std::vector<Choice>& event_statuses() {
  static const std::vector<Choice> v = {
      {"draft", "Brouillon"}, {"published", "Publié"}, {"closed", "Inscriptions closes"},
      {"done", "Terminé"},    {"cancelled", "Annulé"},
  };
  return v;
}

std::string_view event_status_label(std::string_view status) {
  return choice_label(event_statuses(), status);
}

bool event_transition_allowed(std::string_view from, std::string_view to) {
  struct Move {
    std::string_view from, to;
  };
  static constexpr Move kMoves[] = {
      {"draft", "published"},     {"published", "closed"}, {"closed", "published"},
      {"published", "done"},      {"closed", "done"},      {"draft", "cancelled"},
      {"published", "cancelled"}, {"closed", "cancelled"}, {"done", "closed"},
  };
  return std::any_of(std::begin(kMoves), std::end(kMoves), [&](const Move& m) { return m.from == from && m.to == to; });
}

bool event_is_public(std::string_view status) {
  return status != "draft" && known(event_statuses(), status);
}

bool event_open_for_booking(std::string_view status, std::string_view ends_on, std::string_view today) {
  return status == "published" && is_iso_day(ends_on) && ends_on >= today;
}

const std::vector<Choice>& event_audiences() {
  static const std::vector<Choice> v = {
      {"college", "Collégiens et collégiennes"},
      {"lycee", "Lycéens et lycéennes"},
      {"voie_pro", "Voie professionnelle"},
      {"superieur", "Études supérieures"},
      {"femmes_reconversion", "Femmes en reconversion"},
      {"prescripteurs", "Prescripteurs et prescriptrices"},
      {"parents", "Parents"},
      {"tout_public", "Tout public"},
  };
  return v;
}

std::string_view event_audience_label(std::string_view code) {
  return choice_label(event_audiences(), code);
}

const std::vector<Choice>& registration_kinds() {
  static const std::vector<Choice> v = {
      {"class", "Une classe"},
      {"adult", "Moi-même"},
      {"prescriber", "Des personnes que j’accompagne"},
  };
  return v;
}

const std::vector<Choice>& registration_statuses() {
  static const std::vector<Choice> v = {
      {"booked", "Places réservées"},
      {"waitlisted", "Liste d’attente"},
      {"cancelled", "Annulée"},
  };
  return v;
}

std::string_view registration_status_label(std::string_view status) {
  return choice_label(registration_statuses(), status);
}

const std::vector<Choice>& registration_categories() {
  static const std::vector<Choice> v = {
      {"women_reconversion", "Femmes en reconversion"},
      {"parents", "Parents"},
      {"employees", "Salariées et salariés"},
      {"teachers", "Enseignantes et enseignants"},
      {"prescribers", "Prescripteurs et prescriptrices"},
  };
  return v;
}

// ---- events -------------------------------------------------------------------------------------------------

bool is_hh_mm(std::string_view s) {
  if (s.size() != 5 || s[2] != ':' || !all_digits(s.substr(0, 2)) || !all_digits(s.substr(3))) return false;
  int h = (s[0] - '0') * 10 + (s[1] - '0');
  int m = (s[3] - '0') * 10 + (s[4] - '0');
  return h <= 23 && m <= 59;
}

std::string hour_of_day_fr(std::string_view hh_mm) {
  if (!is_hh_mm(hh_mm)) return std::string(hh_mm);
  constexpr std::string_view kNbsp = "\xC2\xA0";
  int h = (hh_mm[0] - '0') * 10 + (hh_mm[1] - '0');
  std::string out = std::to_string(h);
  out.append(kNbsp).append("h");
  if (hh_mm.substr(3) != "00") out.append(kNbsp).append(hh_mm.substr(3));
  return out;
}

std::string day_with_weekday_fr(std::string_view day) {
  static constexpr const char* kWeekdays[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
  std::string text = format_day_fr(day);
  if (text.empty()) return "";
  long long n = days_between("2024-01-01", day);  // a Monday
  return std::string(kWeekdays[((n % 7) + 7) % 7]) + " " + text;
}

void normalise(Event& e) {
  for (auto* f :
       {&e.kind, &e.title, &e.description, &e.starts_on, &e.start_time, &e.ends_on, &e.end_time, &e.place, &e.address,
        &e.commune_insee, &e.online_url, &e.accessibility, &e.safety_rules, &e.status, &e.cancel_reason})
    *f = trim(*f);
  for (auto& c : e.commune_insee) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (e.ends_on.empty()) e.ends_on = e.starts_on;
  // Known codes in the order of the list, then unknown ones (kept so that validation names them).
  std::vector<std::string> given;
  for (const auto& a : e.audiences)
    if (auto t = trim(a); !t.empty()) given.push_back(std::move(t));
  std::vector<std::string> ordered;
  for (const auto& c : event_audiences())
    if (std::find(given.begin(), given.end(), c.code) != given.end()) ordered.emplace_back(c.code);
  for (const auto& g : given)
    if (std::find(ordered.begin(), ordered.end(), g) == ordered.end()) ordered.push_back(g);
  e.audiences = std::move(ordered);
}

Errors validate(const Event& e, std::string_view today, bool is_new) {
  Errors err;
  if (!known(event_kinds(), e.kind)) err["kind"] = "Choisissez le type d’événement dans la liste.";
  if (trim(e.title).empty())
    err["title"] = "Donnez un titre à l’événement (exemple : Visite de l’atelier d’usinage).";
  else
    check_max_length(err, "title", e.title, kMaxEventTitle);

  check_day(err, "starts_on", e.starts_on, "Indiquez le jour de l’événement.");
  if (!err.count("starts_on") && is_new && e.starts_on < today)
    err["starts_on"] = "Ce jour est déjà passé : un nouvel événement a lieu aujourd’hui ou plus tard.";
  if (!e.ends_on.empty()) {
    check_day(err, "ends_on", e.ends_on, "");
    if (!err.count("ends_on") && is_iso_day(e.starts_on) && e.ends_on < e.starts_on)
      err["ends_on"] =
          "La fin ne peut pas précéder le début : indiquez le " + format_day_fr(e.starts_on) + " ou un jour suivant.";
  }

  for (const auto* f : {"start_time", "end_time"}) {
    const std::string& t = std::string_view(f) == "start_time" ? e.start_time : e.end_time;
    if (!t.empty() && !is_hh_mm(t)) err[f] = "Indiquez une heure au format HH:MM (exemple : 14:30).";
  }
  if (e.start_time.empty() && !e.end_time.empty() && !err.count("end_time"))
    err["start_time"] = "Indiquez aussi l’heure de début, ou aucune heure pour un événement sur la journée.";
  bool one_day = e.ends_on.empty() || e.ends_on == e.starts_on;
  if (one_day && is_hh_mm(e.start_time) && is_hh_mm(e.end_time) && e.end_time <= e.start_time)
    err["end_time"] = "L’heure de fin doit suivre l’heure de début (" + hour_of_day_fr(e.start_time) + ").";

  check_max_length(err, "place", e.place, kMaxPlace);
  check_max_length(err, "address", e.address, kMaxAddress);
  if (!e.online_url.empty()) {
    if (!is_https_url(e.online_url))
      err["online_url"] = "Le lien en ligne doit commencer par https:// (exemple : https://visio.exemple.fr/salle).";
    else
      check_max_length(err, "online_url", e.online_url, kMaxWebsite);
  }
  if (trim(e.place).empty() && trim(e.address).empty() && e.online_url.empty()) {
    if (e.kind == "webinaire")
      err["online_url"] = "Indiquez le lien du webinaire (https://…).";
    else
      err["place"] = "Indiquez le lieu de l’événement, ou son lien s’il a lieu en ligne.";
  }
  if (!e.commune_insee.empty() && !is_insee(e.commune_insee))
    err["commune_insee"] = "Le code INSEE de la commune compte 5 caractères (exemple : 25056 pour Besançon).";

  for (const auto& a : e.audiences)
    if (!known(event_audiences(), a)) {
      err["audiences"] = "Choisissez les publics dans la liste.";
      break;
    }
  check_count(err, "capacity", e.capacity, kMaxEventCapacity,
              "Indiquez un nombre entier de places entre 0 (sans limite) et 100 000.");
  check_count(err, "min_age", e.min_age, kMaxMinAge, "L’âge minimum est un nombre entier d’années entre 0 et 99.");
  check_max_length(err, "description", e.description, kMaxEventText);
  check_max_length(err, "accessibility", e.accessibility, kMaxEventText);
  check_max_length(err, "safety_rules", e.safety_rules, kMaxEventText);
  check_max_length(err, "cancel_reason", e.cancel_reason, kMaxEventText);
  if (!known(event_statuses(), e.status)) err["status"] = "Choisissez l’état de l’événement dans la liste.";
  return err;
}

// ---- registrations ------------------------------------------------------------------------------------------

int places_of(const Registration& r) {
  if (r.kind == "class") return r.girls + r.boys + r.adults;
  if (r.kind == "adult") return 1;
  if (r.kind == "prescriber") return 1 + r.people;
  return 0;
}

void normalise(Registration& r) {
  for (auto* f : {&r.kind, &r.contact_name, &r.email, &r.phone, &r.organisation, &r.class_level, &r.category, &r.needs,
                  &r.cancel_reason})
    *f = trim(*f);
  for (auto& c : r.email) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (r.kind == "class") {
    r.people = 0;
    r.category.clear();
  } else {
    // An adult or a prescriber books no class: the class fields cannot hold places.
    r.girls = r.boys = r.adults = 0;
    r.class_level.clear();
    if (r.kind == "adult") r.people = 1;
  }
  // Sums of out-of-range counts are refused by validate; keep places meaningful meanwhile.
  long long places = static_cast<long long>(r.girls) + r.boys + r.adults + r.people;
  r.places = places > kMaxEventCapacity || r.girls < 0 || r.boys < 0 || r.adults < 0 || r.people < 0 ? 0 : places_of(r);
}

Errors validate(const Registration& r) {
  Errors err;
  bool is_class = r.kind == "class";
  if (!known(registration_kinds(), r.kind))
    err["kind"] = "Choisissez pour qui vous réservez : une classe, vous-même ou des personnes que vous accompagnez.";
  if (trim(r.contact_name).empty())
    err["contact_name"] = "Indiquez votre nom : l’organisateur saura qui attendre.";
  else
    check_max_length(err, "contact_name", r.contact_name, kMaxName);
  if (trim(r.email).empty())
    err["email"] = "Indiquez votre adresse e-mail : le lien pour confirmer l’inscription y sera envoyé.";
  else if (!is_valid_email(r.email))
    err["email"] = "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).";
  if (!r.phone.empty() && (r.phone.size() > kMaxPhone || !is_valid_phone(r.phone)))
    err["phone"] = "Ce numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78).";
  check_max_length(err, "organisation", r.organisation, kMaxName);
  check_max_length(err, "needs", r.needs, kMaxEventText);

  if (is_class) {
    if (r.class_level.empty() || class_level_label(r.class_level).empty())
      err["class_level"] = "Choisissez le niveau de la classe dans la liste.";
    for (const auto& [field, n] :
         {std::pair<const char*, int>{"girls", r.girls}, {"boys", r.boys}, {"adults", r.adults}})
      if (n < 0 || n > kMaxClassPlaces)
        err[field] = "Indiquez un nombre entier entre 0 et " + std::to_string(kMaxClassPlaces) + ".";
    if (!err.count("girls") && !err.count("boys") && !err.count("adults")) {
      if (r.girls + r.boys == 0)
        err["girls"] = "Une classe compte au moins une élève ou un élève : indiquez le nombre de filles et de garçons.";
      else if (r.girls + r.boys + r.adults > kMaxClassPlaces)
        err["girls"] = "Une réservation de classe compte au plus " + std::to_string(kMaxClassPlaces) +
                       " places, élèves et adultes compris : réservez en plusieurs fois pour un groupe plus grand.";
    }
    if (r.school_id == 0 && trim(r.organisation).empty())
      err["school_id"] = "Indiquez l’établissement de la classe : choisissez-le dans la liste ou écrivez son nom.";
  } else if (r.kind == "adult" || r.kind == "prescriber") {
    if (r.kind == "prescriber" && (r.people < 1 || r.people > kMaxPrescriberPeople))
      err["people"] = "Indiquez le nombre de personnes que vous accompagnez, entre 1 et " +
                      std::to_string(kMaxPrescriberPeople) + ".";
    if (!known(registration_categories(), r.category))
      err["category"] = r.kind == "adult" ? "Choisissez dans la liste ce qui vous décrit le mieux."
                                          : "Choisissez dans la liste qui sont les personnes que vous accompagnez.";
  }
  return err;
}

// ---- iCalendar ----------------------------------------------------------------------------------------------

std::string ics_calendar(const std::vector<IcsEvent>& events, std::string_view name, std::string_view method) {
  std::string out;
  append_line(out, "BEGIN:VCALENDAR");
  property(out, "VERSION", "2.0");
  property(out, "PRODID", "-//Passerelles//Evenements//FR");
  property(out, "CALSCALE", "GREGORIAN");
  if (!method.empty()) property(out, "METHOD", clean_uri(method));
  if (!name.empty()) property(out, "X-WR-CALNAME", escape_text(name));
  property(out, "X-WR-TIMEZONE", "Europe/Paris");
  append_paris_timezone(out);
  for (const auto& ev : events)
    if (is_iso_day(ev.starts_on)) append_event(out, ev);  // no start day, no VEVENT (DTSTART is required)
  append_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace passerelles::domain
