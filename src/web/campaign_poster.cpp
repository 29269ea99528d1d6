// GET /collectif/campagnes/{id}/affiches.pdf?format=a4|a3: one poster page per PUBLISHED portrait of a campaign of
// my territory, newest first, with only what each woman agreed to publish.
#include "domain/text.hpp"
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response campaign_poster(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto campaign = store::campaign_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!campaign) return c.not_found();
  store::PortraitFilter f;
  f.territory_id = c.territory_id();
  f.published_only = true;
  f.campaign_id = campaign->id;
  f.per_page = store::kMaxPerPage;
  std::vector<report::PosterItem> items;
  for (f.page = 1;; ++f.page) {
    auto found = store::portraits_matching(c.app.store, f);
    for (const auto& p : found.rows)
      if (auto pub = domain::public_portrait(p)) items.push_back(poster_item(c, *pub));
    if (f.page >= found.pages()) break;
  }
  return poster_response(c, items, "affiches-" + domain::slugify(campaign->name));
}

}  // namespace passerelles::web
