// POST /collectif/parrainage/programmes/{id}/rejoindre (capacity 1..5, remote 0/1) and …/quitter: the signed-in
// ambassador joins or leaves an open programme of her territory.
#include "store/mentoring.hpp"
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_member_join(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return c.not_found();
  auto saved = store::join_programme(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")), me->id,
                                     parse_int(c.req.form("capacity"), 0), c.req.form("remote") == "1", author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return member_mentoring_page(c, "", saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/parrainage?msg=rejoint");
}

http::Response mentoring_member_leave(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return c.not_found();
  auto saved =
      store::withdraw_mentor(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")), me->id, author_of(c));
  if (!saved.ok()) return c.not_found();
  return http::Response::redirect("/collectif/parrainage?msg=quitte");
}

}  // namespace passerelles::web
