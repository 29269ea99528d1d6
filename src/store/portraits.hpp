// Portraits, campaigns and the public gallery. Only published portraits ever leave the store through the
// public functions (gallery_*, portrait_by_slug_public, portrait_of_the_day), and their public fields are what
// domain::public_portrait keeps; the search index (portraits.search, FTS5 on SQLite, GIN on PostgreSQL) holds
// only those fields, and '' for anything unpublished.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/collective.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::media {
struct ProcessedImage;
}

namespace passerelles::store {

// ---- campaigns ----------------------------------------------------------------------------------------------

struct Campaign {
  long long id = 0;
  long long territory_id = 0;
  std::string slug, name;
  int year = 0;
  std::string description;
  long long published = 0;  // read only: published portraits
};
// The campaign of that name in the territory, created when missing (slug from the name). Returns its id.
long long campaign_named(Store& s, long long territory_id, const std::string& name, int year = 0);
std::vector<Campaign> campaigns_of(Store& s, long long territory_id);
std::optional<Campaign> campaign_by_id(Store& s, long long territory_id, long long id);
// Every territory's campaigns having at least one published portrait (gallery filter).
std::vector<Campaign> public_campaigns(Store& s);

// ---- portraits (territory side) ----------------------------------------------------------------------------

// Inserts as draft (or with p.status published when `by` may validate, for imports), a unique slug, the
// search column from domain::portrait_search_document. invalid when the campaign or ambassador is not of the
// territory.
WriteResult insert_portrait(Store& s, const domain::Portrait& p, const Author& by);
// Updates the editable fields (not status, slug, media); the search column is rewritten.
WriteResult update_portrait(Store& s, const domain::Portrait& p, const Author& by);
// draft|unpublished -> submitted (her request), submitted|draft|unpublished -> published (a coordinator; refused
// with errors["consents"] without consent to "job"), published -> unpublished (immediate: search column '' in
// the same transaction), submitted -> draft (sent back). not_found / invalid otherwise.
WriteResult set_portrait_status(Store& s, long long territory_id, long long id, const std::string& status,
                                const Author& by);
bool delete_portrait(Store& s, long long territory_id, long long id, const Author& by);
std::optional<domain::Portrait> portrait_by_id(Store& s, long long territory_id, long long id);
std::vector<domain::Portrait> portraits_of_ambassador(Store& s, long long territory_id, long long ambassador_id);

struct PortraitFilter {
  long long territory_id = 0;  // 0 = every territory (public gallery)
  bool published_only = true;
  std::string status;          // territory side: "" = any
  std::string domain;          // a collective_domains code
  int diploma_level = 0;       // 3..8; 0 = any
  std::string territory_slug;  // public gallery
  std::string employer;        // exact, case and accents ignored
  long long campaign_id = 0;
  std::string query;  // French full-text (domain::search_query_fr); on the territory side, a plain
                      // accent-free LIKE over names and job titles
  int page = 1;
  int per_page = 24;  // at most kMaxPerPage
};
// Ordered by published_at descending then id (public), or by last update (territory side).
Page<domain::Portrait> portraits_matching(Store& s, const PortraitFilter& f);

// Photo: replaces every variant (domain: media::process_photo output) in one transaction.
struct PhotoVariantBytes {
  std::string variant;  // "160", "480", "1024", "full"
  std::string format;   // "webp" | "jpeg"
  std::string bytes;
  int width = 0, height = 0;
};
bool set_portrait_photo(Store& s, long long territory_id, long long portrait_id,
                        const std::vector<PhotoVariantBytes>& variants);
// The variants of an accepted photo as set_portrait_photo takes them: "160", "480", "1024" (those narrower than
// the photo) in WebP and JPEG, and "full" in JPEG. Empty when the photo was refused (img.error set). In
// store/portrait_photos.cpp, as the next one.
std::vector<PhotoVariantBytes> photo_variants(const media::ProcessedImage& img);
// Territory side, whatever the status and consents (the editing pages' preview; public outputs use
// public_photo_media): the media id of the portrait's JPEG `variant`, else of its "full" JPEG; 0 without photo or
// for another territory's portrait.
long long portrait_photo_media(Store& s, long long territory_id, long long portrait_id, std::string_view variant);
bool remove_portrait_photo(Store& s, long long territory_id, long long portrait_id);
// An uploaded MP4 (checked by the caller) replaces the previous one; 0 removes it.
bool set_portrait_video(Store& s, long long territory_id, long long portrait_id, const std::string& mp4_bytes);
bool remove_portrait_video(Store& s, long long territory_id, long long portrait_id);

// Within the caller's transaction (used by store/ambassadors.cpp): rewrites one portrait's search column from
// its current row; deletes every portrait of an ambassador with its photos' and video's media rows.
void refresh_portrait_search_in(soci::session& sql, long long portrait_id);
void delete_portraits_of_ambassador_in(soci::session& sql, long long ambassador_id);

// Published since `since` (Unix seconds) in the territory, newest first (the monthly digest).
std::vector<domain::PublicPortrait> portraits_published_since(Store& s, long long territory_id, long long since);

// ---- public side -------------------------------------------------------------------------------------------

// Published portraits only (p.published_only is forced), public fields through domain::public_portrait.
Page<domain::PublicPortrait> gallery(Store& s, PortraitFilter f);
std::optional<domain::PublicPortrait> portrait_by_slug_public(Store& s, std::string_view slug);
// The media id of a published portrait's photo variant ("160"/"480"/"1024"/"full", "webp"/"jpeg") or uploaded
// video, only when published with consent to "photo" / "video"; 0 otherwise.
long long public_photo_media(Store& s, std::string_view slug, std::string_view variant, std::string_view format);
long long public_video_media(Store& s, std::string_view slug);
// The photo variants of the given portraits that the public may see (published, consent to "photo"), by portrait
// id, narrowest first: the pages build <picture>, srcset and width/height from them (a small photo has no 1024 or
// even 480 variant: thumbnails are never upscaled).
struct PhotoVariantInfo {
  std::string variant;  // "160", "480", "1024", "full"
  std::string format;   // "webp" | "jpeg"
  int width = 0, height = 0;
  std::string sha256;  // of the bytes: versions the photo’s address
};
std::map<long long, std::vector<PhotoVariantInfo>> public_photo_variants(Store& s,
                                                                         const std::vector<long long>& portrait_ids);
// The same portrait all day long for everyone: the published portraits ordered by id, index = days since
// 1970-01-01 (Paris day) modulo their count. nullopt when none is published.
std::optional<domain::PublicPortrait> portrait_of_the_day(Store& s, std::string_view paris_day);
// Distinct employers and territories having published portraits (gallery filters).
std::vector<std::string> public_employers(Store& s);
std::vector<std::pair<std::string, std::string>> public_territories(Store& s);  // slug, name

// For the caches of public pages: a number that changes whenever a portrait (its fields, status, consents, photo or
// video) is written by any process or server — every write moves its row's updated_at forward by at least one
// second, so the count, the sum of updated_at and the largest id together see every change —, and the portrait
// writes this process has made (bumped after each commit, and by the *_in functions before their caller's).
long long portraits_version(Store& s);
long long portraits_local_changes();

// ---- import (passerelles import portraits) -----------------------------------------------------------------

// One CSV line per portrait, header names (French or English, any order, case and accents ignored):
// prenom|first_name, nom|last_name, metier|job_title (required), domaine|domain, employeur|employer,
// commune (INSEE code or name), niveau|diploma_level, parcours|path (steps separated by " ; " or "|"),
// citation|quote, cliche, video|video_url, photo (file name in the photos folder), consentement|consents
// (codes separated by spaces or commas; empty = name,photo,job,employer,path,quote,cliche,video),
// publie|published (oui/non, default oui).
struct PortraitImportReport {
  long long created = 0, updated = 0, rejected = 0, photos = 0;
  std::vector<std::string> errors;  // « ligne 12 : métier manquant » — French, with the line number
  std::string error;                // the file as a whole was refused (empty, no job column): nothing written
};
// Lines already imported (same campaign, first and last name, job) are updated, not duplicated. A bad line
// (missing job, unknown domain, bad photo…) is reported and skipped; the others are kept.
PortraitImportReport import_portraits_csv(Store& s, long long territory_id, const std::string& campaign,
                                          const std::string& csv_text, const std::string& photos_dir, const Author& by);

}  // namespace passerelles::store
