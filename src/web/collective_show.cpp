// GET /collectif: for a coordinator, the animation view of the collective (members active in the last 90 days, the
// dormant ones, each one's load this term, newcomers to welcome, applications waiting); for a member, her hub (her
// profile, her portrait, the kit, the networks). Other roles: 403.
#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

namespace {

List activity_rows(const std::vector<store::MemberActivity>& v) {
  List out;
  for (const auto& m : v) {
    Data d = member_data(m.ambassador);
    d.set("term", std::to_string(m.actions_this_term));
    d.set("recent", std::to_string(m.actions_90_days));
    d.set("last_action", m.last_action_day.empty() ? std::string("aucune") : domain::format_day_fr(m.last_action_day));
    out.push_back(d);
  }
  return out;
}

}  // namespace

http::Response collective_show(Ctx& c) {
  if (is_collective_editor(c)) {
    auto o = store::collective_overview(c.app.store, c.territory_id(), plan_today());
    Data d;
    d.set("territory", c.actor->territory.name);
    d.set("term_start", domain::format_day_fr(o.term_start));
    d.set("active", activity_rows(o.active));
    d.set("dormant", activity_rows(o.dormant));
    d.set("newcomers", activity_rows(o.newcomers));
    List applicants;
    for (const auto& a : o.applicants) applicants.push_back(member_data(a));
    d.set("applicants", applicants);
    d.set("has_active", !o.active.empty());
    d.set("has_dormant", !o.dormant.empty());
    d.set("has_newcomers", !o.newcomers.empty());
    d.set("has_applicants", !o.applicants.empty());
    d.set("active_count", std::to_string(o.active.size()));
    d.set("dormant_count", std::to_string(o.dormant.size()));
    d.set("newcomer_count", std::to_string(o.newcomers.size()));
    d.set("applicant_count", std::to_string(o.applicants.size()));
    return c.page("collective_animation", "Animation du collectif", d);
  }
  if (c.actor->can_edit_directory()) return directory_without_territory(c);  // an admin without a territory
  if (c.actor->user.role != domain::Role::ambassador || !c.territory_id()) return c.forbidden();
  Data d;
  auto me = my_membership(c);
  d.set("member", me.has_value());
  if (me) d.set("first_name", me->first_name);
  d.set("territory", c.actor->territory.name);
  return c.page("collective_hub", "Le collectif", d);
}

}  // namespace passerelles::web
