// Unit tests of the collective's pure rules (domain/collective.cpp): French validation messages keyed by field,
// the consent filter every public output goes through, video player addresses, and the search document.
#include "domain/collective.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/search_fr.hpp"

using namespace passerelles::domain;

namespace {

Ambassador valid_member() {
  Ambassador a;
  a.first_name = "Amélie";
  a.last_name = "Rousseau";
  a.email = "amelie.rousseau@exemple.fr";
  a.job_title = "Technicienne de maintenance";
  a.domain = "maintenance";
  a.languages = {"fr", "en"};
  a.weekly = {"mon-am", "fri-pm"};
  a.days_off = {"2027-02-15"};
  a.offers = {"talk", "visit"};
  a.consents = {"name", "job"};
  a.path = {{"Bac pro MELEC", 4, 2012, "Lycée Jules Haag"}, {"BTS Maintenance des systèmes", 5, 2014, ""}};
  return a;
}

// Everything filled in and consented; status set by each test.
Portrait full_portrait(const std::string& status) {
  Portrait p;
  p.id = 7;
  p.slug = "technicienne-de-maintenance";
  p.first_name = "Amélie";
  p.last_name = "rousseau";
  p.job_title = "Technicienne de maintenance";
  p.domain = "maintenance";
  p.employer = "Verrerie Fictive de l’Audomarois";
  p.commune_name = "Arques";
  p.diploma_level = 5;
  p.path = "Bac pro MELEC\nBTS Maintenance des systèmes";
  p.quote = "Je répare des machines qui fabriquent des bouteilles.";
  p.cliche = "Les pannes, ce n’est pas qu’une affaire d’hommes.";
  p.video_url = "https://youtu.be/dQw4w9WgXcQ";
  p.video_media_id = 12;
  p.has_photo = true;
  p.campaign_name = "Femmes et Microtechniques 2019";
  p.status = status;
  for (const auto& c : consent_fields()) p.consents.emplace_back(c.code);
  return p;
}

}  // namespace

TEST(CollectiveValidation, AValidProfileHasNoError) {
  EXPECT_TRUE(validate_ambassador(valid_member()).empty());
  EXPECT_TRUE(validate_application(valid_member()).empty());
}

TEST(CollectiveValidation, EachBadFieldGetsItsFrenchMessage) {
  struct Case {
    const char* what;
    void (*spoil)(Ambassador&);
    const char* field;
    const char* message_part;
  };
  const std::vector<Case> cases = {
      {"no first name", [](Ambassador& a) { a.first_name = " "; }, "first_name", "obligatoire"},
      {"no e-mail", [](Ambassador& a) { a.email.clear(); }, "email", "Indiquez votre adresse e-mail"},
      {"bad e-mail", [](Ambassador& a) { a.email = "amelie@"; }, "email", "n’est pas valide"},
      {"no job", [](Ambassador& a) { a.job_title.clear(); }, "job_title", "obligatoire"},
      {"unknown domain", [](Ambassador& a) { a.domain = "cuisine"; }, "domain", "Choisissez un domaine"},
      {"bad phone", [](Ambassador& a) { a.phone = "12"; }, "phone", "téléphone n’est pas valide"},
      {"unknown language",
       [](Ambassador& a) {
         a.languages = {"fr", "klingon"};
       },
       "languages", "langues"},
      {"too far", [](Ambassador& a) { a.max_km = 501; }, "max_km", "entre 0 et 500 km"},
      {"negative distance", [](Ambassador& a) { a.max_km = -1; }, "max_km", "entre 0 et 500 km"},
      {"Saturday", [](Ambassador& a) { a.weekly = {"sat-am"}; }, "weekly", "demi-journées"},
      {"30 February", [](Ambassador& a) { a.days_off = {"2027-02-30"}; }, "days_off", "AAAA-MM-JJ"},
      {"French date", [](Ambassador& a) { a.days_off = {"15/02/2027"}; }, "days_off", "AAAA-MM-JJ"},
      {"32 a month", [](Ambassador& a) { a.max_per_month = 32; }, "max_per_month", "entre 0 et 31"},
      {"unknown offer", [](Ambassador& a) { a.offers = {"cook"}; }, "offers", "proposez"},
      {"unknown consent", [](Ambassador& a) { a.consents = {"address"}; }, "consents", "champs publiés"},
      {"step without diploma", [](Ambassador& a) { a.path[1].diploma = ""; }, "path_2_diploma", "obligatoire"},
      {"level 9", [](Ambassador& a) { a.path[0].level = 9; }, "path_1_level", "entre 3 et 8"},
      {"level 2", [](Ambassador& a) { a.path[1].level = 2; }, "path_2_level", "entre 3 et 8"},
      {"year 1800", [](Ambassador& a) { a.path[0].year = 1800; }, "path_1_year", "entre 1950 et 2100"},
      {"13 steps",
       [](Ambassador& a) {
         a.path.assign(13, {"CAP", 3, 2000, ""});
       },
       "path", "12 étapes"},
  };
  for (const auto& c : cases) {
    Ambassador a = valid_member();
    c.spoil(a);
    auto e = validate_ambassador(a);
    ASSERT_EQ(e.count(c.field), 1u) << c.what;
    EXPECT_NE(e.at(c.field).find(c.message_part), std::string::npos) << c.what << ": " << e.at(c.field);
    EXPECT_EQ(e.size(), 1u) << c.what << ": only the spoilt field is refused";
  }
}

TEST(CollectiveValidation, TheApplicationChecksOnlyItsOwnFields) {
  Ambassador a = valid_member();
  a.max_km = 9999;        // not on the public form
  a.days_off = {"hier"};  // nor this
  a.motivation = std::string(2001, 'x');
  auto e = validate_application(a);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e.at("motivation"), "Ce champ est trop long (2000 caractères au plus).");
  a.motivation.clear();
  a.domain = "";  // optional
  EXPECT_TRUE(validate_application(a).empty());
}

TEST(PublicPortrait, NothingLeavesUnlessPublishedWithConsentToTheJob) {
  for (const char* status : {"draft", "submitted", "unpublished"})
    EXPECT_FALSE(public_portrait(full_portrait(status)).has_value()) << status;
  Portrait p = full_portrait("published");
  p.consents = {"name", "photo", "quote"};  // no "job"
  EXPECT_FALSE(public_portrait(p).has_value());
  EXPECT_TRUE(public_portrait(full_portrait("published")).has_value());
}

TEST(PublicPortrait, EveryFieldWithoutConsentIsEmpty) {
  Portrait p = full_portrait("published");
  p.consents = {"job"};
  auto o = public_portrait(p);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->job_title, "Technicienne de maintenance");
  EXPECT_EQ(o->domain_label, "Maintenance industrielle");
  EXPECT_EQ(o->slug, "technicienne-de-maintenance");
  EXPECT_EQ(o->name, "");
  EXPECT_EQ(o->employer, "");
  EXPECT_EQ(o->commune_name, "");
  EXPECT_EQ(o->diploma_level, 0);
  EXPECT_EQ(o->path, "");
  EXPECT_EQ(o->quote, "");
  EXPECT_EQ(o->cliche, "");
  EXPECT_EQ(o->video_url, "");
  EXPECT_EQ(o->video_embed, "");
  EXPECT_FALSE(o->has_video_file);
  EXPECT_FALSE(o->has_photo);
}

TEST(PublicPortrait, EachConsentOpensItsOwnFieldOnly) {
  struct Case {
    const char* consent;
    bool (*shown)(const PublicPortrait&);
  };
  const std::vector<Case> cases = {
      {"name", [](const PublicPortrait& o) { return o.name == "Amélie R."; }},
      {"employer", [](const PublicPortrait& o) { return o.employer == "Verrerie Fictive de l’Audomarois"; }},
      {"commune", [](const PublicPortrait& o) { return o.commune_name == "Arques"; }},
      {"path",
       [](const PublicPortrait& o) { return o.diploma_level == 5 && o.path.find("MELEC") != std::string::npos; }},
      {"quote", [](const PublicPortrait& o) { return !o.quote.empty(); }},
      {"cliche", [](const PublicPortrait& o) { return !o.cliche.empty(); }},
      {"video",
       [](const PublicPortrait& o) {
         return o.video_embed == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" && o.has_video_file;
       }},
      {"photo", [](const PublicPortrait& o) { return o.has_photo; }},
  };
  for (const auto& only : cases) {
    Portrait p = full_portrait("published");
    p.consents = {"job", only.consent};
    auto o = public_portrait(p);
    ASSERT_TRUE(o) << only.consent;
    for (const auto& other : cases)
      EXPECT_EQ(other.shown(*o), &other == &only) << "consent " << only.consent << ", field " << other.consent;
  }
}

TEST(PublicPortrait, APhotoNeedsBothTheFileAndTheConsent) {
  Portrait p = full_portrait("published");
  p.has_photo = false;
  EXPECT_FALSE(public_portrait(p)->has_photo);
  p.has_photo = true;
  EXPECT_TRUE(public_portrait(p)->has_photo);
}

TEST(VideoEmbed, KnownHostsGiveTheirPlayerOthersNothing) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"},
      {"https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42",
       "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"},
      {"https://m.youtube.com/watch?v=abc-DEF_123", "https://www.youtube-nocookie.com/embed/abc-DEF_123"},
      {"https://youtu.be/dQw4w9WgXcQ?t=3", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"},
      {"  https://vimeo.com/76979871  ", "https://player.vimeo.com/video/76979871"},
      {"https://www.vimeo.com/76979871/", "https://player.vimeo.com/video/76979871"},
      {"https://tube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
       "https://tube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d"},
      {"https://peertube.example.fr/videos/watch/kkGMgK9ZtnKfYAgnEtQxbv",
       "https://peertube.example.fr/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv"},
      {"http://www.youtube.com/watch?v=dQw4w9WgXcQ", ""},       // not https
      {"https://www.dailymotion.com/video/x7tgad0", ""},        // unknown host
      {"https://vimeo.com/channels/staffpicks", ""},            // not a video
      {"https://youtu.be/<script>", ""},                        // odd characters
      {"https://www.youtube.com/watch?v=abc\"onload=\"x", ""},  // quote in the id
      {"javascript:alert(1)", ""},
      {"", ""},
      {"https://youtu.be/" + std::string(600, 'a'), ""},  // too long
  };
  for (const auto& [url, expected] : cases) {
    auto got = video_embed_url(url);
    EXPECT_EQ(got.value_or(""), expected) << url;
  }
}

TEST(PortraitSearch, EmptyUnlessPublishedAndOnlyConsentedWords) {
  for (const char* status : {"draft", "submitted", "unpublished"})
    EXPECT_EQ(portrait_search_document(full_portrait(status)), "") << status;
  Portrait p = full_portrait("published");
  p.consents = {"job"};
  std::string doc = portrait_search_document(p);
  EXPECT_EQ(doc,
            search_document_fr("Technicienne de maintenance Maintenance industrielle Femmes et Microtechniques 2019"));
  EXPECT_EQ(doc.find("verrer"), std::string::npos) << "employer without consent";
  EXPECT_EQ(doc.find("amel"), std::string::npos) << "name without consent";
  p.consents = {"job", "employer", "name"};
  doc = portrait_search_document(p);
  EXPECT_NE(doc.find(search_document_fr("Verrerie")), std::string::npos);
  EXPECT_NE(doc.find(search_document_fr("Amélie")), std::string::npos);
}

TEST(PortraitSlug, FromTheJobNeverTheName) {
  Portrait p = full_portrait("published");
  EXPECT_EQ(portrait_slug(p), "technicienne-de-maintenance");
  p.job_title = "";
  EXPECT_EQ(portrait_slug(p), "portrait");
}
