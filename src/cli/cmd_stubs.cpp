// Subcommands not yet implemented report it plainly (replaced one by one by their own files).
#include <iostream>

#include "cli/commands.hpp"

namespace passerelles::cli {

int cmd_demo(const config::Config&, const DemoOptions&) {
  std::cerr << "passerelles: demo is not implemented yet\n";
  return 1;
}
int cmd_import(const config::Config&, const ImportOptions&) {
  std::cerr << "passerelles: import is not implemented yet\n";
  return 1;
}
int cmd_export_schools(const config::Config&, const ExportOptions&) {
  std::cerr << "passerelles: export is not implemented yet\n";
  return 1;
}

}  // namespace passerelles::cli
