// Public events (company and lab visits, open days, forums, the 8 March day, workshops, webinars), their
// registrations and the iCalendar (RFC 5545) text of the public feeds and invitations. Pure code: the store
// keeps capacity and the waiting list right under concurrency (store/events.hpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/action.hpp"
#include "domain/directory.hpp"
#include "domain/validation.hpp"

namespace passerelles::domain {

// visite_entreprise | visite_laboratoire | portes_ouvertes | forum_salon | journee_8_mars | atelier | webinaire
const std::vector<Choice>& event_kinds();
std::string_view event_kind_label(std::string_view kind);  // "" when unknown
// The action kind its attendance is counted under (portes_ouvertes -> visite_etablissement, others the same).
std::string_view action_kind_of_event(std::string_view kind);

// draft | published | closed | done | cancelled
const std::vector<Choice>& event_statuses();
std::string_view event_status_label(std::string_view status);
// Whether an organiser may move an event from `from` to `to`: draft -> published; published <-> closed;
// published | closed -> done; draft | published | closed -> cancelled; done -> closed (reopen the attendance).
bool event_transition_allowed(std::string_view from, std::string_view to);
// Whether the public sees it (published, closed, done; cancelled too, with its notice, so that a shared
// link still explains itself): everything but a draft.
bool event_is_public(std::string_view status);
// Whether new bookings are taken: published, and not yet over on `today`.
bool event_open_for_booking(std::string_view status, std::string_view ends_on, std::string_view today);

// Who it is for: college | lycee | voie_pro | superieur | femmes_reconversion | prescripteurs | parents | tout_public
const std::vector<Choice>& event_audiences();
std::string_view event_audience_label(std::string_view code);

// Registration kinds: class (a teacher for her class) | adult (for herself) | prescriber (for people she accompanies).
const std::vector<Choice>& registration_kinds();
// booked | waitlisted | cancelled
const std::vector<Choice>& registration_statuses();
std::string_view registration_status_label(std::string_view status);
// Audience categories an adult or a prescriber's people are counted under (codes of audience_categories()):
// women_reconversion | parents | employees | teachers | prescribers.
const std::vector<Choice>& registration_categories();

struct Event {
  long long id = 0;
  long long territory_id = 0;
  std::string territory_slug, territory_name;  // read only
  long long organisation_id = 0;               // 0 = none (the network itself)
  std::string organisation_name;               // read only
  std::string kind;
  std::string title;
  std::string description;
  std::string starts_on, start_time;  // 'YYYY-MM-DD', 'HH:MM' or ''
  std::string ends_on, end_time;      // ends_on '' means the same day (normalise fills it)
  std::string place, address;
  std::string commune_insee;
  std::string commune_name;  // read only (from the reference communes)
  std::string department;    // derived by the store from the commune
  std::string online_url;
  std::vector<std::string> audiences;
  int capacity = 0;  // 0 = no limit
  int min_age = 0;
  std::string accessibility;
  std::string safety_rules;
  long long initiative_id = 0;
  std::string initiative_name;  // read only
  std::vector<long long> ambassador_ids;
  std::vector<std::string> ambassador_names;  // read only, same order
  std::string status = "draft";
  std::string cancel_reason;
  std::string checkin_token;  // made by the store
  long long action_id = 0;    // the action its attendance became, 0 until attendance is recorded
  long long created_by = 0;
  long long created_at = 0, updated_at = 0;
  // Read only, from the registrations: places taken by bookings, and on the waiting list.
  int places_taken = 0;
  int waitlisted = 0;
  // Places still free; -1 when there is no limit.
  int places_left() const { return capacity == 0 ? -1 : (capacity > places_taken ? capacity - places_taken : 0); }
  bool online() const { return !online_url.empty(); }
};

constexpr std::size_t kMaxEventTitle = 200;
constexpr std::size_t kMaxEventText = 5000;
constexpr int kMaxEventCapacity = 100000;
constexpr int kMaxClassPlaces = 200;  // pupils + adults of one class booking

// Trims text fields; ends_on defaults to starts_on; audiences de-duplicated in the order of event_audiences().
void normalise(Event& e);
// French messages keyed by form field: kind, title (required), starts_on (a real day, not in the past of
// `today` for a new event when `is_new`), start_time / end_time ('HH:MM'), ends_on (not before starts_on; the
// end time after the start time on a one-day event), place or online_url (one of them; online_url https://),
// commune_insee (5 characters when given), audiences (known codes), capacity (0–100000), min_age (0–99),
// description / accessibility / safety_rules (length).
Errors validate(const Event& e, std::string_view today, bool is_new);
bool is_hh_mm(std::string_view s);
// French forms for pages and e-mails: "9 h", "16 h 30" from 'HH:MM', with no-break spaces (the text unchanged when it
// is not a time); "vendredi 14 mars 2025", "dimanche 1er mars 2026" from 'YYYY-MM-DD' ("" for an invalid day).
std::string hour_of_day_fr(std::string_view hh_mm);
std::string day_with_weekday_fr(std::string_view day);

struct Registration {
  long long id = 0;
  long long event_id = 0;
  std::string kind = "class";
  std::string status;  // set by the store
  int places = 0;      // computed by places_of()
  std::string token;   // private link, made by the store
  std::string code;    // check-in code, made by the store
  long long confirmed_at = 0;
  std::string contact_name;
  std::string email;
  std::string phone;
  long long school_id = 0;
  std::string school_name;  // read only (from the directory)
  std::string organisation;
  std::string class_level;
  int girls = 0, boys = 0, adults = 0, people = 0;
  std::string category;
  std::string needs;
  bool attended = false;
  int attended_girls = 0, attended_boys = 0, attended_adults = 0, attended_people = 0;
  std::string cancel_reason;
  long long reminded_at = 0, promoted_at = 0;
  bool anonymised = false;
  long long created_at = 0, updated_at = 0;
  bool confirmed() const { return confirmed_at != 0; }
};

// class: girls + boys + adults; adult: 1; prescriber: 1 + people.
int places_of(const Registration& r);
// Trims, lower-cases the e-mail; adult: people = 1; class: category '' ; fills places.
void normalise(Registration& r);
// French messages keyed by field: kind, contact_name, email, phone (when given), class_level (known, for a
// class), girls / boys / adults (whole numbers, a class of at least one pupil, at most kMaxClassPlaces places),
// school_id or organisation (a class names its school), people (prescriber: 1–50), category (known), needs.
Errors validate(const Registration& r);

// ---- iCalendar (RFC 5545) --------------------------------------------------------------------------------

struct IcsEvent {
  std::string uid;          // globally unique, e.g. "event-12@passerelles.example.org"
  std::string summary;      // title
  std::string description;  // plain text
  std::string location;
  std::string url;
  std::string starts_on, start_time, ends_on, end_time;  // as in Event; all-day when start_time is ''
  bool cancelled = false;
  long long sequence = 0;  // bumped by each change (updated_at is fine)
  long long stamp = 0;     // Unix seconds (DTSTAMP, UTC)
};

// A VCALENDAR with a VTIMEZONE for Europe/Paris and one VEVENT per event: text escaped (\\ \; \, \n), lines
// folded at 75 octets without splitting a UTF-8 character, CRLF line ends. method: "" (a feed) or "REQUEST" /
// "CANCEL" (an invitation sent by e-mail). name: X-WR-CALNAME.
std::string ics_calendar(const std::vector<IcsEvent>& events, std::string_view name, std::string_view method = "");

}  // namespace passerelles::domain
