// The portrait campaign importer (store::import_portraits_csv) on every engine: good and bad lines with their line
// numbers, a second run updating instead of duplicating, photos processed into their variants, nothing of a bad
// line stored; then `passerelles import portraits` through the built binary (summary and exit codes).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>

#include "domain/csv.hpp"
#include "report/qr.hpp"
#include "store/accounts.hpp"
#include "store/portraits.hpp"
#include "support/test_support.hpp"

using namespace passerelles;

namespace {

namespace fs = std::filesystem;

const std::string kCampaign = "Femmes et Microtechniques 2019";
const std::string kElf = std::string(
                             "\x7F"
                             "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                             16) +
                         std::string(4000, 'x');

// A folder with a 1320×1320 PNG (big.png: 3 thumbnails + full = 7 variants), a 264×264 one (small.png: 160 and
// full = 3 variants), an executable renamed virus.jpg and a folder named dossier.png.
struct PhotoDir {
  fs::path path;
  PhotoDir() {
    std::random_device rd;
    path = fs::temp_directory_path() / ("passerelles-photos-" + std::to_string(rd()));
    fs::create_directories(path / "dossier.png");
    write("big.png", report::qr_png("https://exemple.fr/grande", 40));
    write("small.png", report::qr_png("https://exemple.fr/petite", 8));
    write("virus.jpg", kElf);
  }
  ~PhotoDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
  }
};

const std::vector<std::string> kColumns = {"Prénom",  "Nom",    "Métier",       "Domaine",  "Employeur",
                                           "Commune", "Niveau", "Parcours",     "Citation", "Cliché",
                                           "Vidéo",   "Photo",  "Consentement", "Publié"};

// One line of the file from its fields by column name (the others empty), quoted where needed.
std::string row(const std::map<std::string, std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    auto it = fields.find(kColumns[i]);
    line += (i ? ";" : "") + domain::csv_quote(it == fields.end() ? "" : it->second, ';');
  }
  return line + "\n";
}

// Line numbers are the file's: the header is line 1.
std::string campaign_csv(const std::string& quote2 = "J'aime les machines précises.",
                         const std::string& published2 = "oui") {
  std::string header;
  for (const auto& c : kColumns) header += (header.empty() ? "" : ";") + c;
  return header + "\n" +
         row({{"Prénom", "Amélie"},
              {"Nom", "Roux"},
              {"Métier", "Technicienne de maintenance"},
              {"Domaine", "maintenance"},
              {"Employeur", "Horlogerie Test"},
              {"Commune", "Besançon"},
              {"Niveau", "5"},
              {"Parcours", "Bac pro MELEC ; BTS MS"},
              {"Citation", quote2},
              {"Cliché", "L'industrie c'est sale"},
              {"Vidéo", "https://peertube.example.org/w/abc123xyz"},
              {"Photo", "big.png"},
              {"Publié", published2}}) +                                                             // 2: good
         row({{"Prénom", "Lina"}, {"Nom", "Haddad"}, {"Domaine", "usinage"}}) +                      // 3: no job
         row({{"Prénom", "Clara"}, {"Métier", "Régleuse"}, {"Domaine", "aéronautique spatiale"}}) +  // 4
         row({{"Prénom", "Maud"}, {"Métier", "Polisseuse"}, {"Photo", "virus.jpg"}}) +               // 5
         row({{"Prénom", "Nora"}, {"Métier", "Horlogère"}, {"Photo", "absente.jpg"}}) +              // 6
         row({{"Prénom", "Inès"}, {"Métier", "Soudeuse"}, {"Consentement", "name photo"}, {"Publié", "oui"}}) +  // 7
         row({{"Prénom", "Julie"},
              {"Nom", "Garnier"},
              {"Métier", "Technicienne R&D"},
              {"Domaine", "Électronique"},
              {"Commune", "25056"},
              {"Niveau", "niveau 7"},
              {"Photo", "small.png"},
              {"Consentement", "nom, métier"},
              {"Publié", "non"}}) +                         // 8: good, draft
         "Eva;\"Mal fermé;Ajusteuse;usinage;;;;;;;;;;\n" +  // 9: unclosed quote
         row({{"Prénom", "Léa"}, {"Métier", "Opératrice"}, {"Vidéo", "https://example.org/video"}}) +  // 10
         row({{"Prénom", "Rose"}, {"Métier", "Contrôleuse"}, {"Commune", "Atlantide"}});               // 11
}

bool has(const std::vector<std::string>& v, const std::string& prefix) {
  for (const auto& s : v)
    if (s.rfind(prefix, 0) == 0) return true;
  return false;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

}  // namespace

class PortraitImport : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "ta", "Territoire A", "cmq", {"025"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "tb", "Territoire B", "cmq", {"062"}, "", "", 1.3});
    db->write([](soci::session& sql) {
      sql << "INSERT INTO communes (insee, name, department, population, search) VALUES "
             "('25056', 'Besançon', '25', 120000, 'besancon'), ('62056', 'Besançon', '62', 10, 'besancon')";
    });
  }
  std::vector<domain::Portrait> all(long long territory) {
    store::PortraitFilter f;
    f.territory_id = territory;
    f.published_only = false;
    f.per_page = 100;
    return store::portraits_matching(*db, f).rows;
  }
  const domain::Portrait* named(const std::vector<domain::Portrait>& v, const std::string& first) {
    for (const auto& p : v)
      if (p.first_name == first) return &p;
    return nullptr;
  }
  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0;
  store::Author by{0, "import test"};
  PhotoDir photos;
};

TEST_P(PortraitImport, GoodLinesAreKeptAndBadOnesReportedWithTheirLineNumber) {
  auto r = store::import_portraits_csv(*db, ta, kCampaign, campaign_csv(), photos.path.string(), by);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.created, 2) << joined(r.errors);
  EXPECT_EQ(r.updated, 0);
  EXPECT_EQ(r.rejected, 8) << joined(r.errors);
  EXPECT_EQ(r.photos, 2);
  ASSERT_EQ(r.errors.size(), 8u);
  EXPECT_EQ(r.errors[0], "ligne 3 : métier manquant");
  EXPECT_TRUE(has(r.errors, "ligne 4 : domaine inconnu « aéronautique spatiale » (attendu : microtechnique, usinage"))
      << joined(r.errors);
  EXPECT_TRUE(has(r.errors, "ligne 5 : photo « virus.jpg » refusée : Ce fichier n’est pas une image"))
      << joined(r.errors);
  EXPECT_TRUE(has(r.errors, "ligne 6 : photo « absente.jpg » introuvable dans le dossier")) << joined(r.errors);
  EXPECT_TRUE(has(r.errors, "ligne 7 : publication impossible sans le consentement « job »")) << joined(r.errors);
  EXPECT_TRUE(has(r.errors, "ligne 9 : ")) << "the malformed quote";
  EXPECT_TRUE(has(r.errors, "ligne 10 : vidéo : Ce lien vidéo n’est pas reconnu")) << joined(r.errors);
  EXPECT_TRUE(has(r.errors, "ligne 11 : commune inconnue « Atlantide »")) << joined(r.errors);

  auto rows = all(ta);
  ASSERT_EQ(rows.size(), 2u) << "nothing of a rejected line is stored";
  const auto* amelie = named(rows, "Amélie");
  ASSERT_TRUE(amelie);
  EXPECT_EQ(amelie->status, "published");
  EXPECT_EQ(amelie->campaign_name, kCampaign);
  EXPECT_EQ(amelie->domain, "maintenance");
  EXPECT_EQ(amelie->commune_insee, "25056") << "the commune of that name in the territory's département";
  EXPECT_EQ(amelie->diploma_level, 5);
  EXPECT_EQ(amelie->path, "Bac pro MELEC\nBTS MS");
  EXPECT_EQ(amelie->video_url, "https://peertube.example.org/w/abc123xyz");
  EXPECT_EQ(amelie->consents,
            (std::vector<std::string>{"name", "photo", "job", "employer", "path", "quote", "cliche", "video"}))
      << "an empty consent cell gives the default list (not the commune)";
  EXPECT_TRUE(amelie->has_photo);
  const auto* julie = named(rows, "Julie");
  ASSERT_TRUE(julie);
  EXPECT_EQ(julie->status, "draft") << "publie = non";
  EXPECT_EQ(julie->domain, "electronique") << "a label, accents and case ignored";
  EXPECT_EQ(julie->diploma_level, 7);
  EXPECT_EQ(julie->consents, (std::vector<std::string>{"name", "job"})) << "French consent words";

  // Photos: 7 variants of the big one, 3 of the small one; nothing of the refused executable.
  EXPECT_EQ(fixture::count_rows(*db, "portrait_photos"), 10);
  EXPECT_EQ(fixture::count_rows(*db, "media"), 10);
  db->read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM portrait_photos WHERE portrait_id = :p", soci::use(amelie->id), soci::into(n);
    EXPECT_EQ(n, 7);
    int year = 0;
    sql << "SELECT year FROM campaigns WHERE name = :n", soci::use(kCampaign), soci::into(year);
    EXPECT_EQ(year, 2019) << "the year the campaign's name ends with";
  });
  EXPECT_TRUE(all(tb).empty()) << "the other territory is untouched";
  auto published = store::portrait_by_slug_public(*db, amelie->slug);
  ASSERT_TRUE(published);
  EXPECT_EQ(published->quote, "J'aime les machines précises.");
}

TEST_P(PortraitImport, ASecondRunUpdatesInsteadOfDuplicating) {
  store::import_portraits_csv(*db, ta, kCampaign, campaign_csv(), photos.path.string(), by);
  auto first = all(ta);
  auto r = store::import_portraits_csv(*db, ta, kCampaign, campaign_csv("Une nouvelle citation.", "non"),
                                       photos.path.string(), by);
  EXPECT_EQ(r.created, 0) << joined(r.errors);
  EXPECT_EQ(r.updated, 2);
  EXPECT_EQ(r.rejected, 8);
  auto rows = all(ta);
  ASSERT_EQ(rows.size(), 2u);
  const auto* amelie = named(rows, "Amélie");
  ASSERT_TRUE(amelie);
  EXPECT_EQ(amelie->id, named(first, "Amélie")->id);
  EXPECT_EQ(amelie->quote, "Une nouvelle citation.");
  EXPECT_EQ(amelie->status, "unpublished") << "publie = non withdraws it";
  EXPECT_FALSE(store::portrait_by_slug_public(*db, amelie->slug));
  EXPECT_EQ(fixture::count_rows(*db, "media"), 10) << "photos replaced, not added";
  EXPECT_EQ(fixture::count_rows(*db, "campaigns"), 1);

  // Published again by a third run; the same people in another campaign are other portraits.
  r = store::import_portraits_csv(*db, ta, kCampaign, campaign_csv(), photos.path.string(), by);
  EXPECT_EQ(r.updated, 2);
  EXPECT_TRUE(store::portrait_by_slug_public(*db, amelie->slug));
  r = store::import_portraits_csv(*db, ta, "Autre campagne", campaign_csv(), photos.path.string(), by);
  EXPECT_EQ(r.created, 2);
  EXPECT_EQ(all(ta).size(), 4u);
}

TEST_P(PortraitImport, AFileThatCannotBeReadWritesNothing) {
  auto empty = store::import_portraits_csv(*db, ta, kCampaign, "", "", by);
  EXPECT_EQ(empty.error, "le fichier est vide");
  auto no_job = store::import_portraits_csv(*db, ta, kCampaign, "prenom;nom\nAmélie;Roux\n", "", by);
  EXPECT_NE(no_job.error.find("colonne du métier introuvable"), std::string::npos) << no_job.error;
  auto no_campaign = store::import_portraits_csv(*db, ta, " ", campaign_csv(), "", by);
  EXPECT_NE(no_campaign.error.find("campagne"), std::string::npos);
  auto no_territory = store::import_portraits_csv(*db, 999999, kCampaign, campaign_csv(), "", by);
  EXPECT_EQ(no_territory.error, "territoire inconnu");
  EXPECT_EQ(fixture::count_rows(*db, "campaigns"), 0);
  EXPECT_EQ(fixture::count_rows(*db, "portraits"), 0);

  // A photo named with a folder, or without a photo folder, is a rejected line.
  std::string csv = "prenom;metier;photo\nA;Régleuse;../big.png\nB;Régleuse;big.png\nC;Régleuse;dossier.png\n";
  auto r = store::import_portraits_csv(*db, ta, kCampaign, csv, "", by);
  EXPECT_EQ(r.rejected, 3);
  EXPECT_TRUE(has(r.errors, "ligne 2 : photo « ../big.png » : donnez le nom du fichier seul")) << joined(r.errors);
  EXPECT_TRUE(has(r.errors, "ligne 3 : photo « big.png » : aucun dossier de photos")) << joined(r.errors);
  r = store::import_portraits_csv(*db, ta, kCampaign, csv, photos.path.string(), by);
  EXPECT_TRUE(has(r.errors, "ligne 4 : photo « dossier.png » introuvable")) << joined(r.errors);
  EXPECT_EQ(r.created, 1);
}

TEST_P(PortraitImport, TheDocumentedTemplateImportsAsIs) {
  std::ifstream in(std::string(PASSERELLES_SOURCE_DIR) + "/docs/portrait-campaign-template.csv", std::ios::binary);
  ASSERT_TRUE(in) << "docs/portrait-campaign-template.csv";
  std::string csv{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto r = store::import_portraits_csv(*db, ta, "Modèle", csv, "", by);
  EXPECT_EQ(r.created, 2) << joined(r.errors);
  EXPECT_EQ(r.rejected, 0) << joined(r.errors);
  auto rows = all(ta);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(named(rows, "Amandine")->status, "published");
  EXPECT_EQ(named(rows, "Amandine")->path, "Bac pro MELEC\nBTS Maintenance des systèmes, en alternance");
  EXPECT_EQ(named(rows, "Bérénice")->status, "draft");
  EXPECT_EQ(named(rows, "Bérénice")->commune_insee, "25056");
}

INSTANTIATE_TEST_SUITE_P(Engines, PortraitImport, ::testing::ValuesIn(fixture::engines()));

// ---- the command --------------------------------------------------------------------------------------------

namespace {

struct CliRun {
  int code = -1;
  std::string out, err;
};

class PortraitImportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir = fs::temp_directory_path() / ("passerelles-portrait-cli-" + std::to_string(rd()));
    fs::create_directories(dir);
    db = "sqlite:" + (dir / "cli.db").string();
    ASSERT_EQ(run("migrate").code, 0);
    auto s = store::Store::open(db, 1);
    store::insert_territory(*s, {0, "ta", "Territoire A", "cmq", {"025"}, "", "", 1.3});
  }
  void TearDown() override { fs::remove_all(dir); }

  CliRun run(const std::string& args) {
    std::string err_file = (dir / "stderr.txt").string();
    std::string cmd = std::string(PASSERELLES_BINARY) + " --db '" + db + "' " + args + " 2>'" + err_file + "'";
    CliRun r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream e(err_file);
    r.err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
    return r;
  }

  fs::path dir;
  std::string db;
  PhotoDir photos;
};

}  // namespace

TEST_F(PortraitImportCli, PrintsTheSummaryAndExitsNonZeroWhenTheFileCannotBeRead) {
  std::ofstream(dir / "campagne.csv") << "prenom;nom;metier;photo\nAmélie;Roux;Horlogère;big.png\nLina;Haddad;;\n";
  CliRun r = run("import portraits '" + (dir / "campagne.csv").string() + "' --photos '" + photos.path.string() +
                 "' --campaign 'Femmes et Microtechniques 2019'");
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("created: 1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("updated: 0\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rejected: 1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("photos: 1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ligne 3 : métier manquant"), std::string::npos) << r.out;

  r = run("import portraits '" + (dir / "campagne.csv").string() + "' --photos '" + photos.path.string() +
          "' --campaign 'Femmes et Microtechniques 2019' --territory ta");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("updated: 1\n"), std::string::npos) << r.out;

  r = run("import portraits '" + (dir / "absent.csv").string() + "' --campaign X");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("cannot read"), std::string::npos) << r.err;
  std::ofstream(dir / "vide.csv") << "";
  r = run("import portraits '" + (dir / "vide.csv").string() + "' --campaign X");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("le fichier est vide"), std::string::npos) << r.err;
  r = run("import portraits '" + (dir / "campagne.csv").string() + "' --campaign X --territory inconnu");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(run("import portraits '" + (dir / "campagne.csv").string() + "'").code, 0) << "--campaign is required";
}
