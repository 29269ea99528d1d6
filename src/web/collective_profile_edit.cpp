// GET /collectif/mon-profil: the signed-in member's profile form (every field of her profile, and what she agrees
// to publish).
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_profile_edit(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  return profile_page(c, *me, typed_of(*me), {}, 200, true, collective_notice(c.req.query("etat")));
}

}  // namespace passerelles::web
