// POST /parrainage/programmes/{id}/candidature: records a mentee's application. Refused forms come back with French
// messages next to their fields (422), nothing stored. A minor's school contact gets the vouch link; the mentee
// (an adult, or a minor who gave her e-mail; an under-15's guardian) gets her private link; then her private page.
#include "mail/mentoring_mail.hpp"
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

namespace {
constexpr long long kApplicationsPerAddressHour = 10;
}  // namespace

http::Response mentoring_apply_create(Ctx& c) {
  auto p = store::programme_public(c.app.store, parse_id(c.req.params.at("id")));
  if (!p || p->status != "open") return c.not_found();
  MenteeForm f = mentee_form_of(c.req);
  domain::Errors errors;
  auto a = mentee_checked(c, *p, f, errors);
  if (!errors.empty()) return mentee_form_page(c, *p, f, errors, 422);
  if (!c.app.booking_quota.take("mentee-addr:" + c.req.remote_addr, kApplicationsPerAddressHour, store::now_unix()))
    return mentee_form_page(
        c, *p, f,
        {{"status",
          "Trop de candidatures envoyées depuis cette connexion : réessayez dans une heure. Rien n’a été "
          "enregistré."}},
        429);
  auto saved = store::insert_mentee_application(c.app.store, p->id, a);
  if (!saved.result.ok()) return mentee_form_page(c, *p, f, saved.result.errors, status_of(saved.result));
  auto stored = store::mentee_application_by_token(c.app.store, saved.token);
  if (!stored) return c.not_found();
  std::vector<mail::Message> out;
  const std::string url = c.app.cfg.base_url();
  if (stored->minor) out.push_back(mail::mentoring_vouch_request_message(*stored, *p, url));
  if (!stored->email.empty()) out.push_back(mail::mentoring_application_message(*stored, *p, stored->email, url));
  if (stored->under_15 && !stored->guardian_email.empty())
    out.push_back(mail::mentoring_application_message(*stored, *p, stored->guardian_email, url));
  send_mails(c, out);
  return http::Response::redirect("/parrainage/suivi/" + stored->token + "?msg=envoyee");
}

}  // namespace passerelles::web
