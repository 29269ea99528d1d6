// GET /parrainage/programmes/nouveau: the form of a new programme (draft, video allowed).
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_programme_new(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  domain::mentoring::Programme p;
  p.audience = "lyceennes";
  return programme_form_page(c, p, {}, 200);
}

}  // namespace passerelles::web
