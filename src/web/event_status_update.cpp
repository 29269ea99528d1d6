// POST /evenements/{id}/statut: moves the event along domain::event_transition_allowed (status). Cancelling needs
// a reason; every booked or waitlisted registration is then cancelled and its contact told by e-mail, and the
// page says how many were told.
#include "domain/text.hpp"
#include "mail/event_mail.hpp"
#include "store/events.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_status_update(Ctx& c) {
  http::Response refusal;
  auto e = event_to_manage(c, refusal);
  if (!e) return refusal;
  std::string to = c.req.form("status");
  std::string reason = domain::trim(c.req.form("reason"));
  domain::Errors errors;
  if (domain::event_status_label(to).empty()) {
    errors["status"] = "Choisissez un statut proposé sur la page.";
  } else if (!domain::event_transition_allowed(e->status, to)) {
    errors["status"] = "L’événement est « " + std::string(domain::event_status_label(e->status)) +
                       " » : il ne peut pas passer à « " + std::string(domain::event_status_label(to)) + " ».";
  } else if (to == "cancelled" && reason.empty()) {
    errors["cancel_reason"] = "Indiquez la raison de l’annulation : elle est envoyée aux personnes inscrites.";
  } else if (to == "cancelled" && domain::utf8_length(reason) > 1000) {
    errors["cancel_reason"] = "La raison est trop longue (1 000 caractères au plus).";
  }
  if (!errors.empty()) return event_manage_page(c, *e, errors, errors.count("status") ? 409 : 422);
  std::vector<domain::Registration> notify;
  auto saved = store::set_event_status(c.app.store, c.territory_id(), e->id, to, to == "cancelled" ? reason : "",
                                       author_of(c), &notify);
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return event_manage_page(c, *e, saved.errors, status_of(saved));
  std::string url = "/evenements/" + std::to_string(e->id) + "/gestion?msg=";
  if (to != "cancelled") return http::Response::redirect(url + "statut");
  auto cancelled = store::event_by_id(c.app.store, c.territory_id(), e->id);
  std::vector<mail::Message> mails;
  mails.reserve(notify.size());
  for (const auto& r : notify)
    mails.push_back(mail::event_cancelled_message(cancelled ? *cancelled : *e, r, c.app.cfg.base_url()));
  int told = send_mails(c, mails);
  return http::Response::redirect(url + "evenement-annule&informes=" + std::to_string(told));
}

}  // namespace passerelles::web
