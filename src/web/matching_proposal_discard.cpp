// POST /interventions/propositions/{id}/retirer: drops one proposal (its place waits for the next run).
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_proposal_discard(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  auto r = store::discard_proposal(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c));
  if (!r.ok()) return c.not_found();
  return http::Response::redirect("/interventions?etat=retiree");
}

}  // namespace passerelles::web
