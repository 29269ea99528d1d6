// GET /portraits/{slug}: a published portrait, with only what she agreed to publish (domain::public_portrait): photo
// in every size, quote, job, path, « le cliché que je casse », video (a player in a frame, or the uploaded MP4),
// campaign, links to the posters, and OpenGraph / Twitter tags with absolute addresses so that a shared link shows
// her photo and her words. The frame may load only the player's origin. Unknown or unpublished: 404.
#include "domain/text.hpp"
#include "store/media.hpp"
#include "web/form_support.hpp"
#include "web/gallery_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr std::size_t kDescriptionChars = 200;

// At most `n` characters, cut at a space, with an ellipsis when cut.
std::string shortened(const std::string& text, std::size_t n) {
  if (domain::utf8_length(text) <= n) return text;
  std::size_t bytes = 0, chars = 0;
  while (bytes < text.size() && chars < n) {
    unsigned char ch = static_cast<unsigned char>(text[bytes]);
    bytes += ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
    ++chars;
  }
  std::string cut = text.substr(0, bytes);
  if (auto space = cut.find_last_of(' '); space != std::string::npos && space > bytes / 2) cut.resize(space);
  return cut + "…";
}

Data head_data(const domain::PublicPortrait& p, const std::string& base, const std::optional<PhotoChoice>& photo,
               const std::vector<store::PhotoVariantInfo>& variants) {
  Data h;
  std::string title = p.name.empty() ? p.job_title : p.name + ", " + p.job_title;
  std::string description = !p.quote.empty() ? "« " + p.quote + " »"
                                             : p.job_title + (p.employer.empty() ? "" : " chez " + p.employer) +
                                                   " : un portrait de femme de l’industrie.";
  h.set("title", title);
  h.set("description", shortened(description, kDescriptionChars));
  h.set("url", base + portrait_path(p.slug));
  if (photo) {
    // The 1024-pixel JPEG, else the full-size one (a smaller photo).
    const store::PhotoVariantInfo* best = nullptr;
    for (const auto& v : variants)
      if (v.format == "jpeg" && (v.variant == "1024" || (!best && v.variant == "full"))) best = &v;
    if (best) {
      Data image;
      image.set("url", base + portrait_photo_path(p.slug, *best));
      image.set("width", std::to_string(best->width));
      image.set("height", std::to_string(best->height));
      image.set("alt", portrait_alt(p));
      h.set("image", image);
    }
  }
  return h;
}

}  // namespace

http::Response portrait_public_show(Ctx& c) {
  auto& s = c.app.store;
  auto p = store::portrait_by_slug_public(s, c.req.params["slug"]);
  if (!p) return c.not_found();
  std::vector<store::PhotoVariantInfo> variants;
  if (p->has_photo) {
    auto all = store::public_photo_variants(s, {p->id});
    if (auto it = all.find(p->id); it != all.end()) variants = it->second;
  }
  auto photo = choose_photo(p->slug, variants, 1024);
  const std::string base = c.app.cfg.base_url(), path = portrait_path(p->slug);

  Data d;
  d.set("heading", p->name.empty() ? p->job_title : p->name);
  set_text(d, "name", p->name);
  d.set("job", p->job_title);
  set_text(d, "domain_label", p->domain_label);
  set_text(d, "employer", p->employer);
  set_text(d, "commune", p->commune_name);
  set_text(d, "level_label", std::string(domain::diploma_level_label_fr(p->diploma_level)));
  set_text(d, "territory_name", p->territory_name);
  set_text(d, "campaign", p->campaign_name);
  set_text(d, "quote", p->quote);
  set_text(d, "cliche", p->cliche);
  List steps;
  for (const auto& line : domain::split_list(p->path, '\n')) steps.push_back(Data("step", Data(line)));
  d.set("has_path", !steps.empty());
  d.set("path", steps);
  if (photo) {
    Data ph;
    ph.set("jpeg", photo->jpeg_url);
    ph.set("jpeg_srcset", photo->jpeg_srcset);
    set_text(ph, "webp_srcset", photo->webp_srcset);
    ph.set("width", std::to_string(photo->width));
    ph.set("height", std::to_string(photo->height));
    ph.set("alt", portrait_alt(*p));
    d.set("photo", ph);
  }
  std::string video_title = "Vidéo : " + (p->name.empty() ? p->job_title : p->name + ", " + p->job_title);
  d.set("video_title", video_title);
  set_text(d, "video_embed", p->video_embed);
  set_text(d, "video_url", p->video_url);
  if (p->has_video_file)
    if (long long media = store::public_video_media(s, p->slug))
      if (auto info = store::media_info(s, media))
        d.set("video_file", path + "/video.mp4?v=" + info->sha256.substr(0, 16));
  d.set("has_video", !p->video_embed.empty() || p->has_video_file);
  d.set("poster_a4", path + "/affiche.pdf?format=a4");
  d.set("poster_a3", path + "/affiche.pdf?format=a3");

  c.head_extra = c.app.templates.render("gallery_head", head_data(*p, base, photo, variants));
  http::Response r = c.page("gallery_portrait", p->name.empty() ? p->job_title : p->name + " — " + p->job_title, d);
  r.header("Content-Security-Policy", portrait_page_csp(p->video_embed));
  return r;
}

}  // namespace passerelles::web
