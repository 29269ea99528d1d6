// `passerelles jobs run`: the scheduled work once (events: reminders, lapsed bookings, anonymisation; the collective's
// monthly digest), for cron and tests; `serve` runs the same every five minutes. Exits 1 when an e-mail could not be
// sent (the rest is done).
#include <iostream>

#include "cli/commands.hpp"
#include "domain/plan.hpp"
#include "jobs/digest_jobs.hpp"
#include "jobs/events_jobs.hpp"
#include "jobs/intervention_jobs.hpp"
#include "jobs/mentoring_jobs.hpp"
#include "jobs/opportunity_jobs.hpp"
#include "jobs/privacy_jobs.hpp"
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
  auto purge = jobs::run_privacy_jobs(*store, domain::paris_day(now), cfg.int_option("minor_data_months"), now);
  auto op = jobs::run_opportunity_jobs(*store, mailer, cfg.base_url(), domain::paris_day(now), now);
  auto mentoring = jobs::run_mentoring_jobs(*store, mailer, cfg.base_url(), domain::paris_day(now), now);
  std::cout << "rappels envoyés: " << r.reminders << ", réservations expirées: " << r.lapsed
            << ", promues: " << r.promoted << ", anonymisées: " << r.anonymised
            << ", lettres du collectif envoyées: " << digest.sent << ", rappels d’intervention: " << iv.reminders
            << ", demandes de compte rendu: " << iv.report_requests << ", demandes expirées: " << iv.lapsed
            << ", demandes anonymisées: " << iv.anonymised;
  std::cout << ", relances de candidature: " << op.reminders_7 + op.reminders_14
            << ", candidatures expirées: " << op.expired_applications << ", offres expirées: " << op.expired_offers;
  std::cout << ", binômes invités à donner leur avis: " << mentoring.feedback_requests;
  std::cout << ", programmes purgés: " << purge.programmes << ", offres purgées: " << purge.offers;
  long long errors = r.mail_errors + digest.failed + iv.mail_errors + op.mail_errors + mentoring.mail_errors;
  if (errors) std::cout << ", e-mails non envoyés: " << errors;
  std::cout << "\n";
  return errors ? 1 : 0;
}

}  // namespace passerelles::cli
