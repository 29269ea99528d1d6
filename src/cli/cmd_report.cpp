// `passerelles report`: the funder report (PDF) or the indicators (XLSX, CSV) of a territory for a period —
// the same figures as the dashboard and /api/v1/indicators. Bad arguments exit with 2 and say which.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "report/indicators_export.hpp"
#include "store/accounts.hpp"
#include "store/funnel.hpp"

namespace passerelles::cli {

namespace {

int usage_error(const std::string& message) {
  std::cerr << "passerelles: report: " << message << "\n";
  return 2;
}

// The format asked for, else the extension of the output file; "" when neither says.
std::string format_of(const ReportOptions& o) {
  if (!o.format.empty()) return o.format;
  std::string ext = std::filesystem::path(o.out).extension().string();
  return ext.empty() ? "" : ext.substr(1);
}

}  // namespace

int cmd_report(const config::Config& cfg, const ReportOptions& o) {
  if (o.territory.empty()) return usage_error("--territory is required (the territory's slug)");
  if (o.from.empty() || o.to.empty()) return usage_error("--from and --to are required (YYYY-MM or YYYY-MM-DD)");
  auto from = report::month_of(o.from), to = report::month_of(o.to);
  if (!from) return usage_error("--from '" + o.from + "' is not a month (YYYY-MM) or a day (YYYY-MM-DD)");
  if (!to) return usage_error("--to '" + o.to + "' is not a month (YYYY-MM) or a day (YYYY-MM-DD)");
  if (*from > *to) return usage_error("--from " + *from + " is after --to " + *to);
  if (o.out.empty()) return usage_error("--out is required (a file, or '-' for standard output)");
  std::string format = format_of(o);
  if (format != "pdf" && format != "xlsx" && format != "csv")
    return usage_error(format.empty() ? "--format is required (pdf, xlsx or csv) when --out has no extension"
                                      : "unknown format '" + format + "' (pdf, xlsx or csv)");
  if (o.separator != ";" && o.separator != ",") return usage_error("--separator must be ';' or ','");

  auto db = store::Store::open(cfg.db, 1);
  db->ensure_current();
  auto territory = store::territory_by_slug(*db, o.territory);
  if (!territory) {
    std::vector<std::string> slugs;
    for (const auto& t : store::all_territories(*db)) slugs.push_back(t.slug);
    std::sort(slugs.begin(), slugs.end());
    std::string known;
    for (const auto& slug : slugs) known += (known.empty() ? "" : ", ") + slug;
    return usage_error("unknown territory '" + o.territory + "'" +
                       (known.empty() ? " (there is no territory yet)" : " (known: " + known + ")"));
  }

  // Written next to the target, then renamed: a failure never leaves half a file or clobbers an older one.
  bool to_stdout = o.out == "-";
  std::string partial = o.out + ".partial";
  std::ofstream file;
  if (!to_stdout) {
    file.open(partial, std::ios::binary | std::ios::trunc);
    if (!file) return usage_error("cannot write " + o.out + ": " + std::strerror(errno));
  }

  store::IndicatorFilter f;
  f.territory_id = territory->id;
  f.from_month = *from;
  f.to_month = *to;
  auto ind = store::indicators(*db, f);
  std::string bytes;
  if (format == "csv") {
    auto funnel = store::funnel(*db, ind);
    bytes = report::indicators_csv(ind, o.separator[0], &funnel);
  } else {
    auto ctx = report::report_context(*db, &*territory, ind, cfg.data_dir, std::time(nullptr));
    bytes = format == "pdf" ? report::indicators_pdf(ind, ctx) : report::indicators_xlsx(ind, ctx);
  }

  std::ostream& out = to_stdout ? std::cout : file;
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.flush();
  if (!to_stdout) file.close();
  if (!out || (!to_stdout && !file)) {
    if (!to_stdout) std::remove(partial.c_str());
    std::cerr << "passerelles: report: writing " << o.out << " failed\n";
    return 1;
  }
  if (!to_stdout) {
    std::error_code ec;
    std::filesystem::rename(partial, o.out, ec);
    if (ec) {
      std::remove(partial.c_str());
      return usage_error("cannot write " + o.out + ": " + ec.message());
    }
    std::cerr << "wrote " << o.out << " (" << format << ", " << territory->slug << ", " << *from << " to " << *to
              << "): " << ind.total.actions << " actions, " << ind.total.people << " people reached\n";
  }
  return 0;
}

}  // namespace passerelles::cli
