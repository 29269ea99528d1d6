// `passerelles demo`: two demo territories modelled on the two source documents, with the real collèges of
// their départements (or fictional ones in real communes when the data folder is absent), fictional
// companies, labs, associations and people, and one account per role. Idempotent; --reset starts over.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/demo_actions.hpp"
#include "cli/demo_collective.hpp"
#include "cli/demo_events.hpp"
#include "cli/demo_funnel.hpp"
#include "cli/demo_kit.hpp"
#include "cli/demo_mentoring.hpp"
#include "cli/demo_opportunities.hpp"
#include "cli/demo_portraits.hpp"
#include "cli/demo_requests.hpp"
#include "cli/demo_surveys.hpp"
#include "domain/directory.hpp"
#include "domain/text.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "store/directory.hpp"
#include "store/reference_import.hpp"
#include "store/school_import.hpp"
#include "store/schools.hpp"

namespace passerelles::cli {

namespace {

constexpr const char* kDemoPassword = "demo-passerelles";

struct DemoTerritory {
  domain::Territory t;
  std::vector<std::string> companies;
  std::vector<std::string> labs;
  std::vector<std::string> associations;
  std::string prescriber;
  std::string public_body;
  std::vector<std::string> communes;  // INSEE codes the organisations are spread over
};

std::vector<DemoTerritory> demo_territories() {
  DemoTerritory cmq;
  cmq.t.slug = "cmq-msi-bfc";
  cmq.t.name = "CMQ Microtechniques et Systèmes intelligents — collectif Femmes Sciences et Techniques (démo)";
  cmq.t.kind = "cmq";
  cmq.t.departments = {"021", "025", "039", "058", "070", "071", "089", "090"};
  cmq.t.academy = "Besançon";
  cmq.t.description =
      "Collectif de femmes de la filière microtechnique créé un 8 mars, qui témoigne dans les collèges et lycées de "
      "Bourgogne-Franche-Comté (données fictives).";
  cmq.t.road_factor = 1.3;
  cmq.companies = {"Horlogerie Fictive du Haut-Doubs", "Microdécolletage Imaginaire de Cluses-Jura",
                   "Précision Démo Besançon",          "Capteurs Fictifs de Franche-Comté",
                   "Usinage Exemple de Montbéliard",   "Médical Micro Démo",
                   "Optique Imaginaire de Morteau",    "Ressorts Fictifs du Jura"};
  cmq.labs = {"Laboratoire Démo de Micro-robotique", "Plateforme Fictive de Métrologie"};
  cmq.associations = {"Association Ingénieuses en Herbe (fictive)", "Réseau Filles et Techniques (fictif)"};
  cmq.prescriber = "Agence emploi Démo de Besançon";
  cmq.public_body = "Rectorat — mission Égalité (démo)";
  // In the order organisations are added: companies, labs, associations, prescriber, public body.
  cmq.communes = {"25462", "39478", "25056", "90010", "25388", "39300", "25411",
                  "39198", "25056", "21231", "25056", "71076", "25056", "25056"};

  DemoTerritory ti;
  ti.t.slug = "ti-flandre-saint-omer";
  ti.t.name = "Territoire d’Industrie Flandre – Pays de Saint-Omer (démo)";
  ti.t.kind = "industry_territory";
  ti.t.departments = {"059", "062"};
  ti.t.academy = "Lille";
  ti.t.description =
      "Plan d’actions pour l’attractivité des emplois industriels et la féminisation des filières, avec le CMQ "
      "Industrie et Transition Numérique (données fictives).";
  ti.t.road_factor = 1.25;
  ti.companies = {"Verrerie Fictive de l’Audomarois", "Papeterie Démo de l’Aa", "Métallerie Imaginaire de Flandre",
                  "Agroalimentaire Exemple d’Arques"};
  ti.labs = {"Laboratoire Fictif des Matériaux du Littoral"};
  ti.associations = {"Association Avenir au Féminin (fictive)"};
  ti.prescriber = "Mission Locale Démo de Saint-Omer";
  ti.public_body = "Communauté d’agglomération Démo";
  ti.communes = {"62040", "62765", "59295", "62040", "62765", "62765", "62765", "62765"};
  return {cmq, ti};
}

// Invented names: no real person is meant.
const std::vector<std::string> kFirstNames = {"Amandine", "Bérénice", "Capucine", "Delphine",  "Élodie",  "Faustine",
                                              "Gwladys",  "Hortense", "Inès",     "Joséphine", "Katell",  "Léonie",
                                              "Maëlys",   "Noémie",   "Océane",   "Perrine",   "Romane",  "Solène",
                                              "Thaïs",    "Ysaline",  "Bastien",  "Corentin",  "Anatole", "Lilou"};
const std::vector<std::string> kLastNames = {"Vallombreuse", "Fertoise", "Brumelle",   "Quillandre", "Morvanel",
                                             "Sauvageon",    "Estrelin", "Dorvalle",   "Cavernay",   "Bricomte",
                                             "Lanternier",   "Pivoisne", "Rochebrune", "Tournesac",  "Verdelais"};

std::string demo_email(const std::string& first, const std::string& last, const std::string& domain) {
  return domain::slugify(first) + "." + domain::slugify(last) + "@" + domain;
}

long long add_user(store::Store& s, const std::string& email, const std::string& name, domain::Role role,
                   long long territory_id, const std::string& hash) {
  if (auto u = store::user_by_email(s, email)) return u->id;
  domain::User u;
  u.email = email;
  u.display_name = name;
  u.role = role;
  u.territory_id = role == domain::Role::admin ? 0 : territory_id;
  return store::insert_user(s, u, hash);
}

// Fictional collèges in real communes, for a machine without the data folder.
int fictional_schools(store::Store& s, const std::vector<std::string>& departments) {
  int n = 0;
  const std::vector<std::string> names = {"Jules Verne",   "Marie Curie",        "Simone Veil", "Victor Hugo",
                                          "Louise Michel", "Irène Joliot-Curie", "Jean Moulin", "Olympe de Gouges"};
  for (const auto& d3 : departments) {
    std::string d2 = d3.size() == 3 && d3[0] == '0' ? d3.substr(1) : d3;
    std::vector<std::pair<std::string, std::string>> communes;  // insee, name
    s.read([&](soci::session& sql) {
      std::string insee, name;
      soci::statement st = (sql.prepare << "SELECT insee, name FROM communes WHERE department = :d ORDER BY "
                                           "population DESC LIMIT 8",
                            soci::use(d2), soci::into(insee), soci::into(name));
      st.execute();
      while (st.fetch()) communes.emplace_back(insee, name);
    });
    s.write([&](soci::session& sql) {
      for (std::size_t i = 0; i < communes.size(); ++i) {
        domain::School sc;
        char digits[16];
        std::snprintf(digits, sizeof digits, "%s%04d", d3.c_str(), 9000 + static_cast<int>(i));
        sc.uai = std::string(digits) + "ABCDEFGHJKLMNPRSTUVWXYZ"[std::stol(digits) % 23];
        sc.name = "Collège " + names[i % names.size()] + " (fictif)";
        sc.kind = "college";
        sc.sector = "public";
        sc.commune_insee = communes[i].first;
        sc.commune_name = communes[i].second;
        sc.department = d3;
        sc.source = "demo";
        store::upsert_school(sql, sc);
        ++n;
      }
    });
  }
  return n;
}

}  // namespace

int cmd_demo(const config::Config& cfg, const DemoOptions& opts) {
  auto store = store::Store::open(cfg.db, 2);
  store->ensure_current();
  if (opts.reset) store->truncate_all_for_tests();
  namespace fs = std::filesystem;
  const fs::path data(cfg.data_dir);
  const bool have_data = fs::exists(data / "schools");

  long long communes = 0, schools = 0, rome = 0;
  store->read([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM communes", soci::into(communes);
    sql << "SELECT COUNT(*) FROM schools", soci::into(schools);
    sql << "SELECT COUNT(*) FROM rome_codes", soci::into(rome);
  });
  if (communes == 0) {
    auto r = store::import_communes(*store, cfg.data_dir);
    std::cout << "demo: communes " << (r.ok() ? "imported" : "not imported: " + r.error) << "\n";
  }
  if (rome == 0 && fs::exists(data / "metiers")) {
    auto r = store::import_rome(*store, cfg.data_dir);
    std::cout << "demo: ROME " << (r.ok() ? "imported" : "not imported: " + r.error) << "\n";
  }
  auto territories = demo_territories();
  if (schools == 0) {
    if (have_data && fs::exists(data / "schools/geoloc-colleges-france_2024.csv")) {
      std::ifstream in(data / "schools/geoloc-colleges-france_2024.csv", std::ios::binary);
      auto r = store::import_schools(*store, in, {}, "geoloc-colleges-france_2024.csv");
      std::cout << "demo: " << r.inserted << " real collèges imported from the data folder\n";
    } else {
      int n = 0;
      for (const auto& dt : territories) n += fictional_schools(*store, dt.t.departments);
      std::cout << "demo: no data folder (" << cfg.data_dir << "): " << n
                << " fictional collèges created in real communes\n";
    }
  }

  if (store::territory_by_slug(*store, "cmq-msi-bfc")) {
    std::cout << "demo: already present (use --reset to start over)\n";
    return 0;
  }
  const std::string hash = http::hash_password(kDemoPassword);
  add_user(*store, "admin@passerelles.demo", "Administratrice de la fédération", domain::Role::admin, 0, hash);
  std::size_t person_index = 0;
  for (auto& dt : territories) {
    long long tid = store::insert_territory(*store, dt.t);
    const std::string& slug = dt.t.slug;
    add_user(*store, "coordinatrice@" + slug + ".demo", "Coordinatrice " + slug, domain::Role::coordinator, tid, hash);
    add_user(*store, "ambassadrice@" + slug + ".demo", "Ambassadrice " + slug, domain::Role::ambassador, tid, hash);
    add_user(*store, "financeur@" + slug + ".demo", "Financeur " + slug, domain::Role::viewer, tid, hash);
    add_user(*store, "enseignant@" + slug + ".demo", "Contact établissement " + slug, domain::Role::school_contact, tid,
             hash);
    add_user(*store, "rh@" + slug + ".demo", "Contact entreprise " + slug, domain::Role::company_contact, tid, hash);
    add_user(*store, "conseiller@" + slug + ".demo", "Prescripteur " + slug, domain::Role::prescriber, tid, hash);

    store::Author by{0, "demo"};
    std::vector<long long> org_ids;
    auto add_org = [&](const std::string& kind, const std::string& name, const std::string& uai = "") {
      domain::Organisation o;
      o.territory_id = tid;
      o.kind = kind;
      o.name = name;
      o.uai = uai;
      if (uai.empty() && !dt.communes.empty()) {
        o.commune_insee = dt.communes[org_ids.size() % dt.communes.size()];
        if (auto commune = store::commune_by_insee(*store, o.commune_insee)) {
          o.lat = commune->lat;
          o.lon = commune->lon;
        } else {
          o.commune_insee.clear();  // no communes imported (no data folder and no npm package)
        }
      }
      o.website = "https://" + domain::slugify(name) + ".example";
      o.email = "contact@" + domain::slugify(name) + ".example";
      auto r = store::insert_organisation(*store, o, by);
      if (r.ok()) org_ids.push_back(r.id);
      return r.ok() ? r.id : 0;
    };
    for (const auto& n : dt.companies) add_org("company", n);
    for (const auto& n : dt.labs) add_org("lab", n);
    for (const auto& n : dt.associations) add_org("association", n);
    add_org("prescriber", dt.prescriber);
    add_org("public_body", dt.public_body);
    // A few partner collèges of the territory, from the directory.
    store::SchoolFilter f;
    f.departments = dt.t.departments;
    f.per_page = 6;
    for (const auto& sc : store::schools_matching(*store, f).rows) {
      long long id = add_org("school", sc.name, sc.uai);
      if (!id) continue;
      if (auto o = store::org_by_id(*store, tid, id)) {
        o->commune_insee = sc.commune_insee;
        o->lat = sc.lat;
        o->lon = sc.lon;
        store::update_organisation(*store, *o, by);
      }
    }

    const std::vector<std::pair<std::string, std::string>> jobs = {{"Technicienne de maintenance", "technician"},
                                                                   {"Ingénieure méthodes", "engineer"},
                                                                   {"Responsable RH", "hr"},
                                                                   {"Professeure de technologie", "teacher"},
                                                                   {"Opératrice sur commande numérique", "technician"},
                                                                   {"Chercheuse en microsystèmes", "researcher"}};
    for (std::size_t i = 0; i < org_ids.size() * 2; ++i, ++person_index) {
      domain::Person p;
      p.territory_id = tid;
      p.organisation_id = org_ids[i % org_ids.size()];
      p.first_name = kFirstNames[person_index % kFirstNames.size()];
      p.last_name = kLastNames[(person_index * 7 + 3) % kLastNames.size()];
      p.email = demo_email(p.first_name, p.last_name, slug + ".example");
      const auto& job = jobs[person_index % jobs.size()];
      p.job_title = job.first;
      p.roles = {job.second};
      store::insert_person(*store, p, by);
    }
    std::cout << "demo: territory " << slug << " with " << org_ids.size() << " organisations\n";
  }
  demo_actions(*store);      // action plans and two school years of actions
  demo_surveys(*store);      // questionnaires and anonymous answers on recent actions
  demo_events(*store);       // upcoming events with bookings
  demo_ambassadors(*store);  // the collective's members, invitations and applications
  demo_portraits(*store);    // portrait campaigns imported from CSV with generated photos
  demo_kit(*store);          // the discourse kit's pages and resources, internal networks
  demo_requests(*store);     // teachers' intervention requests, a matching run and its first proposals accepted
  // -- issue 7 demo --
  demo_opportunities(*store);  // offers of every kind and a dozen applications in various states
  demo_mentoring(*store);      // mentoring programmes, applications, vouches, consents, pairs and messages
  demo_funnel(*store);         // companies' hires of last year and this year (the share of women among hires)
  std::cout << "demo: accounts (password " << kDemoPassword
            << "): admin@passerelles.demo, coordinatrice@cmq-msi-bfc.demo, "
               "coordinatrice@ti-flandre-saint-omer.demo, and ambassadrice@…, financeur@…, enseignant@…, rh@…, "
               "conseiller@… for each territory\n";
  return 0;
}

}  // namespace passerelles::cli
