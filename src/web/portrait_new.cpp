// GET /collectif/portraits/nouveau: the empty portrait form (consents all unchecked: they are hers to give).
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response portrait_new(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  domain::Portrait p;
  p.territory_id = c.territory_id();
  long long campaign = parse_id(c.req.query("campagne"));
  if (campaign > 0) p.campaign_id = campaign;
  return portrait_form_page(c, p, {}, {}, 200);
}

}  // namespace passerelles::web
