// POST /parrainage/caution/{token}: the school contact vouches; an under-15's guardian is then asked for consent by
// e-mail. Vouching twice is harmless (already vouched: back to the page).
#include "mail/mentoring_mail.hpp"
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_vouch_create(Ctx& c) {
  const std::string token = c.req.params.at("token");
  auto a = store::mentee_application_by_vouch_token(c.app.store, token);
  if (!a || a->erased_at) return mentoring_private(c.not_found());
  auto v = store::vouch_by_token(c.app.store, token, store::now_unix());
  if (v.result.ok() && !v.consent_token.empty())
    if (auto p = store::programme_public(c.app.store, a->programme_id))
      send_mails(c, {mail::mentoring_consent_request_message(*a, *p, v.consent_token, c.app.cfg.base_url())});
  return http::Response::redirect("/parrainage/caution/" + token + "?msg=cautionnee");
}

}  // namespace passerelles::web
