// Blocks of the dashboard (templates/dashboard_*.html), each built from the one store::Indicators value computed
// per request: key figures against targets, charts with their data tables, maps, and the STI2D context.
#pragma once
#include <string>
#include <vector>

#include "domain/account.hpp"
#include "store/indicators.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// Key figures (people reached, girls, share of girls, boys, actions, schools reached), each with its target and
// progress when the period has one (territory view).
List key_figures_data(const store::Indicators& ind);

// The charts with their data tables, rendered (templates/dashboard_chart.html).
std::string month_chart_html(Ctx& c, const store::Indicators& ind);
std::string audience_chart_html(Ctx& c, const store::Indicators& ind);
std::string initiative_chart_html(Ctx& c, const store::Indicators& ind);  // "" when the territory has none
std::string kind_chart_html(Ctx& c, const store::Indicators& ind);
// The choropleth of people reached by département; `highlight` = the territory's départements.
std::string departments_map_html(Ctx& c, const store::Indicators& ind, const std::vector<std::string>& highlight);
// The map of the schools reached in the territory's départements, with their table.
std::string schools_map_html(Ctx& c, const store::Indicators& ind, const std::vector<std::string>& departments);

// Every territory side by side (federation view): rows of by_territory with a drill-down link each.
List territory_rows_data(const store::Indicators& ind, const std::string& query_without_territory);

// The share of girls in STI2D in the territory's académie and nationally: {academy, year, share, girls, pupils,
// national_share, national_year}; nullopt when the data folder or the académie is missing.
std::optional<Data> sti2d_data(Ctx& c, const domain::Territory& t);

}  // namespace passerelles::web
