// Shared by the coordinator's matching pages (/interventions…): who may see them, today's day, display values of
// requests and proposals, the e-mails sent after a review, the weights form and the notices after a redirect.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/matching.hpp"
#include "store/matching.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// A coordinator of the territory (or an admin who has one); others get directory_without_territory.
bool is_matching_editor(const Ctx& c);
// Today in Paris, 'YYYY-MM-DD'.
std::string matching_today();

// « 12 km » with one decimal below 10 km.
std::string km_text(double km);
// A proposal or candidate as tables show it: id, request_id, school, day (with weekday), ambassador, job, why, cost,
// km.
Data proposal_data(const store::Proposal& p);
// A request as the coordinator's lists show it: id, school, kind, status, days, needed, shortage.
Data request_row_data(const domain::InterventionRequest& r);

// E-mails each newly invited ambassador (mail::assignment_invitation_message); returns how many were sent.
int send_invitations(Ctx& c, const std::vector<long long>& assignment_ids);

// The weights form (matching_weights.html) as typed, with errors next to each field.
struct WeightsForm {
  std::string road_factor, per_km, domain_mismatch, load_step, repeat_school, never_reached_bonus, priority_bonus;
};
WeightsForm weights_form_of(const domain::matching::Weights& w);
// Parses the form: numbers with a comma or a point; a field that is not a number gets its French error.
domain::matching::Weights weights_of(const WeightsForm& f, domain::Errors& errors);
http::Response weights_page(Ctx& c, const WeightsForm& f, const domain::Errors& errors, int status,
                            const std::string& notice = "");

// The proposal `id` of the territory (proposed, not yet reviewed); nullopt otherwise.
std::optional<store::Proposal> proposal_of(Ctx& c, long long id);
// « Changer » (matching_change.html): the proposal and its candidates, each a radio button valued
// "<ambassador id>:<day>"; `error` next to the choice.
http::Response proposal_change_page(Ctx& c, const store::Proposal& p, const std::string& error, int status);

// The coordinator's page of one request (matching_request.html): what the teacher gave, its assignments with their
// statuses, the cancel form (`reason` typed, `error` next to it); `notice` above.
http::Response matching_request_page(Ctx& c, const domain::InterventionRequest& r, const std::string& notice,
                                     const std::string& error, int status, const std::string& reason = "");

// The message of a ?etat=… notice on the matching pages ("" when unknown).
std::string matching_notice(const std::string& state);

}  // namespace passerelles::web
