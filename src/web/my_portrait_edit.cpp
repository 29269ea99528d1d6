// GET /collectif/mon-portrait: a member's own portrait, or a first draft from her profile (not saved until she
// saves it); its consents are those of her profile.
#include "web/collective_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response my_portrait_edit(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  auto stored = my_portrait(c, *me);
  domain::Portrait p = stored ? *stored : domain::portrait_from_ambassador(*me);
  p.consents = me->consents;
  return my_portrait_page(c, *me, p, typed_of(p), {}, 200, {}, portrait_notice(c.req.query("etat")));
}

}  // namespace passerelles::web
