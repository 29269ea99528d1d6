// Ambassadors on requests after the coordinator's review (issue 5): the one-click answer, cancellations with
// notice, the reminder the day before, the report after the day (which becomes a counted action), and each
// ambassador's personal calendar feed. An ambassador is never booked twice on one day.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/request.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct AssignmentView {
  long long id = 0;
  std::string status, day, why;
  double distance_km = 0;
  std::string response_token;
  std::string decline_reason, cancel_reason, cancelled_by;
  long long invited_at = 0, answered_at = 0, reminded_at = 0, reported_at = 0;
  domain::InterventionRequest request;  // with its read-only school fields
  std::string school_address;           // "2 rue Mégevand, 25000 Besançon" ('' when the directory has none)
  long long ambassador_id = 0, ambassador_user_id = 0;
  std::string ambassador_name, ambassador_email, ambassador_phone, ambassador_job;
  std::vector<std::string> partners;  // the other ambassadors accepted on the same request (a pair)
};

std::optional<AssignmentView> assignment_by_id(Store& s, long long territory_id, long long id);
std::optional<AssignmentView> assignment_by_token(Store& s, const std::string& response_token);
// Hers, soonest first: invited, accepted, then the last 20 others.
std::vector<AssignmentView> assignments_of_ambassador(Store& s, long long ambassador_id);
std::vector<AssignmentView> assignments_of_request(Store& s, long long territory_id, long long request_id);

// Her answer (status invited only; conflict otherwise). Accepting is refused (conflict, errors["day"]) when she
// already holds an accepted assignment that day. When every needed place of the request is accepted, the request
// becomes confirmed with that day (request_confirmed true): the caller sends the details and .ics to the teacher
// and the ambassadors. Declining (reason required, errors["reason"]) frees the place for the next matching run.
struct AnswerOutcome {
  WriteResult result;
  bool request_confirmed = false;
};
AnswerOutcome accept_assignment(Store& s, long long assignment_id, long long now);
WriteResult decline_assignment(Store& s, long long assignment_id, const std::string& reason, long long now);

// Cancellation with notice of an accepted (or invited) assignment, by ambassador | coordinator (reason
// required). A confirmed request goes back to open (its place back into matching).
WriteResult cancel_assignment(Store& s, long long assignment_id, const std::string& by_whom, const std::string& reason,
                              long long now);

// Scheduled: accepted assignments on `tomorrow` not yet reminded (marked reminded in the same call); accepted
// assignments whose day is before `today` and not yet asked for a report (marked asked).
std::vector<AssignmentView> take_due_assignment_reminders(Store& s, std::string_view tomorrow, long long now);
std::vector<AssignmentView> take_due_report_requests(Store& s, std::string_view today, long long now);

// Her report after the day (accepted assignment whose day is today or before; conflict otherwise): the real
// audience. In one transaction it creates a validated action (kind from the request, the school, the class
// levels, the counts, her user and her partners' who accepted, validated_by the user who accepted the proposal
// or `by`), marks the assignment reported and the request done with action_id. A pair's second report adds
// nothing (the action exists: the assignment is only marked reported). Returns the action id in result.id.
struct InterventionReport {
  int girls = 0, boys = 0, teachers = 0;
  int duration_minutes = 60;
  std::string highlight;  // a sentence for the funders' report (optional)
};
WriteResult report_assignment(Store& s, long long assignment_id, const InterventionReport& report, const Author& by,
                              std::string_view today);

// Her personal calendar feed: the token (made on first call), and the accepted / reported assignments behind a
// token (nullopt when unknown).
std::string calendar_token_of(Store& s, long long ambassador_id);
std::optional<std::vector<AssignmentView>> calendar_of_token(Store& s, const std::string& token);

}  // namespace passerelles::store
