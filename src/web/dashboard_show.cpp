// GET /tableau-de-bord: the indicators of the territory for the filter of the query string (indicator_support.hpp)
// — key figures against targets, charts beside their data tables, the funnel, maps, the STI2D context — or, for the
// federation admin without a territory chosen, every territory side by side. The indicators are computed once per
// request; htmx (the filter form) gets the page body alone.
#include "report/charts.hpp"
#include "store/accounts.hpp"
#include "store/stats.hpp"
#include "web/dashboard_support.hpp"
#include "web/funnel_support.hpp"
#include "web/handlers.hpp"
#include "web/indicator_support.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

namespace {

// Values shared by both views: the filter form (with the effective period), export links, key figures, charts.
Data common_data(Ctx& c, const store::Indicators& ind, const domain::Errors& errors, const std::string& slug) {
  store::IndicatorFilter shown = ind.filter;
  shown.from_month = ind.from_month;
  shown.to_month = ind.to_month;
  Data d;
  d.set("filters", c.app.templates.render("dashboard_filters", filter_form_data(c, shown, errors)));
  d.set("query", indicator_query(shown, slug));
  d.set("period", period_label_fr(ind.from_month, ind.to_month));
  d.set("figures", c.app.templates.render("dashboard_figures", Data("figures", key_figures_data(ind))));
  d.set("month_chart", month_chart_html(c, ind));
  d.set("audience_chart", audience_chart_html(c, ind));
  d.set("surveys", survey_dashboard_html(c, shown, indicator_query(shown, slug)));
  d.set("funnel", funnel_html(c, ind));
  return d;
}

http::Response federation_page(Ctx& c, const store::Indicators& ind, const domain::Errors& errors) {
  Data d = common_data(c, ind, errors, "");
  store::IndicatorFilter all = ind.filter;
  all.from_month = ind.from_month;
  all.to_month = ind.to_month;
  List rows = territory_rows_data(ind, indicator_query(all));
  d.set("has_territories", !rows.empty());
  d.set("territories", rows);
  d.set("map", departments_map_html(c, ind, {}));
  auto counts = store::public_counts(c.app.store);
  d.set("count_territories", std::to_string(counts.territories));
  d.set("count_schools", report::format_count(counts.schools));
  d.set("count_organisations", report::format_count(counts.organisations));
  return c.page("dashboard_admin", "Tableau de bord", d);
}

http::Response territory_page(Ctx& c, const domain::Territory& t, const store::Indicators& ind,
                              const domain::Errors& errors) {
  bool admin = c.actor->is_admin();
  Data d = common_data(c, ind, errors, admin ? t.slug : "");
  d.set("territory", t.name);
  d.set("is_admin", admin);
  d.set("initiative_chart", initiative_chart_html(c, ind));
  d.set("kind_chart", kind_chart_html(c, ind));
  d.set("map", departments_map_html(c, ind, t.departments));
  d.set("schools_map", schools_map_html(c, ind, t.departments));
  if (auto s = sti2d_data(c, t)) d.set("sti2d", *s);
  auto counts = store::territory_counts(c.app.store, t);
  d.set("count_schools", report::format_count(counts.schools));
  d.set("count_organisations", report::format_count(counts.organisations));
  d.set("count_people", report::format_count(counts.people));
  return c.page("dashboard", "Tableau de bord — " + t.name, d);
}

}  // namespace

http::Response dashboard_show(Ctx& c) {
  domain::Errors errors;
  store::IndicatorFilter f = indicator_filter(c, errors);
  std::optional<domain::Territory> territory;
  if (f.territory_id > 0)
    territory = f.territory_id == c.actor->territory.id ? c.actor->territory
                                                        : store::territory_by_id(c.app.store, f.territory_id);
  if (!territory && !c.actor->is_admin()) return c.not_found();  // a user always has a territory
  if (!territory) f.territory_id = 0;
  store::Indicators ind = store::indicators(c.app.store, f);
  return territory ? territory_page(c, *territory, ind, errors) : federation_page(c, ind, errors);
}

}  // namespace passerelles::web
