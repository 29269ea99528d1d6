// POST /parrainage/programmes/{id}/marraines: the coordinator adds an ambassador who offers to mentor (form
// ambassador_id, capacity 1..5, remote 0/1).
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_mentor_add(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto p = programme_of_url(c);
  if (!p) return c.not_found();
  long long ambassador = parse_id(c.req.form("ambassador_id"));
  auto saved = store::join_programme(c.app.store, c.territory_id(), p->id, ambassador,
                                     parse_int(c.req.form("capacity"), 0), c.req.form("remote") == "1", author_of(c));
  if (saved.status == store::WriteResult::Status::not_found)
    return programme_page(c, *p, "", {{"ambassador_id", "Choisissez une ambassadrice de la liste."}}, 422);
  if (!saved.ok()) return programme_page(c, *p, "", saved.errors, status_of(saved));
  return http::Response::redirect("/parrainage/programmes/" + std::to_string(p->id) + "?msg=marraine");
}

}  // namespace passerelles::web
