// Teachers' intervention requests (issue 5), made without an account: submitted, confirmed by the e-mailed
// link, followed, edited and cancelled through the private link; listed for the territory's coordinators.
// The matching and the ambassadors' answers are store/matching.hpp and store/assignments.hpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/request.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// The territory a school belongs to: the first territory (by id) whose départements include the school's; 0 when
// none (or the school is unknown).
long long territory_of_school(Store& s, long long school_id);

// A new request: status unconfirmed, a fresh 32-character token, days from r.days (normalised by the caller).
// The territory is the school's (territory_of_school). invalid (field school_id) when the school is unknown or
// in no territory. Returns id and token.
struct RequestInsert {
  WriteResult result;
  std::string token;
};
RequestInsert insert_request(Store& s, const domain::InterventionRequest& r);

// The request behind a private link / by id in a territory (read-only fields filled: school, territory, days).
std::optional<domain::InterventionRequest> request_by_token(Store& s, const std::string& token);
std::optional<domain::InterventionRequest> request_by_id(Store& s, long long territory_id, long long id);

// Follows the e-mailed link: unconfirmed -> open, confirmed_at now (once; a second follow is ok and changes
// nothing). not_found for an unknown token, conflict when cancelled.
WriteResult confirm_request(Store& s, const std::string& token, long long now);

// The teacher edits her request (status unconfirmed or open; conflict otherwise). Proposals (status proposed) of
// the request are dropped (the next matching run redoes them). A day that an invited or accepted ambassador
// holds cannot be removed: invalid with errors["dates"] naming the day.
WriteResult update_request(Store& s, const std::string& token, const domain::InterventionRequest& r, long long now);

// Cancels (status cancelled, reason, cancelled_by teacher | coordinator). Its invited and accepted assignments
// become cancelled (cancelled_by the same, same reason), and are returned so that the ambassadors are told.
struct RequestCancel {
  WriteResult result;
  std::vector<long long> assignment_ids;  // request_assignments ids that were invited or accepted
};
RequestCancel cancel_request(Store& s, const std::string& token, const std::string& reason, long long now);
RequestCancel cancel_request_by_coordinator(Store& s, long long territory_id, long long id, const std::string& reason,
                                            const Author& by);

struct RequestFilter {
  long long territory_id = 0;
  std::string status;          // "" = every status but unconfirmed
  bool shortage_only = false;  // open requests the last matching run could not fill
  std::string query;           // words in the school, commune, contact
  int page = 1;
  int per_page = 25;
};
Page<domain::InterventionRequest> requests_matching(Store& s, const RequestFilter& f);

// Scheduled: unconfirmed requests older than max_age_seconds are deleted (returns how many); contact details of
// requests whose last day is before `before_day` are erased (anonymised = 1; returns how many).
long long expire_unconfirmed_requests(Store& s, long long now, long long max_age_seconds);
long long anonymise_requests(Store& s, std::string_view before_day);

// What the teacher sees of the ambassadors who accepted (or reported) her request: first name and job title, by
// assignment id.
struct RequestAmbassador {
  std::string first_name, job_title;
};
std::vector<RequestAmbassador> request_ambassadors(Store& s, long long request_id);

// E-mail addresses of the territory's coordinators (active users), to tell them of a new confirmed request.
std::vector<std::string> coordinator_emails(Store& s, long long territory_id);

}  // namespace passerelles::store
