// POST /demandes/nouvelle: records a teacher's request (unconfirmed) and e-mails her the link that confirms it.
// Refused forms come back with French messages next to their fields (422) and nothing stored; too many requests
// from one connection or for one address within an hour are refused (429). The private link is never shown on the
// page: the e-mail proves the address.
#include "mail/intervention_mail.hpp"
#include "store/accounts.hpp"
#include "store/requests.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

namespace {
// A public form that sends an e-mail: a few requests an hour per connection and per address.
constexpr long long kRequestsPerAddressHour = 10;
constexpr long long kRequestsPerEmailHour = 5;
}  // namespace

http::Response request_public_create(Ctx& c) {
  RequestForm form = request_form_of(c.req);
  domain::Errors errors;
  domain::InterventionRequest r = request_checked(c, form, errors);
  if (!errors.empty()) return request_new_page(c, form, errors, 422);
  long long now = store::now_unix();
  if (!c.app.booking_quota.take("request-addr:" + c.req.remote_addr, kRequestsPerAddressHour, now) ||
      !c.app.booking_quota.take("request-mail:" + r.email, kRequestsPerEmailHour, now))
    return request_new_page(c, form, {}, 429,
                            "Trop de demandes envoyées en peu de temps depuis cette connexion ou pour cette adresse "
                            "e-mail : réessayez dans une heure. Rien n’a été enregistré.");
  auto saved = store::insert_request(c.app.store, r);
  if (!saved.result.ok()) return request_new_page(c, form, request_form_errors(saved.result.errors), 422);
  auto stored = store::request_by_token(c.app.store, saved.token);
  if (!stored) return c.not_found();
  bool sent = send_mails(c, {mail::request_confirm_message(*stored, c.app.cfg.base_url())}) == 1;
  return http::Response::redirect(sent ? "/demandes/nouvelle?etat=envoyee" : "/demandes/nouvelle?etat=sans-mail");
}

}  // namespace passerelles::web
