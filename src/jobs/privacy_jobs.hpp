// Scheduled work of privacy: the purge of minors' personal data (mentees, candidates under 18) minor_data_months
// after their mentoring programme or offer ends. Run by the server every few minutes and by `passerelles jobs run`.
#pragma once
#include <string>

#include "store/privacy.hpp"
#include "store/store.hpp"

namespace passerelles::jobs {

// today: 'YYYY-MM-DD' in Europe/Paris; months: the option minor_data_months; now: Unix seconds (purged_at, erased_at
// and the register's dates). Throws std::invalid_argument for a day that is not one or a negative number of months.
store::PurgeReport run_privacy_jobs(store::Store& s, const std::string& today, int months, long long now);

}  // namespace passerelles::jobs
