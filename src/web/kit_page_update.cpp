// POST /collectif/kit/pages/{slug}/modifier: saves a new version over the one she edited. When someone saved in
// between, nothing is saved (409): the form comes back with her text, the version now current and what her text
// changes in it, so that she can merge and save again.
#include "domain/kit.hpp"
#include "store/kit.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_page_update(Ctx& c) {
  http::Response refusal;
  auto p = kit_page_to_show(c, refusal);
  if (!p) return refusal;
  KitPageForm f = kit_page_form_from(c.req);
  f.slug = p->slug;
  if (auto e = domain::validate_kit_page(f.title, f.body, f.summary); !e.empty()) return kit_page_form(c, f, e, 422);
  auto saved = store::update_kit_page(c.app.store, c.territory_id(), p->slug, f.title, f.body, f.summary,
                                      f.base_revision, kit_author(c));
  if (saved.status == store::WriteResult::Status::conflict)
    return kit_page_form(c, f, saved.errors, 409, store::kit_page(c.app.store, c.territory_id(), p->slug));
  if (!saved.ok()) return kit_page_form(c, f, saved.errors, status_of(saved));
  bool unchanged = f.title == p->title && f.body == p->body;
  return http::Response::redirect("/collectif/kit/pages/" + p->slug +
                                  (unchanged ? "?msg=page-inchangee" : "?msg=page-enregistree"));
}

}  // namespace passerelles::web
