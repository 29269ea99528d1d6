// POST /evenements/{id}/inscriptions/{registration}/annuler: the organiser cancels one registration of her event;
// its contact is told by e-mail, and the registrations the freed places moved up from the waiting list too.
#include <algorithm>

#include "mail/event_mail.hpp"
#include "store/events.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr const char* kReason = "annulée par l’organisation de l’événement";

}  // namespace

http::Response event_registration_cancel(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  long long id = c.req.param_id("registration");
  auto all = store::registrations_of(c.app.store, c.territory_id(), e->id);
  auto it = std::find_if(all.begin(), all.end(), [&](const domain::Registration& r) { return r.id == id; });
  if (it == all.end()) return c.not_found();
  domain::Registration cancelled = *it;
  std::vector<domain::Registration> promoted;
  auto saved =
      store::cancel_registration_by_organiser(c.app.store, c.territory_id(), id, kReason, author_of(c), &promoted);
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) {
    domain::Errors errors;
    errors["status"] = saved.errors.empty() ? "Cette inscription est déjà annulée." : saved.errors.begin()->second;
    return event_manage_page(c, *e, errors, status_of(saved));
  }
  cancelled.status = "cancelled";
  cancelled.cancel_reason = kReason;
  std::vector<mail::Message> mails = promoted_mails(c, *e, promoted);
  mails.insert(mails.begin(), mail::registration_cancelled_message(*e, cancelled, c.app.cfg.base_url()));
  send_mails(c, mails);
  return http::Response::redirect("/evenements/" + std::to_string(e->id) +
                                  "/gestion?msg=inscription-annulee&promues=" + std::to_string(promoted.size()));
}

}  // namespace passerelles::web
