// POST /collectif/mon-portrait/photo (multipart, field photo): her photo, checked and resized like any upload; on a
// published portrait it waits for a coordinator's validation again.
#include "web/collective_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response my_portrait_photo_create(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  auto p = my_portrait(c, *me);
  PortraitNotices notices;
  if (!p)
    notices.photo_error = "Enregistrez d’abord votre portrait, puis ajoutez votre photo.";
  else
    notices.photo_error = store_photo(c, me->territory_id, p->id, uploaded_file(c.req, "photo"));
  if (!notices.photo_error.empty()) {
    domain::Portrait shown = p ? *p : domain::portrait_from_ambassador(*me);
    shown.consents = me->consents;
    return my_portrait_page(c, *me, shown, typed_of(shown), {}, 422, notices);
  }
  bool resubmitted = resubmit_if_published(c, *p);
  return http::Response::redirect(std::string("/collectif/mon-portrait?etat=") + (resubmitted ? "soumis" : "photo"));
}

}  // namespace passerelles::web
