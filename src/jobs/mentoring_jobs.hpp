// Scheduled work of mentoring programmes: both sides of each active pair are asked for their mid-term feedback on
// the programme's middle day and for their end feedback on its last day. Run by the server every few minutes and by
// `passerelles jobs run`, next to the other jobs.
#pragma once
#include <string>

#include "mail/mailer.hpp"
#include "store/store.hpp"

namespace passerelles::jobs {

struct MentoringJobsReport {
  long long feedback_requests = 0;  // pairs asked (each: the mentor and the mentee or her guardian)
  long long mail_errors = 0;
};

// today: 'YYYY-MM-DD' in Europe/Paris; now: Unix seconds. Each pair is taken (marked) before its e-mails are sent:
// a second run never sends twice; a failed send is logged and counted, not retried.
MentoringJobsReport run_mentoring_jobs(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                                       const std::string& today, long long now);

}  // namespace passerelles::jobs
