// The collective's members: invitations and public applications, profiles edited by their owner, leaving
// (erasure), and what the coordinator needs to animate the collective. Confined to one territory.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/collective.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct AmbassadorFilter {
  long long territory_id = 0;
  std::string status;  // "" = applicant, invited and active (never left)
  std::string domain;  // "" = any
  std::string query;   // words in the name, e-mail, job title or employer
  int page = 1;
  int per_page = 25;
};

// A public application (« rejoindre le collectif »): status applicant, a new unsubscribe token. conflict (field
// email) when the territory already has a member or an application with that e-mail.
WriteResult insert_application(Store& s, long long territory_id, const domain::Ambassador& a);

// A coordinator invites by e-mail: creates the row (status invited), or turns an applicant into invited. The
// invitation token (32 characters, only its hash stored) is returned in `token`; valid 14 days. conflict
// (email) when an active member already has that e-mail.
struct InviteResult {
  WriteResult result;
  long long ambassador_id = 0;
  std::string token;
};
InviteResult invite_ambassador(Store& s, long long territory_id, const domain::Ambassador& a, const Author& by);
// Applicant -> declined (the application's personal data is erased at once, only the status remains).
WriteResult decline_application(Store& s, long long territory_id, long long ambassador_id, const Author& by);

// The invitation a token names, while valid (status invited, not expired); nullopt otherwise.
std::optional<domain::Ambassador> ambassador_by_invite(Store& s, const std::string& token);
// Accepting: creates her user account (role ambassador, the password's Argon2id hash given), links it, status
// active, joined_at now, the charter's acceptance time; the token is spent. conflict (email) when a user
// already has that e-mail: the existing account is linked instead only if its role is ambassador and of the
// same territory. Returns the user id in `id`.
WriteResult accept_invitation(Store& s, const std::string& token, const std::string& password_hash, long long now);

// Saves the profile fields (everything but status, user, tokens, dates), path steps and days off replaced.
// Withdrawing a consent that a published portrait uses takes effect on the portrait at once (its consents
// are intersected with hers and its search column rewritten in the same transaction).
WriteResult update_ambassador(Store& s, const domain::Ambassador& a, const Author& by);
std::optional<domain::Ambassador> ambassador_by_id(Store& s, long long territory_id, long long id);
std::optional<domain::Ambassador> ambassador_of_user(Store& s, long long user_id);
Page<domain::Ambassador> ambassadors_matching(Store& s, const AmbassadorFilter& f);

// Leaving: in one transaction her portraits are deleted (photos and videos with them), her network
// memberships removed, her user account deleted (sessions, tokens; actions she took part in stay, with no
// person attached: action_ambassadors rows go, audit labels become « ancienne ambassadrice »), and the row
// keeps only id, territory and status left. Also used by a coordinator on request.
WriteResult erase_ambassador(Store& s, long long territory_id, long long ambassador_id, const Author& by);

// One-click unsubscribe from the digest (token from the e-mail); false when unknown.
bool unsubscribe_digest(Store& s, const std::string& unsubscribe_token);
// Whether the token names a member (who has not left): the unsubscribe page answers 404 otherwise.
bool digest_token_known(Store& s, const std::string& unsubscribe_token);

// ---- animation --------------------------------------------------------------------------------------------

struct MemberActivity {
  domain::Ambassador ambassador;
  std::string last_action_day;  // '' when none
  int actions_90_days = 0;      // validated or declared actions she took part in, last 90 days
  int actions_this_term = 0;    // since the start of the school term containing `today`
};
struct CollectiveOverview {
  std::vector<MemberActivity> active;          // an action in the last 90 days, most loaded first
  std::vector<MemberActivity> dormant;         // active members without one (longest silent first)
  std::vector<MemberActivity> newcomers;       // joined in the last 60 days, or invited and not yet joined
  std::vector<domain::Ambassador> applicants;  // waiting for a decision, oldest first
  std::string term_start;                      // 'YYYY-MM-DD': 1 Sept, 1 Jan or 1 Apr (French school terms)
};
CollectiveOverview collective_overview(Store& s, long long territory_id, std::string_view today);

// ---- monthly digest (jobs/digest_jobs.hpp) ------------------------------------------------------------------

struct DigestRecipient {
  long long ambassador_id = 0;
  long long territory_id = 0;
  std::string first_name, email, unsubscribe_token;
};
// Active members with the digest on and an e-mail address who have no digest_sends row for `month` ('YYYY-MM'),
// by territory then id.
std::vector<DigestRecipient> digest_recipients(Store& s, const std::string& month);
// Writes her (ambassador, month) row; false when it was already there (another run or server sent it): the
// caller then sends nothing.
bool claim_digest(Store& s, long long ambassador_id, const std::string& month, long long now);

// ---- the profile form's home commune ------------------------------------------------------------------------

struct CommuneChoice {
  std::string insee, name, postal_code;  // postal_code: the first of the commune's codes ("" when none)
};
// Communes whose folded name contains every word of `query`, or whose INSEE or postal code starts with it (digits),
// largest first; empty for fewer than 2 characters.
std::vector<CommuneChoice> communes_matching(Store& s, const std::string& query, int limit = 12);
// The commune a member typed: an INSEE code, a postal code of one commune, or « 25056 — Besançon » as the list
// offers it. nullopt when none matches, or when the postal code is shared by several communes (`ambiguous` set).
std::optional<CommuneChoice> commune_from_input(Store& s, const std::string& text, bool& ambiguous);

}  // namespace passerelles::store
