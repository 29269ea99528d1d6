// GET /collectif/campagnes: the territory's campaigns with their portraits (published and in all) and the links
// to their posters (one PDF page per published portrait, A4 or A3).
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response campaign_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  List rows;
  for (const auto& k : store::campaigns_of(c.app.store, c.territory_id())) {
    store::PortraitFilter f;
    f.territory_id = c.territory_id();
    f.published_only = false;
    f.campaign_id = k.id;
    f.per_page = 1;
    Data d;
    d.set("id", std::to_string(k.id));
    d.set("name", k.name);
    set_text(d, "year", k.year ? std::to_string(k.year) : "");
    d.set("published", std::to_string(k.published));
    d.set("total", std::to_string(store::portraits_matching(c.app.store, f).total));
    d.set("has_published", k.published > 0);
    rows.push_back(d);
  }
  Data d;
  d.set("has_rows", !rows.empty());
  d.set("rows", rows);
  return c.page("portrait_edit_campaigns", "Campagnes de portraits", d);
}

}  // namespace passerelles::web
