// POST /collectif/mon-portrait/photo/supprimer: removes her photo at once (also from the public pages).
#include "store/portraits.hpp"
#include "web/collective_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response my_portrait_photo_delete(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  auto p = my_portrait(c, *me);
  if (!p) return c.not_found();
  store::remove_portrait_photo(c.app.store, me->territory_id, p->id);
  return http::Response::redirect("/collectif/mon-portrait?etat=photo-supprimee");
}

}  // namespace passerelles::web
