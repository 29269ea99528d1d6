// GET /parrainage/programmes/{id}/candidature: the public application form of an open programme (no account);
// a programme that is not open is 404.
#include "store/mentoring.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_apply_new(Ctx& c) {
  auto p = store::programme_public(c.app.store, parse_id(c.req.params.at("id")));
  if (!p || p->status != "open") return c.not_found();
  return mentee_form_page(c, *p, {}, {}, 200);
}

}  // namespace passerelles::web
