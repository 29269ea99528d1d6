// Scheduled work of events: reminders the day before, bookings that lapse when not confirmed within 48 hours
// (the waiting list moves up and is told), and contact details erased a year after the event. Run by the
// server every few minutes and by `passerelles jobs run` (cron, tests).
#pragma once
#include <string>

#include "mail/mailer.hpp"
#include "store/store.hpp"

namespace passerelles::jobs {

struct EventJobsReport {
  long long reminders = 0;   // e-mails sent
  long long lapsed = 0;      // bookings cancelled for want of confirmation
  long long promoted = 0;    // moved up from the waiting list
  long long anonymised = 0;  // registrations whose contact details were erased
  long long mail_errors = 0;
};

constexpr long long kConfirmWithinSeconds = 48LL * 3600;

// today: 'YYYY-MM-DD' in Europe/Paris; now: Unix seconds. Reminders go to events starting the next day.
EventJobsReport run_event_jobs(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                               const std::string& today, long long now);

}  // namespace passerelles::jobs
