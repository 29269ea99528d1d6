// POST /candidatures/{id}/statut (to = interview | accepted | declined | withdrawn | completed): moves the application
// along its state machine if my side may (the company decides, the referrer withdraws, either marks it completed,
// the coordinator may do all), then e-mails the referrer (and the company for a withdrawal). 409 with a French
// message for a transition the state machine refuses, 422 for a missing interview day or decline reason.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "mail/opportunity_mail.hpp"
#include "store/accounts.hpp"
#include "store/opportunities.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response application_update(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  long long id = c.req.param_id("id");
  auto a = store::offer_application_by_id(c.app.store, c.territory_id(), id);
  if (!a || !may_see_application(c, *a)) return c.not_found();
  std::string to = c.req.form("to");
  static const std::vector<std::string> kKnown = {"interview", "accepted", "declined", "withdrawn", "completed"};
  if (std::find(kKnown.begin(), kKnown.end(), to) == kKnown.end())
    return application_page(c, *a, {{"status", "Choisissez une action parmi les boutons proposés."}}, 422);
  auto can = transitions_for(c, *a);
  if (std::find(can.begin(), can.end(), to) == can.end()) {
    if (domain::allowed(a->state(), to)) return c.forbidden();  // the other side's decision
    return application_page(c, *a, {{"status", domain::transition_refused_fr(a->state(), to)}}, 409);
  }
  store::ApplicationChange change{to, c.req.form("interview_on"), c.req.form("decline_reason")};
  auto r = store::change_application(c.app.store, c.territory_id(), id, change, author_of(c), store::now_unix());
  if (!r.ok()) return application_page(c, *a, r.errors, status_of(r));
  a = store::offer_application_by_id(c.app.store, c.territory_id(), id);
  const std::string base = c.app.cfg.base_url();
  auto send = [&](const mail::Message& m, const char* who) {
    if (m.to.empty()) return;
    if (auto err = c.app.mailer.send(m); !err.empty())
      spdlog::warn("application {}: notice to the {} not sent: {}", id, who, err);
  };
  send(mail::application_change_for_referrer_message(*a, base), "referrer");
  if (to == "withdrawn") send(mail::application_closed_for_company_message(*a, base), "company");
  return http::Response::redirect("/candidatures/" + std::to_string(id) + "?msg=enregistre");
}

}  // namespace passerelles::web
