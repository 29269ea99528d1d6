// POST /parrainage/candidatures/{id}/accord-papier: the coordinator records a parental consent given on paper
// (method paper, consent_recorded_by her); the application becomes ready.
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_consent_paper(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto a = store::mentee_application_by_id(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")));
  if (!a) return c.not_found();
  auto saved = store::record_paper_consent(c.app.store, c.territory_id(), a->id, author_of(c));
  if (!saved.ok()) {
    auto p = store::programme_by_id(c.app.store, c.territory_id(), a->programme_id);
    if (!p) return c.not_found();
    return programme_page(c, *p, "", saved.errors, status_of(saved));
  }
  return http::Response::redirect("/parrainage/programmes/" + std::to_string(a->programme_id) + "?msg=accord");
}

}  // namespace passerelles::web
