// Shared by the portrait editing pages (/collectif/portraits…, /collectif/mon-portrait, /collectif/campagnes): the
// form (parsing, the page with errors next to the fields), status labels, the photo and video uploads, and the
// posters' items.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/collective.hpp"
#include "report/poster.hpp"
#include "store/portraits.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// French labels of the statuses: « Brouillon », « À valider », « Publié », « Dépublié ».
std::string portrait_status_label(const std::string& status);
// The status codes from the list filter's French values (brouillon, a-valider, publie, depublie) and back.
std::string portrait_status_from_param(const std::string& param);
std::string portrait_status_param(const std::string& status);

// The portrait form as typed (fields that parse into something else keep their text to be shown again).
struct PortraitTyped {
  std::string commune;        // what was typed: a code or « 25056 — Besançon (25000) »
  std::string diploma_level;  // "" or 3..8
  std::string campaign_new;   // a new campaign's name, created on save
};
// Fills `p` from the coordinator's form (every field but status and media); errors found while parsing (unknown
// commune, bad level, a campaign name too long, an ambassador of the list that is not one) go to `errors`.
PortraitTyped portrait_from_form(Ctx& c, domain::Portrait& p, domain::Errors& errors);
// Fills the fields she edits on her own portrait (job, domain, employer, level, path, quote, cliché, video).
PortraitTyped my_portrait_from_form(Ctx& c, domain::Portrait& p);
PortraitTyped typed_of(const domain::Portrait& p);
// Creates the typed new campaign when there is one and sets p.campaign_id.
void apply_new_campaign(Ctx& c, domain::Portrait& p, const PortraitTyped& typed);

// Errors to show on the editing page besides the form's: the status change, the photo, the video.
struct PortraitNotices {
  std::string status_error, photo_error, video_error;
};

// The coordinator's page: the form (creation when p.id is 0), and for a saved portrait its status actions, photo,
// video and deletion. `notice` (role=status) above the form.
http::Response portrait_form_page(Ctx& c, const domain::Portrait& p, const PortraitTyped& typed,
                                  const domain::Errors& e, int status, const PortraitNotices& notices = {},
                                  const std::string& notice = "");
// Her own portrait's page (/collectif/mon-portrait).
http::Response my_portrait_page(Ctx& c, const domain::Ambassador& me, const domain::Portrait& p,
                                const PortraitTyped& typed, const domain::Errors& e, int status,
                                const PortraitNotices& notices = {}, const std::string& notice = "");

// Her own portrait (the most recently changed when there are several), or nullopt.
std::optional<domain::Portrait> my_portrait(Ctx& c, const domain::Ambassador& me);
// A change she makes to her published portrait takes it out of the gallery until a coordinator validates it again
// (published -> unpublished -> submitted); true when it did.
bool resubmit_if_published(Ctx& c, const domain::Portrait& p);

// The message of a ?etat=… notice on the portrait pages ("" when unknown).
std::string portrait_notice(const std::string& state);

// The uploaded file of the multipart field `name` (empty when none was sent).
std::string uploaded_file(const http::Request& r, const std::string& name);
// Checks and stores an uploaded photo (media::process_photo, every variant); the French reason when refused, in
// which case nothing is stored.
std::string store_photo(Ctx& c, long long territory_id, long long portrait_id, const std::string& bytes);

// A published portrait's poster: its public fields, its 1024 px JPEG (or its full one, for a small photo) when the
// public may see the photo, and its absolute URL.
report::PosterItem poster_item(Ctx& c, const domain::PublicPortrait& p);
// The PDF response, or a French 400 page for a format other than a4/a3 (query parameter `format`).
http::Response poster_response(Ctx& c, const std::vector<report::PosterItem>& items, const std::string& file_base);

}  // namespace passerelles::web
