// POST /parrainage/programmes/{id}/marraines/{ambassador_id}/retirer: the coordinator withdraws a mentor (her
// proposals are dropped; her active pairs go on).
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_mentor_withdraw(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto p = programme_of_url(c);
  if (!p) return c.not_found();
  auto saved = store::withdraw_mentor(c.app.store, c.territory_id(), p->id, parse_id(c.req.params.at("ambassador_id")),
                                      author_of(c));
  if (!saved.ok()) return c.not_found();
  return http::Response::redirect("/parrainage/programmes/" + std::to_string(p->id) + "?msg=marraine-retiree");
}

}  // namespace passerelles::web
