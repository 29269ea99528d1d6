// POST /demandes/{token}/annuler: the teacher cancels her request (reason optional). The ambassadors who were
// invited or had accepted are told by e-mail.
#include "mail/intervention_mail.hpp"
#include "store/accounts.hpp"
#include "store/assignments.hpp"
#include "store/requests.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

http::Response request_public_cancel(Ctx& c) {
  const std::string& token = c.req.params.at("token");
  auto before = store::request_by_token(c.app.store, token);
  if (!before) return request_private(c.not_found());
  auto cancelled = store::cancel_request(c.app.store, token, c.req.form("reason"), store::now_unix());
  if (cancelled.result.status == store::WriteResult::Status::not_found) return request_private(c.not_found());
  if (!cancelled.result.ok())
    return request_private_page(c, *before, cancelled.result.errors, status_of(cancelled.result), "", false);
  std::vector<mail::Message> notices;
  for (long long id : cancelled.assignment_ids)
    if (auto a = store::assignment_by_id(c.app.store, before->territory_id, id))
      notices.push_back(mail::assignment_cancelled_for_ambassador_message(*a, c.app.cfg.base_url()));
  send_mails(c, notices);
  return request_private(http::Response::redirect("/demandes/" + token + "?etat=annulee"));
}

}  // namespace passerelles::web
