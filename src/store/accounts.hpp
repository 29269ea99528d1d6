// Territories, users, sessions, password resets, API tokens and the audit log.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "store/store.hpp"

namespace passerelles::store {

long long now_unix();

// Territories. territory_by_slug: nullopt when unknown.
long long insert_territory(Store& s, const domain::Territory& t);
std::optional<domain::Territory> territory_by_slug(Store& s, const std::string& slug);
std::optional<domain::Territory> territory_by_id(Store& s, long long id);
std::vector<domain::Territory> all_territories(Store& s);

// Users. e-mails are compared lower-cased; insert throws on a duplicate e-mail (check user_by_email first).
long long insert_user(Store& s, const domain::User& u, const std::string& password_hash);
std::optional<domain::User> user_by_id(Store& s, long long id);
std::optional<domain::User> user_by_email(Store& s, const std::string& email);
std::vector<domain::User> users_in_territory(Store& s, long long territory_id);
struct LoginState {
  std::string password_hash;
  int failed_logins = 0;
  long long locked_until = 0;
};
std::optional<LoginState> login_state(Store& s, long long user_id);
void record_login_failure(Store& s, long long user_id, long long locked_until);
void record_login_success(Store& s, long long user_id);
// Also ends every session of the user and voids her outstanding reset links.
void set_password_hash(Store& s, long long user_id, const std::string& hash);
// Deactivation also ends the user's sessions; a deactivated user can neither log in nor use a token.
void set_user_active(Store& s, long long user_id, bool active);
// The organisation a user of the territory acts for (0 = none). False, and nothing changes, when the user is not
// of the territory or the organisation is not in its directory.
bool set_user_organisation(Store& s, long long territory_id, long long user_id, long long organisation_id);

// Sessions: token_hash is the hash of the cookie value.
struct SessionRow {
  long long id = 0;
  long long user_id = 0;
  std::string csrf_token;
  long long created_at = 0;
  long long last_seen_at = 0;
};
void insert_session(Store& s, const std::string& token_hash, long long user_id, const std::string& csrf);
std::optional<SessionRow> session_by_token_hash(Store& s, const std::string& token_hash);
void touch_session(Store& s, long long session_id, long long when);
void delete_session(Store& s, long long session_id);
void delete_sessions_of_user(Store& s, long long user_id);

// Password resets: valid while unused and unexpired.
void insert_password_reset(Store& s, const std::string& token_hash, long long user_id, long long expires_at);
// Marks the reset used and returns its user, or nullopt when unknown, used or expired.
std::optional<long long> consume_password_reset(Store& s, const std::string& token_hash, long long now);
std::optional<long long> peek_password_reset(Store& s, const std::string& token_hash, long long now);

// API tokens.
struct ApiTokenRow {
  long long id = 0;
  std::string name;
  std::string prefix;
  long long created_at = 0;
  long long last_used_at = 0;
};
long long insert_api_token(Store& s, long long user_id, const std::string& name, const std::string& token_hash,
                           const std::string& prefix);
std::vector<ApiTokenRow> api_tokens_of_user(Store& s, long long user_id);
std::optional<long long> user_id_by_api_token_hash(Store& s, const std::string& token_hash);
// The token and its owner, for Bearer authentication; nullopt when unknown (or revoked).
struct ApiTokenOwner {
  long long token_id = 0;
  long long user_id = 0;
  long long last_used_at = 0;
};
std::optional<ApiTokenOwner> api_token_by_hash(Store& s, const std::string& token_hash);
void touch_api_token(Store& s, long long token_id, long long when);
// Deletes only when the token belongs to the user; returns whether one was deleted.
bool delete_api_token(Store& s, long long user_id, long long token_id);

// Audit log. territory_id 0 = no territory (admin actions on shared data).
struct AuditEntry {
  long long id = 0;
  long long at = 0;
  std::string user_label;
  std::string action;
  std::string entity;
  long long entity_id = 0;
  std::string detail;
};
void audit(soci::session& sql, long long territory_id, long long user_id, const std::string& user_label,
           const std::string& action, const std::string& entity, long long entity_id, const std::string& detail);
std::vector<AuditEntry> audit_entries(Store& s, long long territory_id, int limit, int offset);

}  // namespace passerelles::store
