// Store tests for portraits, campaigns and media, on every engine: the consent rules of every public output (gallery,
// page, portrait of the day, search index, photos), French search, filters, pages, slugs and chunked media ranges.
#include "store/portraits.hpp"

#include <gtest/gtest.h>

#include <random>

#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/media.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

const std::vector<std::string> kAllConsents = {"name",  "photo",  "job",   "employer", "path",
                                               "quote", "cliche", "video", "commune"};

std::vector<std::string> slugs(const std::vector<domain::PublicPortrait>& v) {
  std::vector<std::string> out;
  for (const auto& p : v) out.push_back(p.slug);
  return out;
}

}  // namespace

class PortraitsStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "ta", "Territoire A", "cmq", {"025"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "tb", "Territoire B", "cmq", {"062"}, "", "", 1.3});
  }

  // A portrait of territory `t` with every consent, inserted with `status`; returns its id.
  long long add(long long t, const std::string& job, const std::string& status = "published",
                std::vector<std::string> consents = kAllConsents, const std::string& quote = "",
                const std::string& employer = "Usine Dupont", const std::string& domain = "usinage", int level = 4,
                long long campaign = 0) {
    domain::Portrait p;
    p.territory_id = t;
    p.first_name = "Amélie";
    p.last_name = "Renard";
    p.job_title = job;
    p.domain = domain;
    p.employer = employer;
    p.diploma_level = level;
    p.quote = quote;
    p.consents = std::move(consents);
    p.status = status;
    p.campaign_id = campaign;
    auto r = store::insert_portrait(*db, p, by);
    EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors.begin()->first + ": " + r.errors.begin()->second);
    return r.id;
  }
  std::string slug_of(long long id) { return store::portrait_by_id(*db, ta, id)->slug; }
  std::vector<std::string> search(const std::string& q) {
    store::PortraitFilter f;
    f.query = q;
    f.per_page = 100;
    return slugs(store::gallery(*db, f).rows);
  }
  std::string search_column(long long id) {
    return db->read([&](soci::session& sql) {
      std::string s;
      sql << "SELECT search FROM portraits WHERE id = :id", soci::use(id), soci::into(s);
      return s;
    });
  }
  // Every public output at once: the gallery, the page, the photo and the portrait of the day (on every day
  // that could pick it).
  bool visible_anywhere(long long id, const std::string& slug) {
    store::PortraitFilter f;
    f.per_page = 100;
    for (const auto& p : store::gallery(*db, f).rows)
      if (p.id == id) return true;
    if (store::portrait_by_slug_public(*db, slug)) return true;
    if (store::public_photo_media(*db, slug, "480", "jpeg")) return true;
    for (std::string day = "2026-03-01"; day < "2026-03-20"; day = domain::add_days(day, 1))
      if (auto d = store::portrait_of_the_day(*db, day); d && d->id == id) return true;
    return false;
  }
  void add_photo(long long id) {
    std::vector<store::PhotoVariantBytes> v = {{"160", "jpeg", "small-jpeg", 160, 200},
                                               {"480", "jpeg", "medium-jpeg", 480, 600},
                                               {"480", "webp", "medium-webp", 480, 600},
                                               {"full", "jpeg", "full-jpeg", 800, 1000}};
    ASSERT_TRUE(store::set_portrait_photo(*db, ta, id, v));
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0;
  store::Author by{0, "coord@exemple.fr"};
};

TEST_P(PortraitsStore, UnpublishedNeverLeavesTheStore) {
  long long draft = add(ta, "Technicienne de maintenance", "draft");
  long long submitted = add(ta, "Technicienne de maintenance", "submitted");
  long long published = add(ta, "Technicienne de maintenance", "published");
  for (long long id : {draft, submitted, published}) add_photo(id);
  EXPECT_FALSE(visible_anywhere(draft, slug_of(draft)));
  EXPECT_FALSE(visible_anywhere(submitted, slug_of(submitted)));
  EXPECT_TRUE(visible_anywhere(published, slug_of(published)));
  EXPECT_EQ(search_column(draft), "");
  EXPECT_EQ(search_column(submitted), "");
  EXPECT_EQ(search("maintenance"), std::vector<std::string>{slug_of(published)});

  // Unpublishing is immediate everywhere, search included.
  ASSERT_TRUE(store::set_portrait_status(*db, ta, published, "unpublished", by).ok());
  EXPECT_FALSE(visible_anywhere(published, slug_of(published)));
  EXPECT_EQ(search_column(published), "");
  EXPECT_TRUE(search("maintenance").empty());
  EXPECT_FALSE(store::portrait_of_the_day(*db, "2026-03-01")) << "nothing published, no portrait of the day";
  // Published again: back at once.
  ASSERT_TRUE(store::set_portrait_status(*db, ta, published, "published", by).ok());
  EXPECT_EQ(search("maintenance"), std::vector<std::string>{slug_of(published)});
}

TEST_P(PortraitsStore, FieldsWithoutConsentAreNeitherShownNorSearchable) {
  long long id = add(ta, "Régleuse", "published", {"job"}, "J’adore la fraiseuse numérique", "Manufacture Zébulon");
  add_photo(id);
  std::string slug = slug_of(id);
  auto p = store::portrait_by_slug_public(*db, slug);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->job_title, "Régleuse");
  EXPECT_EQ(p->name, "");
  EXPECT_EQ(p->quote, "");
  EXPECT_EQ(p->employer, "");
  EXPECT_EQ(p->diploma_level, 0);
  EXPECT_FALSE(p->has_photo);
  EXPECT_EQ(store::public_photo_media(*db, slug, "480", "jpeg"), 0) << "no consent to the photo";
  EXPECT_TRUE(store::public_photo_variants(*db, {id}).empty());
  EXPECT_TRUE(search("fraiseuse").empty()) << "a word only in the quote, without consent to it";
  EXPECT_TRUE(search("Amélie").empty()) << "the name without consent to it";
  EXPECT_TRUE(search("zebulon").empty()) << "the employer without consent to it";
  EXPECT_EQ(search("regleuse"), std::vector<std::string>{slug});
  EXPECT_TRUE(store::public_employers(*db).empty());
  store::PortraitFilter by_employer;
  by_employer.employer = "Manufacture Zébulon";
  EXPECT_EQ(store::gallery(*db, by_employer).total, 0) << "filtering on a hidden employer would reveal it";
  store::PortraitFilter by_level;
  by_level.diploma_level = 4;
  EXPECT_EQ(store::gallery(*db, by_level).total, 0) << "the level belongs to the path, without consent";

  // She consents to the quote and the photo: both appear, and the quote becomes searchable.
  auto full = *store::portrait_by_id(*db, ta, id);
  full.consents = {"job", "quote", "photo"};
  ASSERT_TRUE(store::update_portrait(*db, full, by).ok());
  EXPECT_EQ(search("fraiseuses"), std::vector<std::string>{slug});
  EXPECT_EQ(store::portrait_by_slug_public(*db, slug)->quote, "J’adore la fraiseuse numérique");
  EXPECT_NE(store::public_photo_media(*db, slug, "480", "jpeg"), 0);
  EXPECT_EQ(store::public_photo_variants(*db, {id}).at(id).size(), 4u);
  // Withdrawing "job" hides the whole portrait although its status stays published.
  full.consents = {"quote", "photo"};
  ASSERT_TRUE(store::update_portrait(*db, full, by).ok());
  EXPECT_FALSE(visible_anywhere(id, slug));
  EXPECT_TRUE(search("fraiseuse").empty());
}

TEST_P(PortraitsStore, FrenchSearchIgnoresAccentsCaseAndPlurals) {
  long long mec = add(ta, "Technicienne en mécanique");
  long long usi = add(ta, "Usineuse");
  long long both = add(ta, "Usineuse en mécanique de précision");
  add(ta, "Soudeuse", "draft", kAllConsents, "usineuse mécanique");  // a draft never matches
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  std::vector<std::string> mecs = sorted({slug_of(mec), slug_of(both)});
  std::vector<std::string> usis = sorted({slug_of(usi), slug_of(both)});
  EXPECT_EQ(sorted(search("mecanique")), mecs);
  EXPECT_EQ(sorted(search("MÉCANIQUES")), mecs);
  EXPECT_EQ(sorted(search("Mécaniq")), mecs) << "the last word as a prefix";
  EXPECT_EQ(sorted(search("usineuses")), usis);
  EXPECT_EQ(sorted(search("usineur")), usis) << "the masculine finds the feminine";
  EXPECT_EQ(search("usineuse mecanique"), std::vector<std::string>{slug_of(both)}) << "every word must match";
  EXPECT_TRUE(search("boulangère").empty());
  EXPECT_EQ(search("de la").size(), 3u) << "only stop words: no text filter";
  EXPECT_TRUE(search("\"usineuse* OR a:b & !c |").empty()) << "operators are words (« or » is in no portrait)";
  EXPECT_EQ(sorted(search("\"usineuse\"")), usis);
}

TEST_P(PortraitsStore, FiltersAndTheirLists) {
  long long c1 = store::campaign_named(*db, ta, "Femmes et Microtechniques 2019", 2019);
  EXPECT_EQ(store::campaign_named(*db, ta, "Femmes et microtechniques 2019"), c1) << "same slug, same campaign";
  long long usinage4 = add(ta, "Usineuse", "published", kAllConsents, "", "Usine Dupont", "usinage", 4, c1);
  long long micro5 = add(ta, "Horlogère", "published", kAllConsents, "", "ÉTS Lip", "microtechnique", 5, c1);
  long long verre = add(tb, "Verrière", "published", kAllConsents, "", "ets lip", "verre", 3);
  add(ta, "Polisseuse", "draft", kAllConsents, "", "Cachée SA", "microtechnique", 5, c1);
  auto total = [&](store::PortraitFilter f) { return store::gallery(*db, f).rows; };
  store::PortraitFilter f;
  f.domain = "usinage";
  ASSERT_EQ(total(f).size(), 1u);
  EXPECT_EQ(total(f)[0].id, usinage4);
  f = {};
  f.diploma_level = 5;
  ASSERT_EQ(total(f).size(), 1u);
  EXPECT_EQ(total(f)[0].id, micro5);
  f = {};
  f.territory_slug = "tb";
  ASSERT_EQ(total(f).size(), 1u);
  EXPECT_EQ(total(f)[0].id, verre);
  f = {};
  f.employer = "Ets LIP";  // case and accents ignored: « ÉTS Lip » and « ets lip »
  EXPECT_EQ(total(f).size(), 2u);
  f = {};
  f.campaign_id = c1;
  EXPECT_EQ(total(f).size(), 2u) << "the draft of the campaign is not public";
  f.domain = "microtechnique";
  EXPECT_EQ(total(f).size(), 1u);
  f = {};
  f.domain = "chimie";
  EXPECT_TRUE(total(f).empty());

  auto employers = store::public_employers(*db);
  EXPECT_EQ(employers.size(), 2u) << "« ÉTS Lip » and « ets lip » are one; the draft's employer is absent";
  auto territories = store::public_territories(*db);
  ASSERT_EQ(territories.size(), 2u);
  EXPECT_EQ(territories[0], (std::pair<std::string, std::string>{"ta", "Territoire A"}));
  auto campaigns = store::public_campaigns(*db);
  ASSERT_EQ(campaigns.size(), 1u);
  EXPECT_EQ(campaigns[0].name, "Femmes et Microtechniques 2019");
  EXPECT_EQ(campaigns[0].year, 2019);
  EXPECT_EQ(campaigns[0].published, 2);
  EXPECT_EQ(store::campaigns_of(*db, tb).size(), 0u);
  EXPECT_TRUE(store::campaign_by_id(*db, ta, c1));
  EXPECT_FALSE(store::campaign_by_id(*db, tb, c1)) << "another territory's campaign reads as absent";
  // The campaign's name is searchable and shown.
  EXPECT_EQ(search("microtechniques").size(), 2u);
  EXPECT_EQ(store::portrait_by_slug_public(*db, slug_of(usinage4))->campaign_name, "Femmes et Microtechniques 2019");
}

TEST_P(PortraitsStore, PagesOrderedByPublicationThenId) {
  std::vector<long long> ids;
  for (int i = 0; i < 30; ++i) ids.push_back(add(ta, "Opératrice " + std::to_string(i)));
  // Spread the publication times by hand: the order must follow published_at, then id.
  db->write([&](soci::session& sql) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      long long at = 1'700'000'000 + static_cast<long long>(i % 10);
      sql << "UPDATE portraits SET published_at = :a WHERE id = :id", soci::use(at), soci::use(ids[i]);
    }
  });
  std::vector<long long> expected = ids;
  std::sort(expected.begin(), expected.end(), [&](long long a, long long b) {
    auto ka = std::make_pair((std::find(ids.begin(), ids.end(), a) - ids.begin()) % 10, a);
    auto kb = std::make_pair((std::find(ids.begin(), ids.end(), b) - ids.begin()) % 10, b);
    return ka > kb;
  });
  store::PortraitFilter f;
  f.per_page = 24;
  auto p1 = store::gallery(*db, f);
  f.page = 2;
  auto p2 = store::gallery(*db, f);
  EXPECT_EQ(p1.total, 30);
  EXPECT_EQ(p1.pages(), 2);
  ASSERT_EQ(p1.rows.size(), 24u);
  ASSERT_EQ(p2.rows.size(), 6u);
  std::vector<long long> got;
  for (const auto& p : p1.rows) got.push_back(p.id);
  for (const auto& p : p2.rows) got.push_back(p.id);
  EXPECT_EQ(got, expected);
  // The same pages when words are searched (the full-text index drives, the page is cut in C++).
  f.query = "opératrices";
  f.page = 1;
  auto s1 = store::gallery(*db, f);
  f.page = 2;
  auto s2 = store::gallery(*db, f);
  EXPECT_EQ(s1.total, 30);
  std::vector<long long> searched;
  for (const auto& p : s1.rows) searched.push_back(p.id);
  for (const auto& p : s2.rows) searched.push_back(p.id);
  EXPECT_EQ(searched, expected);
  f.query.clear();
  f.page = 3;
  EXPECT_TRUE(store::gallery(*db, f).rows.empty());
  f.per_page = 1000;
  EXPECT_EQ(store::gallery(*db, f).per_page, store::kMaxPerPage);
}

TEST_P(PortraitsStore, SlugsAreUniqueAndFromTheJobOnly) {
  long long a = add(ta, "Technicienne de maintenance");
  long long b = add(tb, "Technicienne de maintenance", "draft");
  long long c = add(ta, "Technicienne  de  Maintenance");
  EXPECT_EQ(slug_of(a), "technicienne-de-maintenance");
  EXPECT_EQ(store::portrait_by_id(*db, tb, b)->slug, "technicienne-de-maintenance-2");
  EXPECT_EQ(slug_of(c), "technicienne-de-maintenance-3");
  EXPECT_EQ(slug_of(a).find("amelie"), std::string::npos);
  // An edit keeps the slug (shared links stay valid).
  auto p = *store::portrait_by_id(*db, ta, a);
  p.job_title = "Cheffe d’équipe";
  ASSERT_TRUE(store::update_portrait(*db, p, by).ok());
  EXPECT_EQ(slug_of(a), "technicienne-de-maintenance");
  EXPECT_EQ(store::portrait_by_slug_public(*db, "technicienne-de-maintenance")->job_title, "Cheffe d’équipe");
}

TEST_P(PortraitsStore, StatusRulesAndTerritory) {
  long long id = add(ta, "Soudeuse", "draft", {"name", "quote"});
  auto r = store::set_portrait_status(*db, ta, id, "published", by);
  EXPECT_EQ(r.status, store::WriteResult::Status::invalid);
  EXPECT_TRUE(r.errors.count("consents")) << "publishing needs consent to the job";
  EXPECT_EQ(store::set_portrait_status(*db, tb, id, "submitted", by).status, store::WriteResult::Status::not_found);
  EXPECT_TRUE(store::set_portrait_status(*db, ta, id, "submitted", by).ok());
  EXPECT_EQ(store::set_portrait_status(*db, ta, id, "unpublished", by).status, store::WriteResult::Status::invalid);
  EXPECT_TRUE(store::set_portrait_status(*db, ta, id, "draft", by).ok());
  EXPECT_EQ(store::set_portrait_status(*db, ta, id, "bogus", by).status, store::WriteResult::Status::invalid);
  domain::Portrait bad;
  bad.territory_id = ta;
  bad.first_name = "Léa";
  bad.job_title = "Soudeuse";
  bad.campaign_id = store::campaign_named(*db, tb, "Autre");
  EXPECT_EQ(store::insert_portrait(*db, bad, by).status, store::WriteResult::Status::invalid)
      << "a campaign of another territory";
  EXPECT_FALSE(store::portrait_by_id(*db, tb, id));
  EXPECT_FALSE(store::delete_portrait(*db, tb, id, by));
  EXPECT_TRUE(store::delete_portrait(*db, ta, id, by));
  EXPECT_FALSE(store::portrait_by_id(*db, ta, id));
}

TEST_P(PortraitsStore, PortraitOfTheDayTurnsDailyOverPublishedOnes) {
  std::vector<long long> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(add(ta, "Opératrice"));
  add(ta, "Opératrice", "draft");
  // 2026-03-01 is day 20513 since 1970-01-01 (date -d 2026-03-01 +%s / 86400); 20513 % 3 = 2.
  ASSERT_EQ(domain::days_between("1970-01-01", "2026-03-01"), 20513);
  EXPECT_EQ(store::portrait_of_the_day(*db, "2026-03-01")->id, ids[2]);
  EXPECT_EQ(store::portrait_of_the_day(*db, "2026-03-02")->id, ids[0]);
  EXPECT_EQ(store::portrait_of_the_day(*db, "2026-03-03")->id, ids[1]);
  EXPECT_FALSE(store::portrait_of_the_day(*db, "pas-un-jour"));
}

TEST_P(PortraitsStore, PhotoAndVideoNeedTheirConsent) {
  long long with = add(ta, "Usineuse");
  long long without = add(ta, "Usineuse", "published", {"job", "name"});
  add_photo(with);
  add_photo(without);
  ASSERT_TRUE(store::set_portrait_video(*db, ta, with, "mp4-bytes"));
  ASSERT_TRUE(store::set_portrait_video(*db, ta, without, "mp4-bytes"));
  long long m = store::public_photo_media(*db, slug_of(with), "480", "webp");
  ASSERT_NE(m, 0);
  EXPECT_EQ(store::media_range(*db, m, 0, 100), "medium-webp");
  EXPECT_EQ(store::media_info(*db, m)->width, 480);
  EXPECT_EQ(store::media_info(*db, m)->content_type, "image/webp");
  EXPECT_EQ(store::public_photo_media(*db, slug_of(with), "1024", "webp"), 0) << "no such variant";
  EXPECT_EQ(store::public_photo_media(*db, slug_of(without), "480", "webp"), 0);
  long long v = store::public_video_media(*db, slug_of(with));
  ASSERT_NE(v, 0);
  EXPECT_EQ(store::media_info(*db, v)->content_type, "video/mp4");
  EXPECT_EQ(store::public_video_media(*db, slug_of(without)), 0);
  EXPECT_TRUE(store::portrait_by_slug_public(*db, slug_of(with))->has_video_file);
  EXPECT_FALSE(store::portrait_by_slug_public(*db, slug_of(without))->has_video_file);
  // Replacing a photo or a video leaves no orphan media row.
  long long media_before = fixture::count_rows(*db, "media");
  add_photo(with);
  ASSERT_TRUE(store::set_portrait_video(*db, ta, with, "other-mp4"));
  EXPECT_EQ(fixture::count_rows(*db, "media"), media_before);
  ASSERT_TRUE(store::remove_portrait_video(*db, ta, with));
  ASSERT_TRUE(store::remove_portrait_photo(*db, ta, with));
  EXPECT_EQ(fixture::count_rows(*db, "media"), media_before - 5);
  EXPECT_FALSE(store::portrait_by_id(*db, ta, with)->has_photo);
  EXPECT_FALSE(store::set_portrait_photo(*db, tb, without, {})) << "another territory's portrait";
}

TEST_P(PortraitsStore, MediaRangesAcrossChunks) {
  std::mt19937 rng(42);
  std::string bytes(store::kMediaChunkBytes * 2 + 12345, '\0');
  for (auto& c : bytes) c = static_cast<char>(rng());
  long long id = store::insert_media(*db, ta, "video/mp4", bytes);
  EXPECT_EQ(fixture::count_rows(*db, "media_chunks"), 3);
  auto info = store::media_info(*db, id);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->size, static_cast<long long>(bytes.size()));
  EXPECT_EQ(info->sha256.size(), 64u);
  const long long k = static_cast<long long>(store::kMediaChunkBytes), n = static_cast<long long>(bytes.size());
  struct Case {
    long long first, last;
  } cases[] = {{0, 0},     {0, 99},        {k - 5, k + 4},       {k - 1, k},        {k, 2 * k - 1},
               {0, n - 1}, {2 * k, n - 1}, {k - 10, 2 * k + 10}, {n - 1, n + 1000}, {0, 10 * n}};
  for (const auto& c : cases) {
    long long last = std::min(c.last, n - 1);
    EXPECT_EQ(store::media_range(*db, id, c.first, c.last),
              bytes.substr(static_cast<std::size_t>(c.first), static_cast<std::size_t>(last - c.first + 1)))
        << c.first << "-" << c.last;
  }
  EXPECT_EQ(store::media_range(*db, id, 10, 5), "");
  EXPECT_EQ(store::media_range(*db, id, n, n + 5), "");
  EXPECT_EQ(store::media_range(*db, id + 1000, 0, 5), "");
  EXPECT_FALSE(store::media_info(*db, id + 1000));
  // Known digest: sha256 of "abc" (FIPS 180-2 test vector).
  EXPECT_EQ(store::media_info(*db, store::insert_media(*db, ta, "image/jpeg", "abc"))->sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  long long empty = store::insert_media(*db, ta, "image/jpeg", "");
  EXPECT_EQ(store::media_range(*db, empty, 0, 10), "");
}

TEST_P(PortraitsStore, LeavingDeletesPortraitsWithTheirMedia) {
  long long amb = db->write([&](soci::session& sql) {
    long long id = 0, now = 1;
    sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, unsubscribe_token, "
           "created_at, updated_at) VALUES (:t, 'active', 'Amélie', 'Renard', 'a@exemple.fr', 'tok', :n, :n2) "
           "RETURNING id",
        soci::use(ta), soci::use(now), soci::use(now), soci::into(id);
    return id;
  });
  domain::Portrait p = *store::portrait_by_id(*db, ta, add(ta, "Usineuse"));
  p.ambassador_id = amb;
  ASSERT_TRUE(store::update_portrait(*db, p, by).ok());
  EXPECT_EQ(store::portraits_of_ambassador(*db, ta, amb).size(), 1u);
  EXPECT_TRUE(store::portraits_of_ambassador(*db, tb, amb).empty());
  long long other = add(ta, "Soudeuse");
  add_photo(p.id);
  add_photo(other);
  ASSERT_TRUE(store::set_portrait_video(*db, ta, p.id, std::string(store::kMediaChunkBytes + 1, 'v')));
  EXPECT_EQ(fixture::count_rows(*db, "media"), 9);
  db->write([&](soci::session& sql) { store::delete_portraits_of_ambassador_in(sql, amb); });
  EXPECT_FALSE(store::portrait_by_id(*db, ta, p.id));
  EXPECT_TRUE(store::portrait_by_id(*db, ta, other));
  EXPECT_EQ(fixture::count_rows(*db, "media"), 4) << "only the other portrait's photos remain";
  EXPECT_EQ(fixture::count_rows(*db, "media_chunks"), 4);
  EXPECT_EQ(fixture::count_rows(*db, "portrait_photos"), 4);
  EXPECT_EQ(search("usineuse").size(), 0u) << "its search entry went with it";
}

TEST_P(PortraitsStore, TerritorySideListAndDigest) {
  long long a = add(ta, "Usineuse", "draft");
  long long b = add(ta, "Régleuse", "submitted");
  add(tb, "Régleuse", "submitted");
  store::PortraitFilter f;
  f.territory_id = ta;
  f.published_only = false;
  EXPECT_EQ(store::portraits_matching(*db, f).total, 2);
  f.status = "submitted";
  ASSERT_EQ(store::portraits_matching(*db, f).rows.size(), 1u);
  EXPECT_EQ(store::portraits_matching(*db, f).rows[0].id, b);
  f.status = "";
  f.query = "REGLEUSE amelie";
  ASSERT_EQ(store::portraits_matching(*db, f).total, 1);
  EXPECT_EQ(store::portraits_matching(*db, f).rows[0].id, b);
  f.query = "usineuse";
  EXPECT_EQ(store::portraits_matching(*db, f).rows.at(0).id, a);
  f.query = "\xC3(";
  EXPECT_EQ(store::portraits_matching(*db, f).total, 0) << "invalid UTF-8 matches nothing";

  ASSERT_TRUE(store::set_portrait_status(*db, ta, b, "published", by).ok());
  auto fresh = store::portraits_published_since(*db, ta, store::now_unix() - 60);
  ASSERT_EQ(fresh.size(), 1u);
  EXPECT_EQ(fresh[0].id, b);
  EXPECT_EQ(fresh[0].name, "Amélie R.");
  EXPECT_TRUE(store::portraits_published_since(*db, ta, store::now_unix() + 60).empty());
  EXPECT_TRUE(store::portraits_published_since(*db, tb, 0).empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, PortraitsStore, ::testing::ValuesIn(fixture::engines()));
