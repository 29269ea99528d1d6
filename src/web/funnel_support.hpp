// The dashboard's funnel section « Du premier contact à l’emploi » (templates/dashboard_funnel.html), and what the
// company hires pages share: who may report for which company, the form and the list.
#pragma once
#include <optional>
#include <string>

#include "domain/funnel.hpp"
#include "store/indicators.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// The funnel of the indicators' territory and period (store::funnel), its chart and its table, rendered.
std::string funnel_html(Ctx& c, const store::Indicators& ind);

// Who reports hires: a coordinator, for any company of her territory (company_id 0), or a company contact for the
// company her account acts for. nullopt for anybody else (an admin without territory, a company contact without
// company, every other role): the pages answer 403.
struct HiresReporter {
  long long territory_id = 0;
  long long company_id = 0;  // 0: any company of the territory (coordinator)
};
std::optional<HiresReporter> hires_reporter(const Ctx& c);

// The form values laid over `base` (the stored report when editing); a field that is not a whole number sets
// `errors` and keeps -1. A company contact's organisation is hers whatever the form says.
domain::CompanyHires hires_from_form(const http::Request& r, const HiresReporter& who, domain::CompanyHires base,
                                     domain::Errors& errors);

// The page: the reports of the company (or of the territory) with an edit link each, and the form — to add a year
// (h.id == 0) or to edit one — with its values and the errors next to the fields.
http::Response hires_page(Ctx& c, const HiresReporter& who, const domain::CompanyHires& h, const domain::Errors& e,
                          int status);

// The current year in Paris.
int current_year();

}  // namespace passerelles::web
