// POST /interventions/ponderations: saves the weights; 422 with the message next to each bad field.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_weights_update(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  WeightsForm f{c.req.form("road_factor"),   c.req.form("per_km"),        c.req.form("domain_mismatch"),
                c.req.form("load_step"),     c.req.form("repeat_school"), c.req.form("never_reached_bonus"),
                c.req.form("priority_bonus")};
  domain::Errors errors;
  auto w = weights_of(f, errors);
  if (errors.empty()) {
    auto r = store::save_matching_weights(c.app.store, c.territory_id(), w, author_of(c));
    if (r.ok()) return http::Response::redirect("/interventions/ponderations?etat=enregistrees");
    errors = r.errors;
  }
  return weights_page(c, f, errors, 422);
}

}  // namespace passerelles::web
