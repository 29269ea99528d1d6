// POST /parrainage/binomes/{id}/accepter: the coordinator accepts a proposed pair (the consent gate is checked
// again by the store); the mentor gets the mentee's first name, class and domains, the mentee (or her guardian)
// the mentor's first name and job and her private link — never an address.
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_pair_accept(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto pair = store::pair_by_id(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")));
  if (!pair) return c.not_found();
  auto saved = store::accept_pair(c.app.store, c.territory_id(), pair->id, author_of(c));
  if (!saved.ok()) {
    auto p = store::programme_by_id(c.app.store, c.territory_id(), pair->programme_id);
    if (!p) return c.not_found();
    return programme_page(c, *p, "", saved.errors, status_of(saved));
  }
  if (auto now_active = store::pair_by_id(c.app.store, c.territory_id(), pair->id)) send_pair_mails(c, *now_active);
  return http::Response::redirect("/parrainage/programmes/" + std::to_string(pair->programme_id) + "?msg=accepte");
}

}  // namespace passerelles::web
