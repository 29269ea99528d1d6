// `passerelles import schools|communes|rome|portraits`: reference data and portrait campaigns from files, with a
// progress bar and a summary.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>

#include "cli/commands.hpp"
#include "store/accounts.hpp"
#include "store/portraits.hpp"
#include "store/reference_import.hpp"
#include "store/school_import.hpp"

namespace passerelles::cli {

namespace {

// A bar on stderr while the import runs, only when stderr is a terminal and --quiet is not given.
class ProgressBar {
 public:
  explicit ProgressBar(bool on) : on_(on && isatty(STDERR_FILENO)) {}
  ~ProgressBar() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }
  store::ProgressFn fn() {
    if (!on_) return {};
    return [this](std::size_t done, std::size_t total) {
      int pct = total ? static_cast<int>(done * 100 / total) : 100;
      int filled = pct * 40 / 100;
      std::cerr << "\r[" << std::string(filled, '#') << std::string(40 - filled, ' ') << "] " << std::setw(3) << pct
                << " %" << std::flush;
      shown_ = true;
    };
  }

 private:
  bool on_;
  bool shown_ = false;
};

void print_lines(const std::vector<store::LineNote>& notes) {
  for (const auto& n : notes) std::cout << "ligne " << n.line << " : " << n.reason << "\n";
}

int import_schools(store::Store& db, const ImportOptions& o) {
  std::ifstream file;
  if (o.file != "-") {
    file.open(o.file, std::ios::binary);
    if (!file) {
      std::cerr << "passerelles: cannot read " << o.file << "\n";
      return 1;
    }
  }
  std::string source = o.file == "-" ? "stdin" : std::filesystem::path(o.file).filename().string();
  store::ImportSummary s;
  {
    ProgressBar bar(!o.quiet);
    s = store::import_schools(db, o.file == "-" ? std::cin : file, bar.fn(), source);
  }
  if (!s.ok()) {
    std::cerr << "passerelles: " << o.file << " : " << s.error << "\n";
    return 1;
  }
  std::cout << "schools: " << s.rows << " lines read from " << source << " in " << std::fixed << std::setprecision(2)
            << s.seconds << " s\n"
            << "inserted: " << s.inserted << "\n"
            << "updated: " << s.updated << "\n"
            << "unchanged: " << s.unchanged << "\n"
            << "skipped: " << s.skipped + s.duplicates.size() << " (out of scope: " << s.skipped
            << ", UAI already read: " << s.duplicates.size() << ")\n"
            << "rejected: " << s.rejected.size() << "\n";
  print_lines(s.rejected);
  print_lines(s.duplicates);
  return 0;
}

int print_reference(const store::ReferenceSummary& s) {
  if (!s.ok()) {
    std::cerr << "passerelles: " << s.error << "\n";
    return 1;
  }
  for (const auto& t : s.tables) {
    std::cout << t.table << ": " << t.rows << " lines read from " << t.file << ", " << t.written << " new or changed, "
              << t.rejected.size() << " rejected\n";
    print_lines(t.rejected);
  }
  std::cout << "done in " << std::fixed << std::setprecision(2) << s.seconds << " s\n";
  return 0;
}

// `import portraits FILE.csv --photos DIR --campaign NAME [--territory SLUG]` (store/portrait_import.cpp).
int import_portraits(store::Store& db, const ImportOptions& o) {
  std::optional<domain::Territory> territory;
  if (!o.territory.empty()) {
    territory = store::territory_by_slug(db, o.territory);
    if (!territory) {
      std::cerr << "passerelles: unknown territory '" << o.territory << "'\n";
      return 2;
    }
  } else {
    auto all = store::all_territories(db);
    if (all.size() != 1) {
      std::cerr << "passerelles: --territory SLUG is needed (" << all.size() << " territories in the database)\n";
      return 2;
    }
    territory = all.front();
  }
  std::ifstream file(o.file, std::ios::binary);
  if (!file || std::filesystem::is_directory(o.file)) {
    std::cerr << "passerelles: cannot read " << o.file << "\n";
    return 1;
  }
  if (!o.photos.empty() && !std::filesystem::is_directory(o.photos)) {
    std::cerr << "passerelles: " << o.photos << " is not a folder of photos\n";
    return 1;
  }
  std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  auto r = store::import_portraits_csv(db, territory->id, o.campaign, text, o.photos, {0, "import " + o.file});
  if (!r.error.empty()) {
    std::cerr << "passerelles: " << o.file << " : " << r.error << "\n";
    return 1;
  }
  std::cout << "portraits: campaign « " << o.campaign << " » in " << territory->slug << "\n"
            << "created: " << r.created << "\n"
            << "updated: " << r.updated << "\n"
            << "rejected: " << r.rejected << "\n"
            << "photos: " << r.photos << "\n";
  for (const auto& e : r.errors) std::cout << e << "\n";
  return 0;
}

}  // namespace

int cmd_import(const config::Config& cfg, const ImportOptions& o) {
  auto db = store::Store::open(cfg.db, 1);
  db->ensure_current();
  if (o.what == "schools") return import_schools(*db, o);
  if (o.what == "portraits") return import_portraits(*db, o);
  std::string path = o.file.empty() ? cfg.data_dir : o.file;
  if (o.what == "communes") {
    store::ReferenceSummary s;
    {
      ProgressBar bar(!o.quiet);
      s = store::import_communes(*db, path, bar.fn());
    }
    return print_reference(s);
  }
  if (o.what == "rome") return print_reference(store::import_rome(*db, path));
  std::cerr << "passerelles: unknown import '" << o.what << "'\n";
  return 2;
}

}  // namespace passerelles::cli
