// Shared by the public event pages and the private registration pages: an event's French display values, the
// booking form (raw values, parsing by kind, errors by form field), the public and private pages that forms
// re-render, and the headers of private, calendar and embeddable responses. Today in Paris is plan_today
// (web/plan_support.hpp); the sending of e-mails (send_mails, promoted_mails) comes from web/event_support.hpp,
// shared with the organisers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/event.hpp"
#include "domain/school.hpp"
#include "store/events.hpp"
#include "store/schools.hpp"
#include "web/app.hpp"
#include "web/event_support.hpp"

namespace passerelles::web {

// "mardi 14 avril 2026, 14 h – 16 h 30"; "mardi 14 avril 2026 à 9 h 30"; "du lundi 2 mars 2026 au mercredi 4 mars
// 2026". Hours are written "14 h", "16 h 30" with no-break spaces.
std::string event_when_fr(const domain::Event& e);
// "En ligne" for a webinar; otherwise the place and the commune ("Atelier B, Besançon"), or "Lieu à préciser".
std::string event_where_fr(const domain::Event& e);
// "12 places restantes", "1 place restante", "Complet — liste d’attente"; "" when there is no limit.
std::string places_left_fr(const domain::Event& e);

// An event as the list, the calendar and the embeddable list show it: id, title, kind_label, when, where,
// territory, places (unset when unlimited), cancelled, starts_on.
Data event_card_data(const domain::Event& e);

// "UAI — name (commune)": a school as the booking form's datalist proposes it and the form reads it back.
std::string school_option_label(const domain::School& s);
// The public school datalist (htmx): <option> elements for the schools of `departments` matching the words typed
// (2 to 200 characters; nothing otherwise), at most 12, cached 5 minutes.
http::Response school_options_response(Ctx& c, const std::vector<std::string>& departments, const std::string& typed);
// A school typed in a public form, read as the datalist proposes it: "UAI — name (commune)", a UAI alone, or words
// searched among the schools of `departments`. The callers word the outcome for their form.
struct TypedSchool {
  enum class Kind { empty, invalid, uai, words } kind = Kind::empty;
  std::string text;                      // trimmed
  std::string uai;                       // kind uai: upper-cased
  std::optional<domain::School> school;  // kind uai: the school with that UAI, if any
  store::SchoolPage found;               // kind words: up to 5 matches and the total
};
TypedSchool lookup_typed_school(Ctx& c, const std::string& typed, const std::vector<std::string>& departments);

// The booking form as typed (every field as text), so that a refused form shows exactly what was typed.
struct BookingForm {
  std::string kind;  // class | adult | prescriber
  std::string school, class_level, girls, boys, adults;
  std::string adult_category;
  std::string structure, people, prescriber_category;
  std::string contact_name, email, phone, needs;
};

BookingForm booking_form_of(const http::Request& r);
// The stored registration as the change form shows it (the school by its name).
BookingForm booking_form_of(const domain::Registration& r);

// A count typed in a form: "" -> 0; anything that is not a whole number -> -1 (validation says why).
int form_count(const std::string& typed);

// The registration the form describes, keeping only the fields of its kind (fieldsets of the other kinds are
// visible without JavaScript and may hold values). The school is typed as "UAI — name (commune)" (the datalist),
// a UAI, or words of a name looked up among the schools of the event's territory: one match gives school_id,
// none keeps the text as the school's name (a school outside the directory), several are an error under "school".
domain::Registration registration_of(Ctx& c, const domain::Event& e, const BookingForm& f, domain::Errors& errors);

// Errors of domain::validate / store::book keyed by form field: school_id and a class's organisation -> school,
// a prescriber's organisation -> structure, category -> adult_category or prescriber_category.
domain::Errors form_errors(const domain::Errors& e, const std::string& kind);

// The public page of an event, with its booking form when it is open (typed values and errors when a booking
// was refused; `notice` above the form, e.g. "complet" or "clos").
http::Response event_page(Ctx& c, const domain::Event& e, const BookingForm& typed, const domain::Errors& errors,
                          int status, const std::string& notice = "");
// The default form of an event's page: the kind its audiences suggest (a class for pupils, else an adult).
BookingForm default_booking_form(const domain::Event& e);

// The private page of a registration (/inscriptions/TOKEN): status, counts, confirm, change and cancel forms.
// `typed` and `errors` refill the change form after a refused change; `state` is the ?etat= of a redirect.
http::Response registration_page(Ctx& c, const store::RegistrationView& v, const BookingForm* typed,
                                 const domain::Errors& errors, int status, const std::string& state);

// A refusal of the store for the private page: when none of `e` is shown next to a field of the change form, its
// first message (or `fallback`) is shown above the page, under "status".
domain::Errors refusal_errors(domain::Errors e, const std::string& fallback);

// Adds what a page whose URL holds a registration's secret needs: Referrer-Policy no-referrer (the token never
// leaves in a Referer) and X-Robots-Tag noindex (Cache-Control no-store is the server's default).
http::Response private_response(http::Response r);

// A text/calendar response. Feeds may be cached by anyone for 5 minutes; invitations stay private.
http::Response ics_response(std::string body, const std::string& filename, bool public_feed);

// The server's default Content-Security-Policy with frame-ancestors * instead of 'none' (the embeddable list).
std::string embeddable_csp();

}  // namespace passerelles::web
