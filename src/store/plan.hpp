// The action plan of a territory: initiatives with targets and partners, partnerships, funding. Confined to
// one territory like the directory; every change is written to the audit log.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// invalid when the lead or a partner is not an organisation of the territory.
WriteResult insert_initiative(Store& s, const domain::Initiative& i, const Author& by);
WriteResult update_initiative(Store& s, const domain::Initiative& i, const Author& by);
// Its actions stay, without initiative (the aggregates of the territory are rebuilt).
bool delete_initiative(Store& s, long long territory_id, long long id, const Author& by);
std::optional<domain::Initiative> initiative_by_id(Store& s, long long territory_id, long long id);
// In plan order (position, then name), with targets, partners.
std::vector<domain::Initiative> initiatives_of(Store& s, long long territory_id);

WriteResult insert_partnership(Store& s, const domain::Partnership& p, const Author& by);
WriteResult update_partnership(Store& s, const domain::Partnership& p, const Author& by);
bool delete_partnership(Store& s, long long territory_id, long long id, const Author& by);
std::optional<domain::Partnership> partnership_by_id(Store& s, long long territory_id, long long id);
std::vector<domain::Partnership> partnerships_of(Store& s, long long territory_id);

// invalid when an initiative is not of the territory.
WriteResult insert_funding(Store& s, const domain::Funding& f, const Author& by);
WriteResult update_funding(Store& s, const domain::Funding& f, const Author& by);
bool delete_funding(Store& s, long long territory_id, long long id, const Author& by);
std::optional<domain::Funding> funding_by_id(Store& s, long long territory_id, long long id);
std::vector<domain::Funding> fundings_of(Store& s, long long territory_id);
// Grants ending within `days` after `today` ('YYYY-MM-DD') or ended less than `days` before, soonest first.
std::vector<domain::FundingWarning> funding_warnings(Store& s, long long territory_id, const std::string& today,
                                                     int days = domain::kFundingWarningDays);

}  // namespace passerelles::store
