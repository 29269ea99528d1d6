// POST /parrainage/programmes/{id}/appariement: runs the matching on the programme's ready applications; its
// proposals replace the last run's, waiting for review.
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_matching_run(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto p = programme_of_url(c);
  if (!p) return c.not_found();
  auto run = store::run_mentoring_matching(c.app.store, c.territory_id(), p->id, author_of(c));
  if (!run.result.ok()) return programme_page(c, *p, "", run.result.errors, status_of(run.result));
  return http::Response::redirect("/parrainage/programmes/" + std::to_string(p->id) + "?msg=appariement&propositions=" +
                                  std::to_string(run.proposals) + "&restantes=" + std::to_string(run.unmatched));
}

}  // namespace passerelles::web
