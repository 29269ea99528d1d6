// GET /api/v1/portraits: the published portraits of every territory, for anyone, with only what each woman agreed
// to publish (domain::public_portrait; a field without consent is null). Same filter and search as the gallery.
#include <algorithm>

#include "api/directory_json.hpp"
#include "web/form_support.hpp"
#include "web/gallery_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

using nlohmann::json;

constexpr int kDefaultPerPage = 24;

json text_or_null(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json portrait_json(const domain::PublicPortrait& p, const std::vector<store::PhotoVariantInfo>* photos,
                   const std::string& base) {
  const std::string url = base + portrait_path(p.slug);
  json photo_url = nullptr;
  if (photos && p.has_photo)
    if (auto c = choose_photo(p.slug, *photos, 1024)) photo_url = base + c->jpeg_url;
  json video_url = nullptr;
  if (!p.video_url.empty())
    video_url = p.video_url;
  else if (p.has_video_file)
    video_url = url + "/video.mp4";
  return {{"id", p.id},
          {"slug", p.slug},
          {"name", text_or_null(p.name)},
          {"job_title", p.job_title},
          {"domain", text_or_null(p.domain)},
          {"domain_label", text_or_null(p.domain_label)},
          {"employer", text_or_null(p.employer)},
          {"diploma_level", p.diploma_level ? json(p.diploma_level) : json(nullptr)},
          {"quote", text_or_null(p.quote)},
          {"cliche", text_or_null(p.cliche)},
          {"campaign", text_or_null(p.campaign_name)},
          {"territory", p.territory_slug},
          {"territory_name", p.territory_name},
          {"published_at", p.published_at},
          {"url", url},
          {"poster_url", url + "/affiche.pdf?format=a4"},
          {"photo_url", photo_url},
          {"video_url", video_url}};
}

}  // namespace

// GET /api/v1/portraits?q=&domain=&level=&territory=&employer=&campaign=&page=&per_page=
http::Response portraits_api_index(Ctx& c) {
  std::string per_page_text = c.req.query("per_page");
  int per_page = per_page_text.empty() ? kDefaultPerPage : parse_int(per_page_text, -1);
  GalleryQuery g = gallery_query(c.app.store, c.req, kApiParams, std::clamp(per_page, 1, store::kMaxPerPage));
  if (per_page < 1 || per_page > store::kMaxPerPage)
    g.errors["per_page"] = "per_page doit être un nombre entier de 1 à " + std::to_string(store::kMaxPerPage) + ".";
  if (!g.errors.empty()) return api_errors(400, "Paramètres de recherche invalides.", g.errors);
  auto found = store::gallery(c.app.store, g.filter);
  std::vector<long long> ids;
  for (const auto& p : found.rows)
    if (p.has_photo) ids.push_back(p.id);
  auto photos = store::public_photo_variants(c.app.store, ids);
  const std::string base = c.app.cfg.base_url();
  json items = json::array();
  for (const auto& p : found.rows) {
    auto it = photos.find(p.id);
    items.push_back(portrait_json(p, it == photos.end() ? nullptr : &it->second, base));
  }
  return api_json({{"items", items}, {"total", found.total}, {"page", found.page}, {"per_page", found.per_page}});
}

}  // namespace passerelles::web
