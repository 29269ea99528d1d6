// Events and their registrations: the public calendar, bookings that never exceed capacity (the event row is
// locked while places are counted: SELECT … FOR UPDATE on PostgreSQL, the serialised writer on SQLite), the
// waiting list that moves up by itself, and attendance that becomes an action of the indicators.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// ---- events -------------------------------------------------------------------------------------------------

struct EventFilter {
  long long territory_id = 0;               // 0 = every territory (the public calendar)
  bool public_only = true;                  // published, closed, done, cancelled (drafts only for organisers)
  std::string status;                       // "" = any (within public_only)
  std::string kind;                         // "" = any
  std::string audience;                     // an event_audiences code; "" = any
  std::string department;                   // 3 characters; "" = any
  std::string from_day;                     // inclusive, 'YYYY-MM-DD': events ending on or after it; "" = open
  std::string to_day;                       // inclusive: events starting on or before it; "" = open
  std::string query;                        // words in the title, place, commune or host
  long long organisation_id = 0;            // events hosted by this organisation; 0 = any
  std::vector<long long> organisation_ids;  // when not empty: events hosted by one of these (a contact's own)
  int page = 1;
  int per_page = 20;  // at most kMaxPerPage
};

// Inserts into e.territory_id with status draft or published (other statuses are refused), a new check-in
// token, the department from the commune. invalid (with field errors) when the organisation, initiative or an
// ambassador is not of the territory.
WriteResult insert_event(Store& s, const domain::Event& e, const Author& by);
// Updates the editable fields (not status, token, action). A capacity below the places already booked is
// refused (field capacity); a larger one promotes the waiting list (returned in `promoted` when not null).
WriteResult update_event(Store& s, const domain::Event& e, const Author& by,
                         std::vector<domain::Registration>* promoted = nullptr);
// Moves the event along domain::event_transition_allowed (conflict otherwise, with a French message under
// "status"). To cancelled: the reason is required (field cancel_reason) and every booked or waitlisted
// registration becomes cancelled with that reason; those registrations (as they were, with their e-mails) are
// returned in `notify` so the caller can tell them.
WriteResult set_event_status(Store& s, long long territory_id, long long id, const std::string& status,
                             const std::string& reason, const Author& by,
                             std::vector<domain::Registration>* notify = nullptr);
// Deletes a draft that has no registration (conflict otherwise). False when absent.
WriteResult delete_event(Store& s, long long territory_id, long long id, const Author& by);
// territory_id 0 = any territory (public pages; check event_is_public before showing it).
std::optional<domain::Event> event_by_id(Store& s, long long territory_id, long long id);
std::optional<domain::Event> event_by_checkin_token(Store& s, const std::string& token);
// Soonest first (starts_on, start_time, id); places_taken and waitlisted filled.
Page<domain::Event> events_matching(Store& s, const EventFilter& f);
// Public events of a territory (0 = all) ending on or after `from_day`, soonest first, at most `limit`: the
// iCalendar feeds and the embeddable list.
std::vector<domain::Event> upcoming_events(Store& s, long long territory_id, std::string_view from_day, int limit);
// The organisations a contact (school_contact, company_contact) may host events for: those of the
// directory people of her territory whose e-mail is hers.
std::vector<std::pair<long long, std::string>> organisations_of_user(Store& s, long long territory_id,
                                                                     long long user_id);

// ---- registrations ------------------------------------------------------------------------------------------

struct BookingResult {
  WriteResult::Status status = WriteResult::Status::ok;  // not_found: no such public event
  domain::Errors errors;              // invalid: field errors; conflict: "event" (closed, past, cancelled)
  domain::Registration registration;  // as stored: id, status (booked | waitlisted), token, code, places
  domain::Event event;                // the event, with places_taken after this booking
  bool ok() const { return status == WriteResult::Status::ok; }
};

// Books `r` for the event: validated (domain::validate), the school must exist in the directory; the event
// must be open for booking on `today`. The whole booking gets places, or goes on the waiting list when the
// places left do not suffice (never a part of a class). A booking larger than the whole capacity is refused
// (invalid, field "girls" for a class, "people" otherwise). Atomic against concurrent bookings.
BookingResult book(Store& s, long long event_id, const domain::Registration& r, std::string_view today);
// The registration behind a private link, with its event; nullopt when the token is unknown.
struct RegistrationView {
  domain::Registration registration;
  domain::Event event;
};
std::optional<RegistrationView> registration_by_token(Store& s, const std::string& token);
// Follows the e-mailed link: sets confirmed_at (once). not_found for an unknown token, conflict when cancelled.
WriteResult confirm_registration(Store& s, const std::string& token);
// Changes the counts, contact and needs of a booking from its private link (kind and event stay). A booking
// that grows beyond the places left is refused (field girls/people, "Il ne reste que N places"); a waitlisted
// one stays waitlisted until it fits. Shrinking frees places: `promoted` receives the registrations that moved up.
WriteResult update_registration(Store& s, const std::string& token, const domain::Registration& r,
                                std::vector<domain::Registration>* promoted = nullptr);
// Cancels from the private link (or by the organiser: then territory_id and id are used, see below). Frees the
// places and moves the waiting list up: in order, every waitlisted booking that now fits is booked (a smaller
// one may pass a larger one that does not fit). not_found when unknown; conflict when already cancelled.
WriteResult cancel_registration(Store& s, const std::string& token, const std::string& reason,
                                std::vector<domain::Registration>* promoted = nullptr);
WriteResult cancel_registration_by_organiser(Store& s, long long territory_id, long long registration_id,
                                             const std::string& reason, const Author& by,
                                             std::vector<domain::Registration>* promoted = nullptr);
// Every registration of the event (all statuses), booked first then waitlisted (in order) then cancelled.
std::vector<domain::Registration> registrations_of(Store& s, long long territory_id, long long event_id);

// ---- attendance ---------------------------------------------------------------------------------------------

struct AttendanceMark {
  long long registration_id = 0;
  bool attended = false;
  int girls = 0, boys = 0, adults = 0, people = 0;  // who actually came (only read when attended)
};

// Records who came (the attendance sheet), for booked registrations of the event, and writes the event's
// action in the same transaction: created on the first record (kind from the event, its day, place, commune,
// initiative, ambassadors, host organisation, the directory schools of the territory's départements and the
// classes that came), its audience the sum of what came (girls, boys; accompanying adults as teachers; adults
// and prescribers' people under their category; a prescriber herself as prescribers), then updated on each
// record. The action is validated at once when `validate` (a coordinator records it), declared otherwise.
// invalid when a count is negative or above 1000, or a registration is not of this event.
WriteResult record_attendance(Store& s, long long territory_id, long long event_id,
                              const std::vector<AttendanceMark>& marks, const Author& by, bool validate);
// The group checks itself in on the door's page: the event by its check-in token, the booking by its code
// (case ignored), the counts of who came. Only on the event's days (`today` between starts_on and ends_on),
// for a booked registration. Updates the action like record_attendance (declared unless it is validated).
// not_found (field code: "Ce code ne correspond à aucune inscription…"), conflict (field code: not today,
// cancelled, waitlisted), invalid (counts).
WriteResult check_in(Store& s, const std::string& checkin_token, const std::string& code, const AttendanceMark& counts,
                     std::string_view today);

// ---- scheduled work (jobs/events_jobs) ----------------------------------------------------------------------

// Booked and confirmed registrations of published or closed events starting on `day` and not reminded yet;
// marks them reminded (so that a second run sends nothing). The caller sends the e-mails.
std::vector<RegistrationView> take_due_reminders(Store& s, std::string_view day);
// Bookings not confirmed within `max_age_seconds` of their creation become cancelled (reason "non
// confirmée"), and the waiting list moves up; returns the lapsed and the promoted registrations.
struct ExpiryOutcome {
  std::vector<RegistrationView> lapsed;
  std::vector<RegistrationView> promoted;
};
ExpiryOutcome expire_unconfirmed(Store& s, long long now, long long max_age_seconds);
// Erases the contact details (name, e-mail, phone, needs) of registrations of events that ended before
// `before_day`; counts stay. Returns how many were anonymised.
long long anonymise_registrations(Store& s, std::string_view before_day);

}  // namespace passerelles::store
