// Scheduled work of events: lapsed bookings and the waiting list they free, reminders, erasure after a year.
#include "jobs/events_jobs.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "domain/plan.hpp"
#include "mail/event_mail.hpp"
#include "store/events.hpp"

namespace passerelles::jobs {

namespace {

constexpr long long kKeepContactsDays = 365;

using Compose = mail::Message (*)(const domain::Event&, const domain::Registration&, const std::string&);

// Sends one message; a failure is logged (registration id, never the address) and counted, not thrown.
bool send(const mail::Mailer& mailer, Compose compose, const char* what, const store::RegistrationView& v,
          const std::string& base_url, EventJobsReport& report) {
  if (v.registration.email.empty()) return false;  // anonymised: nobody to tell
  std::string err = mailer.send(compose(v.event, v.registration, base_url));
  if (err.empty()) return true;
  ++report.mail_errors;
  spdlog::warn("event jobs: {} for registration {} (event {}) not sent: {}", what, v.registration.id, v.event.id, err);
  return false;
}

}  // namespace

EventJobsReport run_event_jobs(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                               const std::string& today, long long now) {
  if (!domain::valid_day(today)) throw std::invalid_argument("run_event_jobs: not a day: '" + today + "'");
  EventJobsReport report;

  // Lapsed first, so that their places go to the waiting list before anyone is reminded.
  auto expiry = store::expire_unconfirmed(s, now, kConfirmWithinSeconds);
  report.lapsed = static_cast<long long>(expiry.lapsed.size());
  report.promoted = static_cast<long long>(expiry.promoted.size());
  for (const auto& v : expiry.lapsed)
    send(mailer, mail::registration_cancelled_message, "lapse notice", v, base_url, report);
  for (const auto& v : expiry.promoted) send(mailer, mail::promoted_message, "promotion", v, base_url, report);

  // Taken (marked reminded) before sending: a second run never sends twice, a failed send is not retried.
  for (const auto& v : store::take_due_reminders(s, domain::add_days(today, 1)))
    if (send(mailer, mail::reminder_message, "reminder", v, base_url, report)) ++report.reminders;

  report.anonymised = store::anonymise_registrations(s, domain::add_days(today, -kKeepContactsDays));

  if (report.reminders || report.lapsed || report.promoted || report.anonymised || report.mail_errors)
    spdlog::info("event jobs: {} reminders, {} lapsed, {} promoted, {} anonymised, {} mail errors", report.reminders,
                 report.lapsed, report.promoted, report.anonymised, report.mail_errors);
  return report;
}

}  // namespace passerelles::jobs
