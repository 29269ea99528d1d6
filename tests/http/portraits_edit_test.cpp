// HTTP tests of portrait editing on every engine: the coordinator's forms and their 422s, photo and video uploads
// (a renamed executable, a 50 MB image, a decompression-bomb PNG and a QuickTime file refused with a French message
// and nothing stored; a good JPEG stored in 7 variants), the publication rules (no consent to « job », an
// ambassador who cannot publish herself, unpublishing at once), her own portrait, the posters, and confinement to
// the territory.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <regex>

#include "http/crypto.hpp"
#include "media/image.hpp"
#include "report/qr.hpp"
#include "store/accounts.hpp"
#include "store/ambassadors.hpp"
#include "store/portraits.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/report_fixture.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

struct World {
  long long ta = 0, tb = 0, coord_a = 0, coord_b = 0, member = 0;
  std::string member_email = "ines.roux@exemple.fr";
};

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  w.coord_a = seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  w.coord_b = seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  // An active member of A's collective with an account, agreeing to publish her name, job, quote and photo.
  domain::Ambassador a;
  a.first_name = "Inès";
  a.last_name = "Roux";
  a.email = w.member_email;
  a.job_title = "Technicienne de maintenance";
  a.domain = "maintenance";
  store::Author by{w.coord_a, "coord-a@exemple.fr"};
  auto inv = store::invite_ambassador(s, w.ta, a, by);
  EXPECT_TRUE(inv.result.ok());
  EXPECT_TRUE(store::accept_invitation(s, inv.token, http::hash_password(kPassword), store::now_unix()).ok());
  auto member = store::ambassador_by_id(s, w.ta, inv.ambassador_id);
  member->consents = {"name", "job", "quote", "photo"};
  member->employer_name = "Verrerie Fictive";
  member->path = {{"Bac pro MELEC", 4, 2015, "Lycée Jules Haag"}, {"BTS Maintenance des systèmes", 5, 2017, ""}};
  EXPECT_TRUE(store::update_ambassador(s, *member, by).ok());
  w.member = member->id;
  return w;
}

// The fields of a valid portrait form.
std::vector<std::pair<std::string, std::string>> portrait_form() {
  return {{"first_name", "Amélie"},
          {"last_name", "Rousseau"},
          {"job_title", "Technicienne de maintenance"},
          {"domain", "maintenance"},
          {"employer", "Horlogerie Fictive"},
          {"diploma_level", "5"},
          {"path", "Bac pro MELEC\nBTS Maintenance des systèmes"},
          {"quote", "Je répare ce que d’autres pensent impossible."},
          {"cliche", "La maintenance, c’est un métier d’homme."},
          {"video_url", "https://peertube.example.org/w/abc123xyz"},
          {"campaign_new", "Campagne de test 2026"},
          {"consents", "name"},
          {"consents", "job"},
          {"consents", "cliche"}};
}

std::vector<std::pair<std::string, std::string>> with(std::vector<std::pair<std::string, std::string>> form,
                                                      const std::string& key, const std::string& value) {
  for (auto& [k, v] : form)
    if (k == key) v = value;
  return form;
}

long long count(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << sql_text, soci::into(n);
    return n;
  });
}

// POSTs one file as multipart/form-data (with the CSRF token of the last page fetched).
HttpResult upload(Client& c, const std::string& target, const std::string& field, const std::string& filename,
                  const std::string& type, const std::string& bytes) {
  const std::string boundary = "----passerelles-test-7d1b2c";
  std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + c.csrf() + "\r\n";
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename +
          "\"\r\nContent-Type: " + type + "\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
  return c.request("POST", target, body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string png_chunk(const std::string& type, const std::string& data) {
  std::string typed = type + data;
  auto crc = crc32(0, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()));
  return be32(static_cast<std::uint32_t>(data.size())) + typed + be32(static_cast<std::uint32_t>(crc));
}

// A PNG of a few dozen bytes whose header announces 50000×50000 pixels (7.5 GB once decoded).
std::string bomb_png() {
  std::string ihdr = be32(50000) + be32(50000) + std::string("\x08\x02\x00\x00\x00", 5);
  std::string raw(16, '\0');
  uLongf len = compressBound(raw.size());
  std::string idat(len, '\0');
  compress(reinterpret_cast<Bytef*>(idat.data()), &len, reinterpret_cast<const Bytef*>(raw.data()), raw.size());
  idat.resize(len);
  return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) + png_chunk("IDAT", idat) +
         png_chunk("IEND", "");
}

// A 1320×1320 JPEG (wider than 1024: three thumbnails in WebP and JPEG, and the full picture).
std::string good_jpeg() {
  auto processed = media::process_photo(report::qr_png("https://exemple.fr/photo", 40));
  EXPECT_EQ(processed.error, "");
  return processed.variants.empty() ? std::string() : processed.variants.back().jpeg;
}

// An MP4's first box: ftyp, major brand `brand`, compatible brands isom and mp41; then a small mdat.
std::string mp4(const std::string& brand = "isom") {
  std::string ftyp = be32(24) + "ftyp" + brand + be32(0x200) + "isom" + "mp41";
  std::string payload(2000, '\x42');
  return ftyp + be32(static_cast<std::uint32_t>(8 + payload.size())) + "mdat" + payload;
}

// The id in « /collectif/portraits/12/modifier?etat=cree »; 0 when there is none.
long long portrait_id(const HttpResult& r) {
  std::smatch m;
  std::string location = r.header("location");
  return std::regex_search(location, m, std::regex("^/collectif/portraits/(\\d+)/")) ? std::stoll(m[1]) : 0;
}

std::string pdf_text(const std::string& pdf) {
  auto r = shell_on_file(pdf, "pdf", "qpdf --check {} >/dev/null && pdftotext -enc UTF-8 {} -");
  EXPECT_EQ(r.code, 0) << r.out;
  return std::regex_replace(plain_spaces(r.out), std::regex("\\s+"), " ");
}

}  // namespace

class PortraitsEditHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(PortraitsEditHttp, CreateAndEditWithErrorsNextToTheFields) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);

  auto form = c.get("/collectif/portraits/nouveau");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "new portrait form");
  EXPECT_TRUE(contains(form.body, "hx-get=\"/collectif/metiers\"")) << "the ROME datalist";
  EXPECT_TRUE(contains(form.body, "Inès Roux — Technicienne de maintenance")) << "active members to link";

  auto bad =
      c.post_form("/collectif/portraits/nouveau",
                  with(with(with(with(portrait_form(), "first_name", ""), "video_url", "https://example.org/video"),
                            "diploma_level", "9"),
                       "domain", "aeronautique"));
  EXPECT_EQ(bad.status, 422);
  for (const char* f : {"first_name", "video_url", "diploma_level", "domain"})
    EXPECT_TRUE(contains(bad.body, std::string("<small id=\"portrait-") + f + "-error\" class=\"field-error\">")) << f;
  EXPECT_TRUE(contains(bad.body, "Ce champ est obligatoire."));
  EXPECT_TRUE(contains(bad.body, "Le niveau de diplôme doit être compris entre 3 et 8."));
  EXPECT_TRUE(contains(bad.body, "Ce lien vidéo n’est pas reconnu"));
  EXPECT_TRUE(contains(bad.body, "value=\"Horlogerie Fictive\"")) << "values are kept";
  EXPECT_TRUE(contains(bad.body, "href=\"#portrait-first_name\"")) << "the summary links to the field";
  expect_accessible(bad.body, "portrait form with errors");
  EXPECT_EQ(count_rows(srv.store(), "portraits"), 0);
  EXPECT_EQ(count_rows(srv.store(), "campaigns"), 0) << "the new campaign waits for a valid form";

  auto created = c.post_form("/collectif/portraits/nouveau", portrait_form());
  ASSERT_EQ(created.status, 303) << created.body;
  long long id = 0;
  std::smatch m;
  std::string location = created.header("location");
  ASSERT_TRUE(std::regex_search(location, m, std::regex("/collectif/portraits/(\\d+)/modifier\\?etat=cree")))
      << location;
  id = std::stoll(m[1]);
  auto p = store::portrait_by_id(srv.store(), w.ta, id);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, "draft");
  EXPECT_EQ(p->campaign_name, "Campagne de test 2026");
  EXPECT_EQ(p->diploma_level, 5);
  EXPECT_EQ(p->path, "Bac pro MELEC\nBTS Maintenance des systèmes");
  EXPECT_EQ(p->consents, (std::vector<std::string>{"name", "job", "cliche"}));

  auto edit = c.get(location);
  EXPECT_EQ(edit.status, 200);
  EXPECT_TRUE(contains(edit.body, "Portrait créé."));
  EXPECT_TRUE(contains(edit.body, "Statut : <strong>Brouillon</strong>"));
  expect_accessible(edit.body, "portrait edit page");
  std::string base = "/collectif/portraits/" + std::to_string(id);
  auto saved =
      c.post_form(base + "/modifier", with(with(portrait_form(), "quote", "Une autre citation."), "campaign_new", ""));
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(store::portrait_by_id(srv.store(), w.ta, id)->quote, "Une autre citation.");
  EXPECT_EQ(store::portrait_by_id(srv.store(), w.ta, id)->campaign_id, 0) << "no campaign chosen any more";
  EXPECT_EQ(c.post_form(base + "/modifier", with(portrait_form(), "job_title", "")).status, 422);

  auto list = c.get("/collectif/portraits");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "Amélie Rousseau"));
  expect_accessible(list.body, "portrait list");
  EXPECT_TRUE(contains(c.get("/collectif/portraits?q=ROUSSEAU").body, "Amélie Rousseau"));
  EXPECT_FALSE(contains(c.get("/collectif/portraits?statut=publie").body, "Amélie Rousseau"));
  EXPECT_TRUE(contains(c.get("/collectif/portraits?statut=brouillon").body, "Amélie Rousseau"));

  EXPECT_EQ(c.post_form(base + "/supprimer", {}).status, 303);
  EXPECT_EQ(count_rows(srv.store(), "portraits"), 0);
  EXPECT_EQ(c.get(base + "/modifier").status, 404);
}

TEST_P(PortraitsEditHttp, UploadsAreCheckedByTheirContentAndNothingRefusedIsStored) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  long long id = portrait_id(c.post_form("/collectif/portraits/nouveau", portrait_form()));
  ASSERT_GT(id, 0);
  std::string base = "/collectif/portraits/" + std::to_string(id);
  c.get(base + "/modifier");

  const std::string elf = std::string(
                              "\x7F"
                              "ELF\x02\x01\x01\0",
                              8) +
                          std::string(5000, '\x90');
  struct Case {
    std::string name, filename, bytes, message;
  };
  const std::vector<Case> refused = {
      {"renamed executable", "photo.jpg", elf, "Ce fichier n’est pas une image JPEG, PNG ou WebP."},
      {"50 MB image", "enorme.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + std::string(50u * 1024 * 1024, '\0'),
       "La photo dépasse 15 Mo"},
      {"decompression bomb", "bombe.png", bomb_png(), "Cette image est trop grande en pixels (50000 × 50000)"},
      {"nothing chosen", "", "", "Choisissez une photo"},
  };
  for (const auto& k : refused) {
    SCOPED_TRACE(k.name);
    auto r = upload(c, base + "/photo", "photo", k.filename, "image/jpeg", k.bytes);
    EXPECT_EQ(r.status, 422);
    EXPECT_TRUE(contains(r.body, "<small id=\"portrait-photo-error\" class=\"field-error\">" + k.message))
        << r.body.substr(0, 300);
    EXPECT_TRUE(contains(r.body, "aria-invalid=\"true\""));
    expect_accessible(r.body, "photo refused");
    EXPECT_EQ(count_rows(srv.store(), "portrait_photos"), 0);
    EXPECT_EQ(count_rows(srv.store(), "media"), 0);
  }

  auto ok = upload(c, base + "/photo", "photo", "moi.jpg", "image/jpeg", good_jpeg());
  EXPECT_EQ(ok.status, 303) << ok.body.substr(0, 500);
  EXPECT_EQ(count_rows(srv.store(), "portrait_photos"), 7) << "160, 480 and 1024 in WebP and JPEG, and the full JPEG";
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM portrait_photos WHERE format = 'webp'"), 3);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM portrait_photos WHERE variant = 'full' AND format = 'jpeg'"), 1);
  EXPECT_TRUE(store::portrait_by_id(srv.store(), w.ta, id)->has_photo);
  auto preview = c.get(base + "/apercu.jpg");
  EXPECT_EQ(preview.status, 200);
  EXPECT_EQ(preview.header("content-type"), "image/jpeg");
  EXPECT_EQ(preview.body.substr(0, 2), "\xFF\xD8");
  // A second photo replaces the first one's variants.
  EXPECT_EQ(upload(c, base + "/photo", "photo", "moi.jpg", "image/jpeg", good_jpeg()).status, 303);
  EXPECT_EQ(count_rows(srv.store(), "media"), 7);
  EXPECT_EQ(c.post_form(base + "/photo/supprimer", {}).status, 303);
  EXPECT_EQ(count_rows(srv.store(), "portrait_photos"), 0);
  EXPECT_EQ(count_rows(srv.store(), "media"), 0);
  EXPECT_EQ(c.get(base + "/apercu.jpg").status, 404);

  // Videos: an MP4 by its ftyp box, whatever its name; a QuickTime file or a renamed executable is refused.
  c.get(base + "/modifier");
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"QuickTime", mp4("qt  ").replace(16, 8, "qt  qt  ")}, {"executable", elf}, {"empty", ""}}) {
    SCOPED_TRACE(name);
    auto r = upload(c, base + "/video", "video", "film.mp4", "video/mp4", bytes);
    EXPECT_EQ(r.status, 422);
    EXPECT_TRUE(contains(r.body, "<small id=\"portrait-video-error\" class=\"field-error\">"));
    EXPECT_EQ(count_rows(srv.store(), "media"), 0);
  }
  auto video = upload(c, base + "/video", "video", "renomme.bin", "application/octet-stream", mp4("mp42"));
  EXPECT_EQ(video.status, 303) << video.body.substr(0, 400);
  EXPECT_EQ(count(srv.store(), "SELECT COUNT(*) FROM media WHERE content_type = 'video/mp4'"), 1);
  EXPECT_TRUE(contains(c.get(base + "/modifier").body, "Une vidéo MP4 est enregistrée"));
  EXPECT_EQ(c.post_form(base + "/video/supprimer", {}).status, 303);
  EXPECT_EQ(count_rows(srv.store(), "media"), 0);
}

TEST_P(PortraitsEditHttp, PublicationNeedsConsentToTheJobAndUnpublishingIsImmediate) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  auto no_job = portrait_form();  // consent to her name only
  no_job.erase(std::remove_if(no_job.begin(), no_job.end(),
                              [](const auto& kv) { return kv.first == "consents" && kv.second != "name"; }),
               no_job.end());
  long long id = portrait_id(c.post_form("/collectif/portraits/nouveau", no_job));
  ASSERT_GT(id, 0);
  std::string base = "/collectif/portraits/" + std::to_string(id);
  c.get(base + "/modifier");
  auto refused = c.post_form(base + "/statut", {{"statut", "published"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(
      contains(refused.body, "La publication demande l’accord de la personne pour publier au moins son métier"));
  EXPECT_EQ(store::portrait_by_id(srv.store(), w.ta, id)->status, "draft");
  EXPECT_EQ(c.post_form(base + "/statut", {{"statut", "n-importe-quoi"}}).status, 400);

  // With consent to her job (and her name and the cliché, not the quote).
  EXPECT_EQ(c.post_form(base + "/modifier", with(portrait_form(), "campaign_new", "")).status, 303);
  EXPECT_EQ(c.post_form(base + "/statut", {{"statut", "published"}}).status, 303);
  auto p = store::portrait_by_id(srv.store(), w.ta, id);
  ASSERT_EQ(p->status, "published");
  auto gallery = Client(srv.port()).get("/portraits");
  EXPECT_TRUE(contains(gallery.body, "/portraits/" + p->slug)) << "in the public gallery";
  auto poster = Client(srv.port()).get("/portraits/" + p->slug + "/affiche.pdf?format=a4");
  ASSERT_EQ(poster.status, 200);
  EXPECT_EQ(poster.header("content-type"), "application/pdf");
  EXPECT_EQ(poster.header("content-disposition"), "attachment; filename=\"affiche-" + p->slug + "-a4.pdf\"");
  std::string text = pdf_text(poster.body);
  EXPECT_TRUE(contains(text, "Amélie R.")) << text;
  EXPECT_TRUE(contains(text, "Technicienne de maintenance"));
  EXPECT_FALSE(contains(text, "Je répare")) << "no consent to the quote";
  EXPECT_FALSE(contains(text, "Rousseau"));
  EXPECT_EQ(Client(srv.port()).get("/portraits/" + p->slug + "/affiche.pdf?format=a5").status, 400);

  EXPECT_EQ(c.post_form(base + "/statut", {{"statut", "unpublished"}}).status, 303);
  EXPECT_EQ(store::portrait_by_id(srv.store(), w.ta, id)->status, "unpublished");
  Client anyone(srv.port());
  EXPECT_FALSE(contains(anyone.get("/portraits").body, "/portraits/" + p->slug)) << "gone from the gallery at once";
  EXPECT_EQ(anyone.get("/portraits/" + p->slug).status, 404);
  EXPECT_EQ(anyone.get("/portraits/" + p->slug + "/affiche.pdf").status, 404);
}

TEST_P(PortraitsEditHttp, AnAmbassadorAsksForPublicationButCannotPublishHerself) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client her(srv.port());
  ASSERT_EQ(her.login(w.member_email, kPassword), 303);
  auto page = her.get("/collectif/mon-portrait");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "value=\"Technicienne de maintenance\"")) << "prefilled from her profile";
  EXPECT_TRUE(contains(page.body, "Bac pro MELEC (niveau 4), Lycée Jules Haag, 2015")) << "her path steps";
  EXPECT_TRUE(contains(page.body, "Votre nom paraît ainsi : « Inès R. »"));
  EXPECT_FALSE(contains(page.body, "Demander la publication")) << "not saved yet";
  expect_accessible(page.body, "my portrait (new)");
  EXPECT_EQ(her.post_form("/collectif/mon-portrait", {{"job_title", ""}}).status, 422);
  EXPECT_EQ(count_rows(srv.store(), "portraits"), 0);

  auto saved = her.post_form("/collectif/mon-portrait", {{"job_title", "Technicienne de maintenance"},
                                                         {"domain", "maintenance"},
                                                         {"employer", "Verrerie Fictive"},
                                                         {"quote", "Je fais tourner l’usine."},
                                                         {"path", "Bac pro MELEC\nBTS MS"}});
  ASSERT_EQ(saved.status, 303);
  auto mine = store::portraits_of_ambassador(srv.store(), w.ta, w.member);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].status, "draft");
  EXPECT_EQ(mine[0].first_name, "Inès");
  auto consents = mine[0].consents;
  std::sort(consents.begin(), consents.end());
  EXPECT_EQ(consents, (std::vector<std::string>{"job", "name", "photo", "quote"})) << "her profile's";
  long long id = mine[0].id;
  std::string base = "/collectif/portraits/" + std::to_string(id);

  // She cannot reach the coordinators' publication route, nor any editing page.
  her.get("/collectif/mon-portrait");
  EXPECT_EQ(her.post_form(base + "/statut", {{"statut", "published"}}).status, 403);
  EXPECT_EQ(her.get("/collectif/portraits").status, 403);
  EXPECT_EQ(store::portrait_by_id(srv.store(), w.ta, id)->status, "draft");
  // Her photo, which she sees before publication.
  EXPECT_EQ(upload(her, "/collectif/mon-portrait/photo", "photo", "moi.exe", "image/jpeg", "MZ\x90").status, 422);
  EXPECT_EQ(upload(her, "/collectif/mon-portrait/photo", "photo", "moi.jpg", "image/jpeg", good_jpeg()).status, 303);
  EXPECT_EQ(her.get(base + "/apercu.jpg").status, 200);

  her.get("/collectif/mon-portrait");
  EXPECT_EQ(her.post_form("/collectif/mon-portrait/statut", {{"demande", "publication"}}).status, 303);
  EXPECT_EQ(store::portrait_by_id(srv.store(), w.ta, id)->status, "submitted") << "asked, not published";
  EXPECT_FALSE(store::portrait_by_slug_public(srv.store(), mine[0].slug));

  // A coordinator sees it first, « à valider », and publishes it.
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord-a@exemple.fr", kPassword), 303);
  auto list = coord.get("/collectif/portraits");
  auto pending = list.body.find("Portraits en attente de validation");
  ASSERT_NE(pending, std::string::npos);
  EXPECT_LT(pending, list.body.find("Inès Roux"));
  coord.get(base + "/modifier");
  EXPECT_EQ(coord.post_form(base + "/statut", {{"statut", "published"}}).status, 303);
  EXPECT_TRUE(store::portrait_by_slug_public(srv.store(), mine[0].slug));

  // Her change to a published portrait waits for validation again; then she withdraws it, at once.
  her.get("/collectif/mon-portrait");
  EXPECT_EQ(her.post_form("/collectif/mon-portrait",
                          {{"job_title", "Technicienne de maintenance"}, {"quote", "Une nouvelle phrase."}})
                .header("location"),
            "/collectif/mon-portrait?etat=soumis");
  EXPECT_EQ(store::portrait_by_id(srv.store(), w.ta, id)->status, "submitted");
  EXPECT_FALSE(store::portrait_by_slug_public(srv.store(), mine[0].slug));
  coord.post_form(base + "/statut", {{"statut", "published"}});
  her.get("/collectif/mon-portrait");
  auto withdrawn = her.post_form("/collectif/mon-portrait/statut", {{"demande", "retrait"}});
  EXPECT_EQ(withdrawn.status, 303);
  EXPECT_EQ(store::portrait_by_id(srv.store(), w.ta, id)->status, "unpublished");
  EXPECT_EQ(Client(srv.port()).get("/portraits/" + mine[0].slug).status, 404);
  auto after = her.get(withdrawn.header("location"));
  EXPECT_TRUE(contains(after.body, "Votre portrait n’est plus publié."));
  expect_accessible(after.body, "my portrait (saved)");

  // A coordinator has no portrait of her own.
  EXPECT_EQ(coord.get("/collectif/mon-portrait").status, 403);
}

TEST_P(PortraitsEditHttp, CampaignPostersHoldOnlyPublishedPortraits) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  long long published = portrait_id(c.post_form("/collectif/portraits/nouveau", portrait_form()));
  auto campaign = store::portrait_by_id(srv.store(), w.ta, published)->campaign_id;
  auto draft_form = with(with(portrait_form(), "job_title", "Décolleteuse-régleuse"), "campaign_new", "");
  draft_form.emplace_back("campaign_id", std::to_string(campaign));
  long long draft = portrait_id(c.post_form("/collectif/portraits/nouveau", draft_form));
  ASSERT_GT(draft, 0);
  ASSERT_EQ(store::portrait_by_id(srv.store(), w.ta, draft)->campaign_id, campaign);
  c.get("/collectif/portraits/" + std::to_string(published) + "/modifier");
  ASSERT_EQ(
      c.post_form("/collectif/portraits/" + std::to_string(published) + "/statut", {{"statut", "published"}}).status,
      303);

  auto page = c.get("/collectif/campagnes");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Campagne de test 2026"));
  std::string pdf_url = "/collectif/campagnes/" + std::to_string(campaign) + "/affiches.pdf";
  EXPECT_TRUE(contains(page.body, pdf_url + "?format=a3"));
  expect_accessible(page.body, "campaigns");
  auto pdf = c.get(pdf_url + "?format=a3");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-disposition"), "attachment; filename=\"affiches-campagne-de-test-2026-a3.pdf\"");
  std::string text = pdf_text(pdf.body);
  EXPECT_TRUE(contains(text, "Technicienne de maintenance"));
  EXPECT_FALSE(contains(text, "Décolleteuse")) << "a draft is not printed";
  auto info = shell_on_file(pdf.body, "pdf", "pdfinfo {}");
  EXPECT_TRUE(std::regex_search(info.out, std::regex(R"(Pages:\s+1\n)"))) << info.out;
  EXPECT_TRUE(contains(info.out, "(A3)")) << info.out;
  EXPECT_EQ(c.get(pdf_url + "?format=tabloid").status, 400);
}

TEST_P(PortraitsEditHttp, AnotherTerritorysPortraitIsNotFound) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client a(srv.port());
  ASSERT_EQ(a.login("coord-a@exemple.fr", kPassword), 303);
  long long id = portrait_id(a.post_form("/collectif/portraits/nouveau", portrait_form()));
  ASSERT_GT(id, 0);
  a.get("/collectif/portraits/" + std::to_string(id) + "/modifier");
  ASSERT_EQ(
      upload(a, "/collectif/portraits/" + std::to_string(id) + "/photo", "photo", "p.jpg", "image/jpeg", good_jpeg())
          .status,
      303);
  auto campaign = store::portrait_by_id(srv.store(), w.ta, id)->campaign_id;
  auto before = store::portrait_by_id(srv.store(), w.ta, id);

  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  std::string base = "/collectif/portraits/" + std::to_string(id);
  EXPECT_EQ(b.get(base + "/modifier").status, 404);
  EXPECT_EQ(b.get(base + "/apercu.jpg").status, 404);
  EXPECT_EQ(b.get("/collectif/campagnes/" + std::to_string(campaign) + "/affiches.pdf").status, 404);
  b.get("/collectif/portraits");
  EXPECT_EQ(b.post_form(base + "/modifier", portrait_form()).status, 404);
  EXPECT_EQ(b.post_form(base + "/statut", {{"statut", "published"}}).status, 404);
  EXPECT_EQ(upload(b, base + "/photo", "photo", "p.jpg", "image/jpeg", good_jpeg()).status, 404);
  EXPECT_EQ(upload(b, base + "/video", "video", "v.mp4", "video/mp4", mp4()).status, 404);
  EXPECT_EQ(b.post_form(base + "/photo/supprimer", {}).status, 404);
  EXPECT_EQ(b.post_form(base + "/video/supprimer", {}).status, 404);
  EXPECT_EQ(b.post_form(base + "/supprimer", {}).status, 404);
  EXPECT_FALSE(contains(b.get("/collectif/portraits").body, "Amélie"));
  EXPECT_FALSE(contains(b.get("/collectif/campagnes").body, "Campagne de test"));
  auto after = store::portrait_by_id(srv.store(), w.ta, id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, "draft");
  EXPECT_EQ(after->first_name, before->first_name);
  EXPECT_EQ(count_rows(srv.store(), "portrait_photos"), 7);
  // Nobody signed in gets the login page.
  EXPECT_EQ(Client(srv.port()).get(base + "/apercu.jpg").status, 303);
}

INSTANTIATE_TEST_SUITE_P(Engines, PortraitsEditHttp, ::testing::ValuesIn(fixture::engines()));
