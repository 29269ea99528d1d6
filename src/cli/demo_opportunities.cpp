// The demo's offers and applications, written through store/opportunities.hpp as companies and referrers would:
// see demo_opportunities.hpp.
#include "cli/demo_opportunities.hpp"

#include <string>
#include <vector>

#include "domain/opportunity.hpp"
#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/opportunities.hpp"
#include "store/row.hpp"

namespace passerelles::cli {

namespace {

constexpr long long kDay = 86400;

// The territory's organisations of `kind`, by id.
std::vector<long long> organisations_of(store::Store& s, long long territory_id, const std::string& kind) {
  return s.read([&](soci::session& sql) {
    std::vector<long long> out;
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT id FROM organisations WHERE territory_id = :t AND kind = :k "
                                                 "ORDER BY id",
                                  soci::use(territory_id), soci::use(kind));
    for (const auto& r : rs) out.push_back(store::col_ll(r, 0));
    return out;
  });
}

long long offers_in(store::Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM offers WHERE territory_id = :t", soci::use(territory_id), soci::into(n);
    return n;
  });
}

struct DemoOffer {
  const char* kind;
  const char* title;
  const char* domain;
  int starts_in, days;
};

struct DemoApplication {
  int offer;  // index in the offers
  const char* first_name;
  const char* last_name;
  const char* sex;
  bool minor;
  const char* class_level;
  bool by_prescriber;  // else by the school contact
  int days_ago;
  std::vector<const char*> steps;  // transitions, in order
};

}  // namespace

void demo_opportunities(store::Store& s, std::ostream& out) {
  const std::vector<DemoOffer> offers = {
      {"stage_3e", "Stage d’observation : découvrir l’usinage", "usinage", 40, 4},
      {"stage_seconde", "Stage de seconde en maintenance industrielle", "maintenance", 120, 11},
      {"stage_sup", "Stage de BTS CRSA : automatismes d’une ligne", "maintenance", 60, 55},
      {"apprenticeship", "Apprentissage : technicienne en microtechnique (BTS)", "microtechnique", 150, 730},
      {"job", "Opératrice ou opérateur sur commande numérique", "usinage", 30, 0},
  };
  const std::vector<DemoApplication> applications = {
      {0, "Léa", "Bernard", "F", true, "3e", false, 40, {"seen", "interview", "accepted", "completed"}},
      {0, "Yanis", "Moreau", "M", true, "3e", false, 30, {"seen", "declined"}},
      {0, "Inès", "Petit", "F", true, "3e", false, 2, {}},
      {1, "Chloé", "Roux", "F", true, "2nde", false, 35, {"seen", "interview", "accepted", "completed"}},
      {1, "Lucas", "Fontaine", "M", true, "2nde", false, 9, {"seen"}},
      {2, "Sarah", "Lemaire", "F", false, "bts", true, 12, {"seen", "interview"}},
      {2, "Mathis", "Garnier", "M", false, "bts", true, 38, {"accepted", "completed"}},
      {3, "Emma", "Chevalier", "F", false, "", true, 44, {"seen", "interview", "accepted", "completed"}},
      {3, "Nora", "Benali", "F", false, "", true, 20, {"withdrawn"}},
      {4, "Amina", "Diallo", "F", false, "", true, 33, {"seen", "interview", "accepted", "completed"}},
      {4, "Hugo", "Lambert", "M", false, "", true, 25, {"seen", "declined"}},
      {4, "Camille", "Robert", "X", false, "", true, 50, {}},  // no answer: expires
  };
  long long now = store::now_unix();
  std::string today = domain::paris_day(now);
  for (const auto& t : store::all_territories(s)) {
    auto rh = store::user_by_email(s, "rh@" + t.slug + ".demo");
    auto prof = store::user_by_email(s, "enseignant@" + t.slug + ".demo");
    auto adviser = store::user_by_email(s, "conseiller@" + t.slug + ".demo");
    if (!rh || !prof || !adviser || offers_in(s, t.id) > 0) continue;
    auto companies = organisations_of(s, t.id, "company");
    auto schools = organisations_of(s, t.id, "school");
    auto prescribers = organisations_of(s, t.id, "prescriber");
    if (companies.empty()) continue;
    store::set_user_organisation(s, t.id, rh->id, companies.front());
    if (!schools.empty()) store::set_user_organisation(s, t.id, prof->id, schools.front());
    if (!prescribers.empty()) store::set_user_organisation(s, t.id, adviser->id, prescribers.front());
    const store::Author company_by{rh->id, rh->email};

    std::vector<long long> offer_ids;
    for (std::size_t i = 0; i < offers.size(); ++i) {
      const auto& d = offers[i];
      domain::Offer o;
      o.territory_id = t.id;
      o.organisation_id = companies[i % companies.size()];
      o.kind = d.kind;
      o.title = d.title;
      o.description = "Découvrir nos ateliers et nos métiers, accompagnée par une professionnelle de l’équipe.";
      o.domain = d.domain;
      o.places = 3;
      o.starts_on = domain::add_days(today, d.starts_in);
      if (d.days > 0) o.ends_on = domain::add_days(o.starts_on, d.days);
      o.address = "Zone d’activités, rue de l’Industrie";
      o.accessibility = "Locaux de plain-pied ; arrêt de bus à 200 m.";
      o.status = "published";
      domain::normalise(o, today);
      auto r = store::insert_offer(s, o, company_by, now - 60 * kDay);
      offer_ids.push_back(r.ok() ? r.id : 0);
    }
    int made = 0;
    for (const auto& d : applications) {
      long long offer_id = offer_ids[static_cast<std::size_t>(d.offer)];
      if (!offer_id) continue;
      const auto& referrer = d.by_prescriber ? *adviser : *prof;
      domain::OfferApplication a;
      a.offer_id = offer_id;
      a.territory_id = t.id;
      a.referred_by = referrer.id;
      a.referrer_organisation_id = referrer.organisation_id;
      if (auto u = store::user_by_id(s, referrer.id)) a.referrer_organisation_id = u->organisation_id;
      a.first_name = d.first_name;
      a.last_name = d.last_name;
      a.sex = d.sex;
      a.minor = d.minor;
      a.class_level = d.class_level;
      a.message = "Elle ou il a découvert le métier lors d’une intervention en classe.";
      long long sent_at = now - d.days_ago * kDay;
      auto r = store::insert_application(s, a, {referrer.id, referrer.email}, today, sent_at);
      if (!r.ok()) continue;
      ++made;
      long long at = sent_at;
      for (const char* step : d.steps) {
        at += 2 * kDay;
        store::ApplicationChange change{step, "", ""};
        if (std::string(step) == "interview") change.interview_on = domain::paris_day(at + 3 * kDay);
        if (std::string(step) == "declined") change.decline_reason = "Le poste demande une première expérience.";
        const store::Author& by =
            std::string(step) == "withdrawn" ? store::Author{referrer.id, referrer.email} : company_by;
        store::change_application(s, t.id, r.id, change, by, at);
      }
    }
    long long expired = static_cast<long long>(store::expire_applications(s, now).size());
    out << "demo: territory " << t.slug << " with " << offer_ids.size() << " offers and " << made << " applications ("
        << expired << " expired without an answer)\n";
  }
}

}  // namespace passerelles::cli
