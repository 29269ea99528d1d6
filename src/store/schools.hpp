// Schools and communes (reference data shared by all territories): upserts for importers, queries for pages.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/school.hpp"
#include "store/store.hpp"

namespace passerelles::store {

enum class UpsertResult { inserted, updated, unchanged };

// Optional columns of a school, one bit each: an import file that lacks a column (the geolocation export has no
// pupil count) leaves the stored value alone. UAI, name and kind are always given.
namespace school_field {
inline constexpr unsigned sector = 1u << 0, address = 1u << 1, postal_code = 1u << 2, commune_insee = 1u << 3,
                          commune_name = 1u << 4, department = 1u << 5, academy = 1u << 6, region = 1u << 7,
                          coordinates = 1u << 8, priority_education = 1u << 9, pupils = 1u << 10, phone = 1u << 11,
                          email = 1u << 12, website = 1u << 13, voies = 1u << 14, all = (1u << 15) - 1;
}

// Inserts or updates by UAI inside the caller's transaction (importers batch many rows per transaction).
// `unchanged` when every given field already holds the value (source and updated_at are not compared);
// the `search` column is derived from name, commune and UAI.
UpsertResult upsert_school(soci::session& sql, const domain::School& s, unsigned fields = school_field::all);

// The same with its statements prepared once, for importers writing many rows on one session.
class SchoolUpserter {
 public:
  explicit SchoolUpserter(soci::session& sql);
  ~SchoolUpserter();
  SchoolUpserter(const SchoolUpserter&) = delete;
  SchoolUpserter& operator=(const SchoolUpserter&) = delete;
  UpsertResult upsert(const domain::School& s, unsigned fields = school_field::all);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::optional<domain::School> school_by_uai(Store& s, const std::string& uai);
std::optional<domain::School> school_by_id(Store& s, long long id);

struct SchoolFilter {
  std::vector<std::string> departments;  // empty: all (admin); a territory passes its own
  std::string query;                     // folded words matched against name, commune and UAI
  std::string kind;                      // '' or a kind
  std::string commune_insee;
  int page = 1;  // 1-based
  int per_page = 50;
};
struct SchoolPage {
  std::vector<domain::School> rows;
  long long total = 0;
};
SchoolPage schools_matching(Store& s, const SchoolFilter& f);
// Every school, ordered by UAI (export); department '' for all.
std::vector<domain::School> schools_for_export(Store& s, const std::string& department);

// Communes. Inserts or updates by INSEE code and replaces its postal codes; returns whether anything changed.
// Coordinates absent from `c` keep the stored ones.
bool upsert_commune(soci::session& sql, const domain::Commune& c);
class CommuneUpserter {
 public:
  explicit CommuneUpserter(soci::session& sql);
  ~CommuneUpserter();
  CommuneUpserter(const CommuneUpserter&) = delete;
  CommuneUpserter& operator=(const CommuneUpserter&) = delete;
  // `stored_codes`, when the caller has them (see all_communes), saves reading the commune's codes.
  bool upsert(const domain::Commune& c, const std::vector<std::string>* stored_codes = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
std::optional<domain::Commune> commune_by_insee(Store& s, const std::string& insee);
// Every commune with its postal codes (sorted), by INSEE code, in two queries: importers compare before writing.
std::map<std::string, domain::Commune> all_communes(Store& s);
std::vector<domain::Commune> communes_by_postal_code(Store& s, const std::string& postal_code);

}  // namespace passerelles::store
