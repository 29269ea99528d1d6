// GET /collectif/kit/pages/{slug}/historique: every version of a page, newest first: number, who, when, summary.
#include "store/kit.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_page_history(Ctx& c) {
  http::Response refusal;
  auto p = kit_page_to_show(c, refusal);
  if (!p) return refusal;
  Data d;
  d.set("slug", p->slug);
  d.set("title", p->title);
  List rows;
  for (const auto& r : store::kit_revisions(c.app.store, c.territory_id(), p->slug)) {
    Data row;
    row.set("revision", std::to_string(r.revision));
    row.set("by", r.user_label.empty() ? std::string("—") : r.user_label);
    row.set("when", on_day_at(r.at));
    set_text(row, "summary", r.summary);
    row.set("current", r.revision == p->revision);
    rows.push_back(row);
  }
  d.set("revisions", rows);
  return c.page("kit_page_history", "Historique de « " + p->title + " »", d);
}

}  // namespace passerelles::web
