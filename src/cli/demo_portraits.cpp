// The demo's portrait campaigns, imported like a coordinator would: a CSV and a folder of photos (see
// demo_portraits.hpp). Every person is invented; employers are the territory's fictional demo companies.
#include "cli/demo_portraits.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <string>
#include <thread>
#include <vector>

#include "domain/csv.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/ambassadors.hpp"
#include "store/directory.hpp"
#include "store/portraits.hpp"
#include "store/schools.hpp"

namespace passerelles::cli {

namespace {

namespace fs = std::filesystem;

const store::Author kBy{0, "demo"};

struct DemoPortrait {
  std::string first, last, job, domain, employer, commune, path, quote, cliche, video, consents, published;
  int level = 0;
};

// ---- the people -----------------------------------------------------------------------------------------------

const std::vector<std::string> kFirst = {
    "Aurélie", "Bénédicte", "Camille", "Doriane", "Émilie",  "Flavie",  "Gaëlle",    "Héloïse", "Isaure",  "Jeanne",
    "Kenza",   "Laëtitia",  "Manon",   "Nadège",  "Ophélie", "Pauline", "Quitterie", "Rachida", "Sabine",  "Tiphaine",
    "Ursule",  "Valérie",   "Wendy",   "Yasmina", "Zoé",     "Anaïs",   "Blandine",  "Coralie", "Djamila", "Estelle"};
const std::vector<std::string> kLast = {"Bergerot",  "Chaudanne", "Damprichard", "Échenoz",   "Fournival",
                                        "Grandvaux", "Hauterive", "Jougnet",     "Larbalète", "Montbenoît",
                                        "Noirefond", "Orchamps",  "Pontarlier",  "Quingey",   "Rondefontaine",
                                        "Saugeot",   "Trépot",    "Vuillecin",   "Mouthier",  "Sancey"};

struct Job {
  const char* title;
  const char* domain;
  int level;
};
const std::vector<Job> kMicrotechJobs = {
    {"Technicienne en microtechniques", "microtechnique", 5},
    {"Décolleteuse-régleuse", "usinage", 4},
    {"Horlogère", "microtechnique", 4},
    {"Ingénieure R&D en microsystèmes", "microtechnique", 7},
    {"Opératrice sur machine à commande numérique", "usinage", 3},
    {"Technicienne qualité", "qualite", 5},
    {"Technicienne de maintenance", "maintenance", 5},
    {"Polisseuse en horlogerie", "microtechnique", 3},
    {"Contrôleuse en métrologie", "qualite", 4},
    {"Régleuse sur tour multibroche", "usinage", 4},
    {"Ingénieure méthodes", "mecanique", 7},
    {"Technicienne en électronique", "electronique", 5},
    {"Programmeuse CFAO", "usinage", 5},
    {"Technicienne en traitement de surface", "chimie", 5},
    {"Conductrice de ligne automatisée", "numerique", 4},
    {"Responsable de production", "mecanique", 6},
    {"Dessinatrice-projeteuse en bureau d’études", "mecanique", 5},
    {"Monteuse-câbleuse en électronique", "electronique", 3},
    {"Automaticienne", "numerique", 6},
    {"Technicienne en plasturgie", "plasturgie", 5},
    {"Roboticienne", "numerique", 7},
    {"Docteure en micro-robotique", "microtechnique", 8},
    {"Soudeuse laser", "mecanique", 4},
    {"Gestionnaire logistique industrielle", "logistique", 5},
};

// Diplomas by level, for the path (one is picked per step reached).
const std::vector<std::vector<std::string>> kDiplomas = {
    {},
    {},
    {},
    {"CAP Décolletage, Lycée professionnel de Cluses-Jura (fictif)", "CAP Horlogerie, Lycée Démo de Morteau",
     "CAP Conducteur d’installations de production, CFA Fictif du Doubs"},
    {"Bac pro Technicien en réalisation de produits mécaniques, Lycée Démo de Montbéliard",
     "Bac pro Microtechniques, Lycée Fictif du Haut-Doubs", "Bac STI2D, Lycée Imaginaire de Besançon"},
    {"BTS Conception des processus de réalisation de produits (CPRP)", "BTS Microtechniques, en apprentissage",
     "BTS Maintenance des systèmes de production", "BTS Systèmes numériques"},
    {"BUT Génie mécanique et productique, IUT Démo de Belfort", "Licence pro Métrologie et qualité",
     "BUT Mesures physiques, IUT Fictif de Besançon"},
    {"Diplôme d’ingénieure en microtechniques (école fictive)", "Master Mécatronique et microsystèmes",
     "Diplôme d’ingénieure par apprentissage, génie industriel"},
    {"Doctorat en sciences pour l’ingénieur, laboratoire de démonstration"},
};

const std::vector<std::string> kQuotes = {
    "Quand je vois une montre sortir de l'atelier, je sais qu'il y a un peu de moi dedans.",
    "Personne ne m'avait dit que c'était pour moi. Je l'ai découvert en stage de troisième.",
    "On travaille au micron : la précision, c'est un défi qui ne s'arrête jamais.",
    "J'ai commencé par un CAP ; aujourd'hui, c'est moi qui forme les nouveaux.",
    "Mon métier, c'est résoudre des énigmes avec des machines.",
    "Il n'y a pas de métiers d'hommes : il y a des métiers qu'on n'a pas encore osé essayer.",
    "Les machines d'aujourd'hui se pilotent avec la tête bien plus qu'avec les bras.",
    "Chaque pièce que je contrôle finit dans un pacemaker : ça donne du sens à mes journées.",
    "J'aime arriver le matin sans savoir quelle panne je vais réparer.",
    "Ma fille raconte à l'école que sa maman fabrique des robots. Elle n'a pas tout à fait tort !",
    "En reconversion à 35 ans, j'ai trouvé un métier où j'apprends tous les jours.",
    "L'atelier est propre, lumineux, et l'ambiance d'équipe est géniale.",
    "J'étais fâchée avec les maths au collège. Aujourd'hui je programme des machines cinq axes.",
    "Ce que j'aime, c'est tenir le produit fini et me dire : je sais comment il est fait.",
    "Être la seule femme de l'équipe au début ne m'a jamais empêchée d'avancer.",
    "Les salaires sont bons et les perspectives aussi : on ne le dit pas assez aux filles.",
    "J'ai choisi l'apprentissage : payée pour apprendre, qui dit mieux ?",
    "Dans mon labo, on invente les capteurs qui équiperont les montres de demain.",
    "On me demande souvent si c'est dur physiquement. Franchement ? Moins que mon ancien job en magasin.",
    "J'ai appris à ne pas avoir peur de me tromper : c'est comme ça qu'on progresse.",
};

const std::vector<std::string> kCliches = {
    "L'industrie, c'est sale et bruyant.",
    "Il faut être costaud pour travailler en atelier.",
    "Les filles ne sont pas faites pour la mécanique.",
    "Quand on commence par un CAP, on ne peut pas évoluer.",
    "Les métiers techniques, c'est pour celles et ceux qui ont raté l'école.",
    "Une femme cheffe d'équipe, les hommes ne l'écoutent pas.",
    "L'usine, c'est le travail à la chaîne toute la journée.",
    "Il faut être un génie des maths pour faire ce métier.",
    "Ce métier est impossible à concilier avec une vie de famille.",
    "L'industrie, ça ferme et ça délocalise.",
    "C'est un métier répétitif où on ne réfléchit pas.",
    "Les machines, c'est un truc de garçons.",
};

std::string path_for(int level, std::size_t seed) {
  std::vector<std::string> steps;
  int first = level >= 6 ? 4 : std::max(3, level - 1);
  for (int l = first; l <= level && l < static_cast<int>(kDiplomas.size()); ++l) {
    const auto& d = kDiplomas[static_cast<std::size_t>(l)];
    if (!d.empty()) steps.push_back(d[(seed + static_cast<std::size_t>(l)) % d.size()]);
  }
  return domain::join(steps, " ; ");
}

std::vector<std::string> names_of_kind(store::Store& s, long long territory_id, const std::string& kind) {
  store::DirectoryFilter f;
  f.kind = kind;
  f.per_page = store::kMaxPerPage;
  std::vector<std::string> out;
  for (const auto& o : store::organisations_matching(s, territory_id, f).rows) out.push_back(o.name);
  return out;
}

// Communes given only when the reference data has them (the importer rejects an unknown commune).
std::vector<std::string> known_communes(store::Store& s, const std::vector<std::string>& insee) {
  std::vector<std::string> out;
  for (const auto& c : insee)
    if (store::commune_by_insee(s, c)) out.push_back(c);
  return out;
}

std::vector<DemoPortrait> microtech_campaign(store::Store& s, long long territory_id) {
  std::vector<std::string> employers = names_of_kind(s, territory_id, "company");
  for (const auto& lab : names_of_kind(s, territory_id, "lab")) employers.push_back(lab);
  if (employers.empty()) employers = {"Entreprise fictive de Franche-Comté"};
  std::vector<std::string> communes =
      known_communes(s, {"25462", "39478", "25056", "90010", "25388", "39300", "25411", "39198", "21231", "71076"});
  std::vector<DemoPortrait> out;
  for (std::size_t i = 0; i < 60; ++i) {
    const Job& job = kMicrotechJobs[(i * 5) % kMicrotechJobs.size()];
    DemoPortrait p;
    p.first = kFirst[i % kFirst.size()];
    p.last = kLast[(i * 7 + i / kFirst.size()) % kLast.size()];
    p.job = job.title;
    p.domain = job.domain;
    p.level = job.level;
    // Researchers in the labs (the last employers), the others in the companies.
    bool research = job.level == 8 || std::string(job.title).find("R&D") != std::string::npos;
    p.employer = research ? employers.back() : employers[i % std::max<std::size_t>(1, employers.size() - 2)];
    if (!communes.empty() && i % 3 != 2) p.commune = communes[i % communes.size()];
    p.path = path_for(job.level, i);
    p.quote = kQuotes[(i * 3) % kQuotes.size()];
    p.cliche = kCliches[(i * 5 + 1) % kCliches.size()];
    p.published = "oui";
    if (i % 4 == 0 && !p.commune.empty()) p.consents = "name photo job employer path quote cliche video commune";
    if (i == 7 || i == 23 || i == 41) p.consents = "name job employer path quote cliche";  // no photo published
    if (i == 12 || i == 33 || i == 50 || i == 57) p.published = "non";                     // drafts (two submitted)
    out.push_back(p);
  }
  return out;
}

std::vector<DemoPortrait> flandre_campaign(store::Store& s, long long territory_id) {
  std::vector<std::string> companies = names_of_kind(s, territory_id, "company");
  while (companies.size() < 4)
    companies.push_back("Entreprise fictive de Flandre " + std::to_string(companies.size() + 1));
  std::vector<std::string> communes = known_communes(s, {"62765", "62040", "59295"});
  auto commune = [&](std::size_t i) { return communes.empty() ? std::string() : communes[i % communes.size()]; };
  // Seven women in four companies, filmed for the advisers who meet women looking for a new job.
  std::vector<DemoPortrait> out = {
      {"Sandrine", "Delebarre", "Conductrice de four verrier", "verre", companies[0], commune(0),
       "Bac pro Procédés de la chimie, de l'eau et des papiers-cartons ; Certificat de qualification professionnelle "
       "verrier, en reconversion",
       "J'ai été caissière pendant douze ans. Aujourd'hui, je surveille un four à 1 500 degrés et je suis fière de "
       "mon métier.",
       "On ne peut pas changer de métier après 40 ans.", "https://peertube.example.org/w/flandre01verre", "", "oui", 4},
      {"Nathalie", "Vandewalle", "Contrôleuse qualité en verrerie", "qualite", companies[0], commune(1),
       "CAP Agent de propreté ; Titre professionnel Agent de fabrication industrielle ; Formation interne contrôle "
       "qualité",
       "Mon œil est devenu mon meilleur outil : je repère un défaut de verre en une seconde.",
       "L'industrie, c'est seulement pour ceux qui ont fait des études techniques.",
       "https://peertube.example.org/w/flandre02qualite", "", "oui", 3},
      {"Karima", "Bensaïd", "Technicienne de maintenance", "maintenance", companies[1], commune(2),
       "Bac ES ; Titre professionnel Technicien de maintenance industrielle, en reconversion",
       "Je répare des machines de trente mètres de long. Il y a cinq ans, je ne savais pas ce qu'était un roulement.",
       "La maintenance, c'est un métier d'homme.", "https://www.youtube.com/watch?v=FlandreDemo3", "", "oui", 4},
      {"Céline", "Dewaele", "Conductrice de machine à papier", "autre", companies[1], commune(0),
       "CAP Vente ; Certificat de qualification Conducteur de machine à papier",
       "Les horaires en équipe m'ont permis de mieux m'organiser avec mes enfants, contrairement à ce que je "
       "croyais.",
       "Le travail posté est impossible avec une famille.", "https://peertube.example.org/w/flandre04papier", "", "oui",
       3},
      {"Aïcha", "Lemaire", "Soudeuse", "mecanique", companies[2], commune(1),
       "Titre professionnel Soudeur TIG électrode enrobée, en reconversion",
       "Souder, c'est de la précision et de la patience. La force, c'est la machine qui l'a.",
       "Il faut être fort physiquement pour travailler le métal.", "https://vimeo.com/712345678", "", "oui", 3},
      {"Virginie", "Coppens", "Chaudronnière", "mecanique", companies[2], commune(2),
       "CAP Réalisations industrielles en chaudronnerie ; Bac pro Technicien en chaudronnerie industrielle",
       "Lire un plan et voir une pièce sortir de la tôle, c'est magique à chaque fois.",
       "Les filles ne savent pas lire un plan.", "https://peertube.example.org/w/flandre06chaudro", "", "oui", 4},
      {"Laurence", "Deswarte", "Technicienne qualité en agroalimentaire", "qualite", companies[3], commune(0),
       "BTS Qualité dans les industries alimentaires et les bio-industries, en alternance",
       "J'étais aide à domicile. L'alternance m'a permis de me former sans perdre mon salaire.",
       "Se reconvertir, c'est repartir de zéro sans salaire.", "https://peertube.example.org/w/flandre07qualite", "",
       "oui", 5},
  };
  return out;
}

// ---- photos -----------------------------------------------------------------------------------------------------

// An illustrated avatar in 4:5: a coloured background, a silhouette and her initials. Flat colours keep the PNG
// quick to write and to decode. Most are 1000 px wide (thumbnails 160 and 480, and the full picture); every fifth
// is 1200 px wide and also gets the 1024 px thumbnail, as photos of a real campaign come in several sizes (and the
// 1024 WebP encoding would double the demo's time if every photo had one).
std::string avatar_png(const std::string& first, const std::string& last, std::size_t seed) {
  static const double palette[][3] = {{0.42, 0.13, 0.45}, {0.11, 0.30, 0.55}, {0.05, 0.45, 0.42},
                                      {0.70, 0.28, 0.18}, {0.55, 0.36, 0.08}, {0.25, 0.25, 0.50}};
  const auto* c = palette[seed % std::size(palette)];
  const int w = seed % 5 == 0 ? 1200 : 1000, h = w * 5 / 4;
  const double k = w / 1080.0;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, c[0], c[1], c[2]);
  cairo_paint(cr);
  // Silhouette: shoulders, neck and head, in a lighter tint, and hair in a darker one.
  auto tint = [&](double f) {
    cairo_set_source_rgb(cr, c[0] + (1 - c[0]) * f, c[1] + (1 - c[1]) * f, c[2] + (1 - c[2]) * f);
  };
  tint(0.55);
  cairo_save(cr);
  cairo_translate(cr, w / 2.0, h * 1.02);
  cairo_scale(cr, 1.0, 0.62);
  cairo_arc(cr, 0, 0, w * 0.42, M_PI, 2 * M_PI);
  cairo_restore(cr);
  cairo_fill(cr);
  cairo_rectangle(cr, w / 2.0 - 70 * k, h * 0.52, 140 * k, 160 * k);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, c[0] * 0.45, c[1] * 0.45, c[2] * 0.45);
  cairo_arc(cr, w / 2.0, h * 0.40, 215 * k, 0, 2 * M_PI);
  cairo_fill(cr);
  tint(0.70);
  cairo_arc(cr, w / 2.0, h * 0.43, 175 * k, 0, 2 * M_PI);
  cairo_fill(cr);
  // Initials.
  std::string initials = first.substr(0, first[0] & 0x80 ? 2 : 1) + last.substr(0, last[0] & 0x80 ? 2 : 1);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string(
      ("DejaVu Sans Bold " + std::to_string(static_cast<int>(120 * k)) + "px").c_str());
  pango_layout_set_font_description(layout, font);
  pango_font_description_free(font);
  pango_layout_set_text(layout, initials.c_str(), -1);
  int tw = 0, th = 0;
  pango_layout_get_pixel_size(layout, &tw, &th);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_move_to(cr, (w - tw) / 2.0, h - th - 60 * k);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(
      surface,
      [](void* closure, const unsigned char* data, unsigned int len) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), len);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  cairo_surface_destroy(surface);
  return png;
}

// ---- import -------------------------------------------------------------------------------------------------------

std::string campaign_csv(const std::vector<DemoPortrait>& people) {
  const char sep = ';';
  auto line = [&](const std::vector<std::string>& fields) {
    std::string l;
    for (std::size_t i = 0; i < fields.size(); ++i)
      l += (i ? std::string(1, sep) : "") + domain::csv_quote(fields[i], sep);
    return l + "\n";
  };
  std::string csv = line({"prenom", "nom", "metier", "domaine", "employeur", "commune", "niveau", "parcours",
                          "citation", "cliche", "video", "photo", "consentement", "publie"});
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto& p = people[i];
    csv +=
        line({p.first, p.last, p.job, p.domain, p.employer, p.commune, p.level ? std::to_string(p.level) : "", p.path,
              p.quote, p.cliche, p.video, "portrait-" + std::to_string(i + 1) + ".png", p.consents, p.published});
  }
  return csv;
}

bool campaign_has_portraits(store::Store& s, long long territory_id, const std::string& name) {
  for (const auto& c : store::campaigns_of(s, territory_id)) {
    if (c.name != name) continue;
    store::PortraitFilter f;
    f.territory_id = territory_id;
    f.published_only = false;
    f.campaign_id = c.id;
    f.per_page = 1;
    return store::portraits_matching(s, f).total > 0;
  }
  return false;
}

void import_campaign(store::Store& s, const std::string& slug, const std::string& name,
                     std::vector<DemoPortrait> (*people_of)(store::Store&, long long), std::ostream& out) {
  auto t = store::territory_by_slug(s, slug);
  if (!t || campaign_has_portraits(s, t->id, name)) return;
  const auto started = std::chrono::steady_clock::now();
  std::vector<DemoPortrait> people = people_of(s, t->id);
  fs::path dir = fs::temp_directory_path() / ("passerelles-demo-portraits-" + std::to_string(::getpid()) + "-" + slug);
  fs::create_directories(dir);
  // Drawn on a few threads (each with its own surface; pango's font map is per thread).
  std::atomic<std::size_t> next{0};
  auto draw = [&] {
    for (std::size_t i = next++; i < people.size(); i = next++) {
      std::ofstream f(dir / ("portrait-" + std::to_string(i + 1) + ".png"), std::ios::binary);
      f << avatar_png(people[i].first, people[i].last, i);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::clamp(std::thread::hardware_concurrency(), 1u, 4u); ++t) pool.emplace_back(draw);
  draw();
  for (auto& t : pool) t.join();
  auto report = store::import_portraits_csv(s, t->id, name, campaign_csv(people), dir.string(), kBy);
  std::error_code ec;
  fs::remove_all(dir, ec);
  // Two drafts become requests waiting for the coordinator's validation.
  store::PortraitFilter drafts;
  drafts.territory_id = t->id;
  drafts.published_only = false;
  drafts.status = "draft";
  drafts.per_page = 2;
  for (const auto& p : store::portraits_matching(s, drafts).rows)
    store::set_portrait_status(s, t->id, p.id, "submitted", kBy);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << "demo: campaign « " << name << " » in " << slug << ": " << report.created << " portraits, " << report.photos
      << " photos, " << report.rejected << " rejected (" << std::fixed << std::setprecision(1) << seconds << " s)\n";
  if (!report.error.empty()) out << "demo: " << report.error << "\n";
  for (const auto& e : report.errors) out << "demo: " << e << "\n";
}

// The demo ambassador's own portrait, drafted from her profile and sent for validation.
void ambassador_portrait(store::Store& s, const std::string& slug, std::ostream& out) {
  auto u = store::user_by_email(s, "ambassadrice@" + slug + ".demo");
  if (!u) return;
  auto a = store::ambassador_of_user(s, u->id);
  if (!a || a->job_title.empty() || !store::portraits_of_ambassador(s, a->territory_id, a->id).empty()) return;
  domain::Portrait p = domain::portrait_from_ambassador(*a);
  p.quote = "Je témoigne parce qu'à quatorze ans, j'aurais aimé rencontrer quelqu'un comme moi.";
  auto saved = store::insert_portrait(s, p, kBy);
  if (!saved.ok()) return;
  store::set_portrait_status(s, a->territory_id, saved.id, "submitted", kBy);
  out << "demo: portrait of " << u->email << " waiting for validation\n";
}

}  // namespace

void demo_portraits(store::Store& s, std::ostream& out) {
  import_campaign(s, "cmq-msi-bfc", "Femmes et Microtechniques 2019", microtech_campaign, out);
  import_campaign(s, "ti-flandre-saint-omer", "Elles font l’industrie — Flandre", flandre_campaign, out);
  for (const char* slug : {"cmq-msi-bfc", "ti-flandre-saint-omer"}) ambassador_portrait(s, slug, out);
}

}  // namespace passerelles::cli
