// Scheduled work of offers and applications: the company's reminders 7 and 14 days after an application was sent
// while no decision is taken, the expiry of undecided applications at 45 days (e-mails to the referrer and the
// company), and offers past their expires_on. Run by the server every few minutes and by `passerelles jobs run`.
#pragma once
#include <string>

#include "mail/mailer.hpp"
#include "store/store.hpp"

namespace passerelles::jobs {

struct OpportunityJobsReport {
  long long reminders_7 = 0;  // e-mails sent
  long long reminders_14 = 0;
  long long expired_applications = 0;  // applications that expired
  long long expired_offers = 0;
  long long mail_errors = 0;
};

// today: 'YYYY-MM-DD' in Europe/Paris; now: Unix seconds. Each reminder is taken (marked) before its e-mail is sent:
// a second run never sends twice; a failed send is logged (application id only) and counted, not retried.
OpportunityJobsReport run_opportunity_jobs(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                                           const std::string& today, long long now);

}  // namespace passerelles::jobs
