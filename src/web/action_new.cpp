// GET /actions/nouvelle: the declaration form, short enough to fill on a phone in under a minute.
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response action_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!can_declare(c)) return c.forbidden();
  domain::Action a;
  a.starts_on = today_iso();
  return action_form(c, a, {}, 200);
}

}  // namespace passerelles::web
