// GET /plan: the action plan at a glance — warnings for grants ending soon (or just ended) with the initiatives
// they pay for, the initiatives grouped by axis with this year's targets, the partnerships and the funding.
#include <algorithm>

#include "domain/text.hpp"
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  std::string today = plan_today();
  int year = std::stoi(today.substr(0, 4));
  auto initiatives = store::initiatives_of(c.app.store, c.territory_id());
  auto partnerships = store::partnerships_of(c.app.store, c.territory_id());
  auto fundings = store::fundings_of(c.app.store, c.territory_id());
  auto warnings = store::funding_warnings(c.app.store, c.territory_id(), today);

  Data d;
  List warning_list;
  for (const auto& w : warnings) {
    Data item;
    item.set("text", domain::describe_fr(w));
    item.set("id", std::to_string(w.funding.id));
    item.set("funder", w.funding.funder);
    warning_list.push_back(item);
  }
  d.set("has_warnings", !warnings.empty());
  d.set("warnings", warning_list);

  // Axes in alphabetical order (ignoring case and accents), initiatives without an axis last.
  std::vector<std::string> axes;
  for (const auto& i : initiatives)
    if (std::find(axes.begin(), axes.end(), i.axis) == axes.end()) axes.push_back(i.axis);
  std::sort(axes.begin(), axes.end(), [](const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return !a.empty() && b.empty();
    return domain::fold(a) < domain::fold(b);
  });
  List axis_list;
  for (const auto& axis : axes) {
    List items;
    for (const auto& i : initiatives)
      if (i.axis == axis) items.push_back(initiative_data(i, year));
    Data group;
    group.set("axis", axis.empty() ? (axes.size() == 1 ? "Toutes les initiatives" : "Hors axe") : axis);
    group.set("initiatives", items);
    axis_list.push_back(group);
  }
  d.set("has_initiatives", !initiatives.empty());
  d.set("axes", axis_list);

  List partnership_list, funding_list;
  for (const auto& p : partnerships) partnership_list.push_back(partnership_data(p));
  for (const auto& f : fundings) funding_list.push_back(funding_data(f));
  d.set("has_partnerships", !partnerships.empty());
  d.set("partnerships", partnership_list);
  d.set("has_fundings", !fundings.empty());
  d.set("fundings", funding_list);
  return c.page("plan_show", "Plan d’action", d);
}

}  // namespace passerelles::web
