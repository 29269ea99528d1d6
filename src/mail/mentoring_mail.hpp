// The French plain-text e-mails of mentoring (issue 7): the school contact's vouch request, the guardian's consent
// request, the mentee's private link, the introduction of a pair to both sides, and the notice of a new message.
// No message carries a mentee's address to a mentor, nor a message's body: notices say « un nouveau message vous
// attend » with a link. Subjects carry no name (the send log prints them).
#pragma once
#include <string>

#include "domain/mentoring.hpp"
#include "mail/mailer.hpp"
#include "store/mentoring.hpp"

namespace passerelles::mail {

// base_url: "https://host" without a trailing slash.

// To the school contact (voucher_email): the link /parrainage/caution/VOUCH_TOKEN.
Message mentoring_vouch_request_message(const domain::mentoring::Application& a, const domain::mentoring::Programme& p,
                                        const std::string& base_url);
// To the guardian (guardian_email): the link /parrainage/consentement/CONSENT_TOKEN.
Message mentoring_consent_request_message(const domain::mentoring::Application& a,
                                          const domain::mentoring::Programme& p, const std::string& consent_token,
                                          const std::string& base_url);
// To the mentee (her e-mail; the guardian's for an under-15): her private page /parrainage/suivi/TOKEN. `to`: the
// address (empty: no message).
Message mentoring_application_message(const domain::mentoring::Application& a, const domain::mentoring::Programme& p,
                                      const std::string& to, const std::string& base_url);
// The pair is accepted. To the mentor: the mentee's first name and initial, class and domains — never a contact —
// and /collectif/parrainage/binomes/ID. To the mentee or her guardian (`to`): the mentor's first name and job,
// and the private page.
Message mentoring_pair_for_mentor_message(const store::PairView& pair, const std::string& base_url);
Message mentoring_pair_for_mentee_message(const store::PairView& pair, const domain::mentoring::Application& a,
                                          const std::string& to, const std::string& base_url);
// « Un nouveau message vous attend » with the link where it can be read (never the body).
Message mentoring_new_message_notice(const std::string& to, const std::string& link);
// The request for the mid-term (phase mid) or end (phase end) feedback of an active pair, to the mentor (for_mentor:
// her address, the pair's page /collectif/parrainage/binomes/ID) or to the mentee (`to`: her e-mail, or her
// guardian's for an under-15; her private page). Names only the first name of the other side.
Message mentoring_feedback_request_message(const store::PairView& pair, const std::string& phase, bool for_mentor,
                                           const std::string& to, const std::string& link);

}  // namespace passerelles::mail
