// Schools and communes (reference data shared by all territories): upserts for importers, queries for pages.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/school.hpp"
#include "store/store.hpp"

namespace passerelles::store {

enum class UpsertResult { inserted, updated, unchanged };

// Inserts or updates by UAI inside the caller's transaction (importers batch many rows per transaction).
UpsertResult upsert_school(soci::session& sql, const domain::School& s);

std::optional<domain::School> school_by_uai(Store& s, const std::string& uai);
std::optional<domain::School> school_by_id(Store& s, long long id);

struct SchoolFilter {
  std::vector<std::string> departments;  // empty: all (admin); a territory passes its own
  std::string query;                     // folded words matched against name, commune and UAI
  std::string kind;                      // '' or a kind
  std::string commune_insee;
  int page = 1;                          // 1-based
  int per_page = 50;
};
struct SchoolPage {
  std::vector<domain::School> rows;
  long long total = 0;
};
SchoolPage schools_matching(Store& s, const SchoolFilter& f);
// Every school, ordered by UAI (export); department '' for all.
std::vector<domain::School> schools_for_export(Store& s, const std::string& department);

// Communes.
void upsert_commune(soci::session& sql, const domain::Commune& c);
std::optional<domain::Commune> commune_by_insee(Store& s, const std::string& insee);
std::vector<domain::Commune> communes_by_postal_code(Store& s, const std::string& postal_code);

}  // namespace passerelles::store
