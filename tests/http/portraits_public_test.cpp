// HTTP tests of the public portraits, on every engine: the gallery's filters and French search, pages, the portrait
// page's OpenGraph tags (absolute addresses), the consent rules on every public output (page, embed, API, photos,
// video: a field without consent is absent, an unpublished portrait is 404), photo caching, video range requests,
// the portraits API and the portrait of the day on the home page.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/media.hpp"
#include "store/portraits.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;
using nlohmann::json;

namespace {

const std::string kBase = "https://passerelles.example";
const std::vector<std::string> kAll = {"name", "photo", "job", "employer", "path", "quote", "cliche", "video"};

struct World {
  long long ta = 0, tb = 0, campaign = 0;
  long long usineuse = 0, mecanicienne = 0, draft = 0, verriere = 0;
  std::string usineuse_slug, mecanicienne_slug, draft_slug, verriere_slug;
  std::string video;  // the bytes of the usineuse's uploaded video
};

store::Author by{0, "coord@exemple.fr"};

long long add(store::Store& s, long long t, const std::string& first, const std::string& job,
              const std::vector<std::string>& consents, const std::string& status, const std::string& quote,
              const std::string& employer, const std::string& domain, int level, long long campaign = 0,
              const std::string& video_url = "") {
  domain::Portrait p;
  p.territory_id = t;
  p.first_name = first;
  p.last_name = "Martin";
  p.job_title = job;
  p.quote = quote;
  p.employer = employer;
  p.domain = domain;
  p.diploma_level = level;
  p.path = "CAP conducteur d’installations\nBac pro technicien d’usinage";
  p.cliche = "Le cliché qu’elle casse : « " + first + " n’a pas peur du bruit »";
  p.consents = consents;
  p.status = status;
  p.campaign_id = campaign;
  p.video_url = video_url;
  auto r = store::insert_portrait(s, p, by);
  EXPECT_TRUE(r.ok());
  return r.id;
}

void add_photo(store::Store& s, long long t, long long id) {
  std::vector<store::PhotoVariantBytes> v = {
      {"160", "webp", "webp-160", 160, 200},     {"160", "jpeg", "jpeg-160", 160, 200},
      {"480", "webp", "webp-480", 480, 600},     {"480", "jpeg", "jpeg-480-bytes", 480, 600},
      {"1024", "webp", "webp-1024", 1024, 1280}, {"1024", "jpeg", "jpeg-1024", 1024, 1280},
      {"full", "jpeg", "jpeg-full", 1600, 2000}};
  ASSERT_TRUE(store::set_portrait_photo(s, t, id, v));
}

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  w.campaign = store::campaign_named(s, w.ta, "Femmes et Microtechniques 2019", 2019);
  w.usineuse = add(s, w.ta, "Amélie", "Usineuse", kAll, "published", "Je pilote une fraiseuse à commande numérique",
                   "Usine Dupont", "usinage", 4, w.campaign, "https://www.youtube.com/watch?v=abcDEF12345");
  w.mecanicienne = add(s, w.ta, "Léa", "Technicienne en mécanique", {"job", "name"}, "published",
                       "Zorglub-Secret-Quote", "Zorglub-Secret-Employer", "mecanique", 5);
  w.draft =
      add(s, w.ta, "Zorglub-Draft", "Soudeuse", kAll, "draft", "Zorglub-Draft-Quote", "Chantiers Naval", "autre", 3);
  w.verriere =
      add(s, w.tb, "Inès", "Verrière", kAll, "published", "Le verre est vivant", "Verrerie d’Arques", "verre", 3);
  for (long long id : {w.usineuse, w.mecanicienne, w.draft}) add_photo(s, w.ta, id);
  std::mt19937 rng(7);
  w.video.resize(store::kMediaChunkBytes * 2 + 777);
  for (auto& ch : w.video) ch = static_cast<char>(rng());
  for (long long id : {w.usineuse, w.mecanicienne, w.draft})
    EXPECT_TRUE(store::set_portrait_video(s, w.ta, id, w.video));
  w.usineuse_slug = store::portrait_by_id(s, w.ta, w.usineuse)->slug;
  w.mecanicienne_slug = store::portrait_by_id(s, w.ta, w.mecanicienne)->slug;
  w.draft_slug = store::portrait_by_id(s, w.ta, w.draft)->slug;
  w.verriere_slug = store::portrait_by_id(s, w.tb, w.verriere)->slug;
  return w;
}

config::Config with_base() {
  config::Config cfg;
  cfg.public_url = kBase;
  return cfg;
}

// The slugs of the cards of a gallery or embed page, in order.
std::vector<std::string> card_slugs(const std::string& html) {
  std::vector<std::string> out;
  const std::string mark = "class=\"portrait-card-title\"><a href=\"/portraits/";
  for (auto at = html.find(mark); at != std::string::npos; at = html.find(mark, at + 1)) {
    auto start = at + mark.size();
    out.push_back(html.substr(start, html.find('"', start) - start));
  }
  return out;
}

std::string meta(const std::string& html, const std::string& property) {
  const std::string mark = "property=\"" + property + "\" content=\"";
  auto at = html.find(mark);
  if (at == std::string::npos) return "";
  auto start = at + mark.size();
  return html.substr(start, html.find('"', start) - start);
}

}  // namespace

class PortraitsPublicHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(PortraitsPublicHttp, GalleryFiltersSearchAndPages) {
  TestServer srv(GetParam(), with_base());
  World w = seed(srv.store());
  Client c(srv.port());
  auto all = c.get("/portraits");
  ASSERT_EQ(all.status, 200);
  expect_accessible(all.body, "gallery");
  EXPECT_EQ(card_slugs(all.body).size(), 3u) << "three published portraits, the draft is not one";
  EXPECT_FALSE(contains(all.body, "Zorglub-Draft"));
  EXPECT_TRUE(contains(all.body, "3 portraits publiés."));
  EXPECT_TRUE(contains(
      all.body, "<picture><source type=\"image/webp\" srcset=\"/portraits/" + w.usineuse_slug + "/photo-480.webp?v="))
      << "WebP first, the JPEG as the fallback";
  EXPECT_TRUE(contains(all.body, "width=\"480\" height=\"600\" alt=\"Portrait d’Amélie M.\""));

  struct Case {
    std::string query;
    std::vector<std::string> slugs;
  } cases[] = {
      {"?q=usineuses", {w.usineuse_slug}},
      {"?q=MECANIQUE", {w.mecanicienne_slug}},
      {"?q=fraiseuse", {w.usineuse_slug}},
      {"?q=Zorglub-Secret-Quote", {}},  // a quote without consent is not searchable
      {"?q=zorglub", {}},
      {"?domaine=usinage", {w.usineuse_slug}},
      {"?niveau=5", {}},  // Léa's level belongs to her path, which she did not agree to publish
      {"?niveau=3", {w.verriere_slug}},
      {"?territoire=tb", {w.verriere_slug}},
      {"?employeur=USINE%20dupont", {w.usineuse_slug}},
      {"?campagne=" + std::to_string(w.campaign), {w.usineuse_slug}},
      {"?domaine=usinage&q=usineuse", {w.usineuse_slug}},
      {"?domaine=verre&q=usineuse", {}},
  };
  for (const auto& k : cases) {
    auto r = c.get("/portraits" + k.query);
    ASSERT_EQ(r.status, 200) << k.query;
    EXPECT_EQ(card_slugs(r.body), k.slugs) << k.query;
  }
  // A bad value is dropped and said next to its field; the others still apply.
  auto bad = c.get("/portraits?domaine=cuisine&territoire=ta");
  ASSERT_EQ(bad.status, 200);
  EXPECT_TRUE(contains(bad.body, "Ce domaine n’existe pas"));
  EXPECT_TRUE(contains(bad.body, "aria-describedby=\"f-domaine-error\""));
  EXPECT_EQ(card_slugs(bad.body).size(), 2u);
  EXPECT_TRUE(contains(c.get("/portraits?niveau=12").body, "Le niveau de diplôme doit être un nombre de 3 à 8."));
  EXPECT_EQ(c.get("/portraits?page=abc").status, 200);
  // The snippet to copy frames the embeddable page with the same territory and domain.
  auto filtered = c.get("/portraits?territoire=ta&domaine=usinage");
  EXPECT_TRUE(contains(filtered.body, kBase + "/portraits/integrer?territoire=ta&amp;amp;domaine=usinage"))
      << filtered.body;

  // Pages of 24: 27 more published portraits make 30, the second page holds 6.
  for (int i = 0; i < 27; ++i)
    add(srv.store(), w.ta, "Opératrice", "Opératrice " + std::to_string(i), kAll, "published", "", "", "usinage", 4);
  auto p1 = c.get("/portraits");
  EXPECT_TRUE(contains(p1.body, "30 portraits publiés."));
  EXPECT_EQ(card_slugs(p1.body).size(), 24u);
  EXPECT_TRUE(contains(p1.body, "href=\"/portraits?page=2\" rel=\"next\""));
  auto p2 = c.get("/portraits?page=2");
  EXPECT_EQ(card_slugs(p2.body).size(), 6u);
  EXPECT_TRUE(contains(p2.body, "Page 2 sur 2"));
}

TEST_P(PortraitsPublicHttp, UnpublishingLeavesEveryPageAtOnce) {
  TestServer srv(GetParam(), with_base());
  World w = seed(srv.store());
  Client c(srv.port());
  auto usineuse = [&] { return card_slugs(c.get("/portraits?q=usineuse").body); };
  ASSERT_EQ(usineuse(), std::vector<std::string>{w.usineuse_slug});  // now in the page cache
  ASSERT_TRUE(store::set_portrait_status(srv.store(), w.ta, w.usineuse, "unpublished", by).ok());
  EXPECT_TRUE(usineuse().empty()) << "a change made by this process empties the cache at once";
  EXPECT_EQ(card_slugs(c.get("/portraits").body).size(), 2u);
  for (const char* path : {"", "/photo-480.jpg", "/photo-1024.webp", "/photo-full.jpg", "/video.mp4"})
    EXPECT_EQ(c.get("/portraits/" + w.usineuse_slug + path).status, 404) << path;
  EXPECT_FALSE(contains(c.get("/portraits/integrer").body, w.usineuse_slug));
  EXPECT_FALSE(contains(c.get("/api/v1/portraits").body, w.usineuse_slug));

  // A change made by another process or server (the same rows, written without this process knowing): the
  // gallery follows within 250 ms.
  ASSERT_EQ(card_slugs(c.get("/portraits?q=verriere").body), std::vector<std::string>{w.verriere_slug});
  srv.store().write([&](soci::session& sql) {
    sql << "UPDATE portraits SET status = 'unpublished', search = '', updated_at = updated_at + 1 WHERE id = :id",
        soci::use(w.verriere);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_TRUE(card_slugs(c.get("/portraits?q=verriere").body).empty());
}

TEST_P(PortraitsPublicHttp, PortraitPageHasAbsoluteOpenGraphTags) {
  TestServer srv(GetParam(), with_base());
  World w = seed(srv.store());
  Client c(srv.port());
  auto r = c.get("/portraits/" + w.usineuse_slug);
  ASSERT_EQ(r.status, 200);
  expect_accessible(r.body, "portrait page");
  const std::string url = kBase + "/portraits/" + w.usineuse_slug;
  auto head_end = r.body.find("</head>");
  ASSERT_NE(r.body.find("property=\"og:title\""), std::string::npos);
  EXPECT_LT(r.body.find("property=\"og:title\""), head_end) << "the tags are in <head>";
  EXPECT_EQ(meta(r.body, "og:title"), "Amélie M., Usineuse");
  EXPECT_EQ(meta(r.body, "og:description"), "« Je pilote une fraiseuse à commande numérique »");
  EXPECT_EQ(meta(r.body, "og:type"), "profile");
  EXPECT_EQ(meta(r.body, "og:url"), url);
  std::string sha =
      store::media_info(srv.store(), store::public_photo_media(srv.store(), w.usineuse_slug, "1024", "jpeg"))->sha256;
  EXPECT_EQ(meta(r.body, "og:image"), url + "/photo-1024.jpg?v=" + sha.substr(0, 16));
  EXPECT_EQ(meta(r.body, "og:image:width"), "1024");
  EXPECT_TRUE(contains(r.body, "<meta name=\"twitter:card\" content=\"summary_large_image\">"));
  // Her words, her path, the player of her video (and only its origin may be framed), the posters.
  EXPECT_TRUE(contains(r.body, "Bac pro technicien d’usinage"));
  EXPECT_TRUE(contains(r.body, "n’a pas peur du bruit"));
  EXPECT_TRUE(contains(r.body, "Femmes et Microtechniques 2019"));
  EXPECT_TRUE(contains(r.body, "<iframe src=\"https://www.youtube-nocookie.com/embed/abcDEF12345\" title=\""));
  EXPECT_TRUE(contains(r.body, "<video controls"));
  EXPECT_TRUE(contains(r.body, "/portraits/" + w.usineuse_slug + "/affiche.pdf?format=a3"));
  std::string csp = r.header("content-security-policy");
  EXPECT_TRUE(contains(csp, "frame-src https://www.youtube-nocookie.com;")) << csp;
  EXPECT_TRUE(contains(csp, "frame-ancestors 'none'")) << csp;
  EXPECT_TRUE(contains(r.body, "srcset=\"" + url.substr(kBase.size()) + "/photo-160.jpg?v="));

  // Léa agreed to her name and job only: no quote, employer, photo, video or path; no image in the card.
  auto lea = c.get("/portraits/" + w.mecanicienne_slug);
  ASSERT_EQ(lea.status, 200);
  for (const char* hidden : {"Zorglub", "<picture", "<video", "<iframe", "photo-", "CAP conducteur"})
    EXPECT_FALSE(contains(lea.body, hidden)) << hidden;
  EXPECT_EQ(meta(lea.body, "og:image"), "");
  EXPECT_EQ(meta(lea.body, "og:description"), "Technicienne en mécanique : un portrait de femme de l’industrie.");
  EXPECT_TRUE(contains(lea.header("content-security-policy"), "frame-src 'none'"));

  EXPECT_EQ(c.get("/portraits/" + w.draft_slug).status, 404);
  EXPECT_EQ(c.get("/portraits/inconnue").status, 404);
}

TEST_P(PortraitsPublicHttp, EmbedAndApiShowOnlyConsentedFields) {
  TestServer srv(GetParam(), with_base());
  World w = seed(srv.store());
  Client c(srv.port());
  auto embed = c.get("/portraits/integrer?territoire=ta&limite=10");
  ASSERT_EQ(embed.status, 200);
  expect_accessible(embed.body, "embed");
  EXPECT_TRUE(contains(embed.header("content-security-policy"), "frame-ancestors *"));
  EXPECT_EQ(embed.header("x-frame-options"), "");
  EXPECT_EQ(embed.header("content-security-policy-embed"), "1");
  EXPECT_TRUE(contains(embed.body, "target=\"_blank\" rel=\"noopener\""));
  EXPECT_FALSE(contains(embed.body, "class=\"site-header\""));
  EXPECT_FALSE(contains(embed.body, "Zorglub"));
  EXPECT_EQ(card_slugs(embed.body), (std::vector<std::string>{w.mecanicienne_slug, w.usineuse_slug}));
  EXPECT_EQ(card_slugs(c.get("/portraits/integrer?limite=1").body).size(), 1u);
  EXPECT_EQ(c.get("/portraits/integrer?territoire=inconnu").status, 404);
  EXPECT_EQ(c.get("/portraits").header("x-frame-options"), "DENY") << "the gallery itself is not framable";

  auto api = c.get("/api/v1/portraits?territory=ta");
  ASSERT_EQ(api.status, 200);
  EXPECT_FALSE(contains(api.body, "Zorglub"));
  json j = json::parse(api.body);
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["page"], 1);
  EXPECT_EQ(j["per_page"], 24);
  ASSERT_EQ(j["items"].size(), 2u);
  const json& lea = j["items"][0];
  const json& amelie = j["items"][1];
  EXPECT_EQ(lea["slug"], w.mecanicienne_slug);
  EXPECT_EQ(lea["name"], "Léa M.");
  EXPECT_TRUE(lea["employer"].is_null());
  EXPECT_TRUE(lea["quote"].is_null());
  EXPECT_TRUE(lea["photo_url"].is_null());
  EXPECT_TRUE(lea["video_url"].is_null());
  EXPECT_TRUE(lea["diploma_level"].is_null());
  EXPECT_EQ(amelie["id"], w.usineuse);
  EXPECT_EQ(amelie["job_title"], "Usineuse");
  EXPECT_EQ(amelie["domain"], "usinage");
  EXPECT_EQ(amelie["domain_label"], "Usinage");
  EXPECT_EQ(amelie["employer"], "Usine Dupont");
  EXPECT_EQ(amelie["campaign"], "Femmes et Microtechniques 2019");
  EXPECT_EQ(amelie["territory"], "ta");
  EXPECT_EQ(amelie["url"], kBase + "/portraits/" + w.usineuse_slug);
  EXPECT_EQ(amelie["poster_url"], kBase + "/portraits/" + w.usineuse_slug + "/affiche.pdf?format=a4");
  EXPECT_EQ(
      amelie["photo_url"].get<std::string>().rfind(kBase + "/portraits/" + w.usineuse_slug + "/photo-1024.jpg?v=", 0),
      0u);
  EXPECT_EQ(amelie["video_url"], "https://www.youtube.com/watch?v=abcDEF12345");

  auto search = json::parse(c.get("/api/v1/portraits?q=mecaniques&domain=mecanique").body);
  ASSERT_EQ(search["items"].size(), 1u);
  EXPECT_EQ(search["items"][0]["slug"], w.mecanicienne_slug);
  auto page = json::parse(c.get("/api/v1/portraits?per_page=1&page=2").body);
  EXPECT_EQ(page["total"], 3);
  EXPECT_EQ(page["items"].size(), 1u);
  auto bad = c.get("/api/v1/portraits?domain=cuisine&level=9&per_page=500");
  EXPECT_EQ(bad.status, 400);
  json e = json::parse(bad.body);
  EXPECT_TRUE(e["fields"].contains("domain"));
  EXPECT_TRUE(e["fields"].contains("level"));
  EXPECT_TRUE(e["fields"].contains("per_page"));
  EXPECT_FALSE(e["error"].get<std::string>().empty());
}

TEST_P(PortraitsPublicHttp, PhotosNeedConsentAndAreCachedByTheirDigest) {
  TestServer srv(GetParam(), with_base());
  World w = seed(srv.store());
  Client c(srv.port());
  const std::string base = "/portraits/" + w.usineuse_slug;
  auto jpeg = c.get(base + "/photo-480.jpg");
  ASSERT_EQ(jpeg.status, 200);
  EXPECT_EQ(jpeg.body, "jpeg-480-bytes");
  EXPECT_EQ(jpeg.header("content-type"), "image/jpeg");
  std::string etag = jpeg.header("etag");
  // sha256("jpeg-480-bytes"), computed with `printf jpeg-480-bytes | sha256sum`.
  EXPECT_EQ(etag,
            "\"" +
                store::media_info(srv.store(), store::public_photo_media(srv.store(), w.usineuse_slug, "480", "jpeg"))
                    ->sha256 +
                "\"");
  EXPECT_EQ(etag.size(), 66u);
  EXPECT_EQ(jpeg.header("cache-control"), "private, no-cache");
  auto versioned = c.get(base + "/photo-480.jpg?v=" + etag.substr(1, 16));
  EXPECT_EQ(versioned.header("cache-control"), "private, max-age=31536000, immutable");
  auto again = c.get(base + "/photo-480.jpg", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.body, "");
  EXPECT_EQ(c.get(base + "/photo-160.webp").body, "webp-160");
  EXPECT_EQ(c.get(base + "/photo-160.webp").header("content-type"), "image/webp");
  EXPECT_EQ(c.get(base + "/photo-full.webp").status, 404) << "the full size is JPEG only";
  EXPECT_EQ(c.get("/portraits/" + w.mecanicienne_slug + "/photo-480.jpg").status, 404) << "no consent to her photo";
  EXPECT_EQ(c.get("/portraits/" + w.draft_slug + "/photo-480.jpg").status, 404) << "a draft";
  EXPECT_EQ(c.get("/portraits/" + w.verriere_slug + "/photo-480.jpg").status, 404) << "no photo";
}

TEST_P(PortraitsPublicHttp, VideoServesByteRanges) {
  TestServer srv(GetParam(), with_base());
  World w = seed(srv.store());
  Client c(srv.port());
  const std::string url = "/portraits/" + w.usineuse_slug + "/video.mp4";
  const long long n = static_cast<long long>(w.video.size()), k = static_cast<long long>(store::kMediaChunkBytes);
  auto whole = c.get(url);
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(whole.header("accept-ranges"), "bytes");
  EXPECT_EQ(whole.header("content-type"), "video/mp4");
  EXPECT_TRUE(whole.body == w.video);
  std::string etag = whole.header("etag");
  struct Case {
    std::string range;
    long long first, last;
  } cases[] = {{"bytes=0-99", 0, 99},
               {"bytes=" + std::to_string(k - 10) + "-" + std::to_string(k + 9), k - 10, k + 9},
               {"bytes=" + std::to_string(k) + "-", k, n - 1},
               {"bytes=-500", n - 500, n - 1},
               {"bytes=0-" + std::to_string(10 * n), 0, n - 1},
               {"bytes=" + std::to_string(n - 1) + "-" + std::to_string(n - 1), n - 1, n - 1}};
  for (const auto& k2 : cases) {
    auto r = c.get(url, {{"Range", k2.range}});
    ASSERT_EQ(r.status, 206) << k2.range;
    EXPECT_EQ(r.header("content-range"),
              "bytes " + std::to_string(k2.first) + "-" + std::to_string(k2.last) + "/" + std::to_string(n))
        << k2.range;
    EXPECT_TRUE(r.body ==
                w.video.substr(static_cast<std::size_t>(k2.first), static_cast<std::size_t>(k2.last - k2.first + 1)))
        << k2.range;
  }
  for (const std::string& unsatisfiable : {"bytes=" + std::to_string(n) + "-", std::string("bytes=-0")}) {
    auto r = c.get(url, {{"Range", unsatisfiable}});
    EXPECT_EQ(r.status, 416) << unsatisfiable;
    EXPECT_EQ(r.header("content-range"), "bytes */" + std::to_string(n));
  }
  // Ignored, as RFC 9110 allows: malformed, several ranges, another unit; a stale If-Range.
  for (const char* ignored : {"bytes=5-2", "bytes=0-1,5-6", "items=0-1", "bytes=abc"})
    EXPECT_EQ(c.get(url, {{"Range", ignored}}).status, 200) << ignored;
  EXPECT_EQ(c.get(url, {{"Range", "bytes=0-9"}, {"If-Range", "\"autre\""}}).status, 200);
  auto same = c.get(url, {{"Range", "bytes=0-9"}, {"If-Range", etag}});
  EXPECT_EQ(same.status, 206);
  EXPECT_EQ(same.body, w.video.substr(0, 10));

  EXPECT_EQ(c.get("/portraits/" + w.mecanicienne_slug + "/video.mp4").status, 404) << "no consent to her video";
  EXPECT_EQ(c.get("/portraits/" + w.draft_slug + "/video.mp4").status, 404);
  EXPECT_EQ(c.get("/portraits/" + w.draft_slug + "/video.mp4", {{"Range", "bytes=0-9"}}).status, 404);
}

TEST_P(PortraitsPublicHttp, HomePageShowsThePortraitOfTheDay) {
  TestServer srv(GetParam(), with_base());
  Client c(srv.port());
  EXPECT_FALSE(contains(c.get("/").body, "Le portrait du jour")) << "nothing published yet";
  World w = seed(srv.store());
  auto home = c.get("/");
  ASSERT_EQ(home.status, 200);
  expect_accessible(home.body, "home");
  EXPECT_TRUE(contains(home.body, "Le portrait du jour"));
  EXPECT_TRUE(contains(home.body, "<h3 class=\"portrait-card-title\">"));
  auto day = store::portrait_of_the_day(srv.store(), domain::paris_day(store::now_unix()));
  ASSERT_TRUE(day);
  EXPECT_EQ(card_slugs(home.body), std::vector<std::string>{day->slug});
  EXPECT_FALSE(contains(home.body, "Zorglub"));
}

INSTANTIATE_TEST_SUITE_P(Engines, PortraitsPublicHttp, ::testing::ValuesIn(fixture::engines()));
