// GET /collectif/desabonnement/{token}: a button that stops the monthly digest. Mail scanners follow links, so a GET
// changes nothing; the POST does (also the one-click POST of RFC 8058 that mail clients send).
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_unsubscribe_show(Ctx& c) {
  std::string token = c.req.params["token"];
  if (!store::digest_token_known(c.app.store, token)) return unknown_unsubscribe_link(c);
  Data d;
  d.set("token", token);
  return secret_page(c.page("collective_unsubscribe", "Lettre du collectif", d));
}

}  // namespace passerelles::web
