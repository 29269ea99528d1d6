// The e-mails of joining the collective (French, plain text): the invitation with its personal link, and the
// notice to a territory's coordinators that someone applied through the public form.
#pragma once
#include <string>

#include "domain/collective.hpp"
#include "mail/mailer.hpp"

namespace passerelles::mail {

// base_url: "https://host" without a trailing slash. The link base_url + "/collectif/invitation/" + token is valid
// 14 days; the message says so, and what accepting means (choosing a password, the safeguarding charter).
Message invitation_message(const domain::Ambassador& a, const std::string& territory_name, const std::string& token,
                           const std::string& base_url);
// To one coordinator: who applied (name, job, domain, motivation) and the page to decide
// (base_url + "/collectif/membres/" + id).
Message application_message(const std::string& to, const domain::Ambassador& a, const std::string& territory_name,
                            const std::string& base_url);

}  // namespace passerelles::mail
