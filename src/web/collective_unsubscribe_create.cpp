// POST /collectif/desabonnement/{token}: stops the monthly digest for the member the token names. Registered with
// Access::survey: no session and no CSRF token, because the mail client's one-click POST (RFC 8058, body
// "List-Unsubscribe=One-Click") carries none; a forged request could only unsubscribe. Unknown token: 404.
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_unsubscribe_create(Ctx& c) {
  if (!store::unsubscribe_digest(c.app.store, c.req.params["token"])) return unknown_unsubscribe_link(c);
  Data d;
  d.set("done", true);
  return secret_page(c.page("collective_unsubscribe", "Désabonnement enregistré", d));
}

}  // namespace passerelles::web
