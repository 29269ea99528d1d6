// The funnel « Du premier contact à l’emploi » (docs/counting.md § 11): its steps by sex, the conversions from one
// step to the next, the share of girls at each step, the share of women among the hires companies report, and the
// small-group rule that hides any count of fewer than kMinShownGroup people. Pure values and rules.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/survey_stats.hpp"
#include "domain/validation.hpp"

namespace passerelles::domain {

// People of one step by sex: F (girls, women), M (boys, men), X (not said). total() counts all three.
struct SexCounts {
  long long girls = 0, boys = 0, other = 0;
  long long total() const { return girls + boys + other; }
  bool operator==(const SexCounts&) const = default;
};

// The four steps, in order: reached (pupils of validated actions) → applied → internship done → apprenticeship or
// job.
constexpr std::size_t kFunnelSteps = 4;
struct FunnelStepInfo {
  std::string_view code;   // reached | applied | internship | hired (CSV keys, JSON keys)
  std::string_view label;  // French
};
const std::array<FunnelStepInfo, kFunnelSteps>& funnel_steps();

// Hires reported by companies (company_hires) over the years of a period.
struct HiresSummary {
  long long companies = 0;  // distinct companies with at least one report in those years
  long long hires = 0, hires_women = 0, apprentices = 0, apprentices_women = 0;
  bool operator==(const HiresSummary&) const = default;
};

struct Funnel {
  std::array<SexCounts, kFunnelSteps> steps;
  HiresSummary hires;
  // Mentees in a pair (active or ended) at some time of the period; a side figure, not a step.
  SexCounts mentees;
};

// The small-group rule (the project's: no figure for a group of fewer than kMinShownGroup people). A count of 1 to 4
// is shown « < 5 » (nullopt); 0 is shown (it describes nobody). A share is shown only when its base has at least
// kMinShownGroup people and its part is not hidden (otherwise part = share × base would give the hidden count back).
std::optional<long long> shown_count(long long n);
std::optional<double> shown_share(long long part, long long base);
constexpr std::string_view kHiddenCount = "< 5";
static_assert(kMinShownGroup == 5, "kHiddenCount names the threshold");

// One step as every format shows it, the rule applied.
struct FunnelLine {
  std::string code, label;
  SexCounts counts;                             // the true counts (never shown as such)
  std::optional<long long> girls, boys, total;  // nullopt: « < 5 »
  std::optional<double> girls_share;            // girls ÷ total
  std::optional<double> conversion;             // total ÷ the previous step's total (nullopt for the first)
  std::optional<double> girls_conversion;       // girls ÷ the previous step's girls
  bool step = true;                             // a step of the funnel; false for the hires rows of funnel_table
  bool reported = true;                         // false: no company reported its hires (« non renseigné »)
};
std::vector<FunnelLine> funnel_lines(const Funnel& f);

// The table every format shows (dashboard, PDF, XLSX, CSV): the four steps, then two rows of the hires companies
// reported — "hires" and "apprentices", girls = women, boys = the others, girls_share = the share of women, no
// conversion; their label says how many companies reported; reported is false when none did — and a last side row
// "mentees" (mentees in a pair during the period), not a step.
std::vector<FunnelLine> funnel_table(const Funnel& f);

// The hires as every format shows them: « non renseigné » when no company reported (reported false).
struct HiresLine {
  bool reported = false;
  long long companies = 0;
  std::optional<long long> hires, hires_women, apprentices, apprentices_women;  // nullopt: « < 5 »
  std::optional<double> women_share;                                            // hires_women ÷ hires
  std::optional<double> apprentices_women_share;                                // apprentices_women ÷ apprentices
};
HiresLine hires_line(const HiresSummary& h);

// [start, end) in Unix seconds of the months from_month … to_month ('YYYY-MM', both included) in Paris time; an
// empty or invalid end leaves that side open (start 0, end a far future).
struct UnixRange {
  long long start = 0, end = 0;
};
UnixRange paris_month_range(const std::string& from_month, const std::string& to_month);
// Midnight in Paris of the first day of `month` ('YYYY-MM'), in Unix seconds; nullopt for an invalid month.
std::optional<long long> paris_month_start(std::string_view month);

// The hires a company reports for a year (a row of company_hires). Apprentices are among the hires.
struct CompanyHires {
  long long id = 0;
  long long territory_id = 0;
  long long organisation_id = 0;
  std::string organisation_name;  // read only
  int year = 0;
  long long hires = 0, hires_women = 0, apprentices = 0, apprentices_women = 0;
  long long reported_by = 0;
  long long reported_at = 0;
};

// French messages by field: organisation_id chosen; year from 2000 to `current_year`; every count a whole number
// from 0 to 1 000 000; women ≤ hires; apprentices ≤ hires; apprentice women ≤ apprentices and ≤ women hired.
Errors validate(const CompanyHires& h, int current_year);

}  // namespace passerelles::domain
