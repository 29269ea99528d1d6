// GET /annuaire/personnes/nouvelle: the empty creation form (?organisation=ID preselects her organisation).
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response person_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  domain::Person p;
  p.organisation_id = std::max(0LL, parse_id(c.req.query("organisation")));
  return person_form(c, p, {}, 200);
}

}  // namespace passerelles::web
