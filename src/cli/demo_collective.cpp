// The demo's collective, written through store/ambassadors.hpp like a coordinator and the members would: see
// demo_collective.hpp.
#include "cli/demo_collective.hpp"

#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "store/ambassadors.hpp"
#include "store/row.hpp"
#include "store/schools.hpp"

namespace passerelles::cli {

namespace {

const store::Author kBy{0, "demo"};
constexpr int kMembers = 26;  // per territory, the demo ambassador included: 21 active, 2 invited, 3 applicants
constexpr int kActive = 20, kInvited = 2;

struct Job {
  const char* domain;
  const char* title;
  const char* diploma;  // her first diploma
  int level;
};

struct DemoCollective {
  std::string slug;
  std::vector<Job> jobs;
  std::vector<std::string> communes;  // INSEE codes of the territory
  std::vector<std::string> employers;
  std::vector<std::string> schools;  // where she trained
};

std::vector<DemoCollective> collectives() {
  DemoCollective cmq;
  cmq.slug = "cmq-msi-bfc";
  cmq.jobs = {
      {"microtechnique", "Technicienne en microtechnique", "Bac pro Microtechniques", 4},
      {"usinage", "Usineuse sur commande numérique", "Bac pro Technicien en réalisation de produits mécaniques", 4},
      {"microtechnique", "Horlogère", "CAP Horlogerie", 3},
      {"usinage", "Régleuse en décolletage", "CAP Conducteur d’installations de production", 3},
      {"mecanique", "Ingénieure en conception mécanique", "Bac STI2D", 4},
      {"electronique", "Technicienne en électronique", "BTS Systèmes numériques", 5},
      {"qualite", "Métrologue", "BUT Mesures physiques", 6},
      {"numerique", "Automaticienne", "BTS Conception et réalisation de systèmes automatiques", 5}};
  cmq.communes = {"25056", "25388", "90010", "39198", "25462", "39300", "25411", "21231", "71076", "39478"};
  cmq.employers = {"Horlogerie Fictive du Haut-Doubs", "Microdécolletage Imaginaire de Cluses-Jura",
                   "Précision Démo Besançon",          "Capteurs Fictifs de Franche-Comté",
                   "Usinage Exemple de Montbéliard",   "Laboratoire Démo de Micro-robotique"};
  cmq.schools = {"Lycée Démo Jules Haag", "Lycée Fictif Edgar Faure", "IUT Démo de Besançon-Vesoul",
                 "École d’ingénieurs Imaginaire de Besançon"};

  DemoCollective ti;
  ti.slug = "ti-flandre-saint-omer";
  ti.jobs = {{"verre", "Conductrice de four verrier", "Bac pro Pilote de ligne de production", 4},
             {"maintenance", "Technicienne de maintenance industrielle", "Bac pro MELEC", 4},
             {"plasturgie", "Régleuse en plasturgie", "Bac pro Plastiques et composites", 4},
             {"verre", "Technicienne verrière", "CAP Arts et techniques du verre", 3},
             {"maintenance", "Électromécanicienne", "BTS Maintenance des systèmes", 5},
             {"logistique", "Responsable logistique", "BUT Qualité, logistique industrielle et organisation", 6},
             {"chimie", "Conductrice de ligne en papeterie",
              "Bac pro Procédés de la chimie, de l’eau et des papiers-cartons", 4},
             {"energie", "Électricienne industrielle", "CAP Électricien", 3}};
  ti.communes = {"62765", "62040", "59295"};
  ti.employers = {"Verrerie Fictive de l’Audomarois", "Papeterie Démo de l’Aa", "Métallerie Imaginaire de Flandre",
                  "Agroalimentaire Exemple d’Arques"};
  ti.schools = {"Lycée Démo de la Vallée de l’Aa", "Lycée Fictif Blaise Pascal", "IUT Démo du Littoral",
                "CFA Imaginaire de l’Industrie"};
  return {cmq, ti};
}

// Invented names: no real person is meant.
const std::vector<std::string> kFirst = {
    "Adélaïde", "Bleuenn",  "Clémence", "Domitille", "Eugénie", "Flavie",  "Garance", "Héloïse",   "Isaure",
    "Jeanne",   "Klervi",   "Lison",    "Margaux",   "Nolwenn", "Ophélie", "Pauline", "Quitterie", "Rosalie",
    "Séverine", "Tiphaine", "Ursule",   "Valentine", "Wendy",   "Yaëlle",  "Zoé"};
const std::vector<std::string> kLast = {"Aubrelin",   "Bellefond", "Chanterive", "Dumoulinet",    "Estavel",
                                        "Fougerolle", "Grandvaux", "Hautecombe", "Isembart",      "Jolicoeur",
                                        "Kervanec",   "Lormeau",   "Mirebelle",  "Noirefontaine", "Orvillard"};

// The validated actions of the territory starting between the days `from` and `to`, latest first.
std::vector<long long> actions_between(store::Store& s, long long territory_id, const std::string& from,
                                       const std::string& to) {
  return s.read([&](soci::session& sql) {
    std::vector<long long> out;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT id FROM actions WHERE territory_id = :t AND status = 'validated' AND starts_on >= :f "
                        "AND starts_on <= :to ORDER BY starts_on DESC, id",
         soci::use(territory_id), soci::use(from), soci::use(to));
    for (const auto& r : rows) out.push_back(store::col_ll(r, 0));
    return out;
  });
}

// Links a member's account to an action (who took part does not change what the action counts).
void took_part(store::Store& s, long long action_id, long long user_id) {
  s.write([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM action_ambassadors WHERE action_id = :a AND user_id = :u", soci::use(action_id),
        soci::use(user_id), soci::into(n);
    if (n == 0)
      sql << "INSERT INTO action_ambassadors (action_id, user_id) VALUES (:a, :u)", soci::use(action_id),
          soci::use(user_id);
  });
}

// The profile of the i-th demo member of a territory.
domain::Ambassador profile(const DemoCollective& dc, long long territory_id, int i, const std::string& today,
                           store::Store& s) {
  const Job& job = dc.jobs[static_cast<std::size_t>(i) % dc.jobs.size()];
  domain::Ambassador a;
  a.territory_id = territory_id;
  a.first_name = kFirst[static_cast<std::size_t>(i) % kFirst.size()];
  a.last_name = kLast[static_cast<std::size_t>(i * 7 + 3) % kLast.size()];
  a.email = domain::slugify(a.first_name) + "." + domain::slugify(a.last_name) + "@membres." + dc.slug + ".example";
  a.job_title = job.title;
  a.domain = job.domain;
  a.employer_name = dc.employers[static_cast<std::size_t>(i) % dc.employers.size()];
  a.phone = "06 00 00 " + std::string(i < 10 ? "0" : "") + std::to_string(i) + " 00";
  a.languages = {"fr"};
  if (i % 4 == 0) a.languages.push_back("en");
  if (i % 7 == 3) a.languages.push_back("de");
  std::string insee = dc.communes[static_cast<std::size_t>(i) % dc.communes.size()];
  if (store::commune_by_insee(s, insee)) a.home_commune_insee = insee;
  a.max_km = 20 + (i % 5) * 10;
  static const std::vector<std::string> slots = {"mon-am", "mon-pm", "tue-am", "tue-pm", "wed-am",
                                                 "wed-pm", "thu-am", "thu-pm", "fri-am", "fri-pm"};
  for (std::size_t k = 0; k < slots.size(); ++k)
    if ((k + static_cast<std::size_t>(i)) % 3 == 0) a.weekly.push_back(slots[k]);
  a.days_off = {domain::add_days(today, 20 + i), domain::add_days(today, 21 + i)};
  a.max_per_month = 1 + i % 4;
  a.offers = {"talk"};
  if (i % 2 == 0) a.offers.push_back("visit");
  if (i % 3 == 0) a.offers.push_back("forum");
  if (i % 5 == 0) a.offers.push_back("mentor");
  a.consents = {"job", "path", "quote", "cliche"};
  if (i % 2 == 0) a.consents.insert(a.consents.begin(), "name");
  if (i % 3 == 0) a.consents.push_back("photo");
  int year = 2008 + i % 12;
  a.path.push_back({job.diploma, job.level, year, dc.schools[static_cast<std::size_t>(i) % dc.schools.size()]});
  if (job.level < 5 && i % 2 == 0)
    a.path.push_back(
        {"BTS en alternance", 5, year + 2, dc.schools[(static_cast<std::size_t>(i) + 1) % dc.schools.size()]});
  if (job.level >= 5 && i % 3 == 1) a.path.push_back({"Diplôme d’ingénieur", 7, year + 3, dc.schools.back()});
  a.digest = i % 6 != 5;
  return a;
}

// Invites and accepts for her (as she would through the e-mailed link), then saves her full profile. Returns her
// row id and user id.
std::pair<long long, long long> join(store::Store& s, const domain::Ambassador& a, const std::string& hash) {
  auto inv = store::invite_ambassador(s, a.territory_id, a, kBy);
  if (!inv.result.ok()) return {0, 0};
  auto acc = store::accept_invitation(s, inv.token, hash, store::now_unix());
  if (!acc.ok()) return {inv.ambassador_id, 0};
  domain::Ambassador full = a;
  full.id = inv.ambassador_id;
  store::update_ambassador(s, full, kBy);
  return {inv.ambassador_id, acc.id};
}

void backdate_join(store::Store& s, long long ambassador_id, long long joined_at) {
  s.write([&](soci::session& sql) {
    sql << "UPDATE ambassadors SET joined_at = :j, charter_accepted_at = :c WHERE id = :id", soci::use(joined_at),
        soci::use(joined_at), soci::use(ambassador_id);
  });
}

}  // namespace

void demo_ambassadors(store::Store& s, std::ostream& out) {
  long long now = store::now_unix();
  std::string today = domain::paris_day(now);
  // Their accounts exist (actions may name them) but nobody knows their password.
  const std::string nobody = http::hash_password(http::random_token(32));
  for (const auto& dc : collectives()) {
    auto t = store::territory_by_slug(s, dc.slug);
    if (!t) continue;
    long long existing = s.read([&](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM ambassadors WHERE territory_id = :t", soci::use(t->id), soci::into(n);
      return n;
    });
    if (existing) continue;
    auto recent = actions_between(s, t->id, domain::add_days(today, -85), today);
    auto older = actions_between(s, t->id, domain::add_days(today, -400), domain::add_days(today, -120));
    int linked = 0;

    // The demo ambassador's own account: an active profile that publishes everything.
    if (auto u = store::user_by_email(s, "ambassadrice@" + dc.slug + ".demo")) {
      domain::Ambassador me = profile(dc, t->id, 0, today, s);
      me.first_name = "Camille";
      me.last_name = "Démo";
      me.email = u->email;
      me.consents.clear();
      for (const auto& c : domain::consent_fields()) me.consents.emplace_back(c.code);
      auto [id, uid] = join(s, me, nobody);
      if (id) backdate_join(s, id, now - 400LL * 86400);
      (void)uid;
    }
    for (int i = 1; i < kMembers; ++i) {
      domain::Ambassador a = profile(dc, t->id, i, today, s);
      if (i <= kActive) {
        auto [id, uid] = join(s, a, nobody);
        if (!id || !uid) continue;
        // Three newcomers (40, 25 and 10 days ago); the others joined one to three years ago.
        long long days = i >= kActive - 2 ? 10 + (kActive - i) * 15 : 365 + i * 30;
        backdate_join(s, id, now - days * 86400);
        // Members 1–9 took part in recent actions (active), 10–13 only in older ones (dormant), the others in none.
        if (i <= 9 && !recent.empty()) {
          for (int k = 0; k < 1 + i % 3; ++k, ++linked)
            took_part(s, recent[static_cast<std::size_t>(i * 3 + k) % recent.size()], uid);
        } else if (i <= 13 && !older.empty()) {
          took_part(s, older[static_cast<std::size_t>(i) % older.size()], uid);
          ++linked;
        }
      } else if (i <= kActive + kInvited) {
        store::invite_ambassador(s, t->id, a, kBy);
      } else {
        a.motivation =
            "J’aimerais montrer aux collégiennes que l’on peut s’épanouir dans un atelier : "
            "j’ai moi-même découvert ce métier par hasard, lors d’un stage de troisième.";
        store::insert_application(s, t->id, a);
      }
    }
    out << "demo: collective of " << dc.slug << ": " << kMembers << " members (" << kActive + 1 << " active, "
        << kInvited << " invited, " << kMembers - 1 - kActive - kInvited << " applications), " << linked
        << " action participations\n";
  }
}

}  // namespace passerelles::cli
