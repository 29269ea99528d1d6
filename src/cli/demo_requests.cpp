// The demo's intervention requests, written through store/requests.hpp and store/matching.hpp as teachers and a
// coordinator would: see demo_requests.hpp.
#include "cli/demo_requests.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "domain/collective.hpp"
#include "domain/matching.hpp"
#include "domain/plan.hpp"
#include "domain/request.hpp"
#include "store/accounts.hpp"
#include "store/assignments.hpp"
#include "store/matching.hpp"
#include "store/requests.hpp"
#include "store/row.hpp"

namespace passerelles::cli {

namespace {

const store::Author kBy{0, "demo"};

struct Point {
  long long id = 0;
  double lat = 0, lon = 0;
  std::string domain;  // the nearest ambassador's, for schools
  double km = 0;       // to the nearest ambassador
};

// Active ambassadors' homes, and the territory's schools with coordinates (at most 3000).
std::vector<Point> ambassador_homes(store::Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<Point> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT a.id, c.lat, c.lon, a.domain FROM ambassadors a JOIN communes c ON c.insee = "
                        "a.home_commune_insee WHERE a.territory_id = :t AND a.status = 'active' AND c.lat IS NOT NULL "
                        "AND c.lon IS NOT NULL ORDER BY a.id",
         soci::use(territory_id));
    for (const auto& r : rs)
      out.push_back({store::col_ll(r, 0), store::col_dbl(r, 1), store::col_dbl(r, 2), store::col_str(r, 3), 0});
    return out;
  });
}

std::vector<Point> schools_near(store::Store& s, const std::vector<std::string>& departments,
                                const std::vector<Point>& homes) {
  std::vector<Point> out;
  s.read([&](soci::session& sql) {
    for (const auto& d : departments) {
      soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, lat, lon FROM schools WHERE department = :d AND lat IS "
                                                   "NOT NULL AND lon IS NOT NULL ORDER BY id LIMIT 1000",
                                    soci::use(d));
      for (const auto& r : rs) out.push_back({store::col_ll(r, 0), store::col_dbl(r, 1), store::col_dbl(r, 2), "", 0});
    }
  });
  for (auto& p : out) {
    p.km = std::numeric_limits<double>::max();
    for (const auto& h : homes) {
      double km = domain::matching::distance_km(p.lat, p.lon, h.lat, h.lon);
      if (km < p.km) {
        p.km = km;
        p.domain = h.domain;
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Point& a, const Point& b) { return a.km < b.km; });
  return out;
}

}  // namespace

void demo_requests(store::Store& s, std::ostream& out) {
  const long long now = store::now_unix();
  const std::string today = domain::paris_day(now);
  const std::vector<std::string> teachers = {"Claire Fontaine", "Nadia Berthet", "Julien Moreau",  "Sophie Garnier",
                                             "Karim Haddad",    "Élodie Perrin", "Marc Vuillemin", "Aïcha Diallo",
                                             "Hélène Roux",     "Thomas Girard", "Inès Lambert",   "Paul Mercier"};
  for (const std::string slug : {"cmq-msi-bfc", "ti-flandre-saint-omer"}) {
    auto t = store::territory_by_slug(s, slug);
    if (!t) continue;
    store::RequestFilter existing;
    existing.territory_id = t->id;
    if (store::requests_matching(s, existing).total != 0) continue;
    auto homes = ambassador_homes(s, t->id);
    auto schools = schools_near(s, t->departments, homes);
    if (homes.empty() || schools.size() < 12) continue;

    const auto& kinds = domain::request_kinds();
    const auto& levels = domain::class_levels();
    int made = 0;
    for (int i = 0; i < 12; ++i) {
      // Eleven schools near the ambassadors (every other one, so they differ), and the farthest one.
      const Point& school = i < 11 ? schools[std::min<std::size_t>(2 * i, schools.size() - 2)] : schools.back();
      domain::InterventionRequest r;
      r.school_id = school.id;
      r.contact_name = teachers[i];
      r.email = "prof" + std::to_string(i + 1) + "@college." + slug + ".example";
      r.role = i % 3 == 0 ? "Professeure de technologie" : i % 3 == 1 ? "Professeur principal" : "Psy-EN";
      r.kind = std::string(kinds[i % 7 == 1   ? 1
                                 : i % 7 == 3 ? 3
                                 : i % 7 == 4 ? 2
                                 : i % 7 == 6 ? kinds.size() - 1
                                              : 0]
                               .code);
      r.class_levels = {std::string(levels[i % 7].code)};
      r.girls = 8 + (i * 5) % 9;
      r.boys = 9 + (i * 3) % 8;
      r.needed = i == 2 || i == 7 ? 2 : 1;
      if (i % 4 != 1 && !school.domain.empty()) r.domains = {school.domain};
      std::string from = domain::add_days(today, 7 + 3 * i), to = domain::add_days(today, 11 + 3 * i);
      r.dates_text = i % 2 == 0 ? from + ".." + to : from + "\n" + domain::add_days(from, 2);
      r.message = i == 11 ? "Nous sommes loin de tout : une visio serait aussi possible." : "";
      domain::normalise(r);
      if (!domain::validate(r, today).empty()) continue;
      auto ins = store::insert_request(s, r);
      if (!ins.result.ok()) continue;
      store::confirm_request(s, ins.token, now);
      ++made;
    }
    auto run = store::run_matching(s, t->id, today, kBy);
    // The coordinator accepts the first proposals; the first invited ambassador accepts at once.
    std::vector<long long> first;
    for (const auto& p : store::proposals_of(s, t->id))
      if (first.size() < 4) first.push_back(p.id);
    auto invited = store::accept_proposals(s, t->id, first, kBy);
    if (!invited.empty()) store::accept_assignment(s, invited.front(), now);
    out << "demo: requests of " << slug << ": " << made << " confirmed, " << run.proposals << " proposals ("
        << invited.size() << " accepted by the coordinator), " << run.unfilled_places
        << (run.unfilled_places == 1 ? " place" : " places") << " left unfilled\n";
  }
}

}  // namespace passerelles::cli
