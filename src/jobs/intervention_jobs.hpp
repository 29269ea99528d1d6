// Scheduled work of intervention requests: the ambassadors' reminder the day before, the report request after the
// day, unconfirmed requests that lapse after 48 hours, and teachers' contact details erased a year after. Run by
// the server every few minutes and by `passerelles jobs run`, next to the event jobs.
#pragma once
#include <string>

#include "mail/mailer.hpp"
#include "store/store.hpp"

namespace passerelles::jobs {

struct InterventionJobsReport {
  long long reminders = 0;        // e-mails sent the day before
  long long report_requests = 0;  // e-mails sent after the day
  long long lapsed = 0;           // unconfirmed requests deleted
  long long anonymised = 0;       // requests whose contact details were erased
  long long mail_errors = 0;
};

// today: 'YYYY-MM-DD' in Europe/Paris; now: Unix seconds. Each assignment is taken (marked) before its e-mail is
// sent: a second run never sends twice, a failed send is logged and counted, not retried.
InterventionJobsReport run_intervention_jobs(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                                             const std::string& today, long long now);

}  // namespace passerelles::jobs
