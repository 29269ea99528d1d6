// GET /evenements/integrer?territoire=SLUG&limite=N: the upcoming events as a small page of its own (no site
// header) for an iframe on a partner's website. Embeddable from any site (frame-ancestors *, and no
// X-Frame-Options thanks to Content-Security-Policy-Embed); its links open the event page in a new tab.
#include <algorithm>

#include "store/accounts.hpp"
#include "web/event_public_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr int kDefaultLimit = 10;
constexpr int kMaxLimit = 50;

}  // namespace

http::Response event_public_embed(Ctx& c) {
  Data d;
  long long territory_id = 0;
  std::string slug = c.req.query("territoire");
  int status = 200;
  std::string all_url = "/evenements";
  if (!slug.empty()) {
    if (auto t = store::territory_by_slug(c.app.store, slug)) {
      territory_id = t->id;
      d.set("territory_name", t->name);
      all_url += "?territoire=" + http::url_encode(t->slug);
    } else {
      status = 404;
      d.set("error", std::string("Ce territoire n’existe pas : vérifiez l’adresse du cadre (paramètre territoire)."));
    }
  }
  d.set("all_url", all_url);
  int limit = std::clamp(parse_int(c.req.query("limite"), kDefaultLimit), 1, kMaxLimit);
  List events;
  if (status == 200)
    for (const auto& e : store::upcoming_events(c.app.store, territory_id, plan_today(), limit)) {
      Data item = event_card_data(e);
      if (territory_id) item.set("territory", false);  // the frame names its territory once, in its heading
      events.push_back(item);
    }
  d.set("has_events", !events.empty());
  d.set("events", events);
  d.set("new_tab", true);
  d.set("css_pico", c.app.assets.url("/static/pico.css"));
  d.set("css_app", c.app.assets.url("/static/app.css"));
  http::Response r = http::Response::html(c.app.templates.render("event_embed", d), status);
  r.header("Content-Security-Policy", embeddable_csp());
  r.header("Content-Security-Policy-Embed", "1");
  r.header("Cache-Control", "public, max-age=300");
  return r;
}

}  // namespace passerelles::web
