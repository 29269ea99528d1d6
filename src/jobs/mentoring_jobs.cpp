// Scheduled work of mentoring programmes: the mid-term and end feedback requests of active pairs.
#include "jobs/mentoring_jobs.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "domain/plan.hpp"
#include "mail/mentoring_mail.hpp"
#include "store/mentoring.hpp"

namespace passerelles::jobs {

MentoringJobsReport run_mentoring_jobs(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                                       const std::string& today, long long now) {
  if (!domain::valid_day(today)) throw std::invalid_argument("run_mentoring_jobs: not a day: '" + today + "'");
  MentoringJobsReport report;
  for (const auto& due : store::take_due_feedback_requests(s, today, now)) {
    std::vector<mail::Message> out;
    if (!due.pair.mentor_email.empty())
      out.push_back(mail::mentoring_feedback_request_message(
          due.pair, due.phase, true, due.pair.mentor_email,
          base_url + "/collectif/parrainage/binomes/" + std::to_string(due.pair.id)));
    // Like the pair's introduction: her own address when she gave one, and a minor's guardian when there is one.
    const std::string page = base_url + "/parrainage/suivi/" + due.mentee.token;
    if (!due.mentee.email.empty())
      out.push_back(mail::mentoring_feedback_request_message(due.pair, due.phase, false, due.mentee.email, page));
    if (due.mentee.minor && !due.mentee.guardian_email.empty())
      out.push_back(
          mail::mentoring_feedback_request_message(due.pair, due.phase, false, due.mentee.guardian_email, page));
    for (const auto& m : out) {
      std::string err = mailer.send(m);
      if (err.empty()) continue;
      ++report.mail_errors;
      spdlog::warn("mentoring jobs: {} feedback request for pair {} not sent: {}", due.phase, due.pair.id, err);
    }
    ++report.feedback_requests;
  }
  if (report.feedback_requests || report.mail_errors)
    spdlog::info("mentoring jobs: {} pairs asked for feedback, {} mail errors", report.feedback_requests,
                 report.mail_errors);
  return report;
}

}  // namespace passerelles::jobs
