// POST /interventions/appariement: runs the matching on the territory's open requests; its proposals replace the
// last run's, waiting for review.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_run(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  auto run = store::run_matching(c.app.store, c.territory_id(), matching_today(), author_of(c));
  return http::Response::redirect("/interventions?etat=appariement&propositions=" + std::to_string(run.proposals) +
                                  "&manque=" + std::to_string(run.unfilled_places));
}

}  // namespace passerelles::web
