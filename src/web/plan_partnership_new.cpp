// GET /plan/partenariats/nouveau: the empty partnership form.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_partnership_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  return partnership_form(c, {}, {}, 200);
}

}  // namespace passerelles::web
