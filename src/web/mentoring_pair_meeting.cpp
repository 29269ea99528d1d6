// POST /parrainage/binomes/{id}/rencontres and /collectif/parrainage/binomes/{id}/rencontres: the coordinator or the
// mentor logs a meeting (day, minutes, mode, short summary); refused before consent (the store's gate).
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

namespace {
http::Response post_meeting(Ctx& c, const store::PairView& pair, bool as_coordinator) {
  auto saved = store::add_meeting(c.app.store, pair.id, c.req.form("day"), parse_int(c.req.form("minutes"), 0),
                                  c.req.form("mode"), c.req.form("summary"), c.actor->user.id, store::now_unix());
  if (!saved.ok()) return pair_page(c, pair, as_coordinator, "", saved.errors, status_of(saved));
  return http::Response::redirect((as_coordinator ? "/parrainage/binomes/" : "/collectif/parrainage/binomes/") +
                                  std::to_string(pair.id) + "?msg=rencontre");
}
}  // namespace

http::Response mentoring_pair_meeting(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto pair = store::pair_by_id(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")));
  if (!pair) return c.not_found();
  return post_meeting(c, *pair, true);
}

http::Response mentoring_member_meeting(Ctx& c) {
  auto pair = my_pair_of_url(c);
  if (!pair) return c.not_found();
  return post_meeting(c, *pair, false);
}

}  // namespace passerelles::web
