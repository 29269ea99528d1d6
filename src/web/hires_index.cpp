// GET /entreprise/embauches: a company contact's hires year by year (or, for the coordinator, every company's of her
// territory), each with an edit link, and the form to declare a year. 403 for every other role.
#include "web/funnel_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response hires_index(Ctx& c) {
  auto who = hires_reporter(c);
  if (!who) return c.page("hires_forbidden", "Embauches déclarées", Data(), 403);
  domain::CompanyHires blank;
  blank.organisation_id = who->company_id;
  blank.year = current_year() - 1;
  blank.hires = blank.hires_women = -1;  // empty fields, to be typed
  return hires_page(c, *who, blank, {}, 200);
}

}  // namespace passerelles::web
