// GET /interventions/besoins: « Besoins de recrutement » — the waiting list (requests the last run could not fill,
// with why) and, by département and domain, the places unfilled beside the ambassadors living there, as a bar chart
// drawn on the server and its data table.
#include "domain/collective.hpp"
#include "domain/event.hpp"
#include "report/charts.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_needs(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  Data d;
  List waiting;
  for (const auto& s : store::shortages(c.app.store, c.territory_id())) {
    Data x = request_row_data(s.request);
    x.set("places_left", std::to_string(s.places_left));
    waiting.push_back(x);
  }
  d.set("has_waiting", !waiting.empty());
  d.set("waiting", waiting);

  List rows;
  std::vector<report::Bar> bars;
  for (const auto& n : store::recruitment_needs(c.app.store, c.territory_id())) {
    std::string name = report::department_name(c.app.cfg.data_dir, n.department);
    std::string place = name.empty() ? n.department : name + " (" + n.department + ")";
    std::string dom = n.domain.empty() ? std::string("sans domaine précisé")
                                       : std::string(domain::choice_label(domain::collective_domains(), n.domain));
    Data x;
    x.set("department", place);
    x.set("domain", dom);
    x.set("requests", std::to_string(n.requests));
    x.set("places", std::to_string(n.places));
    x.set("ambassadors", std::to_string(n.ambassadors_there));
    rows.push_back(x);
    bars.push_back({place + " — " + dom, static_cast<double>(n.places), ""});
  }
  d.set("has_needs", !rows.empty());
  d.set("needs", rows);
  if (!bars.empty()) d.set("chart", report::bar_chart_svg("Places non pourvues par département et domaine", bars));
  return c.page("matching_needs", "Besoins de recrutement", d);
}

}  // namespace passerelles::web
