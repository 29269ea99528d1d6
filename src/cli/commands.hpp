// The subcommands of `passerelles`; each returns the process exit code and prints precise errors.
#pragma once
#include <string>

#include "config/config.hpp"

namespace passerelles::cli {

int cmd_serve(const config::Config& cfg);
int cmd_migrate(const config::Config& cfg);

struct DemoOptions {
  bool reset = false;  // wipe the database's network data first
};
int cmd_demo(const config::Config& cfg, const DemoOptions& opts);

struct UserAddOptions {
  std::string email;
  std::string role;
  std::string territory;  // slug; empty for admin
  std::string name;
  bool password_stdin = false;
};
int cmd_user_add(const config::Config& cfg, const UserAddOptions& opts);

struct ImportOptions {
  std::string what;  // schools | communes | rome
  std::string file;  // a file (schools) or a folder/file; empty: from the data folder
  bool quiet = false;
};
int cmd_import(const config::Config& cfg, const ImportOptions& opts);

struct ExportOptions {
  std::string format = "csv";  // csv | json
  std::string out;             // empty: standard output
  std::string department;      // optional filter, 3 characters
};
int cmd_export_schools(const config::Config& cfg, const ExportOptions& opts);

}  // namespace passerelles::cli
