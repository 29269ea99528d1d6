// The server side of matching (issue 5): builds a territory's instance from the database, runs the engine
// (domain/matching.hpp, the same code as `passerelles match`), keeps its proposals for the coordinator's review,
// the per-territory weights, and the shortages. docs/matching.md.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/matching.hpp"
#include "domain/request.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// The territory's weights (defaults when never saved); road_factor is territories.road_factor.
domain::matching::Weights matching_weights(Store& s, long long territory_id);
// Saves them. invalid with French field errors (road_factor 1–3, others 0–100000, numbers).
WriteResult save_matching_weights(Store& s, long long territory_id, const domain::matching::Weights& w,
                                  const Author& by);

// The instance of a territory on `today`:
// - requests: open, confirmed by the teacher, with places left (needed minus invited, accepted and reported
//   assignments); days after today only; ids "r<request id>"; coordinates of the school; never_reached when the
//   school has no validated action and no reported intervention; priority_education for REP / REP+;
//   past_ambassadors: "a<ambassador id>" of earlier assignments (accepted or reported) at the same school.
// - ambassadors: active, with a home commune with coordinates; ids "a<ambassador id>"; dates: the requests' days
//   on which her weekly half-days include that weekday, not a day off, and no invited/accepted assignment that
//   day; capacity: total places left over the months concerned; month_capacity: max_per_month minus her
//   invited/accepted/reported assignments of that month; load: her interventions this term (validated actions
//   she took part in + reported assignments).
struct TerritoryInstance {
  domain::matching::Instance instance;
  std::map<std::string, long long> request_ids, ambassador_ids;  // "r12" -> 12, "a7" -> 7
};
TerritoryInstance matching_instance(Store& s, long long territory_id, std::string_view today);

// Runs the engine on matching_instance and, in one transaction, replaces the territory's proposed assignments
// with its assignments (why from domain::proposal_why, cost, distance) and sets each request's shortage_reason
// (cleared when filled).
struct MatchingRun {
  int proposals = 0;
  int unfilled_places = 0;
  long long total_cost = 0;
  double seconds = 0;  // the engine alone
};
MatchingRun run_matching(Store& s, long long territory_id, std::string_view today, const Author& by);

struct Proposal {
  long long id = 0;  // request_assignments id
  long long request_id = 0;
  std::string school_name, school_commune, request_kind;
  long long ambassador_id = 0;
  std::string ambassador_name, ambassador_job;
  std::string day, status, why;
  long long cost = 0;
  double distance_km = 0;
};
// Proposed assignments of the territory, by request then cost.
std::vector<Proposal> proposals_of(Store& s, long long territory_id);

// Every ambassador the model allows for one request (to change a proposal), cheapest first, with the day she
// would come and why. Empty when the request is not open in the territory.
std::vector<Proposal> candidates_for(Store& s, long long territory_id, long long request_id, std::string_view today);
// Replaces a proposal's ambassador (and day) by a candidate: not_found when the proposal is not proposed in the
// territory, invalid (field ambassador_id) when she is not a candidate of that request on that day.
WriteResult replace_proposal(Store& s, long long territory_id, long long assignment_id, long long ambassador_id,
                             const std::string& day, std::string_view today, const Author& by);
// Drops one proposal.
WriteResult discard_proposal(Store& s, long long territory_id, long long assignment_id, const Author& by);
// The coordinator accepts proposals (all of the territory when ids is empty): proposed -> invited, invited_at now.
// Returns the ids of the assignments now invited (the caller e-mails each ambassador).
std::vector<long long> accept_proposals(Store& s, long long territory_id, const std::vector<long long>& ids,
                                        const Author& by);

// ---- shortages ------------------------------------------------------------------------------------------------
// Open requests the last run could not fill, oldest first: places left and the reason (waiting list).
struct Shortage {
  domain::InterventionRequest request;
  int places_left = 0;
};
std::vector<Shortage> shortages(Store& s, long long territory_id);
// « Besoins de recrutement »: where and in which domains the collective lacks ambassadors, from the shortages:
// one row per (département, domain) with the requests and places unfilled, and the active ambassadors of that
// domain living in that département; most places first.
struct RecruitmentNeed {
  std::string department;  // 3 characters
  std::string department_name;
  std::string domain;  // collective domain code; '' when the requests named none
  int requests = 0, places = 0;
  int ambassadors_there = 0;
};
std::vector<RecruitmentNeed> recruitment_needs(Store& s, long long territory_id);

}  // namespace passerelles::store
