// GET /actions: the actions of my territory, newest first, with filters (status, kind, mine, words) and
// pagination; coordinators see the ones waiting for validation first, with a button on each row.
#include <charconv>

#include "domain/text.hpp"
#include "store/actions.hpp"
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

int parse_page(const std::string& s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && v > 0 ? v : 1;
}

}  // namespace

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
  f.query = domain::trim(c.req.query("q"));
  if (!domain::valid_utf8(f.query) || domain::utf8_length(f.query) > 200) {
    q_error = "La recherche contient des caractères invalides ou est trop longue (200 caractères au plus).";
    f.query.clear();
  }
  f.page = parse_page(c.req.query("page"));
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
  List statuses, kinds;
  for (const auto& s : domain::action_statuses()) {
    Data item;
    item.set("code", std::string(s.code));
    item.set("label", std::string(s.label));
    item.set("selected", f.status == s.code);
    statuses.push_back(item);
  }
  for (const auto& k : domain::action_kinds()) {
    Data item;
    item.set("code", std::string(k.code));
    item.set("label", std::string(k.label));
    item.set("selected", f.kind == k.code);
    kinds.push_back(item);
  }
  d.set("statuses", statuses);
  d.set("kinds", kinds);
  long long pages = found.pages();
  d.set("count_label", found.total == 0   ? std::string("Aucune action ne correspond.")
                       : found.total == 1 ? std::string("1 action")
                                          : std::to_string(found.total) + " actions");
  d.set("page", std::to_string(f.page));
  d.set("pages", std::to_string(pages));
  std::string base = "/actions?statut=" + http::url_encode(f.status) + "&type=" + http::url_encode(f.kind) +
                     "&q=" + http::url_encode(f.query) + (mine ? "&miennes=1" : "");
  Data pag;
  pag.set("paginated", pages > 1);
  pag.set("page", std::to_string(f.page));
  pag.set("pages", std::to_string(pages));
  if (f.page > 1) pag.set("prev_url", base + "&page=" + std::to_string(f.page - 1));
  if (f.page < pages) pag.set("next_url", base + "&page=" + std::to_string(f.page + 1));
  d.set("pagination", c.app.templates.render("dir_pagination", pag));
  return c.page("action_list", "Actions", d);
}

}  // namespace passerelles::web
