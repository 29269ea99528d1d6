// POST /parrainage/binomes/{id}/retirer: drops a proposed pair.
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_pair_discard(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto pair = store::pair_by_id(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")));
  if (!pair) return c.not_found();
  if (!store::discard_pair(c.app.store, c.territory_id(), pair->id, author_of(c)).ok()) return c.not_found();
  return http::Response::redirect("/parrainage/programmes/" + std::to_string(pair->programme_id) + "?msg=retire");
}

}  // namespace passerelles::web
