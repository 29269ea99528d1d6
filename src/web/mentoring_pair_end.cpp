// POST /parrainage/binomes/{id}/terminer: ends an active pair (form end_reason); the application is finished.
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_pair_end(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto pair = store::pair_by_id(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")));
  if (!pair) return c.not_found();
  auto saved = store::end_pair(c.app.store, c.territory_id(), pair->id, c.req.form("end_reason"), author_of(c));
  if (!saved.ok()) return pair_page(c, *pair, true, "", saved.errors, status_of(saved));
  return http::Response::redirect("/parrainage/binomes/" + std::to_string(pair->id) + "?msg=termine");
}

}  // namespace passerelles::web
