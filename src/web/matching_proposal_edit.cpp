// GET /interventions/propositions/{id}/changer: the other ambassadors the model allows for the request, cheapest
// first, with why and cost.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_proposal_edit(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  auto p = proposal_of(c, c.req.param_id("id"));
  if (!p) return c.not_found();
  return proposal_change_page(c, *p, "", 200);
}

}  // namespace passerelles::web
