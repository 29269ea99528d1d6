// POST /parrainage/programmes/{id}/modifier: saves the programme (name, public, period, description, video,
// status); errors next to the fields (422).
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_programme_update(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto before = programme_of_url(c);
  if (!before) return c.not_found();
  domain::mentoring::Programme p = programme_from_form(c.req, *before);
  auto saved = store::update_programme(c.app.store, p, author_of(c));
  if (!saved.ok()) return programme_form_page(c, p, saved.errors, status_of(saved));
  return http::Response::redirect("/parrainage/programmes/" + std::to_string(p.id) + "?msg=modifie");
}

}  // namespace passerelles::web
