// `passerelles serve`: opens the database, refuses a stale schema, and serves HTTP until SIGTERM.
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"
#include "http/server.hpp"
#include "store/store.hpp"
#include "web/app.hpp"

namespace passerelles::cli {

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
  so.header_limit = static_cast<std::size_t>(cfg.int_option("header_limit"));
  so.read_timeout_seconds = cfg.int_option("read_timeout");
  so.shutdown_grace_seconds = cfg.int_option("shutdown_grace");
  so.access_log = cfg.bool_option("access_log");
  so.trust_proxy = cfg.bool_option("trust_proxy");
  http::Server server(so, [&app](http::Request& req) { return app.handle(req); });
  server.bind();
  spdlog::info("Passerelles {} listening on http://{}:{} (database: {})", PASSERELLES_VERSION, so.host, server.port(),
               store->is_sqlite() ? "SQLite" : "PostgreSQL");
  server.run();
  return 0;
}

}  // namespace passerelles::cli
