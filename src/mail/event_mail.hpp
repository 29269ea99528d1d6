// The e-mails of events and their registrations (French, plain text): confirmation link, promotion from the
// waiting list, reminders, cancellations. Composed here, sent by the web handlers and the scheduled jobs.
#pragma once
#include <string>

#include "domain/event.hpp"
#include "mail/mailer.hpp"

namespace passerelles::mail {

// base_url: "https://host" without a trailing slash (config::Config::base_url()). Every message gives the
// event's title, day, times and place (or "en ligne"), and the private link base_url + "/inscriptions/" + token
// (to confirm, change or cancel, and the calendar file).

// Just booked: confirm within 48 hours by the link; says whether places are held or the booking is on the
// waiting list, and gives the check-in code.
Message booking_message(const domain::Event& e, const domain::Registration& r, const std::string& base_url);
// Moved up from the waiting list: places are now held.
Message promoted_message(const domain::Event& e, const domain::Registration& r, const std::string& base_url);
// The day before: time, place, safety rules, accessibility, the online link for a webinar, the check-in code.
Message reminder_message(const domain::Event& e, const domain::Registration& r, const std::string& base_url);
// The organiser cancelled the event (with its reason).
Message event_cancelled_message(const domain::Event& e, const domain::Registration& r, const std::string& base_url);
// The booking was cancelled: by its author (acknowledgement), by the organiser (with the reason), or lapsed
// because it was not confirmed within 48 hours (reason "non confirmée").
Message registration_cancelled_message(const domain::Event& e, const domain::Registration& r,
                                       const std::string& base_url);

// The iCalendar form of a public event for feeds and invitations (uid "event-ID@host of base_url", url the
// public page, description with the place's access and safety notes; the online link is never in a public feed).
domain::IcsEvent ics_of(const domain::Event& e, const std::string& base_url, bool with_online_link);

}  // namespace passerelles::mail
