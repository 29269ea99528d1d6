// `passerelles jobs run`: the scheduled work once (events: reminders, lapsed bookings, anonymisation; the collective's
// monthly digest), for cron and tests; `serve` runs the same every five minutes. Exits 1 when an e-mail could not be
// sent (the rest is done).
#include <iostream>

#include "cli/commands.hpp"
#include "domain/plan.hpp"
#include "jobs/digest_jobs.hpp"
#include "jobs/events_jobs.hpp"
#include "jobs/intervention_jobs.hpp"
#include "mail/mailer.hpp"
#include "store/accounts.hpp"
#include "store/store.hpp"

namespace passerelles::cli {

int cmd_jobs_run(const config::Config& cfg) {
  auto store = store::Store::open(cfg.db, 1);
  try {
    store->ensure_current();
  } catch (const store::StaleSchema& e) {
    std::cerr << "passerelles: " << e.what() << "\n";
    return 3;
  }
  mail::Mailer mailer(cfg.smtp_url, cfg.smtp_user, cfg.smtp_password, cfg.mail_from);
  long long now = store::now_unix();
  auto r = jobs::run_event_jobs(*store, mailer, cfg.base_url(), domain::paris_day(now), now);
  auto digest = jobs::run_digest(*store, mailer, cfg.base_url(), domain::paris_day(now), now);
  auto iv = jobs::run_intervention_jobs(*store, mailer, cfg.base_url(), domain::paris_day(now), now);
  // -- issue 7 jobs (jobs run) --
  std::cout << "rappels envoyés: " << r.reminders << ", réservations expirées: " << r.lapsed
            << ", promues: " << r.promoted << ", anonymisées: " << r.anonymised
            << ", lettres du collectif envoyées: " << digest.sent << ", rappels d’intervention: " << iv.reminders
            << ", demandes de compte rendu: " << iv.report_requests << ", demandes expirées: " << iv.lapsed
            << ", demandes anonymisées: " << iv.anonymised;
  long long errors = r.mail_errors + digest.failed + iv.mail_errors;
  if (errors) std::cout << ", e-mails non envoyés: " << errors;
  std::cout << "\n";
  return errors ? 1 : 0;
}

}  // namespace passerelles::cli
