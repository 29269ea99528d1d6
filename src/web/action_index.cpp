// GET /actions: the actions of my territory, newest first, with filters (status, kind, mine, words) and
// pagination; coordinators see the ones waiting for validation first, with a button on each row.
#include <algorithm>

#include "store/actions.hpp"
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response action_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  store::ActionFilter f;
  f.status = c.req.query("statut");
  if (domain::action_status_label(f.status).empty()) f.status.clear();
  f.kind = c.req.query("type");
  if (domain::action_kind_label(f.kind).empty()) f.kind.clear();
  bool mine = c.req.query("miennes") == "1";
  if (mine) f.ambassador_id = c.actor->user.id;
  std::string q_error;
  f.query = search_query(c.req, q_error);
  f.page = std::max(1, parse_int(c.req.query("page"), 1));
  f.per_page = 25;
  auto found = store::actions_matching(c.app.store, c.territory_id(), f);

  Data d;
  List rows;
  bool editor = c.actor->can_edit_directory();
  for (const auto& a : found.rows) {
    Data row = action_data(a);
    row.set("can_decide", editor && a.status == "declared");
    rows.push_back(row);
  }
  d.set("rows", rows);
  d.set("has_rows", !rows.empty());
  d.set("q", f.query);
  if (!q_error.empty()) d.set("q_error", q_error);
  d.set("mine", mine);
  d.set("can_declare", can_declare(c));
  d.set("is_ambassador", c.actor->user.role == domain::Role::ambassador);
  d.set("statuses", choice_list(domain::action_statuses(), f.status));
  d.set("kinds", choice_list(domain::action_kinds(), f.kind));
  long long pages = found.pages();
  d.set("count_label", found.total == 0   ? std::string("Aucune action ne correspond.")
                       : found.total == 1 ? std::string("1 action")
                                          : std::to_string(found.total) + " actions");
  std::string base = "/actions?statut=" + http::url_encode(f.status) + "&type=" + http::url_encode(f.kind) +
                     "&q=" + http::url_encode(f.query) + (mine ? "&miennes=1" : "");
  set_pagination(c, d, f.page, pages, [&](long long n) { return base + "&page=" + std::to_string(n); });
  return c.page("action_list", "Actions", d);
}

}  // namespace passerelles::web
