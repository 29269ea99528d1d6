// GET /mot-de-passe/oubli: the form asking for the e-mail address to send a password link to.
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response password_reset_new(Ctx& c) {
  Data d;
  return c.page("password_forgot", "Mot de passe oublié", d);
}

}  // namespace passerelles::web
