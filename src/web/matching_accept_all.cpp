// POST /interventions/propositions/accepter: the coordinator accepts every proposal; each ambassador is invited by
// e-mail (and sees it in the app).
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_accept_all(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  auto invited = store::accept_proposals(c.app.store, c.territory_id(), {}, author_of(c));
  send_invitations(c, invited);
  return http::Response::redirect(std::string("/interventions?etat=") + (invited.empty() ? "aucune" : "acceptees"));
}

}  // namespace passerelles::web
