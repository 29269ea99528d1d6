// `passerelles export schools`: the school directory as CSV (re-importable as is) or JSON.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "domain/account.hpp"
#include "report/school_export.hpp"
#include "store/schools.hpp"

namespace passerelles::cli {

int cmd_export_schools(const config::Config& cfg, const ExportOptions& o) {
  auto db = store::Store::open(cfg.db, 1);
  db->ensure_current();
  std::string department = o.department.empty() ? "" : domain::department_code3(o.department);
  auto schools = store::schools_for_export(*db, department);
  std::ofstream file;
  if (!o.out.empty()) {
    file.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "passerelles: cannot write " << o.out << "\n";
      return 1;
    }
  }
  std::ostream& out = o.out.empty() ? std::cout : file;
  if (o.format == "json")
    report::write_schools_json(out, schools);
  else
    report::write_schools_csv(out, schools);
  out.flush();
  if (!out) {
    std::cerr << "passerelles: writing the export failed\n";
    return 1;
  }
  if (!o.out.empty()) std::cerr << "exported " << schools.size() << " schools to " << o.out << "\n";
  return 0;
}

}  // namespace passerelles::cli
