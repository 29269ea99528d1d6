// Import of the school directory from the official CSV exports (and from our own export): one code path for the
// `import schools` command and the upload page.
#pragma once
#include <istream>
#include <string>
#include <vector>

#include "store/import_report.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct ImportSummary {
  std::size_t rows = 0;  // data lines read
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t skipped = 0;           // out of scope: écoles, services, médico-social, CIO…
  std::vector<LineNote> duplicates;  // UAI already read earlier in the file: the first line is kept
  std::vector<LineNote> rejected;    // bad lines (invalid UAI, missing name, bad coordinates…), in file order
  std::string error;                 // the file as a whole was refused (empty, columns missing): nothing written
  double seconds = 0;
  bool ok() const { return error.empty(); }
};

// Reads a CSV export of the Annuaire de l'éducation (2023 or 2026 column set), of the geolocation of
// establishments (field names or French labels as header) or of `export schools`, and upserts its collèges,
// lycées, EREA and post-bac schools by UAI. Columns are found by name; a column the file lacks leaves the stored
// value alone. Bad lines are rejected with their line number and never stop the others. Rows are written in
// transactions of 500, so an interruption leaves whole rows only, and a second run reports 0 inserted.
// `source` is recorded on the rows written (e.g. the file name).
ImportSummary import_schools(Store& store, std::istream& in, const ProgressFn& progress = {},
                             const std::string& source = "");

}  // namespace passerelles::store
