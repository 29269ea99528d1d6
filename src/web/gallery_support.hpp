// Shared by the public portrait pages (gallery, portrait page, embed, home page card) and the portraits API: the
// gallery filter read from a query string, photo addresses and <picture> values, cards, and the cached version.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/collective.hpp"
#include "http/message.hpp"
#include "store/portraits.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// "/portraits/SLUG"; "/portraits/SLUG/photo-480.jpg?v=…" (format "jpeg" or "webp", the version from the bytes'
// SHA-256 so that the address changes with the photo and may be cached long).
std::string portrait_path(const std::string& slug);
std::string portrait_photo_path(const std::string& slug, const store::PhotoVariantInfo& v);

// The photo shown at about `width` CSS pixels: the JPEG variant of that width (else the full-size one, which is
// then narrower), the WebP of the same width when there is one, and srcsets of every width for larger screens.
struct PhotoChoice {
  std::string jpeg_url, webp_url;
  int width = 0, height = 0;
  std::string jpeg_srcset, webp_srcset;  // "URL 160w, URL 480w, …"
};
std::optional<PhotoChoice> choose_photo(const std::string& slug, const std::vector<store::PhotoVariantInfo>& variants,
                                        int width);

// « Portrait d’Amélie R. », « Portrait de Léa M. »; « Portrait : Technicienne de maintenance » without her name.
std::string portrait_alt(const domain::PublicPortrait& p);

// A card (templates/gallery_card.html): url, name, job, employer, domain, photo values; links in a new tab when
// `new_tab` (the embed). `photos` may be null (no photo).
Data portrait_card_data(const domain::PublicPortrait& p, const std::vector<store::PhotoVariantInfo>* photos,
                        bool new_tab);
List portrait_cards(store::Store& s, const std::vector<domain::PublicPortrait>& rows, bool new_tab);

// Names of the filter's query parameters: French on the pages, English in the API.
struct FilterParams {
  const char* query = "q";
  const char* domain = "domaine";
  const char* level = "niveau";
  const char* territory = "territoire";
  const char* employer = "employeur";
  const char* campaign = "campagne";
  const char* page = "page";
};
inline constexpr FilterParams kPageParams{};
inline constexpr FilterParams kApiParams{"q", "domain", "level", "territory", "employer", "campaign", "page"};

// The public gallery's filter from the query string. A value that is not valid (unknown domain or territory,
// level outside 3–8, campaign not a number, words over 200 characters, page not a number) is dropped and `errors`
// says why under its parameter's name; `params` lists the kept values, in a fixed order (the cache key and the
// links of the pages).
struct GalleryQuery {
  store::PortraitFilter filter;
  domain::Errors errors;
  std::vector<std::pair<std::string, std::string>> params;  // without the page
};
GalleryQuery gallery_query(store::Store& s, const http::Request& r, const FilterParams& names, int per_page);

// "?a=1&b=2" of the non-empty values (url-encoded), "" when none.
std::string query_string(const std::vector<std::pair<std::string, std::string>>& params);

// The number the public pages' caches are kept under (App::gallery_pages): it moves on every portrait write, at once
// in this process and within 250 ms for another process or server.
long long gallery_version(App& app);

// A byte range of a Range header: "bytes=F-L", "bytes=F-" or "bytes=-N" (the last N bytes), against `size`.
struct ByteRange {
  enum class Kind { whole, partial, unsatisfiable } kind = Kind::whole;
  long long first = 0, last = 0;  // inclusive, when partial
};
// whole for an absent, malformed or multiple-range header (which RFC 9110 lets a server ignore).
ByteRange parse_range(const std::string& header, long long size);

// The bytes of a media row (photo, video) as a response: ETag from their SHA-256 (304 for a matching
// If-None-Match); kept a year by the visitor's browser (never by a shared cache) when the address carries the
// ?v= of these bytes, else revalidated on each use. With `ranges`: Accept-Ranges, one range per request (206 with
// Content-Range, 416 when it starts past the end), If-Range; only the chunks of the range are read.
http::Response media_response(Ctx& c, long long media_id, bool ranges);

// Content-Security-Policy of a portrait page: the server's policy with frame-src narrowed to the player's origin
// ("https://www.youtube-nocookie.com", "https://player.vimeo.com", a PeerTube host), or 'none' without a video.
std::string portrait_page_csp(const std::string& video_embed);

}  // namespace passerelles::web
