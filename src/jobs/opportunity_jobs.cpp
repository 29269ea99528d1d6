// Scheduled work of offers and applications: expiries first (a 45-day-old application gets no reminder), then the
// reminders at 7 and 14 days.
#include "jobs/opportunity_jobs.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "domain/opportunity.hpp"
#include "domain/plan.hpp"
#include "mail/opportunity_mail.hpp"
#include "store/opportunities.hpp"

namespace passerelles::jobs {

namespace {

// Sends one message; a failure is logged (application id, never an address or a name) and counted, not thrown.
bool send(const mail::Mailer& mailer, const mail::Message& m, const char* what, long long id,
          OpportunityJobsReport& report) {
  if (m.to.empty()) return false;
  std::string err = mailer.send(m);
  if (err.empty()) return true;
  ++report.mail_errors;
  spdlog::warn("opportunity jobs: {} for application {} not sent: {}", what, id, err);
  return false;
}

}  // namespace

OpportunityJobsReport run_opportunity_jobs(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                                           const std::string& today, long long now) {
  if (!domain::valid_day(today)) throw std::invalid_argument("run_opportunity_jobs: not a day: '" + today + "'");
  OpportunityJobsReport report;
  report.expired_offers = store::expire_offers(s, today, now);
  for (const auto& a : store::expire_applications(s, now)) {
    ++report.expired_applications;
    send(mailer, mail::application_change_for_referrer_message(a, base_url), "expiry (referrer)", a.id, report);
    send(mailer, mail::application_closed_for_company_message(a, base_url), "expiry (company)", a.id, report);
  }
  for (int days : {domain::kApplicationReminder1Days, domain::kApplicationReminder2Days})
    for (const auto& a : store::take_application_reminders(s, days, now))
      if (send(mailer, mail::application_reminder_message(a, days, base_url), "reminder", a.id, report))
        ++(days == domain::kApplicationReminder1Days ? report.reminders_7 : report.reminders_14);
  if (report.reminders_7 || report.reminders_14 || report.expired_applications || report.expired_offers ||
      report.mail_errors)
    spdlog::info("opportunity jobs: {} + {} reminders, {} applications and {} offers expired, {} mail errors",
                 report.reminders_7, report.reminders_14, report.expired_applications, report.expired_offers,
                 report.mail_errors);
  return report;
}

}  // namespace passerelles::jobs
