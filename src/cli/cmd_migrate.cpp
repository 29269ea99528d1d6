// `passerelles migrate`: applies pending migrations, one transaction each.
#include <iostream>

#include "cli/commands.hpp"
#include "store/store.hpp"

namespace passerelles::cli {

int cmd_migrate(const config::Config& cfg) {
  auto store = store::Store::open(cfg.db, 1);
  int n = store->migrate(
      [](const store::MigrationInfo& m) { std::cout << "applied " << m.version << " " << m.name << "\n"; });
  std::cout << "schema at version " << store->schema_version() << " (" << n << " applied)\n";
  return 0;
}

}  // namespace passerelles::cli
