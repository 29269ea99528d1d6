// Shared by the account pages: e-mailed password links (reset, invitation), audit entries, the territory an
// editor manages, and the data of the pages that forms re-render with their errors.
#pragma once
#include <optional>
#include <string>

#include "web/app.hpp"

namespace passerelles::web {

enum class PasswordLink { reset, invitation };

// A reset link is valid one hour; an invitation (new account) seven days.
constexpr long long kResetLinkSeconds = 3600;
constexpr long long kInvitationLinkSeconds = 7LL * 24 * 3600;

// Stores a new single-use link for `user` (only its hash is kept) and e-mails it. Returns false when the
// e-mail could not be sent — logged here; the caller shows its usual message, never a 500.
bool send_password_link(App& app, const domain::User& user, PasswordLink kind);

// Appends one entry to the audit log, attributed to `who`; territory_id 0 = no territory.
void audit_event(App& app, const domain::User& who, long long territory_id, const std::string& action,
                 const std::string& entity, long long entity_id, const std::string& detail = "");
// The same, attributed to the signed-in user.
void audit_event(Ctx& c, long long territory_id, const std::string& action, const std::string& entity,
                 long long entity_id, const std::string& detail = "");

// The territory whose accounts and journal an editor manages: a coordinator's own; for an admin, the one
// named by the `territoire` parameter (slug, in the query or the form), nullopt when none is chosen.
std::optional<domain::Territory> managed_territory(Ctx& c);
// Template data {slug, name} of every territory, for the admin to pick one.
List territory_links(App& app);
// What a page of managed_territory answers when no territory is chosen: for an admin, the page `view` listing every
// territory to pick one (choices, choose); 404 for an unknown `territoire`; 403 for anyone else.
http::Response territory_choice_page(Ctx& c, const std::string& view, const std::string& title);

// Creates an account in `territory` and e-mails its invitation; `role` must not be admin. Returns the new
// user's id, or 0 with messages in `errors` (fields: email, display_name, role). `mail_sent` says whether the
// invitation went out.
long long invite_user(Ctx& c, const domain::Territory& territory, const std::string& email,
                      const std::string& display_name, const std::string& role, domain::Errors& errors,
                      bool& mail_sent);

// Page data, also used when a form on the page is shown again with its errors.
Data profile_data(Ctx& c);                                    // profile_show.cpp
Data users_data(Ctx& c, const domain::Territory& territory);  // user_index.cpp
Data territories_data(Ctx& c);                                // territory_index.cpp

// Template data {value, label, selected} for the roles an editor may give (every role but admin).
List role_choices(const std::string& selected);

}  // namespace passerelles::web
