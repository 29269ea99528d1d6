// `passerelles serve`: opens the database, refuses a stale schema, and serves HTTP until SIGTERM, running the
// scheduled work of events in the background.
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <stop_token>
#include <thread>

#include "cli/commands.hpp"
#include "domain/plan.hpp"
#include "http/server.hpp"
#include "jobs/digest_jobs.hpp"
#include "jobs/events_jobs.hpp"
#include "jobs/intervention_jobs.hpp"
#include "jobs/mentoring_jobs.hpp"
#include "jobs/opportunity_jobs.hpp"
#include "jobs/privacy_jobs.hpp"
#include "store/accounts.hpp"
#include "store/store.hpp"
#include "web/app.hpp"

namespace passerelles::cli {

namespace {

constexpr std::chrono::seconds kJobsFirstRun{10};
constexpr std::chrono::minutes kJobsEvery{5};

// Runs the event jobs 10 s after start, then every 5 minutes, until `stop` is requested (which wakes the wait at
// once). Every exception is logged: one failed run never stops the next.
void event_jobs_loop(const std::stop_token& stop, web::App& app) {
  std::mutex m;
  std::condition_variable_any cv;
  auto wait = [&](auto duration) {  // false when stopped
    std::unique_lock lock(m);
    cv.wait_for(lock, stop, duration, [] { return false; });
    return !stop.stop_requested();
  };
  if (!wait(kJobsFirstRun)) return;
  do {
    try {
      long long now = store::now_unix();
      jobs::run_event_jobs(app.store, app.mailer, app.cfg.base_url(), domain::paris_day(now), now);
      jobs::run_digest(app.store, app.mailer, app.cfg.base_url(), domain::paris_day(now), now);
      jobs::run_intervention_jobs(app.store, app.mailer, app.cfg.base_url(), domain::paris_day(now), now);
      // -- issue 7 jobs (serve) --
      jobs::run_privacy_jobs(app.store, domain::paris_day(now), app.cfg.int_option("minor_data_months"), now);
      jobs::run_opportunity_jobs(app.store, app.mailer, app.cfg.base_url(), domain::paris_day(now), now);
      jobs::run_mentoring_jobs(app.store, app.mailer, app.cfg.base_url(), domain::paris_day(now), now);
    } catch (const std::exception& e) {
      spdlog::error("event jobs failed: {}", e.what());
    } catch (...) {
      spdlog::error("event jobs failed: unknown exception");
    }
  } while (wait(kJobsEvery));
}

}  // namespace

int cmd_serve(const config::Config& cfg) {
  auto store = store::Store::open(cfg.db, cfg.int_option("db_threads") + 1);
  try {
    store->ensure_current();
  } catch (const store::StaleSchema& e) {
    std::cerr << "passerelles: " << e.what() << "\n";
    return 3;
  }
  web::App app(cfg, *store);
  http::ServerOptions so;
  auto colon = cfg.listen.rfind(':');
  so.host = cfg.listen.substr(0, colon);
  if (so.host.size() > 1 && so.host.front() == '[') so.host = so.host.substr(1, so.host.size() - 2);
  so.port = static_cast<unsigned short>(std::stoi(cfg.listen.substr(colon + 1)));
  so.io_threads = cfg.int_option("io_threads");
  so.worker_threads = cfg.int_option("db_threads");
  so.body_limit = static_cast<std::size_t>(cfg.int_option("body_limit"));
  so.upload_limit = static_cast<std::size_t>(cfg.int_option("upload_limit"));
  so.header_limit = static_cast<std::size_t>(cfg.int_option("header_limit"));
  so.read_timeout_seconds = cfg.int_option("read_timeout");
  so.shutdown_grace_seconds = cfg.int_option("shutdown_grace");
  so.access_log = cfg.bool_option("access_log");
  so.trust_proxy = cfg.bool_option("trust_proxy");
  http::Server server(so, [&app](http::Request& req) { return app.handle(req); });
  server.bind();
  spdlog::info("Passerelles {} listening on http://{}:{} (database: {})", PASSERELLES_VERSION, so.host, server.port(),
               store->is_sqlite() ? "SQLite" : "PostgreSQL");
  // Declared after the app and the store, so stopped and joined before they go.
  std::jthread event_jobs;
  if (cfg.bool_option("jobs"))
    event_jobs = std::jthread([&app](const std::stop_token& stop) { event_jobs_loop(stop, app); });
  else
    spdlog::info("scheduled jobs are off (option jobs): run `passerelles jobs run` from cron");
  server.run();
  if (event_jobs.joinable()) {
    event_jobs.request_stop();
    event_jobs.join();
  }
  return 0;
}

}  // namespace passerelles::cli
