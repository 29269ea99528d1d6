// GET /entreprise/embauches/{id}/modifier: the list with the form filled with the stored report; another company's
// or territory's report is 404.
#include "store/funnel.hpp"
#include "web/funnel_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response hires_edit(Ctx& c) {
  auto who = hires_reporter(c);
  if (!who) return c.page("hires_forbidden", "Embauches déclarées", Data(), 403);
  auto h = store::hires_report_by_id(c.app.store, who->territory_id, c.req.param_id("id"), who->company_id);
  if (!h) return c.not_found();
  return hires_page(c, *who, *h, {}, 200);
}

}  // namespace passerelles::web
