// Scheduled work of privacy: the purge of minors' personal data after minor_data_months.
#include "jobs/privacy_jobs.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "domain/plan.hpp"

namespace passerelles::jobs {

store::PurgeReport run_privacy_jobs(store::Store& s, const std::string& today, int months, long long now) {
  if (!domain::valid_day(today)) throw std::invalid_argument("run_privacy_jobs: not a day: '" + today + "'");
  if (months < 0) throw std::invalid_argument("run_privacy_jobs: negative number of months");
  auto report = store::purge_minors_data(s, today, months, now);
  // Counts only: the register (privacy_log) has the ids, and nothing here may name a person.
  if (report.programmes || report.offers)
    spdlog::info("privacy jobs: {} programmes purged ({} minor mentees), {} offers purged ({} minor candidates)",
                 report.programmes, report.mentees, report.offers, report.candidates);
  return report;
}

}  // namespace passerelles::jobs
