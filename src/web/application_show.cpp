// GET /candidatures/{id}: one application with its history and the buttons I may use. The first time its company
// opens it, it becomes « vue » and the referrer is told; no other GET changes anything.
#include <spdlog/spdlog.h>

#include "mail/opportunity_mail.hpp"
#include "store/accounts.hpp"
#include "store/opportunities.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response application_show(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  long long id = c.req.param_id("id");
  auto a = store::offer_application_by_id(c.app.store, c.territory_id(), id);
  if (!a || !may_see_application(c, *a)) return c.not_found();
  if (a->status == "sent" && acts_for_company(c, a->organisation_id) &&
      store::mark_application_seen(c.app.store, c.territory_id(), id, author_of(c), store::now_unix())) {
    a = store::offer_application_by_id(c.app.store, c.territory_id(), id);
    if (!a->referrer_email.empty())
      if (auto err = c.app.mailer.send(mail::application_change_for_referrer_message(*a, c.app.cfg.base_url()));
          !err.empty())
        spdlog::warn("application {}: notice to the referrer not sent: {}", id, err);
  }
  return application_page(c, *a, {}, 200);
}

}  // namespace passerelles::web
