// Pure rules of the privacy of mentees and candidates: when the scheduled purge of minors' data is due, and the French
// labels of the privacy register (privacy_log).
#pragma once
#include <string>
#include <string_view>

namespace passerelles::domain {

// The day `months` calendar months after `day` ('YYYY-MM-DD'), clamped to the end of a shorter month
// ('2026-08-31' + 6 = '2027-02-28'); "" for an invalid day or a negative number of months.
std::string add_months(std::string_view day, int months);

// Whether the personal data of the minors of something that ended on `end_day` is due for purge on `today`: when
// `end_day` + `months` months is before `today` (so the day after that anniversary). An invalid day is never due.
bool purge_due(std::string_view end_day, int months, std::string_view today);

// The register (privacy_log). kind: export | erasure | purge. subject: mentee_application | offer_application |
// programme | offer. Unknown codes are shown as they are.
std::string_view privacy_kind_label(std::string_view kind);
std::string_view privacy_subject_label(std::string_view subject);

// The first name an erased record shows instead of hers.
inline constexpr const char* kErasedName = "Effacée";

}  // namespace passerelles::domain
