// GET /plan/initiatives/nouvelle: the empty initiative form.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_initiative_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  return initiative_form(c, {}, {}, 200);
}

}  // namespace passerelles::web
