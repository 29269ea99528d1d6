// Shared by the dashboard and the indicator exports (CSV, XLSX, PDF report, JSON API): the indicator filter read
// from the query string, its canonical query string, and the values of the filter form.
#pragma once
#include <string>

#include "domain/validation.hpp"
#include "store/indicators.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// The filter from the query string. Parameters (all optional; aliases in brackets for the JSON API):
//   du (from), au (to)   first and last month, 'YYYY-MM' as sent by <input type="month">; 'YYYY-MM-DD' is cut to
//                        its month. Absent or empty: store::indicators decides (docs/counting.md: neither = the
//                        current school year; no start = from the first counted month; no end = up to this
//                        month). A malformed month, or au before du, adds an error and leaves both empty.
//   initiative           id of an initiative of the territory; "" = all.
//   type                 action kind code (domain::action_kinds()); "" = all.
//   public               audience category code (domain::audience_categories(): girls, boys…): counts that
//                        category only; "" = all.
//   niveau               class level group (domain::level_groups()); "" = all.
//   rep                  "1": only actions that reached a priority-education (REP/REP+) school; "" or "0": all.
//   territoire (territory)  territory slug, for the federation admin only ("" = every territory). Everyone else
//                        always gets their own territory, whatever this says (no error: the value is ignored).
// A bad value adds a French message to `errors` under the parameter's name and takes its default; it never
// fails the request. Without a signed-in user the territory is -1 (matches nothing).
store::IndicatorFilter indicator_filter(const Ctx& c, domain::Errors& errors);

// The canonical query string of a filter, without '?': "du=2025-01&au=2025-06&type=atelier". Pass the effective
// period (Indicators::from_month/to_month) so that a link reproduces the same period. `territory_slug` is added as
// territoire= when not empty (an admin's drill-down).
std::string indicator_query(const store::IndicatorFilter& f, const std::string& territory_slug = "");

// The slug of the filter's territory, "" for every territory (or an unknown id).
std::string filter_territory_slug(const Ctx& c, const store::IndicatorFilter& f);

// Values of the filter form (templates/dashboard_filters.html): du, au, options of each select with `selected`,
// rep, territories (admins), the errors next to each field and their summary, and `query` (indicator_query).
Data filter_form_data(Ctx& c, const store::IndicatorFilter& f, const domain::Errors& errors);

// "janvier 2025" for '2025-01'; the text itself when it is not a month.
std::string month_label_fr(const std::string& month);
// "de janvier 2025 à juin 2025", "depuis janvier 2025", "jusqu’à juin 2025", "sur toute la période".
std::string period_label_fr(const std::string& from_month, const std::string& to_month);

}  // namespace passerelles::web
