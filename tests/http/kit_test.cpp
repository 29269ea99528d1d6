// HTTP tests of the discourse kit and the internal networks, on every engine: who may use them (per role), pages
// created and edited through the forms with their history and diff, the conflict that keeps her text, 422s next to
// the fields, Markdown attacks rendered inert, resources with files checked by content, networks managed by
// coordinators and leads, joining and leaving, and the public network page (404 when not public).
#include "store/kit.hpp"

#include <gtest/gtest.h>

#include "store/accounts.hpp"
#include "store/networks.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

struct World {
  long long ta = 0, tb = 0, coord = 0, ines_user = 0, sarah_user = 0, ines = 0, sarah = 0, zoe = 0, action = 0;
  long long company = 0;
};

// An ambassador row (linked to `user` when given), written directly: the profile rules are not this test's business.
long long ambassador(store::Store& s, long long territory, long long user, const std::string& first,
                     const std::string& last, const std::string& consents) {
  return s.write([&](soci::session& sql) {
    long long id = 0, now = 1, u = user;
    soci::indicator ui = u ? soci::i_ok : soci::i_null;
    std::string email = first + "@membres.exemple", token = "jeton-" + first;
    sql << "INSERT INTO ambassadors (territory_id, user_id, status, first_name, last_name, email, job_title, "
           "consents, unsubscribe_token, created_at, updated_at) VALUES (:t, :u, 'active', :f, :l, :e, "
           "'Technicienne de maintenance', :c, :k, :n, :m) RETURNING id",
        soci::use(territory), soci::use(u, ui), soci::use(first), soci::use(last), soci::use(email),
        soci::use(consents), soci::use(token), soci::use(now), soci::use(now), soci::into(id);
    return id;
  });
}

World seed(store::Store& s) {
  World w;
  w.ta = seed_territory(s, "ta", {"025"});
  w.tb = seed_territory(s, "tb", {"062"});
  w.coord = seed_user(s, "coord@exemple.fr", domain::Role::coordinator, w.ta);
  w.ines_user = seed_user(s, "ines@exemple.fr", domain::Role::ambassador, w.ta);
  w.sarah_user = seed_user(s, "sarah@exemple.fr", domain::Role::ambassador, w.ta);
  seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  w.ines = ambassador(s, w.ta, w.ines_user, "Inès", "Martin", "name,job");
  w.sarah = ambassador(s, w.ta, w.sarah_user, "Sarah", "Benali", "job");
  w.zoe = ambassador(s, w.ta, 0, "Zoé", "Lambert", "name");
  s.write([&](soci::session& sql) {
    long long now = 1;
    sql << "INSERT INTO organisations (territory_id, kind, name, created_at, updated_at) VALUES (:t, 'company', "
           "'Verrerie Démo', :c, :u) RETURNING id",
        soci::use(w.ta), soci::use(now), soci::use(now), soci::into(w.company);
    sql << "INSERT INTO actions (territory_id, kind, title, starts_on, month, status, girls, boys, created_at, "
           "updated_at) VALUES (:t, 'temoignage_classe', 'Témoignage en 3e B', '2026-01-12', '2026-01', 'validated', "
           "12, 10, :c, :u) RETURNING id",
        soci::use(w.ta), soci::use(now), soci::use(now), soci::into(w.action);
  });
  return w;
}

const std::string kBoundary = "----passerelles-kit-test";

std::string multipart(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& filename = "",
                      const std::string& bytes = "") {
  std::string b;
  for (const auto& [k, v] : fields)
    b += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  if (!filename.empty())
    b += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n";
  return b + "--" + kBoundary + "--\r\n";
}

HttpResult post_multipart(Client& c, const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                          const std::string& filename = "", const std::string& bytes = "") {
  fields.insert(fields.begin(), {"csrf", c.csrf()});
  return c.request("POST", target, multipart(fields, filename, bytes),
                   {{"Content-Type", "multipart/form-data; boundary=" + kBoundary}});
}

const std::string kPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

}  // namespace

class KitHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(KitHttp, OnlyTheCollectiveUsesTheKitAndOnlyCoordinatorsCreateNetworks) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  store::Network n;
  n.territory_id = w.ta;
  n.name = "Verr’Elles";
  long long net = store::insert_network(srv.store(), n, {w.coord, "coord"}).id;
  std::string network = "/collectif/reseaux/" + std::to_string(net);
  for (auto role :
       {domain::Role::viewer, domain::Role::school_contact, domain::Role::company_contact, domain::Role::prescriber})
    seed_user(srv.store(), std::string(domain::to_string(role)) + "@exemple.fr", role, w.ta);
  seed_user(srv.store(), "admin@exemple.fr", domain::Role::admin, 0);

  const std::vector<std::string> member_pages = {"/collectif/kit",
                                                 "/collectif/kit/pages/nouvelle",
                                                 "/collectif/kit/pages/reponses-aux-cliches",
                                                 "/collectif/kit/pages/reponses-aux-cliches/modifier",
                                                 "/collectif/kit/pages/reponses-aux-cliches/historique",
                                                 "/collectif/kit/pages/reponses-aux-cliches/historique/1",
                                                 "/collectif/kit/ressources/nouvelle",
                                                 "/collectif/reseaux",
                                                 network};
  const std::vector<std::string> editor_pages = {"/collectif/reseaux/nouveau", network + "/modifier"};
  struct Who {
    std::string email;
    int member_status, editor_status;
  } people[] = {{"coord@exemple.fr", 200, 200},
                {"ines@exemple.fr", 200, 403},
                {"viewer@exemple.fr", 403, 403},
                {"school_contact@exemple.fr", 403, 403},
                {"company_contact@exemple.fr", 403, 403},
                {"prescriber@exemple.fr", 403, 403},
                {"admin@exemple.fr", 403, 403}};
  for (const auto& who : people) {
    Client c(srv.port());
    ASSERT_EQ(c.login(who.email, kPassword), 303) << who.email;
    for (const auto& path : member_pages) {
      auto r = c.get(path);
      EXPECT_EQ(r.status, who.member_status) << who.email << " " << path;
      if (r.status == 200) expect_accessible(r.body, path);
    }
    for (const auto& path : editor_pages) EXPECT_EQ(c.get(path).status, who.editor_status) << who.email << " " << path;
    if (who.member_status == 403) {
      EXPECT_EQ(c.post_form("/collectif/kit/pages/nouvelle", {{"title", "Intrus"}, {"body", "x"}}).status, 403);
      EXPECT_EQ(c.post_form(network + "/rejoindre", {}).status, 403);
      EXPECT_EQ(c.post_form(network + "/membres", {{"ambassador_id", std::to_string(w.zoe)}}).status, 403);
    }
  }
  EXPECT_FALSE(store::kit_page(srv.store(), w.ta, "intrus"));
  EXPECT_TRUE(store::network_members(srv.store(), w.ta, net).empty());
  Client anonymous(srv.port());
  EXPECT_EQ(anonymous.get("/collectif/kit").status, 303) << "to the login page";
  EXPECT_EQ(anonymous.get("/reseaux/verr-elles").status, 200) << "a public network's page is public";
}

TEST_P(KitHttp, AMemberWritesAPageEditsItAndReadsTheHistoryAndTheDiff) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client ines(srv.port());
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  auto created = ines.post_form("/collectif/kit/pages/nouvelle",
                                {{"title", "Mon discours en 5 minutes"},
                                 {"body", "# Qui je suis\r\n\r\n- Technicienne\r\n- Maintenance\r\n\r\nFin.\r\n"},
                                 {"summary", "Premier jet"}});
  ASSERT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(created.header("location"), "/collectif/kit/pages/mon-discours-en-5-minutes?msg=page-creee");
  auto page = ines.get(created.header("location"));
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<h2>Qui je suis</h2>")) << "# becomes <h2> under the page's <h1>";
  EXPECT_TRUE(contains(page.body, "<li>Technicienne</li>"));
  EXPECT_TRUE(contains(page.body, "Page créée"));
  EXPECT_TRUE(contains(page.body, "Version 1"));
  expect_accessible(page.body, "kit page");
  EXPECT_EQ(store::kit_page(srv.store(), w.ta, "mon-discours-en-5-minutes")->body,
            "# Qui je suis\n\n- Technicienne\n- Maintenance\n\nFin.\n")
      << "line ends stored as LF";

  auto form = ines.get("/collectif/kit/pages/mon-discours-en-5-minutes/modifier");
  EXPECT_TRUE(contains(form.body, "name=\"base_revision\" value=\"1\""));
  EXPECT_TRUE(contains(form.body, "- Maintenance"));
  expect_accessible(form.body, "kit edit form");
  auto saved = ines.post_form("/collectif/kit/pages/mon-discours-en-5-minutes/modifier",
                              {{"title", "Mon discours en 5 minutes"},
                               {"body", "# Qui je suis\n\n- Technicienne\n- Maintenance industrielle\n\nFin.\n"},
                               {"summary", "Précision sur le métier"},
                               {"base_revision", "1"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.header("location"), "/collectif/kit/pages/mon-discours-en-5-minutes?msg=page-enregistree");

  auto history = ines.get("/collectif/kit/pages/mon-discours-en-5-minutes/historique");
  EXPECT_EQ(history.status, 200);
  EXPECT_TRUE(contains(history.body, "/historique/2\">Version 2</a> (actuelle)"));
  EXPECT_TRUE(contains(history.body, "Précision sur le métier"));
  EXPECT_TRUE(contains(history.body, "Premier jet"));
  EXPECT_TRUE(contains(history.body, "<td>ines</td>")) << "who, by her display name";
  expect_accessible(history.body, "kit history");

  auto diff = ines.get("/collectif/kit/pages/mon-discours-en-5-minutes/historique/2");
  EXPECT_EQ(diff.status, 200);
  EXPECT_TRUE(contains(diff.body,
                       "<del><span aria-hidden=\"true\">− </span><span class=\"visually-hidden\">Supprimé : "
                       "</span>- Maintenance</del>"))
      << diff.body;
  EXPECT_TRUE(contains(diff.body,
                       "<ins><span aria-hidden=\"true\">+ </span><span class=\"visually-hidden\">Ajouté : "
                       "</span>- Maintenance industrielle</ins>"));
  EXPECT_TRUE(contains(diff.body, "<li>Maintenance industrielle</li>")) << "the version rendered";
  EXPECT_TRUE(contains(diff.body, "Version précédente (1)"));
  expect_accessible(diff.body, "kit diff");
  auto first = ines.get("/collectif/kit/pages/mon-discours-en-5-minutes/historique/1");
  EXPECT_TRUE(contains(first.body, "C’est la première version de la page."));
  EXPECT_TRUE(contains(first.body, "<li>Maintenance</li>"));
  EXPECT_EQ(ines.get("/collectif/kit/pages/mon-discours-en-5-minutes/historique/3").status, 404);
  EXPECT_EQ(ines.get("/collectif/kit/pages/mon-discours-en-5-minutes/historique/abc").status, 404);
  EXPECT_EQ(ines.get("/collectif/kit/pages/inconnue").status, 404);

  auto index = ines.get("/collectif/kit");
  auto cliches = index.body.find("Réponses aux clichés"), mine = index.body.find("Mon discours en 5 minutes");
  ASSERT_NE(cliches, std::string::npos);
  ASSERT_NE(mine, std::string::npos);
  EXPECT_LT(cliches, mine) << "the clichés page first";
  EXPECT_TRUE(contains(index.body, "Version 2, modifiée le "));
  expect_accessible(index.body, "kit index");
}

TEST_P(KitHttp, ASaveOverAStaleVersionIs409AndKeepsHerText) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client ines(srv.port()), coord(srv.port());
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  ASSERT_EQ(coord.login("coord@exemple.fr", kPassword), 303);
  const std::string edit = "/collectif/kit/pages/reponses-aux-cliches/modifier";
  coord.get(edit);
  ASSERT_EQ(ines.post_form(edit, {{"title", "Réponses aux clichés"},
                                  {"body", "Version d’Inès\nLigne commune\n"},
                                  {"base_revision", "1"}})
                .status,
            303);
  auto late = coord.post_form(edit, {{"title", "Réponses aux clichés"},
                                     {"body", "Version de la coordinatrice\nLigne commune\n"},
                                     {"summary", "Mon ajout"},
                                     {"base_revision", "1"}});
  EXPECT_EQ(late.status, 409);
  EXPECT_TRUE(contains(late.body, "ines a enregistré cette page le ")) << late.body;
  EXPECT_TRUE(contains(late.body, ">Version de la coordinatrice\nLigne commune\n</textarea>")) << "her text is kept";
  EXPECT_TRUE(contains(late.body, "value=\"Mon ajout\""));
  EXPECT_TRUE(contains(late.body, "name=\"base_revision\" value=\"2\"")) << "she now writes over version 2";
  EXPECT_TRUE(contains(late.body, "Version d’Inès")) << "the version saved in between is shown";
  EXPECT_TRUE(contains(late.body, "</span>Version de la coordinatrice</ins>"));
  expect_accessible(late.body, "conflict form");
  EXPECT_EQ(store::kit_page(srv.store(), w.ta, "reponses-aux-cliches")->body, "Version d’Inès\nLigne commune\n");
  auto merged = coord.post_form(edit, {{"title", "Réponses aux clichés"},
                                       {"body", "Version d’Inès\nVersion de la coordinatrice\nLigne commune\n"},
                                       {"base_revision", "2"}});
  EXPECT_EQ(merged.status, 303);
  EXPECT_EQ(store::kit_page(srv.store(), w.ta, "reponses-aux-cliches")->revision, 3);
}

TEST_P(KitHttp, BadFormsAre422NextToTheFieldsAndNothingIsStored) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client ines(srv.port());
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  auto empty = ines.post_form("/collectif/kit/pages/nouvelle", {{"title", " "}, {"body", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "<small id=\"kit-title-error\" class=\"field-error\">Ce champ est obligatoire."));
  EXPECT_TRUE(contains(empty.body, "id=\"kit-body-error\""));
  EXPECT_TRUE(contains(empty.body, "href=\"#kit-title\"")) << "the summary links to the field";
  expect_accessible(empty.body, "page form with errors");
  auto reserved = ines.post_form("/collectif/kit/pages/nouvelle", {{"title", "Nouvelle"}, {"body", "x"}});
  EXPECT_EQ(reserved.status, 422);
  EXPECT_TRUE(contains(reserved.body, "Ce titre est réservé"));
  auto taken = ines.post_form("/collectif/kit/pages/nouvelle", {{"title", "Réponses aux CLICHÉS !"}, {"body", "x"}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_TRUE(contains(taken.body, "La page « Réponses aux clichés » porte déjà ce titre"));
  EXPECT_TRUE(contains(taken.body, "value=\"Réponses aux CLICHÉS !\""));
  auto huge = ines.post_form("/collectif/kit/pages/nouvelle", {{"title", "Long"}, {"body", std::string(60001, 'a')}});
  EXPECT_EQ(huge.status, 422);
  EXPECT_EQ(store::kit_pages(srv.store(), w.ta).size(), 1u);

  auto no_link =
      post_multipart(ines, "/collectif/kit/ressources/nouvelle", {{"title", "Diaporama"}, {"kind", "slides"}});
  EXPECT_EQ(no_link.status, 422);
  EXPECT_TRUE(contains(no_link.body, "Donnez un lien, ou choisissez un fichier à partager."));
  expect_accessible(no_link.body, "resource form with errors");
  auto bad = post_multipart(
      ines, "/collectif/kit/ressources/nouvelle",
      {{"title", ""}, {"kind", "pirate"}, {"url", "javascript:alert(1)"}, {"tags", "a,b,c,d,e,f,g,h,i,j,k"}});
  EXPECT_EQ(bad.status, 422);
  for (const char* id :
       {"ressource-title-error", "ressource-kind-error", "ressource-url-error", "ressource-tags-error"})
    EXPECT_TRUE(contains(bad.body, std::string("id=\"") + id + "\"")) << id;
  // A program renamed .pdf is refused by its content, with the reason next to the field, and nothing is stored.
  auto exe = post_multipart(ines, "/collectif/kit/ressources/nouvelle",
                            {{"title", "Diaporama"}, {"kind", "slides"}, {"tags", "clichés"}}, "diaporama.pdf",
                            std::string("\x7F"
                                        "ELF\x02\x01\x01",
                                        7) +
                                std::string(100, '\0'));
  EXPECT_EQ(exe.status, 422);
  EXPECT_TRUE(contains(exe.body, "id=\"ressource-file-error\""));
  EXPECT_TRUE(contains(exe.body, "value=\"Diaporama\"")) << "values are kept";
  EXPECT_EQ(count_rows(srv.store(), "kit_resources"), 0);
  EXPECT_EQ(count_rows(srv.store(), "files"), 0);

  auto ok = post_multipart(ines, "/collectif/kit/ressources/nouvelle",
                           {{"title", "Diaporama du collectif"},
                            {"kind", "slides"},
                            {"tags", "Clichés, collège"},
                            {"description", "Pour les 4e"}},
                           "diaporama.pdf", kPdf);
  ASSERT_EQ(ok.status, 303) << ok.body;
  auto resources = store::kit_resources(srv.store(), w.ta, "cliches");
  ASSERT_EQ(resources.size(), 1u);
  EXPECT_EQ(resources[0].tags, (std::vector<std::string>{"cliches", "college"}));
  auto file = ines.get("/fichiers/" + std::to_string(resources[0].file_id));
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.header("content-type"), "application/pdf");
  EXPECT_EQ(file.body, kPdf);
  auto filtered = ines.get("/collectif/kit?tag=college");
  EXPECT_TRUE(contains(filtered.body, "Diaporama du collectif"));
  EXPECT_TRUE(contains(filtered.body, "/fichiers/" + std::to_string(resources[0].file_id)));
  expect_accessible(filtered.body, "kit index filtered");
  EXPECT_FALSE(contains(ines.get("/collectif/kit?tag=maintenance").body, "Diaporama du collectif"));
}

TEST_P(KitHttp, MarkdownAttacksAreInertInEveryPageThatShowsThem) {
  TestServer srv(GetParam());
  seed(srv.store());
  Client ines(srv.port());
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  const std::string attack =
      "Bonjour <script>alert('kit')</script>\n\n<img src=x onerror=alert(1)>\n\n[clic](javascript:alert(2))\n\n"
      "<div onmouseover=\"alert(3)\">survol</div>\n\n[data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
      "<a href=\"javascript:alert(4)\">lien</a>\n";
  auto created = ines.post_form("/collectif/kit/pages/nouvelle",
                                {{"title", "Essai <script>alert('titre')</script>"}, {"body", attack}});
  ASSERT_EQ(created.status, 303) << created.body;
  std::string base = created.header("location").substr(0, created.header("location").find('?'));
  ASSERT_TRUE(ines.post_form(base + "/modifier", {{"title", "Essai <script>alert('titre')</script>"},
                                                  {"body", attack + "\n<script>alert('v2')</script>\n"},
                                                  {"base_revision", "1"}})
                  .status == 303);
  for (const std::string& path : {base, base + "/historique", base + "/historique/1", base + "/historique/2",
                                  base + "/modifier", std::string("/collectif/kit")}) {
    auto r = ines.get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_FALSE(contains(r.body, "<script>alert")) << path;
    EXPECT_FALSE(contains(r.body, "<img")) << path;
    EXPECT_FALSE(contains(r.body, "<div onmouseover")) << path;
    EXPECT_FALSE(contains(r.body, "href=\"javascript:")) << path;
    EXPECT_FALSE(contains(r.body, "href=\"data:text")) << path;  // (the layout's icon is href="data:,")
  }
  auto page = ines.get(base);
  EXPECT_TRUE(contains(page.body, "Essai &lt;script&gt;")) << "the title is escaped text";
  EXPECT_TRUE(contains(page.body, "clic")) << "the words of a refused link stay";
  EXPECT_FALSE(contains(page.body, "onerror")) << "raw HTML is dropped from the rendered page";
  EXPECT_FALSE(contains(page.body, "javascript:"));

  auto res = post_multipart(ines, "/collectif/kit/ressources/nouvelle",
                            {{"title", "<script>alert('r')</script>"},
                             {"kind", "link"},
                             {"url", "https://exemple.fr/\"onmouseover=\"alert(1)"},
                             {"description", "<img src=x onerror=alert(1)>"}});
  EXPECT_EQ(res.status, 422) << "a quote in the address is refused";
  ASSERT_EQ(post_multipart(ines, "/collectif/kit/ressources/nouvelle",
                           {{"title", "<script>alert('r')</script>"},
                            {"kind", "link"},
                            {"url", "https://exemple.fr/"},
                            {"description", "<img src=x onerror=alert(1)>"}})
                .status,
            303);
  auto index = ines.get("/collectif/kit");
  EXPECT_FALSE(contains(index.body, "<script>alert"));
  EXPECT_FALSE(contains(index.body, "<img"));
  EXPECT_TRUE(contains(index.body, "&lt;script&gt;alert"));
}

TEST_P(KitHttp, ResourcesAreDeletedByWhoSharedThemOrACoordinator) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client ines(srv.port()), sarah(srv.port()), coord(srv.port());
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  ASSERT_EQ(sarah.login("sarah@exemple.fr", kPassword), 303);
  ASSERT_EQ(coord.login("coord@exemple.fr", kPassword), 303);
  auto add = [&](Client& c, const std::string& title) {
    EXPECT_EQ(post_multipart(c, "/collectif/kit/ressources/nouvelle",
                             {{"title", title}, {"kind", "link"}, {"url", "https://exemple.fr/" + title}})
                  .status,
              303);
    for (const auto& r : store::kit_resources(srv.store(), w.ta))
      if (r.title == title) return r.id;
    return 0LL;
  };
  long long a = add(ines, "a"), b = add(ines, "b");
  std::string del_a = "/collectif/kit/ressources/" + std::to_string(a) + "/supprimer";
  EXPECT_FALSE(contains(sarah.get("/collectif/kit").body, del_a)) << "no button for another member's resource";
  EXPECT_EQ(sarah.post_form(del_a, {}).status, 403);
  EXPECT_EQ(ines.post_form(del_a, {}).status, 303);
  EXPECT_EQ(ines.post_form(del_a, {}).status, 404);
  EXPECT_EQ(coord.post_form("/collectif/kit/ressources/" + std::to_string(b) + "/supprimer", {}).status, 303);
  EXPECT_TRUE(store::kit_resources(srv.store(), w.ta).empty());
}

TEST_P(KitHttp, NetworksAreManagedByCoordinatorsAndLeadsJoinedAndShownInPublicWithConsent) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client coord(srv.port()), ines(srv.port()), sarah(srv.port());
  ASSERT_EQ(coord.login("coord@exemple.fr", kPassword), 303);
  ASSERT_EQ(ines.login("ines@exemple.fr", kPassword), 303);
  ASSERT_EQ(sarah.login("sarah@exemple.fr", kPassword), 303);

  EXPECT_EQ(ines.post_form("/collectif/reseaux/nouveau", {{"name", "Le mien"}}).status, 403);
  auto invalid = coord.post_form("/collectif/reseaux/nouveau", {{"name", ""}, {"organisation_id", "abc"}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_TRUE(contains(invalid.body, "id=\"reseau-name-error\""));
  EXPECT_TRUE(contains(invalid.body, "id=\"reseau-organisation_id-error\""));
  expect_accessible(invalid.body, "network form with errors");
  auto created = coord.post_form("/collectif/reseaux/nouveau", {{"name", "Verr’Elles"},
                                                                {"organisation_id", std::to_string(w.company)},
                                                                {"description", "Les femmes de la verrerie"},
                                                                {"is_public", "1"}});
  ASSERT_EQ(created.status, 303) << created.body;
  long long id = id_from_location(created.header("location"));
  std::string base = "/collectif/reseaux/" + std::to_string(id);

  // The coordinator makes Inès its lead; Inès (a lead) adds Zoé; Sarah (a member) may not manage it.
  EXPECT_EQ(coord.post_form(base + "/membres", {{"ambassador_id", std::to_string(w.ines)}, {"role", "lead"}}).status,
            303);
  auto lead_page = ines.get(base);
  EXPECT_TRUE(contains(lead_page.body, "Ajouter une membre"));
  expect_accessible(lead_page.body, "network page of a lead");
  EXPECT_EQ(ines.post_form(base + "/membres", {{"ambassador_id", std::to_string(w.zoe)}}).status, 303);
  auto refused = ines.post_form(base + "/membres", {{"ambassador_id", "abc"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "Choisissez la membre à ajouter dans la liste."));
  EXPECT_EQ(sarah.post_form(base + "/membres", {{"ambassador_id", std::to_string(w.sarah)}}).status, 403);
  EXPECT_FALSE(contains(sarah.get(base).body, "Ajouter une membre"));
  EXPECT_EQ(coord.post_form(base + "/actions", {{"action_id", std::to_string(w.action)}}).status, 303);
  EXPECT_EQ(ines.post_form(base + "/actions", {{"action_id", "999999"}}).status, 404);

  // Sarah joins the public network herself, and leaves it.
  EXPECT_TRUE(contains(sarah.get(base).body, "Rejoindre ce réseau"));
  EXPECT_EQ(sarah.post_form(base + "/rejoindre", {}).status, 303);
  auto members = store::network_members(srv.store(), w.ta, id);
  ASSERT_EQ(members.size(), 3u);
  auto show = coord.get(base);
  EXPECT_TRUE(contains(show.body, "Inès Martin"));
  EXPECT_TRUE(contains(show.body, "Animatrice"));
  EXPECT_TRUE(contains(show.body, "Témoignage en 3e B"));
  EXPECT_TRUE(contains(show.body, "1 action validée, 22 personnes sensibilisées"));
  expect_accessible(show.body, "network page");

  // The public page: counts, and the names of those who agreed to publish theirs only.
  auto pub = Client(srv.port()).get("/reseaux/verr-elles");
  EXPECT_EQ(pub.status, 200);
  EXPECT_TRUE(contains(pub.body, "<strong>3</strong> membres"));
  EXPECT_TRUE(contains(pub.body, "<strong>1</strong> action menée et validée"));
  EXPECT_TRUE(contains(pub.body, "<strong>22</strong> personnes sensibilisées"));
  EXPECT_TRUE(contains(pub.body, "<li>Inès M.</li>"));
  EXPECT_TRUE(contains(pub.body, "<li>Zoé L.</li>"));
  EXPECT_FALSE(contains(pub.body, "Sarah")) << "no consent to her name";
  EXPECT_FALSE(contains(pub.body, "Benali"));
  EXPECT_FALSE(contains(pub.body, "Martin")) << "never the whole last name";
  EXPECT_FALSE(contains(pub.body, "@")) << "no e-mail";
  expect_accessible(pub.body, "public network page");

  EXPECT_EQ(sarah.post_form(base + "/quitter", {}).status, 303);
  EXPECT_EQ(sarah.post_form(base + "/quitter", {}).status, 404);
  EXPECT_EQ(store::network_members(srv.store(), w.ta, id).size(), 2u);

  // Made private, the network has no public page, and nobody can join it by herself.
  EXPECT_EQ(coord.post_form(base + "/modifier", {{"name", "Verr’Elles"}, {"description", "Interne"}}).status, 303);
  EXPECT_EQ(Client(srv.port()).get("/reseaux/verr-elles").status, 404);
  EXPECT_EQ(sarah.post_form(base + "/rejoindre", {}).status, 403);
  EXPECT_EQ(ines.post_form(base + "/supprimer", {}).status, 403) << "a lead does not delete the network";
  EXPECT_EQ(coord.post_form(base + "/supprimer", {}).status, 303);
  EXPECT_EQ(coord.get(base).status, 404);
}

TEST_P(KitHttp, AnotherTerritorysPagesResourcesAndNetworksAre404) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  store::Author by{w.coord, "coord"};
  ASSERT_TRUE(store::insert_kit_page(srv.store(), w.ta, "Secret de A", "Texte secret", "", by).ok());
  store::KitResource r;
  r.territory_id = w.ta;
  r.title = "Ressource secrète";
  r.kind = "link";
  r.url = "https://exemple.fr";
  long long res = store::insert_kit_resource(srv.store(), r, by).id;
  store::Network n;
  n.territory_id = w.ta;
  n.name = "Réseau secret";
  n.is_public = false;
  long long net = store::insert_network(srv.store(), n, by).id;

  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  for (const std::string path :
       {"/collectif/kit/pages/secret-de-a", "/collectif/kit/pages/secret-de-a/modifier",
        "/collectif/kit/pages/secret-de-a/historique", "/collectif/kit/pages/secret-de-a/historique/1"}) {
    auto got = b.get(path);
    EXPECT_EQ(got.status, 404) << path;
    EXPECT_FALSE(contains(got.body, "secret")) << path;
  }
  std::string base = "/collectif/reseaux/" + std::to_string(net);
  EXPECT_EQ(b.get(base).status, 404);
  EXPECT_EQ(b.get(base + "/modifier").status, 404);
  for (const std::string& path :
       {base + "/modifier", base + "/supprimer", base + "/membres", base + "/actions", base + "/rejoindre",
        base + "/quitter", base + "/membres/" + std::to_string(w.ines) + "/retirer",
        base + "/actions/" + std::to_string(w.action) + "/retirer",
        "/collectif/kit/ressources/" + std::to_string(res) + "/supprimer",
        std::string("/collectif/kit/pages/secret-de-a/modifier")})
    EXPECT_EQ(b.post_form(path, {{"name", "Piratage"},
                                 {"title", "Piratage"},
                                 {"body", "x"},
                                 {"base_revision", "1"},
                                 {"ambassador_id", std::to_string(w.ines)},
                                 {"action_id", std::to_string(w.action)}})
                  .status,
              404)
        << path;
  EXPECT_FALSE(contains(b.get("/collectif/kit").body, "Ressource secrète"));
  EXPECT_FALSE(contains(b.get("/collectif/reseaux").body, "Réseau secret"));
  EXPECT_EQ(store::kit_page(srv.store(), w.ta, "secret-de-a")->body, "Texte secret");
  EXPECT_EQ(store::network_by_id(srv.store(), w.ta, net)->name, "Réseau secret");
  EXPECT_EQ(store::kit_resources(srv.store(), w.ta).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, KitHttp, ::testing::ValuesIn(fixture::engines()));
