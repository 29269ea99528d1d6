// Shared by the organisers' event pages: who may organise which event, the event form (parse, render with errors),
// display values of events and registrations, today in Paris, the e-mails (shared with the public pages) and the
// check-in link shown at the door. The French day and times of an event are in web/event_public_support.hpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/event.hpp"
#include "mail/mailer.hpp"
#include "store/events.hpp"
#include "web/app.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

// Coordinators (and the admin) organise every event of their territory; school and company contacts the events
// hosted by one of their own organisations (store::organisations_of_user). Other roles organise nothing.
bool can_organise(const Ctx& c);
// Whether the signed-in user organises every event of the territory (a coordinator or the admin).
bool organises_all(const Ctx& c);
// The organisations a contact may host events for (empty for coordinators, who may pick any).
std::vector<std::pair<long long, std::string>> own_organisations(Ctx& c);

// Sends the messages (one failure does not stop the others; failures are logged) and returns how many left.
int send_mails(Ctx& c, const std::vector<mail::Message>& messages);
// The e-mails telling registrations moved up from the waiting list that their places are now held.
std::vector<mail::Message> promoted_mails(Ctx& c, const domain::Event& e,
                                          const std::vector<domain::Registration>& promoted);

// The event {id} of my territory that I may manage. nullopt with `refusal` set: 403 for a role that does not
// organise or an event hosted by another organisation, 404 for an id absent from my territory.
std::optional<domain::Event> event_to_manage(Ctx& c, http::Response& refusal);

// Form values laid over `base`; numbers that are not whole numbers and ids that are not ids go to `errors`.
domain::Event event_from_form(const http::Request& r, domain::Event base, domain::Errors& errors);
// The checks only the web knows: a contact hosts her events at one of her organisations.
void check_host(Ctx& c, const domain::Event& e, domain::Errors& errors);
// The creation (id 0) or edition form with its values and a message next to each field.
http::Response event_form(Ctx& c, const domain::Event& e, const domain::Errors& errors, int status);

// The organiser's page of an event (summary, status buttons, the cancellation form with `errors` next to its
// reason, registrations); shown by GET /evenements/{id}/gestion and again by a refused status change.
http::Response event_manage_page(Ctx& c, const domain::Event& e, const domain::Errors& errors, int status);

// The attendance sheet (GET and POST /evenements/{id}/presences): one block per booked registration with its
// "présent" box and the counts that came (what was typed when `errors` come back), then the action the attendance
// became with its survey link and QR code, or the button that creates one.
http::Response attendance_page(Ctx& c, const domain::Event& e, const domain::Errors& errors, int status);

// A count of people typed in form field `name`: "" -> 0; false unless a whole number from 0 to kMaxAttendance.
constexpr int kMaxAttendance = 1000;
bool read_count(const http::Request& r, const std::string& name, int& out);

// The group check-in page (/p/TOKEN) of a public event, with what was typed and a message next to each field.
http::Response checkin_page(Ctx& c, const domain::Event& e, const domain::Errors& errors, int status);

// Display values of an event: title, kind and status labels, day and times, place, places taken…
Data event_data(const domain::Event& e);
// Display values of a registration: kind label, contact, school, counts, status, confirmed.
Data registration_data(const domain::Registration& r);
// "12 filles, 10 garçons, 2 adultes" (a class) or "3 personnes" (an adult, a prescriber's people).
std::string registration_counts(const domain::Registration& r);

// base_url + "/p/" + token: the group's check-in page, behind the QR code shown at the door.
std::string checkin_url(const Ctx& c, const std::string& token);

// The notice of an organiser page after a redirect (?msg=…), "" when none.
std::string event_notice(const Ctx& c);

}  // namespace passerelles::web
