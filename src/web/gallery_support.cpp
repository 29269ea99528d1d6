// Values shared by the public portrait pages and the portraits API: filter, photo addresses, cards, cache version.
#include "web/gallery_support.hpp"

#include <algorithm>

#include "domain/text.hpp"
#include "http/server.hpp"
#include "store/accounts.hpp"
#include "store/media.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

constexpr std::size_t kMaxWords = 200;

std::string ext_of(const std::string& format) {
  return format == "webp" ? "webp" : "jpg";
}

const store::PhotoVariantInfo* find_variant(const std::vector<store::PhotoVariantInfo>& v, const std::string& variant,
                                            const std::string& format) {
  for (const auto& x : v)
    if (x.variant == variant && x.format == format) return &x;
  return nullptr;
}

std::string srcset_of(const std::string& slug, const std::vector<store::PhotoVariantInfo>& variants,
                      const std::string& format) {
  std::string out;
  for (const auto& v : variants)  // narrowest first (store::public_photo_variants)
    if (v.format == format && v.width > 0)
      out += (out.empty() ? "" : ", ") + portrait_photo_path(slug, v) + " " + std::to_string(v.width) + "w";
  return out;
}

// Whether a name starts with a vowel sound written a, e, i, o, u, y (accents included) or a silent h would be a
// guess: only vowels take « d’ ».
bool starts_with_vowel(const std::string& name) {
  std::string f = domain::fold(name.substr(0, std::min<std::size_t>(name.size(), 4)));
  return !f.empty() && std::string("aeiouy").find(f[0]) != std::string::npos;
}

}  // namespace

std::string portrait_path(const std::string& slug) {
  return "/portraits/" + http::url_encode(slug);
}

std::string portrait_photo_path(const std::string& slug, const store::PhotoVariantInfo& v) {
  return portrait_path(slug) + "/photo-" + v.variant + "." + ext_of(v.format) + "?v=" + v.sha256.substr(0, 16);
}

std::optional<PhotoChoice> choose_photo(const std::string& slug, const std::vector<store::PhotoVariantInfo>& variants,
                                        int width) {
  const std::string wanted = std::to_string(width);
  const store::PhotoVariantInfo* jpeg = find_variant(variants, wanted, "jpeg");
  if (!jpeg) jpeg = find_variant(variants, "full", "jpeg");
  if (!jpeg) return std::nullopt;
  PhotoChoice c;
  c.jpeg_url = portrait_photo_path(slug, *jpeg);
  c.width = jpeg->width;
  c.height = jpeg->height;
  if (const auto* webp = find_variant(variants, jpeg->variant, "webp")) c.webp_url = portrait_photo_path(slug, *webp);
  c.jpeg_srcset = srcset_of(slug, variants, "jpeg");
  c.webp_srcset = srcset_of(slug, variants, "webp");
  return c;
}

std::string portrait_alt(const domain::PublicPortrait& p) {
  if (p.name.empty()) return "Portrait : " + p.job_title;
  return std::string(starts_with_vowel(p.name) ? "Portrait d’" : "Portrait de ") + p.name;
}

Data portrait_card_data(const domain::PublicPortrait& p, const std::vector<store::PhotoVariantInfo>* photos,
                        bool new_tab) {
  Data d;
  d.set("url", portrait_path(p.slug));
  set_text(d, "name", p.name);
  d.set("job", p.job_title);
  set_text(d, "employer", p.employer);
  set_text(d, "domain_label", p.domain_label);
  set_text(d, "territory_name", p.territory_name);
  d.set("new_tab", new_tab);
  d.set("card_heading", std::string("h2"));
  if (photos && p.has_photo)
    if (auto c = choose_photo(p.slug, *photos, 480)) {
      Data photo;
      photo.set("jpeg", c->jpeg_url);
      set_text(photo, "webp", c->webp_url);
      photo.set("width", std::to_string(c->width));
      photo.set("height", std::to_string(c->height));
      photo.set("alt", portrait_alt(p));
      d.set("photo", photo);
    }
  return d;
}

List portrait_cards(store::Store& s, const std::vector<domain::PublicPortrait>& rows, bool new_tab) {
  std::vector<long long> ids;
  for (const auto& p : rows)
    if (p.has_photo) ids.push_back(p.id);
  auto photos = store::public_photo_variants(s, ids);
  List cards;
  for (const auto& p : rows) {
    auto it = photos.find(p.id);
    cards.push_back(portrait_card_data(p, it == photos.end() ? nullptr : &it->second, new_tab));
  }
  return cards;
}

GalleryQuery gallery_query(store::Store& s, const http::Request& r, const FilterParams& names, int per_page) {
  GalleryQuery g;
  auto& f = g.filter;
  f.per_page = per_page;

  std::string q = domain::trim(r.query(names.query));
  if (domain::utf8_length(q) > kMaxWords)
    g.errors[names.query] = "La recherche est trop longue : 200 caractères au plus.";
  else
    f.query = q;

  std::string dom = r.query(names.domain);
  if (!dom.empty() && !domain::is_choice(domain::collective_domains(), dom))
    g.errors[names.domain] = "Ce domaine n’existe pas : choisissez-en un dans la liste.";
  else
    f.domain = dom;

  std::string level = r.query(names.level);
  if (!level.empty()) {
    int n = parse_int(level, 0);
    if (n < 3 || n > 8)
      g.errors[names.level] = "Le niveau de diplôme doit être un nombre de 3 à 8.";
    else
      f.diploma_level = n;
  }

  std::string territory = r.query(names.territory);
  if (!territory.empty()) {
    if (store::territory_by_slug(s, territory))
      f.territory_slug = territory;
    else
      g.errors[names.territory] = "Ce territoire n’existe pas : choisissez-en un dans la liste.";
  }

  std::string employer = domain::trim(r.query(names.employer));
  if (domain::utf8_length(employer) > kMaxWords)
    g.errors[names.employer] = "Le nom de l’employeur est trop long : 200 caractères au plus.";
  else
    f.employer = employer;

  std::string campaign = r.query(names.campaign);
  if (!campaign.empty()) {
    long long id = parse_id(campaign);
    if (id <= 0)
      g.errors[names.campaign] = "La campagne doit être désignée par son numéro.";
    else
      f.campaign_id = id;
  }

  std::string page = r.query(names.page);
  f.page = page.empty() ? 1 : parse_int(page, -1);
  if (f.page < 1) {
    g.errors[names.page] = "Le numéro de page doit être un nombre entier positif.";
    f.page = 1;
  }

  g.params = {{names.query, f.query},
              {names.domain, f.domain},
              {names.level, f.diploma_level ? std::to_string(f.diploma_level) : ""},
              {names.territory, f.territory_slug},
              {names.employer, f.employer},
              {names.campaign, f.campaign_id ? std::to_string(f.campaign_id) : ""}};
  return g;
}

std::string query_string(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string q;
  for (const auto& [k, v] : params)
    if (!v.empty()) q += (q.empty() ? "?" : "&") + k + "=" + http::url_encode(v);
  return q;
}

long long gallery_version(App& app) {
  long long stored = app.portraits_version.get([&app] { return store::portraits_version(app.store); });
  // Unsigned arithmetic wraps instead of overflowing (the stored version is a hash spanning the whole range).
  auto mixed = static_cast<unsigned long long>(stored) * 31ULL +
               static_cast<unsigned long long>(store::portraits_local_changes());
  return static_cast<long long>(mixed);
}

ByteRange parse_range(const std::string& header, long long size) {
  ByteRange r;
  const std::string prefix = "bytes=";
  if (header.rfind(prefix, 0) != 0) return r;
  std::string spec = domain::trim(header.substr(prefix.size()));
  auto dash = spec.find('-');
  if (dash == std::string::npos || spec.find(',') != std::string::npos) return r;
  auto number = [](const std::string& t, long long& out) {
    if (t.empty() || t.size() > 18 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return false;
    out = std::stoll(t);
    return true;
  };
  std::string a = domain::trim(spec.substr(0, dash)), b = domain::trim(spec.substr(dash + 1));
  long long first = 0, last = 0;
  if (a.empty()) {  // the last N bytes
    if (!number(b, last)) return r;
    if (last == 0 || size == 0) return {ByteRange::Kind::unsatisfiable, 0, 0};
    return {ByteRange::Kind::partial, std::max(0LL, size - last), size - 1};
  }
  if (!number(a, first)) return r;
  if (b.empty())
    last = size - 1;
  else if (!number(b, last) || last < first)
    return r;
  if (first >= size) return {ByteRange::Kind::unsatisfiable, 0, 0};
  return {ByteRange::Kind::partial, first, std::min(last, size - 1)};
}

http::Response media_response(Ctx& c, long long media_id, bool ranges) {
  auto info = store::media_info(c.app.store, media_id);
  if (!info) return c.not_found();
  const std::string etag = "\"" + info->sha256 + "\"";
  http::Response r;
  r.content_type = info->content_type;
  r.compressible = false;
  r.header("ETag", etag);
  bool versioned = c.req.query("v") == info->sha256.substr(0, 16);
  r.header("Cache-Control", versioned ? "private, max-age=31536000, immutable" : "private, no-cache");
  if (ranges) r.header("Accept-Ranges", "bytes");
  std::string none_match = c.req.header("if-none-match");
  if (!none_match.empty() && (none_match == etag || none_match == "*" || none_match.find(etag) != std::string::npos)) {
    r.status = 304;
    return r;
  }
  ByteRange range;
  if (ranges) {
    std::string if_range = c.req.header("if-range");
    if (if_range.empty() || if_range == etag) range = parse_range(c.req.header("range"), info->size);
  }
  switch (range.kind) {
    case ByteRange::Kind::unsatisfiable:
      r.status = 416;
      r.content_type = "text/plain; charset=utf-8";
      r.header("Content-Range", "bytes */" + std::to_string(info->size));
      return r;
    case ByteRange::Kind::partial:
      r.status = 206;
      r.body = store::media_range(c.app.store, media_id, range.first, range.last);
      r.header("Content-Range", "bytes " + std::to_string(range.first) + "-" + std::to_string(range.last) + "/" +
                                    std::to_string(info->size));
      return r;
    case ByteRange::Kind::whole: break;
  }
  r.status = 200;
  r.body = store::media_range(c.app.store, media_id, 0, info->size - 1);
  return r;
}

std::string portrait_page_csp(const std::string& video_embed) {
  http::Response defaults;
  http::add_security_headers(defaults);
  std::string origin = "'none'";
  if (video_embed.rfind("https://", 0) == 0) origin = video_embed.substr(0, video_embed.find('/', 8));
  for (const auto& [name, value] : defaults.headers) {
    if (name != "Content-Security-Policy") continue;
    std::string csp = value;
    const std::string any = "frame-src https:";
    if (auto at = csp.find(any); at != std::string::npos) csp.replace(at, any.size(), "frame-src " + origin);
    return csp;
  }
  return "frame-src " + origin;
}

}  // namespace passerelles::web
