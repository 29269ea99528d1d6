// The funnel « Du premier contact à l’emploi » for the dashboard's territory and period (docs/counting.md § 11),
// and the hires companies report per year (company_hires). Reached pupils come from the indicators themselves, so
// the funnel's first step is always the dashboard's girls and boys.
#pragma once
#include <optional>
#include <vector>

#include "domain/funnel.hpp"
#include "store/directory.hpp"
#include "store/indicators.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// The funnel of ind.filter.territory_id (0 = every territory) over the effective period ind.from_month …
// ind.to_month (an empty end is open). Steps: reached = ind.total's girls and boys; applied = offer_applications
// sent in the period, any status but withdrawn; internship = applications to stage_3e | stage_seconde | stage_sup
// offers accepted and completed, by completed_at; hired = applications to apprenticeship | job offers accepted, by
// decided_at. Erased applications count (their status and sex are kept). Hires: company_hires of the calendar years
// the period overlaps. Mentees: applications in a pair (active or ended) that overlaps the period. The other
// filters of the dashboard (kind, initiative, audience, level, priority education) apply to the first step only.
domain::Funnel funnel(Store& s, const Indicators& ind);

// ---- company hires ------------------------------------------------------------------------------------------

// The reports of the territory, newest year first, then by company name; of one company when organisation_id > 0.
std::vector<domain::CompanyHires> hires_reports(Store& s, long long territory_id, long long organisation_id = 0);
// nullopt when absent from the territory (or, when organisation_id > 0, not that company's).
std::optional<domain::CompanyHires> hires_report_by_id(Store& s, long long territory_id, long long id,
                                                       long long organisation_id = 0);

// Inserts (h.id == 0) or updates (h.territory_id, h.id) the report, written to the audit log (ids and the year
// only). not_found: the report or h.organisation_id is not a company of h.territory_id; conflict: that company has
// already reported h.year (errors["year"] says so). Validation is the caller's (domain::validate).
WriteResult save_hires_report(Store& s, const domain::CompanyHires& h, const Author& by);

}  // namespace passerelles::store
