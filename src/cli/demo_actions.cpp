// The demo's action plan (through store/plan.hpp, like a coordinator would) and its actions (through the history
// generator, in bulk): see demo_actions.hpp.
#include "cli/demo_actions.hpp"

#include <chrono>

#include "cli/history.hpp"
#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/directory.hpp"
#include "store/plan.hpp"

namespace passerelles::cli {

namespace {

struct DemoPlan {
  std::string slug;
  std::string region;      // the regional council that pays for the first two initiatives
  std::string foundation;  // the second funder
  // Yearly targets per standard initiative: actions, people reached, girls, schools reached.
  std::array<std::array<long long, 4>, 4> targets;
};

const std::vector<DemoPlan>& demo_plans() {
  static const std::vector<DemoPlan> v = {
      {"cmq-msi-bfc",
       "Région Bourgogne-Franche-Comté (démo)",
       "Fondation Démo pour l’égalité dans l’industrie",
       {{{95, 2100, 900, 45}, {55, 1300, 560, 28}, {30, 420, 230, 10}, {30, 650, 280, 12}}}},
      {"ti-flandre-saint-omer",
       "Région Hauts-de-France (démo)",
       "FSE+ — appel à projets Égalité professionnelle (démo)",
       {{{90, 2000, 860, 40}, {60, 1400, 600, 30}, {25, 380, 200, 8}, {35, 700, 300, 14}}}},
  };
  return v;
}

std::vector<domain::Organisation> orgs_of_kind(store::Store& s, long long territory_id, const std::string& kind) {
  store::DirectoryFilter f;
  f.kind = kind;
  f.per_page = store::kMaxPerPage;
  return store::organisations_matching(s, territory_id, f).rows;
}

long long first_id(const std::vector<domain::Organisation>& list) {
  return list.empty() ? 0 : list.front().id;
}

// The four standard initiatives with this year's and last year's targets, two fundings (the first ending within
// 45 days of today), two partnerships. Returns the initiative ids in plan order.
std::vector<long long> add_plan(store::Store& s, long long tid, const DemoPlan& p, const std::string& today) {
  const store::Author by{0, "demo"};
  const auto companies = orgs_of_kind(s, tid, "company");
  const auto associations = orgs_of_kind(s, tid, "association");
  const auto prescribers = orgs_of_kind(s, tid, "prescriber");
  const auto labs = orgs_of_kind(s, tid, "lab");
  const int year = std::stoi(today.substr(0, 4));
  static const std::array<const char*, 4> kIndicators = {"actions", "people_reached", "girls", "schools_reached"};

  std::vector<long long> ids;
  const auto& standard = standard_initiatives();
  for (std::size_t k = 0; k < standard.size(); ++k) {
    domain::Initiative i;
    i.territory_id = tid;
    i.axis = standard[k].axis;
    i.name = standard[k].name;
    i.objective = standard[k].objective;
    i.audiences = standard[k].audiences;
    i.position = static_cast<int>(k + 1);
    // Lead: the association for testimonies and mentoring, a company for visits, the prescriber for internships.
    i.lead_organisation_id = k == 1 ? first_id(companies) : k == 3 ? first_id(prescribers) : first_id(associations);
    if (k == 1) {
      for (std::size_t c = 1; c < companies.size() && c < 4; ++c) i.partner_ids.push_back(companies[c].id);
      if (!labs.empty()) i.partner_ids.push_back(labs.front().id);
    } else if (k == 3 && !companies.empty()) {
      i.partner_ids.push_back(companies.front().id);
    }
    for (int y : {year - 1, year})
      for (std::size_t n = 0; n < kIndicators.size(); ++n) {
        // Last year's targets were a little lower: the network grows.
        long long target = p.targets[k][n] * (y == year ? 10 : 9) / 10;
        i.targets.push_back({y, kIndicators[n], target});
      }
    domain::normalise(i);
    auto r = store::insert_initiative(s, i, by);
    if (!r.ok()) throw std::runtime_error("demo: initiative « " + i.name + " » refused");
    ids.push_back(r.id);
  }

  domain::Funding region;
  region.territory_id = tid;
  region.funder = p.region;
  region.amount_cents = 4800000;
  region.starts_on = domain::add_days(today, -640);
  region.ends_on = domain::add_days(today, 45);  // within the warning period: the plan shows it
  region.purpose = "Interventions en classe et visites d’entreprises, transport des élèves compris.";
  region.initiative_ids = {ids[0], ids[1]};
  domain::Funding foundation;
  foundation.territory_id = tid;
  foundation.funder = p.foundation;
  foundation.amount_cents = 2500000;
  foundation.starts_on = domain::add_days(today, -300);
  foundation.ends_on = domain::add_days(today, 430);
  foundation.purpose = "Marrainage des jeunes filles et des femmes en reconversion, stages et job datings.";
  foundation.initiative_ids = {ids[2], ids[3]};
  for (auto* f : {&region, &foundation}) {
    domain::normalise(*f);
    if (!store::insert_funding(s, *f, by).ok()) throw std::runtime_error("demo: funding « " + f->funder + " » refused");
  }

  // Conventions with the network's associations (fictional, after the national ones), else its prescriber.
  std::vector<domain::Organisation> partners = associations;
  partners.insert(partners.end(), prescribers.begin(), prescribers.end());
  for (std::size_t n = 0; n < partners.size() && n < 2; ++n) {
    domain::Partnership ps;
    ps.territory_id = tid;
    ps.organisation_id = partners[n].id;
    ps.title = n == 0 ? "Convention d’interventions en classe — " + partners[n].name
                      : "Convention d’orientation vers l’industrie — " + partners[n].name;
    ps.starts_on = domain::add_days(today, n == 0 ? -420 : -30);
    ps.ends_on = domain::add_days(today, n == 0 ? 675 : 1065);
    ps.status = n == 0 ? "signed" : "draft";
    ps.notes = n == 0 ? "Les ambassadrices de l’association co-animent les témoignages ; crédit partagé dans les "
                        "indicateurs."
                      : "Projet de convention transmis pour signature.";
    domain::normalise(ps);
    if (!store::insert_partnership(s, ps, by).ok())
      throw std::runtime_error("demo: partnership « " + ps.title + " » refused");
  }
  return ids;
}

}  // namespace

void demo_actions(store::Store& s, std::ostream& out) {
  const std::string today = domain::paris_day(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  for (std::size_t n = 0; n < demo_plans().size(); ++n) {
    const DemoPlan& p = demo_plans()[n];
    auto t = store::territory_by_slug(s, p.slug);
    if (!t) continue;
    if (store::initiatives_of(s, t->id).empty()) add_plan(s, t->id, p, today);
    store::ActionFilter f;
    f.per_page = 1;
    if (store::actions_matching(s, t->id, f).total > 0) continue;
    HistoryOptions o;
    o.territory_ids = {t->id};
    o.years = 2;
    o.end_day = today;
    o.actions = 400;
    o.seed = 2026 + n;
    o.create_plan = false;
    o.declared_share = 0.04;  // a few waiting for the coordinator
    o.rejected_share = 0.02;
    o.ambassador_share = 0.35;  // the demo ambassador took part in some of them
    HistoryReport r = generate_history(s, o);
    out << "demo: " << p.slug << ": action plan, " << r.actions << " actions from " << r.first_day << " to "
        << r.last_day << "\n";
  }
}

}  // namespace passerelles::cli
