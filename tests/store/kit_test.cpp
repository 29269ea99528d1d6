// Store tests for the discourse kit, on every engine: the default clichés page, revisions and the conflict when
// someone saved in between (also between two concurrent writers), resources with tags and files, the digest's
// queries, and isolation between territories.
#include "store/kit.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "cli/demo_kit.hpp"
#include "domain/markdown.hpp"
#include "store/accounts.hpp"
#include "store/files.hpp"
#include "store/networks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

class KitStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "ta", "Territoire A", "cmq", {"025"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "tb", "Territoire B", "cmq", {"062"}, "", "", 1.3});
    ines = {user("ines@exemple.fr", ta), "Inès Martin"};
    sarah = {user("sarah@exemple.fr", ta), "Sarah Benali"};
  }

  long long user(const std::string& email, long long territory) {
    domain::User u;
    u.email = email;
    u.role = domain::Role::ambassador;
    u.territory_id = territory;
    return store::insert_user(*db, u, "hash");
  }

  long long page(long long territory, const std::string& title, const std::string& body) {
    auto r = store::insert_kit_page(*db, territory, title, body, "Première version", ines);
    EXPECT_TRUE(r.ok()) << title;
    return r.id;
  }

  void set_time(const std::string& table, const std::string& column, long long id, long long t) {
    db->write([&](soci::session& sql) {
      sql << "UPDATE " + table + " SET " + column + " = :t WHERE id = :id", soci::use(t), soci::use(id);
    });
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0;
  store::Author ines, sarah;
};

TEST_P(KitStore, EveryTerritoryStartsWithTheClichesPageAndEnsureIsIdempotent) {
  for (long long t : {ta, tb}) {
    auto pages = store::kit_pages(*db, t);
    ASSERT_EQ(pages.size(), 1u);
    const auto& p = pages[0];
    EXPECT_EQ(p.slug, store::kClichesSlug);
    EXPECT_EQ(p.title, "Réponses aux clichés");
    EXPECT_EQ(p.revision, 1);
    EXPECT_EQ(p.updated_by_label, "Passerelles");
    for (const char* cliche : {"« C’est sale »", "« C’est bruyant »", "« C’est un métier de force physique »",
                               "« Ce n’est pas pour les filles »", "« C’est mal payé »", "« Il n’y a pas d’avenir »",
                               "remplacées par des robots", "« On ne peut pas concilier avec une vie de famille »",
                               "« Il faut être bonne en maths »", "Le ton : parler à des collégiennes"})
      EXPECT_NE(p.body.find(cliche), std::string::npos) << cliche;
    auto revisions = store::kit_revisions(*db, t, store::kClichesSlug);
    ASSERT_EQ(revisions.size(), 1u);
    EXPECT_EQ(revisions[0].user_label, "Passerelles");
  }
  // Rendered, the page is clean Markdown: no raw HTML dropped, sections are <h2>, its links survive.
  std::string html = domain::markdown_to_html(store::kit_page(*db, ta, store::kClichesSlug)->body);
  EXPECT_EQ(html.find("raw HTML omitted"), std::string::npos);
  EXPECT_NE(html.find("<h2>« C’est sale »</h2>"), std::string::npos);
  EXPECT_NE(html.find("href=\"https://www.onisep.fr\""), std::string::npos);
  EXPECT_EQ(html.find("<h3"), std::string::npos) << "one level of sections";

  // A changed page is never overwritten by ensure_default_kit; no second page or revision appears.
  ASSERT_TRUE(
      store::update_kit_page(*db, ta, store::kClichesSlug, "Réponses aux clichés", "Notre version", "", 1, ines).ok());
  store::ensure_default_kit(*db, ta);
  store::ensure_default_kit(*db, ta);
  store::ensure_default_kit(*db, 999999);  // no such territory: nothing happens
  EXPECT_EQ(store::kit_page(*db, ta, store::kClichesSlug)->body, "Notre version");
  EXPECT_EQ(fixture::count_rows(*db, "kit_pages"), 2);
  EXPECT_EQ(fixture::count_rows(*db, "kit_revisions"), 3);
  // A territory whose page is missing (created before the kit existed) gets it back.
  db->write([&](soci::session& sql) { sql << "DELETE FROM kit_pages WHERE territory_id = :t", soci::use(tb); });
  store::ensure_default_kit(*db, tb);
  EXPECT_TRUE(store::kit_page(*db, tb, store::kClichesSlug));
}

TEST_P(KitStore, RevisionsKeepWhoChangedWhatAndAStaleBaseIsAConflict) {
  long long id = page(ta, "Mon discours en 5 minutes", "Ligne 1\nLigne 2\n");
  auto p = store::kit_page(*db, ta, "mon-discours-en-5-minutes");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->id, id);
  EXPECT_EQ(p->revision, 1);
  EXPECT_EQ(p->updated_by_label, "Inès Martin");

  // Sarah saves over version 1: version 2. Inès, still on version 1, is refused; nothing of hers overwrites Sarah's.
  auto saved = store::update_kit_page(*db, ta, p->slug, "Mon discours en cinq minutes", "Ligne 1\nLigne 2 revue\n",
                                      "Deuxième ligne reformulée", 1, sarah);
  ASSERT_TRUE(saved.ok());
  auto late = store::update_kit_page(*db, ta, p->slug, p->title, "Ligne 1\nAutre chose\n", "", 1, ines);
  EXPECT_EQ(late.status, Status::conflict);
  ASSERT_TRUE(late.errors.count("body"));
  EXPECT_NE(late.errors["body"].find("Sarah Benali a enregistré cette page le "), std::string::npos)
      << late.errors["body"];
  EXPECT_NE(late.errors["body"].find("(version 2)"), std::string::npos);
  auto now = store::kit_page(*db, ta, p->slug);
  EXPECT_EQ(now->revision, 2);
  EXPECT_EQ(now->body, "Ligne 1\nLigne 2 revue\n");
  EXPECT_EQ(now->title, "Mon discours en cinq minutes");
  EXPECT_EQ(now->slug, "mon-discours-en-5-minutes") << "the address stays when the title changes";
  EXPECT_EQ(now->updated_by_label, "Sarah Benali");

  // Saving the same text adds no empty revision.
  EXPECT_TRUE(store::update_kit_page(*db, ta, p->slug, now->title, now->body, "rien", 2, ines).ok());
  auto revisions = store::kit_revisions(*db, ta, p->slug);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].revision, 2);
  EXPECT_EQ(revisions[0].user_label, "Sarah Benali");
  EXPECT_EQ(revisions[0].summary, "Deuxième ligne reformulée");
  EXPECT_TRUE(revisions[0].body.empty()) << "the list does not carry the texts";
  EXPECT_EQ(revisions[1].revision, 1);
  EXPECT_EQ(revisions[1].summary, "Première version");
  auto first = store::kit_revision(*db, ta, p->slug, 1);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "Ligne 1\nLigne 2\n");
  EXPECT_EQ(first->title, "Mon discours en 5 minutes");
  EXPECT_FALSE(store::kit_revision(*db, ta, p->slug, 3));
  EXPECT_EQ(store::update_kit_page(*db, ta, "inconnue", "T", "B", "", 1, ines).status, Status::not_found);

  // Titles: the same address twice is a conflict (also when the title only differs by accents or punctuation).
  auto again = store::insert_kit_page(*db, ta, "Mon discours en 5 minutes !", "x", "", ines);
  EXPECT_EQ(again.status, Status::conflict);
  EXPECT_NE(again.errors["title"].find("« Mon discours en cinq minutes »"), std::string::npos);
  EXPECT_EQ(store::insert_kit_page(*db, ta, "Nouvelle", "x", "", ines).status, Status::invalid);
  EXPECT_EQ(store::insert_kit_page(*db, ta, "", "x", "", ines).status, Status::invalid);
  EXPECT_EQ(store::insert_kit_page(*db, 999999, "Titre", "x", "", ines).status, Status::not_found);
}

TEST_P(KitStore, TwoEditorsSavingTheSameVersionAtOnceGetOneSuccessAndOneConflict) {
  page(ta, "Questions fréquentes des élèves", "Version 1\n");
  for (int round = 0; round < 5; ++round) {
    int base = store::kit_page(*db, ta, "questions-frequentes-des-eleves")->revision;
    store::WriteResult r1, r2;
    std::thread t1([&] {
      r1 = store::update_kit_page(*db, ta, "questions-frequentes-des-eleves", "Q", "Inès " + std::to_string(round), "",
                                  base, ines);
    });
    std::thread t2([&] {
      r2 = store::update_kit_page(*db, ta, "questions-frequentes-des-eleves", "Q", "Sarah " + std::to_string(round), "",
                                  base, sarah);
    });
    t1.join();
    t2.join();
    EXPECT_EQ(r1.ok() + r2.ok(), 1) << "round " << round;
    EXPECT_EQ((r1.status == Status::conflict) + (r2.status == Status::conflict), 1);
    EXPECT_EQ(store::kit_page(*db, ta, "questions-frequentes-des-eleves")->revision, base + 1);
  }
  EXPECT_EQ(store::kit_revisions(*db, ta, "questions-frequentes-des-eleves").size(), 6u);
}

TEST_P(KitStore, ResourcesWithTagsFilesAndTheirDeletion) {
  auto file = store::store_file(*db, ta, "diaporama.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
                                {"application/pdf"}, "file", ines);
  ASSERT_TRUE(file.errors.empty());
  auto add = [&](const std::string& title, const std::string& kind, std::vector<std::string> tags, long long file_id,
                 const std::string& url) {
    store::KitResource r;
    r.territory_id = ta;
    r.title = title;
    r.kind = kind;
    r.tags = std::move(tags);
    r.file_id = file_id;
    r.url = url;
    r.description = "Pour les 4e";
    auto w = store::insert_kit_resource(*db, r, ines);
    EXPECT_TRUE(w.ok()) << title;
    return w.id;
  };
  long long slides = add("Diaporama du collectif", "slides", {"Clichés", "collège", "clichés"}, file.id, "");
  long long video = add("Portraits vidéo", "video", {"video", "cliches"}, 0, "https://exemple.fr/v");
  long long link = add("Fiches métiers", "link", {"orientation"}, 0, "https://www.onisep.fr");

  auto all = store::kit_resources(*db, ta);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, link) << "newest first";
  EXPECT_EQ(all[2].id, slides);
  EXPECT_EQ(all[2].tags, (std::vector<std::string>{"cliches", "college"})) << "normalised, duplicates dropped";
  EXPECT_EQ(all[2].file_id, file.id);
  EXPECT_EQ(all[2].file_name, "diaporama.pdf");
  EXPECT_EQ(all[2].created_by_label, "Inès Martin");
  EXPECT_EQ(all[2].created_by, ines.user_id);
  EXPECT_EQ(all[1].url, "https://exemple.fr/v");

  auto ids = [](const std::vector<store::KitResource>& v) {
    std::vector<long long> out;
    for (const auto& r : v) out.push_back(r.id);
    return out;
  };
  EXPECT_EQ(ids(store::kit_resources(*db, ta, "cliches")), (std::vector<long long>{video, slides}));
  EXPECT_EQ(ids(store::kit_resources(*db, ta, "Clichés")), (std::vector<long long>{video, slides}));
  EXPECT_TRUE(store::kit_resources(*db, ta, "clich").empty()) << "whole tags only";
  EXPECT_TRUE(store::kit_resources(*db, ta, "%").empty());
  EXPECT_TRUE(store::kit_resources(*db, ta, "inconnu").empty());
  EXPECT_EQ(store::kit_tags(*db, ta), (std::vector<std::pair<std::string, int>>{
                                          {"cliches", 2}, {"college", 1}, {"orientation", 1}, {"video", 1}}));

  EXPECT_TRUE(store::delete_kit_resource(*db, ta, slides, ines));
  EXPECT_FALSE(store::file_by_id(*db, ta, file.id)) << "its file goes with it";
  EXPECT_FALSE(store::delete_kit_resource(*db, ta, slides, ines));
  EXPECT_EQ(store::kit_resources(*db, ta).size(), 2u);
}

TEST_P(KitStore, AnotherTerritoryNeitherReadsNorChangesAnything) {
  page(ta, "Secret de A", "Texte de A");
  auto file = store::store_file(*db, ta, "a.pdf", "%PDF-1.4\n%%EOF\n", {"application/pdf"}, "file", ines);
  store::KitResource r;
  r.territory_id = ta;
  r.title = "Ressource de A";
  r.kind = "document";
  r.file_id = file.id;
  long long res = store::insert_kit_resource(*db, r, ines).id;

  store::Author b{user("b@exemple.fr", tb), "B"};
  EXPECT_FALSE(store::kit_page(*db, tb, "secret-de-a"));
  EXPECT_TRUE(store::kit_revisions(*db, tb, "secret-de-a").empty());
  EXPECT_FALSE(store::kit_revision(*db, tb, "secret-de-a", 1));
  EXPECT_EQ(store::update_kit_page(*db, tb, "secret-de-a", "Piratage", "Piratage", "", 1, b).status, Status::not_found);
  EXPECT_EQ(store::kit_pages(*db, tb).size(), 1u) << "only B's own clichés page";
  EXPECT_TRUE(store::kit_resources(*db, tb).empty());
  EXPECT_TRUE(store::kit_tags(*db, tb).empty());
  EXPECT_FALSE(store::delete_kit_resource(*db, tb, res, b));
  r.territory_id = tb;
  r.title = "Vol du fichier de A";
  auto stolen = store::insert_kit_resource(*db, r, b);
  EXPECT_EQ(stolen.status, Status::invalid);
  EXPECT_TRUE(stolen.errors.count("file"));
  EXPECT_EQ(store::kit_page(*db, ta, "secret-de-a")->body, "Texte de A");
  EXPECT_EQ(store::kit_resources(*db, ta).size(), 1u);
  // The same title is free in each territory (the clichés page already proves it for the default page).
  EXPECT_TRUE(store::insert_kit_page(*db, tb, "Secret de A", "Autre texte", "", b).ok());
}

TEST_P(KitStore, TheDigestSeesWhatChangedSinceAGivenTime) {
  long long old_page = page(ta, "Ancienne page", "x");
  long long new_page = page(ta, "Page récente", "y");
  set_time("kit_pages", "updated_at", old_page, 1000);
  set_time("kit_pages", "updated_at", new_page, 5000);
  const std::string cliches = store::kClichesSlug;
  db->write(
      [&](soci::session& sql) { sql << "UPDATE kit_pages SET updated_at = 100 WHERE slug = :s", soci::use(cliches); });
  auto changed = store::kit_pages_changed_since(*db, ta, 1000);
  ASSERT_EQ(changed.size(), 2u);
  EXPECT_EQ(changed[0].id, new_page) << "newest first";
  EXPECT_EQ(changed[1].id, old_page);
  EXPECT_TRUE(store::kit_pages_changed_since(*db, tb, 0).size() == 1u) << "B's own page only";

  store::KitResource r;
  r.territory_id = ta;
  r.title = "Lien";
  r.kind = "link";
  r.url = "https://exemple.fr";
  long long a = store::insert_kit_resource(*db, r, ines).id;
  long long b = store::insert_kit_resource(*db, r, ines).id;
  set_time("kit_resources", "created_at", a, 2000);
  set_time("kit_resources", "created_at", b, 4000);
  auto since = store::kit_resources_since(*db, ta, 3000);
  ASSERT_EQ(since.size(), 1u);
  EXPECT_EQ(since[0].id, b);
  EXPECT_TRUE(store::kit_resources_since(*db, tb, 0).empty());
}

TEST_P(KitStore, TheDemoKitIsWrittenOnceWhateverTheNumberOfRuns) {
  long long t = store::insert_territory(*db, {0, "cmq-msi-bfc", "CMQ démo", "cmq", {"025"}, "", "", 1.3});
  long long amb_user = user("ambassadrice@cmq-msi-bfc.demo", t);
  user("coordinatrice@cmq-msi-bfc.demo", t);
  db->write([&](soci::session& sql) {
    long long now = 1;
    sql << "INSERT INTO ambassadors (territory_id, user_id, status, first_name, last_name, email, unsubscribe_token, "
           "created_at, updated_at) VALUES (:t, :u, 'active', 'Camille', 'Démo', 'c@exemple.fr', 'jeton', :c, :m)",
        soci::use(t), soci::use(amb_user), soci::use(now), soci::use(now);
    sql << "INSERT INTO organisations (territory_id, kind, name, created_at, updated_at) VALUES (:t, 'company', "
           "'Horlogerie', :c, :u)",
        soci::use(t), soci::use(now), soci::use(now);
  });
  std::ostringstream out;
  cli::demo_kit(*db, out);
  cli::demo_kit(*db, out);
  EXPECT_EQ(store::kit_pages(*db, t).size(), 3u) << out.str();
  EXPECT_EQ(store::kit_revisions(*db, t, "mon-discours-en-5-minutes").size(), 3u);
  EXPECT_EQ(store::kit_revisions(*db, t, "questions-frequentes-des-eleves").size(), 2u);
  auto speech = store::kit_revisions(*db, t, "mon-discours-en-5-minutes");
  EXPECT_NE(speech[0].user_label, speech[1].user_label) << "versions by different members";
  auto resources = store::kit_resources(*db, t);
  ASSERT_EQ(resources.size(), 6u);
  auto pdf = std::find_if(resources.begin(), resources.end(), [](const auto& r) { return r.file_id != 0; });
  ASSERT_NE(pdf, resources.end());
  auto file = store::file_by_id(*db, t, pdf->file_id);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->content_type, "application/pdf");
  auto networks = store::networks_of(*db, t);
  ASSERT_EQ(networks.size(), 2u);
  int members = 0;
  for (const auto& n : networks) members += n.members;
  EXPECT_EQ(members, 1) << "the only active member leads the company network";
  EXPECT_EQ(fixture::count_rows(*db, "kit_resources"), 6);
}

INSTANTIATE_TEST_SUITE_P(Engines, KitStore, ::testing::ValuesIn(fixture::engines()));
