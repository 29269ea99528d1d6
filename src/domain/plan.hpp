// The action plan of a territory: initiatives (grouped in axes) with yearly targets, partnerships (conventions
// with partner organisations) and funding (grants that pay for initiatives).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/directory.hpp"
#include "domain/validation.hpp"

namespace passerelles::domain {

// pupils_girls | pupils_boys | companies | prescribers | women_reconversion | teachers | general_public
const std::vector<Choice>& target_audiences();
std::string_view target_audience_label(std::string_view code);

// people_reached | girls | actions | schools_reached
const std::vector<Choice>& target_indicators();
std::string_view target_indicator_label(std::string_view code);

// draft | signed | ended | cancelled
const std::vector<Choice>& partnership_statuses();
std::string_view partnership_status_label(std::string_view code);

struct YearTarget {
  int year = 0;
  std::string indicator;
  long long target = 0;
};

struct Initiative {
  long long id = 0;
  long long territory_id = 0;
  std::string axis;
  std::string name;
  std::string objective;
  std::vector<std::string> audiences;      // codes from target_audiences()
  long long lead_organisation_id = 0;      // 0 = none
  std::string lead_organisation_name;      // read only
  std::vector<long long> partner_ids;      // organisations
  std::vector<std::string> partner_names;  // read only, same order
  std::vector<YearTarget> targets;
  int position = 0;
  long long created_at = 0, updated_at = 0;
};

struct Partnership {
  long long id = 0;
  long long territory_id = 0;
  std::string title;
  long long organisation_id = 0;
  std::string organisation_name;   // read only
  std::string starts_on, ends_on;  // 'YYYY-MM-DD' or ""
  std::string status = "draft";
  long long document_file_id = 0;
  std::string document_name;  // read only
  std::string notes;
  long long created_at = 0, updated_at = 0;
};

struct Funding {
  long long id = 0;
  long long territory_id = 0;
  std::string funder;
  long long funder_organisation_id = 0;
  long long amount_cents = 0;
  std::string starts_on, ends_on;  // 'YYYY-MM-DD'
  std::string purpose;
  std::vector<long long> initiative_ids;
  std::vector<std::string> initiative_names;  // read only, same order
  long long created_at = 0, updated_at = 0;
};

// A grant that ends within the warning period (or has ended less than that ago), with what depends on it.
struct FundingWarning {
  Funding funding;
  long long days_left = 0;  // negative once ended
};

constexpr int kFundingWarningDays = 90;

// Trim text; drop repeated audiences, partners and initiatives, and the lead from the partners.
void normalise(Initiative& i);
void normalise(Partnership& p);
void normalise(Funding& f);
Errors validate(const Initiative& i);  // name required; targets: known indicator, year 2000–2100, 0 ≤ target ≤ 10^9
Errors validate(const Partnership& p);  // title; known status; ends_on not before starts_on
Errors validate(const Funding& f);      // funder; days; ends_on not before starts_on; 0 ≤ amount
// Keys: axis, name, objective, audiences, and "target-N" for the row i.targets[N] (one message per row: bad
// year, unknown indicator, bad number, or the same year and indicator as an earlier row); title, status,
// starts_on, ends_on, notes; funder, amount, starts_on, ends_on, purpose. Which organisations and initiatives
// belong to the territory is the store's check (field keys lead_organisation_id, partner_ids,
// organisation_id, funder_organisation_id, initiative_ids, document).

// "12 500,00 €" from cents; and back from what a French user types ("12500", "12 500,50", "12500.5 €").
// The spaces written are no-break spaces (U+00A0), so that an amount never breaks across lines; spaces, U+00A0
// and U+202F are all read as digit-group separators. Refused: no digit, a sign, more than two decimals, other
// characters, more than 12 digits of euros.
std::string format_euros(long long cents);
bool parse_euros(std::string_view text, long long& cents);
// "1 200" (U+00A0 between groups of three digits).
std::string format_count(long long n);

// The warning shown on the plan: "La subvention « Région X » (12 500,00 €) se termine le 30 juin 2027, dans
// 45 jours : elle finance « A », « B »." (or "s’est terminée le …, il y a 10 jours").
std::string describe_fr(const FundingWarning& w);

// Calendar days written 'YYYY-MM-DD'. valid_day: a real day of years 1900–2999. days_between: whole days from
// `from` to `to` (negative when `to` is earlier; 0 when either is not a valid day). add_days: the day `n` days
// later ("" for an invalid day). format_day_fr: "30 juin 2027", "1er mars 2026" ("" for an invalid day).
// paris_day: the day in Paris at `unix_seconds`.
bool valid_day(std::string_view day);
long long days_between(std::string_view from, std::string_view to);
std::string add_days(std::string_view day, long long n);
std::string format_day_fr(std::string_view day);
std::string paris_day(long long unix_seconds);

// Limits shared by the forms (maxlength) and the validation.
constexpr std::size_t kMaxAxis = 200;
constexpr std::size_t kMaxTargetRows = 40;
constexpr long long kMaxTarget = 1000000000;

}  // namespace passerelles::domain
