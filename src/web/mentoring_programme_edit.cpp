// GET /parrainage/programmes/{id}/modifier: the programme's form with its values.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_programme_edit(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto p = programme_of_url(c);
  if (!p) return c.not_found();
  return programme_form_page(c, *p, {}, 200);
}

}  // namespace passerelles::web
