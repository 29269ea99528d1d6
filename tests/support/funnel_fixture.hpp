// A known set of offers, applications and company hires laid over the report world (report_fixture.hpp), with the
// funnel counted by hand (docs/counting.md § 11), for the store, HTTP and export tests of the funnel.
#pragma once
#include "domain/funnel.hpp"
#include "store/store.hpp"
#include "support/report_fixture.hpp"

namespace passerelles::fixture {

// In "cmq-rapport", period 2025-09 … 2026-08 (applications sent 2025-10-15, decided or completed 2026-02-01 unless
// said otherwise), offers S (stage_3e), A (apprenticeship), J (job) of company « Usine Alpha »:
//   S: 6 F accepted + completed; 5 M accepted + completed; 1 F accepted, not completed; 2 F declined; 1 M sent;
//      1 F withdrawn (counts nowhere); 1 F accepted, completed 2026-09-15 (after the period); 1 F accepted +
//      completed, then erased (still counts)
//   A: 3 F accepted; 2 M accepted; 1 X seen
//   J: 2 F accepted; 1 F sent 2025-08-10 (before the period) accepted 2025-09-05; 1 M accepted (and completed)
// In "autre": 3 F accepted + completed on its own stage_seconde offer (never in cmq-rapport's funnel).
// Mentoring (programme of cmq-rapport, one mentor): 4 F in active pairs started 2025-10-15 (one of them also in an
// ended pair of the period: counted once); 1 F whose pair ended 2025-06-30 (before the period); 1 F whose pair
// (2025-02-01 … 2025-10-01) overlaps the period; 1 M only proposed; 1 F cancelled. Mentees: 5 F.
// Company hires: Usine Alpha 2025: 10 (4 women), 3 apprentices (1 woman); 2026: 6 (3), 2 (2); Usine Beta 2024: 100
// (50) (before the period's years), 2026: 4 (1), 0; autre's company 2025: 50 (25).
struct FunnelWorld {
  ReportWorld report;
  long long alpha = 0, beta = 0, other_company = 0;
  long long offer_stage = 0, offer_apprenticeship = 0, offer_job = 0;
  // Counted by hand for 2025-09 … 2026-08.
  domain::SexCounts reached{620, 410, 0};
  domain::SexCounts applied{16, 9, 1};
  domain::SexCounts internship{7, 5, 0};
  domain::SexCounts hired{6, 3, 0};
  domain::HiresSummary hires{2, 20, 8, 5, 3};
  domain::SexCounts mentees{5, 0, 0};
};

// Seeds the report world, then the above.
FunnelWorld seed_funnel_world(store::Store& s);

// Inserts an application to `offer` (territory taken from the offer) with the given status, sex and times.
void insert_application(store::Store& s, long long offer, const std::string& status, const std::string& sex,
                        long long sent_at, long long decided_at = 0, bool completed = false, long long completed_at = 0,
                        long long erased_at = 0);

// 2025-10-15 12:00 UTC, 2026-02-01 12:00 UTC and the other days named above.
constexpr long long kSent = 1760529600, kDecided = 1769947200;
constexpr long long kBeforePeriod = 1754827200;  // 2025-08-10 12:00 UTC
constexpr long long kEarlyPeriod = 1757073600;   // 2025-09-05 12:00 UTC
constexpr long long kAfterPeriod = 1789473600;   // 2026-09-15 12:00 UTC

}  // namespace passerelles::fixture
