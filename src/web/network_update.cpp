// POST /collectif/reseaux/{id}/modifier: saves the network's name, organisation, presentation and whether it has a
// public page (coordinators); its address stays, so that shared links keep working.
#include "domain/kit.hpp"
#include "store/networks.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_update(Ctx& c) {
  http::Response refusal;
  auto before = network_to_show(c, refusal);
  if (!before) return refusal;
  if (!kit_editor(c)) return c.forbidden();
  domain::Errors e;
  store::Network n = network_from_form(c.req, *before, e);
  domain::merge_into(e, domain::validate_network(n.name, n.description));
  if (!e.empty()) return network_form(c, n, e, 422);
  auto saved = store::update_network(c.app.store, n, author_of(c));
  if (!saved.ok()) return network_form(c, n, saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/reseaux/" + std::to_string(n.id) + "?msg=reseau-enregistre");
}

}  // namespace passerelles::web
