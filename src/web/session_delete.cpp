// POST /deconnexion: ends the session and clears its cookie.
#include "store/accounts.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response session_delete(Ctx& c) {
  if (c.session_id) store::delete_session(c.app.store, c.session_id);
  http::Response r = http::Response::redirect("/?msg=deconnecte");
  r.header("Set-Cookie", http::set_cookie(c.app.session_cookie, "", 0, c.app.secure_cookies));
  return r;
}

}  // namespace passerelles::web
