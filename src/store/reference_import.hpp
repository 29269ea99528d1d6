// Import of the other reference data: communes with postal codes and centroids, and the ROME job reference.
#pragma once
#include <string>
#include <vector>

#include "store/import_report.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct TableImport {
  std::string table;        // communes, rome_codes, rome_titles…
  std::string file;         // what was read
  std::size_t rows = 0;     // records read
  std::size_t written = 0;  // inserted or changed (0 on a second run)
  std::vector<LineNote> rejected;

  TableImport(std::string t, std::string f) : table(std::move(t)), file(std::move(f)) {}
};

struct ReferenceSummary {
  std::vector<TableImport> tables;
  std::string error;  // nothing could be imported (no file found, columns missing); French
  double seconds = 0;
  bool ok() const { return error.empty(); }
};

// Communes from `path`: a communes CSV (code_insee;nom;codes_postaux;code_departement;nom_region;population, as
// communes-france-2026.csv), decoupage-administratif's communes.json, or a folder holding communes-france-*.csv
// (itself or its communes/ subfolder). Coordinates come from a communes-*centroids*.csv next to the CSV when there is
// one; communes without keep the coordinates already stored. When `path` holds no communes file, falls back to
// node_modules/@etalab/decoupage-administratif/data/communes.json (installed by scripts/install.sh; looked for from
// the working directory and from the executable's parent folder). Postal codes are replaced per commune.
// Idempotent: a second run writes nothing.
ReferenceSummary import_communes(Store& store, const std::string& path, const ProgressFn& progress = {});

// ROME from the folder `path` (or its metiers/ subfolder): rome-v*-codes.csv (code_rome, libelle_rome),
// rome-v*-appellations.csv (code_ogr, libelle_appellation_long, code_rome), rome-domaines.csv and
// niveaux-diplomes.csv; the highest version is taken when several are present. Idempotent.
ReferenceSummary import_rome(Store& store, const std::string& path);

}  // namespace passerelles::store
