// GET /annuaire/organisations/nouvelle: the empty creation form.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response organisation_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  domain::Organisation o;
  o.kind = c.req.query("type");
  if (domain::organisation_kind_label(o.kind).empty()) o.kind.clear();
  return organisation_form(c, o, {}, 200);
}

}  // namespace passerelles::web
