// GET /candidatures: the applications I follow: those I referred (school contact, prescriber), those my company
// received (company contact), every one of the territory (coordinator); filter by state.
#include <algorithm>

#include "http/message.hpp"
#include "store/opportunities.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response application_index(Ctx& c) {
  using domain::Role;
  if (!c.territory_id()) return c.forbidden();
  store::ApplicationFilter f;
  f.territory_id = c.territory_id();
  Role role = c.actor->user.role;
  if (role == Role::company_contact && c.actor->user.organisation_id)
    f.organisation_id = c.actor->user.organisation_id;
  else if (role == Role::school_contact || role == Role::prescriber)
    f.referred_by = c.actor->user.id;
  else if (role != Role::coordinator)
    return opportunity_forbidden(c,
                                 "Les candidatures sont suivies par les entreprises, les établissements, les "
                                 "prescripteurs et la coordination.");
  f.state = c.req.query("etat");
  if (domain::application_status_label(f.state).empty()) f.state.clear();
  f.page = std::max(1, parse_int(c.req.query("page"), 1));
  f.per_page = 50;
  auto page = store::applications_matching(c.app.store, f);
  Data d;
  List rows;
  for (const auto& a : page.rows) rows.push_back(application_data(a));
  d.set("has_rows", !rows.empty());
  d.set("applications", rows);
  d.set("count", std::to_string(page.total) + (page.total > 1 ? " candidatures" : " candidature"));
  d.set("states", choice_list(domain::application_statuses(), f.state));
  set_pagination(c, d, page.page, page.pages(), [&](long long n) {
    return "/candidatures?etat=" + http::url_encode(f.state) + "&page=" + std::to_string(n);
  });
  d.set("company", f.organisation_id != 0);
  d.set("referrer", f.referred_by != 0);
  return c.page("application_list", "Candidatures", d);
}

}  // namespace passerelles::web
