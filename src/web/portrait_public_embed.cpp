// GET /portraits/integrer?territoire=SLUG&domaine=CODE&limite=N: the latest published portraits as a small page of
// their own (no site header) for an iframe on a school's or a company's website. Embeddable from any site
// (frame-ancestors *, no X-Frame-Options thanks to Content-Security-Policy-Embed); links open in a new tab. Never
// kept by a cache: an unpublished portrait leaves the frame at once.
#include <algorithm>

#include "store/accounts.hpp"
#include "web/event_public_support.hpp"
#include "web/form_support.hpp"
#include "web/gallery_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr int kDefaultLimit = 6;
constexpr int kMaxLimit = 24;

}  // namespace

http::Response portrait_public_embed(Ctx& c) {
  Data d;
  int status = 200;
  store::PortraitFilter f;
  std::vector<std::pair<std::string, std::string>> params;
  std::string slug = c.req.query("territoire");
  if (!slug.empty()) {
    if (auto t = store::territory_by_slug(c.app.store, slug)) {
      f.territory_slug = t->slug;
      d.set("territory_name", t->name);
      params.emplace_back("territoire", t->slug);
    } else {
      status = 404;
      d.set("error", std::string("Ce territoire n’existe pas : vérifiez l’adresse du cadre (paramètre territoire)."));
    }
  }
  std::string dom = c.req.query("domaine");
  if (domain::is_choice(domain::collective_domains(), dom)) {
    f.domain = dom;
    params.emplace_back("domaine", dom);
  }
  f.per_page = std::clamp(parse_int(c.req.query("limite"), kDefaultLimit), 1, kMaxLimit);
  d.set("all_url", "/portraits" + query_string(params));
  List cards;
  if (status == 200) cards = portrait_cards(c.app.store, store::gallery(c.app.store, f).rows, true);
  d.set("has_cards", !cards.empty());
  d.set("cards", cards);
  d.set("css_pico", c.app.assets.url("/static/pico.css"));
  d.set("css_app", c.app.assets.url("/static/app.css"));
  http::Response r = http::Response::html(c.app.templates.render("gallery_embed", d), status);
  r.header("Content-Security-Policy", embeddable_csp());
  r.header("Content-Security-Policy-Embed", "1");
  return r;
}

}  // namespace passerelles::web
