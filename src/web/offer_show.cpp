// GET /offres/{id}: an offer; its company and the coordinator also see its applications and the buttons to edit
// and close it; a school contact, a prescriber or the coordinator the link to apply.
#include "store/opportunities.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response offer_show(Ctx& c) {
  if (!c.territory_id()) return c.not_found();
  auto o = store::offer_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  std::string today = today_paris();
  if (!o || !may_see_offer(c, *o, today)) return c.not_found();
  Data d = offer_data(*o);
  bool manage = may_manage_offer(c, *o);
  d.set("manage", manage && o->status != "closed");
  d.set("open", o->status == "published" && o->expires_on >= today && o->places_left() > 0);
  d.set("may_refer", may_refer(c));
  if (manage) {
    store::ApplicationFilter f;
    f.territory_id = c.territory_id();
    f.offer_id = o->id;
    f.per_page = 100;
    List rows;
    for (const auto& a : store::applications_matching(c.app.store, f).rows) rows.push_back(application_data(a));
    d.set("has_applications", !rows.empty());
    d.set("applications", rows);
    d.set("show_applications", true);
  }
  if (c.req.query("msg") == "enregistre") d.set("notice", std::string("Offre enregistrée."));
  return c.page("offer_show", o->title, d);
}

}  // namespace passerelles::web
