// POST /collectif/kit/pages/nouvelle: creates the page (its version 1); errors next to the fields (422), or 409 when
// a page of the territory already has this title's address.
#include "domain/kit.hpp"
#include "store/kit.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_page_create(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  KitPageForm f = kit_page_form_from(c.req);
  f.base_revision = 0;
  if (auto e = domain::validate_kit_page(f.title, f.body, f.summary); !e.empty()) return kit_page_form(c, f, e, 422);
  auto saved = store::insert_kit_page(c.app.store, c.territory_id(), f.title, f.body, f.summary, kit_author(c));
  if (!saved.ok()) return kit_page_form(c, f, saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/kit/pages/" + domain::kit_page_slug(f.title) + "?msg=page-creee");
}

}  // namespace passerelles::web
