// GET /connexion: the login form (already logged-in users go to their dashboard).
#include "web/handlers.hpp"

namespace passerelles::web {

// Only local paths are accepted as the page to return to after login (no open redirect).
std::string safe_next(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\' &&
      next.find_first_of("\r\n") == std::string::npos)
    return next;
  return "/tableau-de-bord";
}

http::Response session_new(Ctx& c) {
  if (c.logged_in()) return http::Response::redirect("/tableau-de-bord");
  Data d;
  d.set("next", safe_next(c.req.query("suite")));
  return c.page("login", "Se connecter", d);
}

}  // namespace passerelles::web
