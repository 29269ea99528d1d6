// GET /collectif/mon-profil/quitter: what leaving erases and what it keeps, and the form that confirms it by typing
// her e-mail address.
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_leave_new(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  return leave_page(c, *me, "", 200);
}

}  // namespace passerelles::web
