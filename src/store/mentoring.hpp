// Mentoring programmes (issue 7, part 1): programmes of a territory, their mentors (ambassadors who offer to
// mentor), mentees' applications with the school contact's vouch and the parental consent of under-15s, the
// matching run (domain/matching.hpp's engine with domain::mentoring pair costs), pairs, their logged messages,
// meetings and feedback. THE CONSENT GATE is enforced here: every write that contacts a mentee checks
// domain::mentoring::contact_allowed and refuses (conflict) otherwise. docs/mentoring.md.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/mentoring.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// ---- programmes ------------------------------------------------------------------------------------------------

// invalid with French field errors (domain::mentoring::validate); the territory is p.territory_id.
WriteResult insert_programme(Store& s, const domain::mentoring::Programme& p, const Author& by);
// not_found outside the territory.
WriteResult update_programme(Store& s, const domain::mentoring::Programme& p, const Author& by);
std::optional<domain::mentoring::Programme> programme_by_id(Store& s, long long territory_id, long long id);
// Any territory's programme (the public application form): nullopt when unknown.
std::optional<domain::mentoring::Programme> programme_public(Store& s, long long id);
// The territory's programmes, newest start first.
std::vector<domain::mentoring::Programme> programmes_of(Store& s, long long territory_id);
// Open programmes of the territory (an ambassador's page).
std::vector<domain::mentoring::Programme> open_programmes(Store& s, long long territory_id);

// ---- mentors ---------------------------------------------------------------------------------------------------

struct MentorView {
  long long id = 0;  // mentoring_mentors id
  long long programme_id = 0;
  long long ambassador_id = 0;
  std::string first_name, last_name, job_title, domain, commune_name;
  int capacity = 1;
  bool remote = true;
  std::string status;
  int load = 0;  // active pairs in the programme
};

// An active ambassador of the programme's territory whose offers include 'mentor' joins an open programme (again
// after a withdrawal: status back to active). capacity 1..5 (invalid, field capacity); conflict when the
// programme is not open or she does not offer to mentor (field ambassador_id); not_found outside the territory.
WriteResult join_programme(Store& s, long long territory_id, long long programme_id, long long ambassador_id,
                           int capacity, bool remote, const Author& by);
// She (or the coordinator) withdraws: status withdrawn; her proposed pairs are dropped (active pairs go on).
WriteResult withdraw_mentor(Store& s, long long territory_id, long long programme_id, long long ambassador_id,
                            const Author& by);
std::vector<MentorView> mentors_of(Store& s, long long programme_id);

// ---- applications ----------------------------------------------------------------------------------------------

// Stores a normalised and validated application (the caller ran domain::mentoring::normalise and validate) for an
// open programme: status initial_status, a fresh private token, and for a minor a vouch token. conflict when the
// programme is not open; not_found when unknown. Returns the id and the token.
struct ApplicationInsert {
  WriteResult result;
  std::string token;
};
ApplicationInsert insert_mentee_application(Store& s, long long programme_id, domain::mentoring::Application a);

std::optional<domain::mentoring::Application> mentee_application_by_token(Store& s, const std::string& token);
std::optional<domain::mentoring::Application> mentee_application_by_vouch_token(Store& s, const std::string& token);
std::optional<domain::mentoring::Application> mentee_application_by_consent_token(Store& s, const std::string& token);
std::optional<domain::mentoring::Application> mentee_application_by_id(Store& s, long long territory_id, long long id);
// The programme's applications, oldest first.
std::vector<domain::mentoring::Application> mentee_applications_of(Store& s, long long programme_id);
// Applications waiting for a school contact's vouch that name `email` (her account's address).
std::vector<domain::mentoring::Application> mentee_applications_to_vouch(Store& s, const std::string& email);

// The school contact vouches (submitted -> ready, or awaiting_consent for an under-15 without consent; a consent
// token is then made). Once only: conflict when not submitted. by_user: her account (0 by the e-mailed link);
// when set, her e-mail must be the voucher's (not_found otherwise).
struct VouchResult {
  WriteResult result;
  std::string consent_token;  // set when the guardian must now be asked
};
VouchResult vouch_by_token(Store& s, const std::string& vouch_token, long long now);
VouchResult vouch_by_user(Store& s, long long application_id, long long user_id, const std::string& user_email,
                          long long now);
// The guardian's consent by the e-mailed link (method email_link), or the coordinator's paper consent (method
// paper, consent_recorded_by): consent_at now; awaiting_consent -> ready. conflict when not an under-15's
// application waiting for it (already given: ok, nothing changes).
WriteResult consent_by_token(Store& s, const std::string& consent_token, long long now);
WriteResult record_paper_consent(Store& s, long long territory_id, long long application_id, const Author& by);
// She withdraws (status withdrawn, reason); her proposed and active pairs are cancelled / ended.
WriteResult mentee_withdraw_application(Store& s, const std::string& token, const std::string& reason, long long now);
// Her declared orientation choice (an outcomes() code, or '' to clear; invalid otherwise).
WriteResult mentee_set_outcome(Store& s, const std::string& token, const std::string& outcome, const std::string& text,
                               long long now);

// ---- matching --------------------------------------------------------------------------------------------------

// The programme's instance: `ready` applications allowed contact (contact_allowed: an under-15 without consent is
// never in it) and not already in a proposed or active pair; active mentors with an active ambassador; their
// communes' coordinates; the territory's road factor.
struct MentoringInstance {
  std::vector<domain::mentoring::MenteeSide> mentees;
  std::vector<domain::mentoring::MentorSide> mentors;
  bool remote_allowed = true;
  domain::mentoring::Weights weights;
};
MentoringInstance mentoring_instance(Store& s, long long programme_id);

// Runs the engine and, in one transaction, replaces the programme's proposed pairs by its assignments (cost,
// distance, remote, why). not_found outside the territory; conflict when the programme is not open.
struct MentoringRun {
  WriteResult result;
  int proposals = 0;
  int unmatched = 0;
};
MentoringRun run_mentoring_matching(Store& s, long long territory_id, long long programme_id, const Author& by);

struct PairView {
  long long id = 0;
  long long programme_id = 0;
  long long application_id = 0;
  long long ambassador_id = 0;
  std::string status, why, end_reason;
  long long cost = 0;
  double distance_km = 0;
  bool remote = false;
  long long started_at = 0, ended_at = 0;
  std::string mentor_first_name, mentor_last_name, mentor_job, mentor_email;
  std::string mentee_name, mentee_class;  // display_name (first name and initial)
  std::vector<std::string> mentee_domains;
  std::string programme_name;
};
std::vector<PairView> pairs_of(Store& s, long long programme_id);
std::optional<PairView> pair_by_id(Store& s, long long territory_id, long long id);
// The ambassador's pairs (proposed ones excluded: she learns of a pair once it is accepted).
std::vector<PairView> pairs_of_ambassador(Store& s, long long ambassador_id);
// The mentee's pair, active or ended (the last one); nullopt when none.
std::optional<PairView> pair_of_application(Store& s, long long application_id);

// The coordinator accepts a proposal: pair active, started_at now, application matched. conflict (field status)
// when the pair is not proposed, when the mentee may not be contacted (the consent gate, checked again) or the
// mentor has no place left.
WriteResult accept_pair(Store& s, long long territory_id, long long pair_id, const Author& by);
// Drops a proposal (not_found unless proposed in the territory).
WriteResult discard_pair(Store& s, long long territory_id, long long pair_id, const Author& by);
// Ends an active pair (ended, reason up to 500 characters); the application becomes finished.
WriteResult end_pair(Store& s, long long territory_id, long long pair_id, const std::string& reason, const Author& by);

// ---- messages, meetings, feedback ------------------------------------------------------------------------------

struct MessageView {
  long long id = 0;
  std::string author, body;
  long long created_at = 0;
};
struct MeetingView {
  long long id = 0;
  std::string day, mode, summary;
  int minutes = 0;
  long long created_at = 0;
};
struct FeedbackView {
  std::string phase, side, comment;
  int rating = 0;
  long long created_at = 0;
};

// Writes to an active pair's logged channel (author mentor | mentee | guardian | coordinator). conflict when the
// pair is not active or its mentee may not be contacted (the consent gate); invalid (field body) for an empty or
// too long message.
WriteResult add_message(Store& s, long long pair_id, const std::string& author, const std::string& body, long long now);
std::vector<MessageView> messages_of(Store& s, long long pair_id);
// Logs a meeting of an active or ended pair: conflict before consent or when the pair is not active or ended;
// invalid with the field errors of validate_meeting.
WriteResult add_meeting(Store& s, long long pair_id, const std::string& day, int minutes, const std::string& mode,
                        const std::string& summary, long long logged_by, long long now);
std::vector<MeetingView> meetings_of(Store& s, long long pair_id);
// One feedback per (pair, phase, side): conflict when already given or the pair is not active or ended.
WriteResult add_feedback(Store& s, long long pair_id, const std::string& phase, const std::string& side, int rating,
                         const std::string& comment, long long now);
std::vector<FeedbackView> feedback_of(Store& s, long long pair_id);

// Scheduled (jobs/mentoring_jobs): the feedback requests due on `today` ('YYYY-MM-DD'), each taken once — marked
// asked in the same transaction. An active pair whose programme reached its middle day is asked for the mid-term
// feedback (phase mid); once the programme's last day is reached, for the end feedback (phase end; a mid-term
// request not sent by then is dropped). Nothing is asked more than kFeedbackLateDays after the day (a server that
// was off), and nothing for a mentee who may not be contacted (the consent gate).
constexpr int kFeedbackLateDays = 30;
struct FeedbackRequest {
  PairView pair;
  std::string phase;                      // mid | end
  domain::mentoring::Application mentee;  // to reach her (or her guardian) through her private page
};
std::vector<FeedbackRequest> take_due_feedback_requests(Store& s, std::string_view today, long long now);

}  // namespace passerelles::store
