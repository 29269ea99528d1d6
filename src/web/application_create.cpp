// POST /offres/{id}/candidater: validates and sends the application (referred by me, for my organisation), then
// e-mails the company (the offer's contact address, else its publisher). 422 with messages next to the fields;
// 409 when the offer no longer takes applications or has no place left.
#include <spdlog/spdlog.h>

#include "mail/opportunity_mail.hpp"
#include "store/accounts.hpp"
#include "store/opportunities.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response application_create(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  auto o = store::offer_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  std::string today = today_paris();
  if (!o || !may_see_offer(c, *o, today)) return c.not_found();
  if (!may_refer(c))
    return opportunity_forbidden(c,
                                 "Les candidatures sont présentées par un établissement (contact scolaire), un "
                                 "prescripteur ou la coordination.");
  domain::Errors errors;
  ApplicationForm f = application_from_form(c, errors);
  auto& a = f.application;
  domain::merge_into(errors, domain::validate(a));
  if (!errors.empty()) return application_form(c, *o, f, errors, 422);
  a.offer_id = o->id;
  a.territory_id = c.territory_id();
  a.referred_by = c.actor->user.id;
  a.referrer_organisation_id = c.actor->user.organisation_id;
  auto saved = store::insert_application(c.app.store, a, author_of(c), today, store::now_unix());
  if (!saved.ok()) return application_form(c, *o, f, saved.errors, status_of(saved));
  if (auto sent = store::offer_application_by_id(c.app.store, c.territory_id(), saved.id);
      sent && !sent->company_email.empty())
    if (auto err = c.app.mailer.send(mail::application_new_for_company_message(*sent, c.app.cfg.base_url()));
        !err.empty())
      spdlog::warn("application {}: notice to the company not sent: {}", saved.id, err);
  return http::Response::redirect("/candidatures/" + std::to_string(saved.id) + "?msg=envoyee");
}

}  // namespace passerelles::web
