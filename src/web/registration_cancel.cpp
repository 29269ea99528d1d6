// POST /inscriptions/{token}/annuler: cancels a registration from its private link, with an optional reason. The
// places go to the waiting list (those promoted are told by e-mail) and the registrant gets an acknowledgement.
#include "domain/text.hpp"
#include "mail/event_mail.hpp"
#include "web/directory_support.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr std::size_t kMaxReason = 500;

}  // namespace

http::Response registration_cancel(Ctx& c) {
  const std::string& token = c.req.params.at("token");
  auto v = store::registration_by_token(c.app.store, token);
  if (!v) return private_response(c.not_found());
  std::string reason = domain::trim(c.req.form("reason"));
  if (domain::utf8_length(reason) > kMaxReason) {
    domain::Errors e{
        {"status", "Le motif est trop long (500 caractères au plus) : l’inscription n’a pas été annulée."}};
    return registration_page(c, *v, nullptr, e, 422, "");
  }
  std::vector<domain::Registration> promoted;
  auto result = store::cancel_registration(c.app.store, token, reason, &promoted);
  if (result.status == store::WriteResult::Status::not_found) return private_response(c.not_found());
  if (!result.ok())
    return registration_page(c, *v, nullptr, refusal_errors(result.errors, "Cette inscription est déjà annulée."),
                             status_of(result), "");
  auto now = store::registration_by_token(c.app.store, token);
  const store::RegistrationView& after = now ? *now : *v;
  auto mails = promoted_mails(c, after.event, promoted);
  mails.push_back(mail::registration_cancelled_message(after.event, after.registration, c.app.cfg.base_url()));
  send_mails(c, mails);
  return private_response(http::Response::redirect("/inscriptions/" + token + "?etat=annulee"));
}

}  // namespace passerelles::web
