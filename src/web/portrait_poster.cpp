// GET /portraits/{slug}/affiche.pdf?format=a4|a3: the printable poster of a published portrait (public), with only
// what she agreed to publish; 404 for an unpublished or unknown portrait.
#include "store/portraits.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response portrait_poster(Ctx& c) {
  auto p = store::portrait_by_slug_public(c.app.store, c.req.params["slug"]);
  if (!p) return c.not_found();
  return poster_response(c, {poster_item(c, *p)}, "affiche-" + p->slug);
}

}  // namespace passerelles::web
