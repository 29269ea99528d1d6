// POST /collectif/reseaux/nouveau: creates a network of my territory (coordinators); errors next to the fields (422).
#include "domain/kit.hpp"
#include "store/networks.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response network_create(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  if (!kit_editor(c)) return c.forbidden();
  domain::Errors e;
  store::Network n = network_from_form(c.req, {}, e);
  n.territory_id = c.territory_id();
  domain::merge_into(e, domain::validate_network(n.name, n.description));
  if (!e.empty()) return network_form(c, n, e, 422);
  auto saved = store::insert_network(c.app.store, n, author_of(c));
  if (!saved.ok()) return network_form(c, n, saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/reseaux/" + std::to_string(saved.id) + "?msg=reseau-cree");
}

}  // namespace passerelles::web
