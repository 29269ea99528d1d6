// Portrait editing helpers (see the header): form parsing and pages, labels, uploads and posters.
#include "web/portrait_support.hpp"

#include <algorithm>

#include "domain/text.hpp"
#include "http/multipart.hpp"
#include "media/image.hpp"
#include "store/ambassadors.hpp"
#include "store/directory.hpp"
#include "store/media.hpp"
#include "store/rome.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

constexpr std::size_t kMaxCampaignName = 200;

struct StatusName {
  const char* code;
  const char* param;
  const char* label;
};
constexpr StatusName kStatuses[] = {{"draft", "brouillon", "Brouillon"},
                                    {"submitted", "a-valider", "À valider"},
                                    {"published", "publie", "Publié"},
                                    {"unpublished", "depublie", "Dépublié"}};

const FieldLabels& portrait_labels() {
  static const FieldLabels v = {{"first_name", "Prénom"},
                                {"last_name", "Nom"},
                                {"job_title", "Métier"},
                                {"domain", "Domaine"},
                                {"employer", "Employeur"},
                                {"commune", "Commune"},
                                {"diploma_level", "Niveau de diplôme"},
                                {"path", "Parcours"},
                                {"quote", "Citation"},
                                {"cliche", "Le cliché que je casse"},
                                {"video_url", "Lien vers une vidéo"},
                                {"campaign", "Campagne"},
                                {"consents", "Accord de publication", "consents"},
                                {"ambassador_id", "Ambassadrice"}};
  return v;
}

// The ROME code of the title when it is exactly one of the ROME titles (case and accents ignored), else "".
std::string rome_code_of(Ctx& c, const std::string& job_title) {
  auto t = store::rome_title_exact(c.app.store, job_title);
  return t ? t->code : "";
}

// The commune typed: a code, or « 25056 — Besançon (25000) » as the datalist offers it.
void resolve_commune(Ctx& c, domain::Portrait& p, const std::string& typed, domain::Errors& errors) {
  p.commune_insee.clear();
  p.commune_name.clear();
  std::string t = domain::trim(typed);
  if (t.empty()) return;
  bool ambiguous = false;
  auto found = domain::valid_utf8(t) ? store::commune_from_input(c.app.store, t, ambiguous) : std::nullopt;
  if (found) {
    p.commune_insee = found->insee;
    p.commune_name = found->name;
  } else if (ambiguous) {
    errors["commune"] =
        "Plusieurs communes ont ce code postal : choisissez la bonne dans la liste, ou tapez son code "
        "INSEE (exemple : 25056 pour Besançon).";
  } else {
    errors["commune"] =
        "Commune introuvable : tapez son nom ou son code postal, puis choisissez-la dans la liste "
        "(exemple : « 25056 — Besançon »).";
  }
}

// The fields a member and a coordinator both edit.
void shared_fields_from_form(Ctx& c, domain::Portrait& p, PortraitTyped& typed) {
  const http::Request& r = c.req;
  p.job_title = domain::trim(r.form("job_title"));
  p.rome_code = rome_code_of(c, p.job_title);
  p.domain = r.form("domain");
  p.employer = domain::trim(r.form("employer"));
  typed.diploma_level = domain::trim(r.form("diploma_level"));
  p.diploma_level = typed.diploma_level.empty() ? 0 : parse_int(typed.diploma_level, -1);
  p.path = r.form("path");
  p.quote = domain::trim(r.form("quote"));
  p.cliche = domain::trim(r.form("cliche"));
  p.video_url = domain::trim(r.form("video_url"));
}

List level_options(int selected) {
  List out;
  for (int level = 3; level <= 8; ++level) {
    Data o;
    o.set("code", std::to_string(level));
    o.set("label", std::string(domain::diploma_level_label_fr(level)));
    o.set("selected", level == selected);
    out.push_back(o);
  }
  return out;
}

std::string commune_label(const domain::Portrait& p) {
  if (p.commune_insee.empty()) return {};
  return p.commune_name.empty() ? p.commune_insee : p.commune_insee + " — " + p.commune_name;
}

std::string megabytes(long long bytes) {
  constexpr long long kMiB = 1024LL * 1024;
  long long tenths = (bytes * 10 + kMiB / 2) / kMiB;
  std::string s = std::to_string(tenths / 10);
  if (tenths % 10) s += "," + std::to_string(tenths % 10);
  return s + " Mo";
}

// Values both pages show: the fields with their errors, the lists, the photo and video blocks.
Data form_data(Ctx& c, const domain::Portrait& p, const PortraitTyped& typed, const domain::Errors& e,
               const PortraitNotices& notices, const std::string& notice) {
  Data d;
  set_text(d, "notice", notice);
  d.set("id", std::to_string(p.id));
  d.set("saved", p.id != 0);
  d.set("first_name", field(p.first_name, e, "first_name"));
  d.set("last_name", field(p.last_name, e, "last_name"));
  d.set("job_title", field(p.job_title, e, "job_title"));
  set_text(d, "rome_code", p.rome_code);
  d.set("domains", choice_list(domain::collective_domains(), p.domain));
  d.set("domain", field(p.domain, e, "domain"));
  d.set("employer", field(p.employer, e, "employer"));
  d.set("commune", field(typed.commune, e, "commune"));
  d.set("levels", level_options(p.diploma_level));
  d.set("diploma_level", field(typed.diploma_level, e, "diploma_level"));
  d.set("path", field(p.path, e, "path"));
  d.set("quote", field(p.quote, e, "quote"));
  d.set("cliche", field(p.cliche, e, "cliche"));
  d.set("video_url", field(p.video_url, e, "video_url"));
  d.set("consents", checkbox_list(domain::consent_fields(), p.consents));
  set_error(d, e, "consents");
  set_error_summary(d, e, "portrait-", portrait_labels());

  // Status.
  d.set("status_label", portrait_status_label(p.status));
  d.set("is_published", p.status == "published");
  d.set("is_submitted", p.status == "submitted");
  d.set("can_publish", p.status == "draft" || p.status == "submitted" || p.status == "unpublished");
  d.set("can_submit", p.status == "draft" || p.status == "unpublished");
  set_text(d, "status_error", notices.status_error);
  if (p.status == "published") {
    d.set("public_url", "/portraits/" + p.slug);
    d.set("poster_url", "/portraits/" + p.slug + "/affiche.pdf");
  }
  d.set("job_consent", p.consents_to("job"));

  // Photo and video.
  d.set("has_photo", p.has_photo);
  d.set("photo_preview",
        "/collectif/portraits/" + std::to_string(p.id) + "/apercu.jpg?v=" + std::to_string(p.updated_at));
  d.set("photo_public", p.consents_to("photo"));
  set_text(d, "photo_error", notices.photo_error);
  d.set("has_video_file", p.video_media_id != 0);
  if (p.video_media_id)
    if (auto m = store::media_info(c.app.store, p.video_media_id)) d.set("video_size", megabytes(m->size));
  set_text(d, "video_error", notices.video_error);
  return d;
}

}  // namespace

std::string portrait_status_label(const std::string& status) {
  for (const auto& s : kStatuses)
    if (status == s.code) return s.label;
  return status;
}

std::string portrait_status_from_param(const std::string& param) {
  for (const auto& s : kStatuses)
    if (param == s.param) return s.code;
  return "";
}

std::string portrait_status_param(const std::string& status) {
  for (const auto& s : kStatuses)
    if (status == s.code) return s.param;
  return "";
}

PortraitTyped portrait_from_form(Ctx& c, domain::Portrait& p, domain::Errors& errors) {
  const http::Request& r = c.req;
  PortraitTyped typed;
  p.first_name = domain::trim(r.form("first_name"));
  p.last_name = domain::trim(r.form("last_name"));
  shared_fields_from_form(c, p, typed);
  typed.commune = r.form("commune");
  resolve_commune(c, p, typed.commune, errors);
  p.consents = r.form_all("consents");
  long long campaign = parse_id(r.form("campaign_id"));
  p.campaign_id = campaign > 0 ? campaign : 0;
  if (campaign < 0) errors["campaign"] = "Choisissez une campagne de la liste.";
  typed.campaign_new = domain::trim(r.form("campaign_new"));
  if (domain::utf8_length(typed.campaign_new) > kMaxCampaignName)
    errors["campaign"] = "Le nom de la nouvelle campagne fait au plus 200 caractères.";
  long long ambassador = parse_id(r.form("ambassador_id"));
  p.ambassador_id = ambassador > 0 ? ambassador : 0;
  if (ambassador < 0) errors["ambassador_id"] = "Choisissez une ambassadrice de la liste.";
  return typed;
}

PortraitTyped my_portrait_from_form(Ctx& c, domain::Portrait& p) {
  PortraitTyped typed = typed_of(p);
  shared_fields_from_form(c, p, typed);
  return typed;
}

PortraitTyped typed_of(const domain::Portrait& p) {
  PortraitTyped t;
  t.commune = commune_label(p);
  t.diploma_level = p.diploma_level ? std::to_string(p.diploma_level) : "";
  return t;
}

void apply_new_campaign(Ctx& c, domain::Portrait& p, const PortraitTyped& typed) {
  if (!typed.campaign_new.empty())
    p.campaign_id = store::campaign_named(c.app.store, p.territory_id, typed.campaign_new);
}

http::Response portrait_form_page(Ctx& c, const domain::Portrait& p, const PortraitTyped& typed,
                                  const domain::Errors& e, int status, const PortraitNotices& notices,
                                  const std::string& notice) {
  Data d = form_data(c, p, typed, e, notices, notice);
  bool creating = p.id == 0;
  std::string base = "/collectif/portraits/" + std::to_string(p.id);
  std::string heading =
      creating ? "Nouveau portrait" : "Portrait : " + p.first_name + (p.last_name.empty() ? "" : " " + p.last_name);
  d.set("heading", heading);
  d.set("action", creating ? "/collectif/portraits/nouveau" : base + "/modifier");
  d.set("submit", creating ? "Créer le portrait" : "Enregistrer les modifications");
  d.set("base", base);
  d.set("photo_action", base + "/photo");
  d.set("photo_delete_action", base + "/photo/supprimer");

  List campaigns;
  for (const auto& k : store::campaigns_of(c.app.store, c.territory_id())) {
    Data o;
    o.set("id", std::to_string(k.id));
    o.set("name", k.name);
    o.set("selected", k.id == p.campaign_id);
    campaigns.push_back(o);
  }
  d.set("campaigns", campaigns);
  d.set("campaign_new", field(typed.campaign_new, e, "campaign"));

  // Active members, to link the portrait to her profile (her consents then follow her profile's).
  List members;
  store::AmbassadorFilter f;
  f.territory_id = c.territory_id();
  f.status = "active";
  f.per_page = store::kMaxPerPage;
  for (f.page = 1;; ++f.page) {
    auto found = store::ambassadors_matching(c.app.store, f);
    for (const auto& a : found.rows) {
      Data o;
      o.set("id", std::to_string(a.id));
      o.set("name", a.full_name() + (a.job_title.empty() ? "" : " — " + a.job_title));
      o.set("selected", a.id == p.ambassador_id);
      members.push_back(o);
    }
    if (f.page >= found.pages()) break;
  }
  d.set("members", members);
  d.set("ambassador_id", field("", e, "ambassador_id"));

  List employers;
  for (const auto& o : store::organisation_names(c.app.store, c.territory_id()))
    employers.push_back(Data("name", o.name));
  d.set("employers", employers);
  return c.page("portrait_edit_form", heading, d, status);
}

http::Response my_portrait_page(Ctx& c, const domain::Ambassador& me, const domain::Portrait& p,
                                const PortraitTyped& typed, const domain::Errors& e, int status,
                                const PortraitNotices& notices, const std::string& notice) {
  Data d = form_data(c, p, typed, e, notices, notice);
  d.set("name", me.full_name());
  if (me.consents_to("name")) d.set("public_name", domain::public_name(me.first_name, me.last_name));
  List consents;
  for (const auto& ch : domain::consent_fields())
    if (me.consents_to(ch.code)) consents.push_back(Data("label", std::string(ch.label)));
  d.set("my_consents", consents);
  d.set("has_consents", !consents.empty());
  d.set("photo_action", "/collectif/mon-portrait/photo");
  d.set("photo_delete_action", "/collectif/mon-portrait/photo/supprimer");
  return c.page("portrait_edit_mine", "Mon portrait", d, status);
}

std::optional<domain::Portrait> my_portrait(Ctx& c, const domain::Ambassador& me) {
  auto mine = store::portraits_of_ambassador(c.app.store, me.territory_id, me.id);
  if (mine.empty()) return std::nullopt;
  return mine.front();
}

bool resubmit_if_published(Ctx& c, const domain::Portrait& p) {
  if (p.status != "published") return false;
  store::set_portrait_status(c.app.store, p.territory_id, p.id, "unpublished", author_of(c));
  store::set_portrait_status(c.app.store, p.territory_id, p.id, "submitted", author_of(c));
  return true;
}

std::string portrait_notice(const std::string& state) {
  static const std::vector<std::pair<std::string, std::string>> notices = {
      {"cree", "Portrait créé. Ajoutez une photo, puis publiez-le quand il est prêt."},
      {"enregistre", "Modifications enregistrées."},
      {"publie", "Portrait publié : il est visible dans la galerie."},
      {"depublie", "Portrait dépublié : il n’est plus visible du public."},
      {"brouillon", "Portrait renvoyé en brouillon."},
      {"demande", "Demande de publication envoyée : une coordinatrice va relire votre portrait."},
      {"retire", "Votre portrait n’est plus publié."},
      {"annule", "Demande de publication annulée : votre portrait est revenu en brouillon."},
      {"photo", "Photo enregistrée."},
      {"photo-supprimee", "Photo supprimée."},
      {"video", "Vidéo enregistrée."},
      {"video-supprimee", "Vidéo supprimée."},
      {"supprime", "Portrait supprimé."},
      {"soumis",
       "Vos modifications sont enregistrées ; votre portrait attend la validation d’une coordinatrice avant "
       "de reparaître dans la galerie."}};
  for (const auto& [k, v] : notices)
    if (k == state) return v;
  return "";
}

std::string uploaded_file(const http::Request& r, const std::string& name) {
  auto parts = http::parse_multipart(r.header("content-type"), r.body);
  if (!parts) return {};
  for (auto& p : *parts)
    if (p.name == name && !p.filename.empty()) return std::move(p.data);
  return {};
}

std::string store_photo(Ctx& c, long long territory_id, long long portrait_id, const std::string& bytes) {
  if (bytes.empty()) return "Choisissez une photo (JPEG, PNG ou WebP) avant d’envoyer.";
  media::ProcessedImage img = media::process_photo(bytes);
  if (!img.error.empty()) return img.error;
  if (!store::set_portrait_photo(c.app.store, territory_id, portrait_id, store::photo_variants(img)))
    return "Ce portrait n’existe plus.";
  return "";
}

report::PosterItem poster_item(Ctx& c, const domain::PublicPortrait& p) {
  report::PosterItem item;
  item.portrait = p;
  item.url = c.app.cfg.base_url() + "/portraits/" + p.slug;
  if (p.has_photo) {
    long long media = store::public_photo_media(c.app.store, p.slug, "1024", "jpeg");
    if (!media) media = store::public_photo_media(c.app.store, p.slug, "full", "jpeg");
    if (auto info = media ? store::media_info(c.app.store, media) : std::nullopt)
      item.photo_jpeg = store::media_range(c.app.store, media, 0, info->size - 1);
  }
  return item;
}

http::Response poster_response(Ctx& c, const std::vector<report::PosterItem>& items, const std::string& file_base) {
  auto size = report::paper_size_from(c.req.query("format"));
  if (!size) return c.bad_request("Format d’affiche inconnu : choisissez a4 ou a3.");
  http::Response r = http::Response::text(report::poster_pdf(items, *size));
  r.content_type = "application/pdf";
  r.compressible = false;
  r.header("Content-Disposition",
           "attachment; filename=\"" + file_base + "-" + std::string(report::paper_size_name(*size)) + ".pdf\"");
  return r;  // not cached: an unpublished portrait's poster must not outlive its publication
}

}  // namespace passerelles::web
