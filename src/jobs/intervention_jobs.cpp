// Scheduled work of intervention requests: reminders, report requests, lapsed requests, erasure after a year.
#include "jobs/intervention_jobs.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "domain/plan.hpp"
#include "domain/request.hpp"
#include "mail/intervention_mail.hpp"
#include "store/assignments.hpp"
#include "store/requests.hpp"

namespace passerelles::jobs {

namespace {

constexpr long long kKeepContactsDays = 365;

using Compose = mail::Message (*)(const store::AssignmentView&, const std::string&);

// Sends one message; a failure is logged (assignment id, never the address) and counted, not thrown.
bool send(const mail::Mailer& mailer, Compose compose, const char* what, const store::AssignmentView& a,
          const std::string& base_url, InterventionJobsReport& report) {
  if (a.ambassador_email.empty()) return false;
  std::string err = mailer.send(compose(a, base_url));
  if (err.empty()) return true;
  ++report.mail_errors;
  spdlog::warn("intervention jobs: {} for assignment {} not sent: {}", what, a.id, err);
  return false;
}

}  // namespace

InterventionJobsReport run_intervention_jobs(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                                             const std::string& today, long long now) {
  if (!domain::valid_day(today)) throw std::invalid_argument("run_intervention_jobs: not a day: '" + today + "'");
  InterventionJobsReport report;
  report.lapsed = store::expire_unconfirmed_requests(s, now, domain::kRequestConfirmHours * 3600LL);
  for (const auto& a : store::take_due_assignment_reminders(s, domain::add_days(today, 1), now))
    if (send(mailer, mail::assignment_reminder_message, "reminder", a, base_url, report)) ++report.reminders;
  for (const auto& a : store::take_due_report_requests(s, today, now))
    if (send(mailer, mail::assignment_report_request_message, "report request", a, base_url, report))
      ++report.report_requests;
  report.anonymised = store::anonymise_requests(s, domain::add_days(today, -kKeepContactsDays));
  if (report.reminders || report.report_requests || report.lapsed || report.anonymised || report.mail_errors)
    spdlog::info("intervention jobs: {} reminders, {} report requests, {} lapsed, {} anonymised, {} mail errors",
                 report.reminders, report.report_requests, report.lapsed, report.anonymised, report.mail_errors);
  return report;
}

}  // namespace passerelles::jobs
