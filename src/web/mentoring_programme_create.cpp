// POST /parrainage/programmes/nouveau: validates and creates the programme in my territory; refused forms come back
// with French messages next to their fields (422).
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_programme_create(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  domain::mentoring::Programme p = programme_from_form(c.req, {});
  p.territory_id = c.territory_id();
  auto saved = store::insert_programme(c.app.store, p, author_of(c));
  if (!saved.ok()) return programme_form_page(c, p, saved.errors, status_of(saved));
  return http::Response::redirect("/parrainage/programmes/" + std::to_string(saved.id) + "?msg=cree");
}

}  // namespace passerelles::web
