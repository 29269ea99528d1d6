// POST /interventions/demandes/{id}/annuler: the coordinator cancels a request with notice (reason required); the
// ambassadors invited or accepted on it and the teacher are told by e-mail.
#include <spdlog/spdlog.h>

#include "domain/text.hpp"
#include "mail/intervention_mail.hpp"
#include "store/assignments.hpp"
#include "store/requests.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

namespace {
mail::Message request_cancelled_for_teacher(const domain::InterventionRequest& r, const std::string& reason,
                                            const std::string& base_url) {
  mail::Message m;
  m.to = r.email;
  m.subject = "Votre demande d’intervention est annulée";
  m.text = "Bonjour " + r.contact_name + ",\n\nLa coordination de Passerelles a annulé votre demande d’intervention (" +
           std::string(domain::request_kind_label(r.kind)) + (r.school_name.empty() ? "" : ", " + r.school_name) +
           ").\n\nRaison : " + reason + "\n\nVotre demande : " + base_url + "/demandes/" + r.token +
           "\n\nPour toute question, répondez à ce message ou faites une nouvelle demande.\n";
  return m;
}
}  // namespace

http::Response matching_request_cancel(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  long long id = c.req.param_id("id");
  auto r = store::request_by_id(c.app.store, c.territory_id(), id);
  if (!r || r->status == "unconfirmed") return c.not_found();
  std::string reason = domain::trim(c.req.form("reason"));
  if (reason.empty())
    return matching_request_page(c, *r, "", "Indiquez la raison de l’annulation : elle est envoyée à l’enseignante.",
                                 422, reason);
  if (reason.size() > 1000)
    return matching_request_page(c, *r, "", "La raison est trop longue (1 000 caractères au plus).", 422, reason);
  auto done = store::cancel_request_by_coordinator(c.app.store, c.territory_id(), id, reason, author_of(c));
  if (done.result.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!done.result.ok()) {
    auto it = done.result.errors.begin();
    return matching_request_page(
        c, *r, "",
        it != done.result.errors.end() ? it->second : std::string("Cette demande ne peut plus être annulée."), 409,
        reason);
  }
  for (long long a : done.assignment_ids) {
    auto view = store::assignment_by_id(c.app.store, c.territory_id(), a);
    if (!view) continue;
    std::string err = c.app.mailer.send(mail::assignment_cancelled_for_ambassador_message(*view, c.app.cfg.base_url()));
    if (!err.empty())
      spdlog::error("cancellation for assignment {} not sent (request {}): {}", a, c.req.request_id, err);
  }
  if (!r->anonymised && !r->email.empty()) {
    std::string err = c.app.mailer.send(request_cancelled_for_teacher(*r, reason, c.app.cfg.base_url()));
    if (!err.empty()) spdlog::error("cancellation of request {} not sent to the teacher: {}", id, err);
  }
  return http::Response::redirect("/interventions/demandes/" + std::to_string(id) + "?etat=annulee");
}

}  // namespace passerelles::web
