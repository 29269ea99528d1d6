// Shared by the collective's member pages (/collectif…): who is a coordinator or a member here, the profile form
// (parsing what was typed, the page it renders with errors next to the fields), display values, the e-mails sent
// by the handlers, the session opened after an invitation and the notices shown after a redirect.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/collective.hpp"
#include "store/ambassadors.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// A coordinator of the territory (or an admin who has one): the animation view and the members' pages.
bool is_collective_editor(const Ctx& c);
// The signed-in member's profile (an ambassador account linked to a row of the collective); nullopt otherwise.
std::optional<domain::Ambassador> my_membership(Ctx& c);
// 403: the account is not a member of the collective (or has no profile yet), with what to do.
http::Response not_a_member(Ctx& c);

// The profile form as typed: the text of the fields that parse into numbers, dates or a commune, and the rows of
// the training path, so that a refused form shows exactly what was typed.
struct ProfileTyped {
  std::string max_km, max_per_month, days_off, commune;
  struct Step {
    std::string diploma, level, year, school;
  };
  std::vector<Step> path;  // the non-empty rows, in order (validation keys them path_N_… from 1)
};
// Fills `a` from the form (every profile field; the e-mail only when `email_editable`), resolving the job title's
// ROME code and the commune; errors that parsing alone finds (commune unknown…) go to `errors`.
ProfileTyped profile_from_form(Ctx& c, domain::Ambassador& a, bool email_editable, domain::Errors& errors);
// The typed values of a stored profile (to show it before any change).
ProfileTyped typed_of(const domain::Ambassador& a);

// The profile form page: `mine` for /collectif/mon-profil (her own), otherwise a coordinator's
// /collectif/membres/{id}/modifier. `notice` is shown above the form (role=status).
http::Response profile_page(Ctx& c, const domain::Ambassador& a, const ProfileTyped& typed, const domain::Errors& e,
                            int status, bool mine, const std::string& notice = "");

// The coordinator's invitation form (collective_invite.html) with its values and errors.
http::Response invite_page(Ctx& c, const domain::Ambassador& a, const domain::Errors& e, int status);
// The public application form (collective_join.html): the territory chosen by slug, values, errors; `notice` above.
http::Response application_page(Ctx& c, const domain::Ambassador& a, const std::string& territory_slug,
                                const domain::Errors& e, int status, const std::string& notice = "");
// Accepting an invitation (collective_invitation.html): the charter and the password form, or, when `a` is null,
// why the link does not work. Never cached, no Referer (the URL holds the secret).
http::Response invitation_page(Ctx& c, const domain::Ambassador* a, const std::string& token, const domain::Errors& e,
                               int status);
// Leaving (collective_leave.html): what is erased and kept, the e-mail to type; `error` next to it.
http::Response leave_page(Ctx& c, const domain::Ambassador& me, const std::string& error, int status);
// « 25056 — Besançon (25000) »: a commune as the datalist offers it and commune_from_input reads it back.
std::string commune_option_label(const store::CommuneChoice& m);

// French labels: applicant « candidate », invited « invitée », active « active », left, declined.
std::string member_status_label(const std::string& status);
// A member as lists and pages show her: id, name, email, status and its label, job, domain label, employer,
// commune, joined, and the profile's lists as labels.
Data member_data(const domain::Ambassador& a);

// Sends the invitation; false when the e-mail could not be sent (logged).
bool send_invitation(Ctx& c, const domain::Ambassador& a, const std::string& token);
// Tells every active coordinator of the territory about an application; returns how many were told.
int notify_coordinators(Ctx& c, const domain::Territory& t, const domain::Ambassador& applicant);

// Opens a session for `user_id` (as the login form does) on the response: its cookie is set.
void open_session(Ctx& c, long long user_id, http::Response& r);

// The message of a ?etat=… notice on the collective's pages ("" when unknown).
std::string collective_notice(const std::string& state);

// 404: the unsubscribe link names nobody (any more).
http::Response unknown_unsubscribe_link(Ctx& c);

// Adds what a page whose URL holds a secret (invitation, unsubscribe) needs: no Referer, not indexed.
http::Response secret_page(http::Response r);

}  // namespace passerelles::web
