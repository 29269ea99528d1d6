// The funnel world: offers, applications and company hires over the report world (see the header).
#include "support/funnel_fixture.hpp"

#include <soci/soci.h>

#include "store/directory.hpp"

namespace passerelles::fixture {

namespace {

long long company(store::Store& s, long long territory, const std::string& name) {
  domain::Organisation o;
  o.territory_id = territory;
  o.kind = "company";
  o.name = name;
  return store::insert_organisation(s, o, {0, "test"}).id;
}

long long offer(store::Store& s, long long territory, long long organisation, const std::string& kind) {
  return s.write([&](soci::session& sql) {
    long long id = 0, now = 1760000000;
    sql << "INSERT INTO offers (territory_id, organisation_id, kind, title, status, expires_on, created_at, "
           "updated_at) VALUES (:t, :o, :k, 'Offre', 'published', '2026-06-30', :c, :u) RETURNING id",
        soci::use(territory), soci::use(organisation), soci::use(kind), soci::use(now), soci::use(now), soci::into(id);
    return id;
  });
}

void hires(store::Store& s, long long territory, long long organisation, int year, int h, int hw, int a, int aw) {
  s.write([&](soci::session& sql) {
    long long now = 1760000000;
    sql << "INSERT INTO company_hires (territory_id, organisation_id, year, hires, hires_women, apprentices, "
           "apprentices_women, reported_at) VALUES (:t, :o, :y, :h, :hw, :a, :aw, :r)",
        soci::use(territory), soci::use(organisation), soci::use(year), soci::use(h), soci::use(hw), soci::use(a),
        soci::use(aw), soci::use(now);
  });
}

// 2025-01-10, 2025-02-01, 2025-06-30 and 2025-10-01, 12:00 UTC.
constexpr long long kJan = 1736510400, kFeb = 1738411200, kJune = 1751284800, kOct = 1759320000;

void mentoring(store::Store& s, long long t) {
  s.write([&](soci::session& sql) {
    long long now = 1760000000, programme = 0, mentor = 0;
    sql << "INSERT INTO mentoring_programmes (territory_id, name, audience, starts_on, ends_on, status, created_at, "
           "updated_at) VALUES (:t, 'Marrainage', 'lyceennes', '2025-09-01', '2026-06-30', 'open', :c, :u) "
           "RETURNING id",
        soci::use(t), soci::use(now), soci::use(now), soci::into(programme);
    sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, unsubscribe_token, "
           "created_at, updated_at) VALUES (:t, 'active', 'Léa', 'Marraine', 'lea@exemple.fr', 'unsub-funnel-0123', "
           ":c, :u) RETURNING id",
        soci::use(t), soci::use(now), soci::use(now), soci::into(mentor);
    int n = 0;
    auto mentee = [&](const std::string& sex) {
      long long id = 0;
      std::string token = "mentee-funnel-" + std::to_string(++n) + "-0123456789abcdef";
      sql << "INSERT INTO mentee_applications (programme_id, territory_id, status, token, first_name, sex, created_at, "
             "updated_at) VALUES (:p, :t, 'matched', :k, 'Inès', :s, :c, :u) RETURNING id",
          soci::use(programme), soci::use(t), soci::use(token), soci::use(sex), soci::use(now), soci::use(now),
          soci::into(id);
      return id;
    };
    auto pair = [&](long long application, const std::string& status, long long started, long long ended) {
      sql << "INSERT INTO mentoring_pairs (programme_id, application_id, ambassador_id, status, started_at, ended_at, "
             "created_at, updated_at) VALUES (:p, :a, :m, :s, :b, :e, :c, :u)",
          soci::use(programme), soci::use(application), soci::use(mentor), soci::use(status), soci::use(started),
          soci::use(ended), soci::use(now), soci::use(now);
    };
    for (int i = 0; i < 4; ++i) {
      long long a = mentee("F");
      pair(a, "active", kSent, 0);
      if (i == 0) pair(a, "ended", kFeb, kOct);
    }
    pair(mentee("F"), "ended", kJan, kJune);
    pair(mentee("F"), "ended", kFeb, kOct);
    pair(mentee("M"), "proposed", 0, 0);
    pair(mentee("F"), "cancelled", kSent, 0);
  });
}

}  // namespace

void insert_application(store::Store& s, long long offer_id, const std::string& status, const std::string& sex,
                        long long sent_at, long long decided_at, bool completed, long long completed_at,
                        long long erased_at) {
  s.write([&](soci::session& sql) {
    int done = completed ? 1 : 0;
    std::string first = erased_at ? "" : "Camille", last = erased_at ? "" : "Martin";
    sql << "INSERT INTO offer_applications (offer_id, territory_id, status, first_name, last_name, sex, sent_at, "
           "decided_at, completed, completed_at, erased_at, created_at, updated_at) SELECT id, territory_id, :st, :f, "
           ":l, :sex, :sent, :dec, :done, :cat, :er, :c, :u FROM offers WHERE id = :o",
        soci::use(status), soci::use(first), soci::use(last), soci::use(sex), soci::use(sent_at), soci::use(decided_at),
        soci::use(done), soci::use(completed_at), soci::use(erased_at), soci::use(sent_at), soci::use(sent_at),
        soci::use(offer_id);
  });
}

FunnelWorld seed_funnel_world(store::Store& s) {
  FunnelWorld w;
  w.report = seed_report_world(s);
  const long long t = w.report.territory;
  w.alpha = company(s, t, "Usine Alpha");
  w.beta = company(s, t, "Usine Beta");
  w.other_company = company(s, w.report.other, "Usine Gamma");
  w.offer_stage = offer(s, t, w.alpha, "stage_3e");
  w.offer_apprenticeship = offer(s, t, w.alpha, "apprenticeship");
  w.offer_job = offer(s, t, w.alpha, "job");
  auto times = [&](int n, long long offer_id, const std::string& status, const std::string& sex, long long sent,
                   long long decided, bool completed, long long completed_at, long long erased = 0) {
    for (int i = 0; i < n; ++i)
      insert_application(s, offer_id, status, sex, sent, decided, completed, completed_at, erased);
  };
  const long long S = w.offer_stage, A = w.offer_apprenticeship, J = w.offer_job;
  times(6, S, "accepted", "F", kSent, kDecided, true, kDecided);
  times(5, S, "accepted", "M", kSent, kDecided, true, kDecided);
  times(1, S, "accepted", "F", kSent, kDecided, false, 0);
  times(2, S, "declined", "F", kSent, kDecided, false, 0);
  times(1, S, "sent", "M", kSent, 0, false, 0);
  times(1, S, "withdrawn", "F", kSent, kDecided, false, 0);
  times(1, S, "accepted", "F", kSent, kDecided, true, kAfterPeriod);
  times(1, S, "accepted", "F", kSent, kDecided, true, kDecided, kDecided + 86400);
  times(3, A, "accepted", "F", kSent, kDecided, false, 0);
  times(2, A, "accepted", "M", kSent, kDecided, false, 0);
  times(1, A, "seen", "X", kSent, 0, false, 0);
  times(2, J, "accepted", "F", kSent, kDecided, false, 0);
  times(1, J, "accepted", "F", kBeforePeriod, kEarlyPeriod, false, 0);
  times(1, J, "accepted", "M", kSent, kDecided, true, kDecided);
  long long other_stage = offer(s, w.report.other, w.other_company, "stage_seconde");
  times(3, other_stage, "accepted", "F", kSent, kDecided, true, kDecided);

  mentoring(s, t);

  hires(s, t, w.alpha, 2025, 10, 4, 3, 1);
  hires(s, t, w.alpha, 2026, 6, 3, 2, 2);
  hires(s, t, w.beta, 2024, 100, 50, 0, 0);
  hires(s, t, w.beta, 2026, 4, 1, 0, 0);
  hires(s, w.report.other, w.other_company, 2025, 50, 25, 0, 0);
  return w;
}

}  // namespace passerelles::fixture
