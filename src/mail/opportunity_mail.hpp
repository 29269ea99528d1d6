// The e-mails of offer applications (issue 7), French plain text: the company's notice of a new application, its
// reminders at 7 and 14 days, the referrer's notice of every change, and the company's notice of a withdrawal or
// an expiry. They name the candidate by first name only; the page behind the link (base_url + "/candidatures/" +
// id, for signed-in users) shows the rest.
#pragma once
#include <string>

#include "domain/opportunity.hpp"
#include "mail/mailer.hpp"

namespace passerelles::mail {

// To the company (a.company_email): a new application to one of its offers.
Message application_new_for_company_message(const domain::OfferApplication& a, const std::string& base_url);
// To the company: still no decision `days` days after it was sent (7 or 14); expires at 45 days.
Message application_reminder_message(const domain::OfferApplication& a, int days, const std::string& base_url);
// To the referrer (a.referrer_email): the application is now in a.state() (seen, interview with its day,
// accepted, declined with the reason, expired, withdrawn, completed).
Message application_change_for_referrer_message(const domain::OfferApplication& a, const std::string& base_url);
// To the company: the referrer withdrew the application, or it expired without a decision.
Message application_closed_for_company_message(const domain::OfferApplication& a, const std::string& base_url);

}  // namespace passerelles::mail
