// POST /demandes/{token}/confirmer: confirms a request from its private page (never on the GET of the e-mailed
// link, which mail scanners follow). The first confirmation tells the territory's coordinators by e-mail.
#include "mail/intervention_mail.hpp"
#include "store/accounts.hpp"
#include "store/requests.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

http::Response request_public_confirm(Ctx& c) {
  const std::string& token = c.req.params.at("token");
  auto before = store::request_by_token(c.app.store, token);
  if (!before) return request_private(c.not_found());
  auto result = store::confirm_request(c.app.store, token, store::now_unix());
  auto r = store::request_by_token(c.app.store, token);
  if (!r || result.status == store::WriteResult::Status::not_found) return request_private(c.not_found());
  if (!result.ok()) return request_private_page(c, *r, result.errors, status_of(result), "", false);
  if (before->status == "unconfirmed" && r->status == "open") {
    std::vector<mail::Message> notices;
    for (const auto& to : store::coordinator_emails(c.app.store, r->territory_id))
      notices.push_back(mail::request_new_for_coordinator_message(*r, to, c.app.cfg.base_url()));
    send_mails(c, notices);
  }
  return request_private(http::Response::redirect("/demandes/" + token + "?etat=confirmee"));
}

}  // namespace passerelles::web
