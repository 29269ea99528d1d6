// GET /: the public home page — what the networks do, their key figures, and quotes from pupils and partners.
#include "store/accounts.hpp"
#include "store/stats.hpp"
#include "store/surveys.hpp"
#include "web/gallery_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response home_show(Ctx& c) {
  auto counts = store::public_counts(c.app.store);
  Data d;
  d.set("territories", std::to_string(counts.territories));
  d.set("schools", std::to_string(counts.schools));
  d.set("organisations", std::to_string(counts.organisations));
  List list;
  for (const auto& t : store::all_territories(c.app.store)) {
    Data item;
    item.set("name", t.name);
    item.set("kind_label", std::string(domain::territory_kind_label_fr(t.kind)));
    std::string deps;
    for (const auto& dep : t.departments) deps += (deps.empty() ? "" : ", ") + dep;
    item.set("departments", "départements " + deps);
    list.push_back(item);
  }
  d.set("territory_list", list);
  // Quotes the coordinators selected and made public (pupils anonymous, adults with their consent).
  List quotes;
  for (const auto& q : store::quotes_of(c.app.store, 0, true, 3)) {
    Data item;
    item.set("text", q.text);
    item.set("attribution", q.attribution + " — " + q.territory_name);
    quotes.push_back(item);
  }
  d.set("quotes", quotes);
  d.set("has_quotes", !quotes.empty());
  // The portrait of the day: the same for everyone all day (Paris time), only what she agreed to publish.
  if (auto p = store::portrait_of_the_day(c.app.store, plan_today())) {
    Data card = portrait_cards(c.app.store, {*p}, false)[0];
    card.set("card_heading", std::string("h3"));
    d.set("portrait_of_the_day", card);
  }
  return c.page("home", "Accueil", d);
}

}  // namespace passerelles::web
