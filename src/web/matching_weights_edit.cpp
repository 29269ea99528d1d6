// GET /interventions/ponderations: the territory's weights of the cost model, each explained.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_weights_edit(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  auto w = store::matching_weights(c.app.store, c.territory_id());
  return weights_page(c, weights_form_of(w), {}, 200,
                      c.req.query("etat") == "enregistrees" ? "Pondérations enregistrées." : "");
}

}  // namespace passerelles::web
