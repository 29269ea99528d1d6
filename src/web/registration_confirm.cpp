// POST /inscriptions/{token}/confirmer: confirms a booking from its private link (the button of the page, never
// the GET of the link itself, which mail scanners follow).
#include "web/directory_support.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response registration_confirm(Ctx& c) {
  const std::string& token = c.req.params.at("token");
  auto result = store::confirm_registration(c.app.store, token);
  auto v = store::registration_by_token(c.app.store, token);
  if (result.status == store::WriteResult::Status::not_found || !v) return private_response(c.not_found());
  if (!result.ok()) {
    auto e = refusal_errors(result.errors, "Cette inscription est annulée : elle ne peut plus être confirmée.");
    return registration_page(c, *v, nullptr, e, status_of(result), "");
  }
  return private_response(http::Response::redirect("/inscriptions/" + token + "?etat=confirmee"));
}

}  // namespace passerelles::web
