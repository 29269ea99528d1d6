// A synthetic but plausible history of actions, written in bulk straight into the tables (benchmarks at national
// scale, the demo's actions): initiatives with yearly targets, actions over school years, their schools, classes,
// ambassadors and organisations; then the aggregates are rebuilt. Deterministic for a given seed and database.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace passerelles::cli {

struct HistoryOptions {
  // > 0: the territories bench-001 … bench-N (created when missing, each over 1–3 real metropolitan départements,
  // cycling over the 96); 0: `territory_ids`, or every existing territory when that is empty too.
  int territories = 0;
  std::vector<long long> territory_ids;
  int years = 10;             // the history covers the `years` years that end on `end_day`
  std::string end_day;        // 'YYYY-MM-DD'; "" = today in Paris
  long long actions = 50000;  // in all, shared between the territories (bigger territories get more)
  unsigned long long seed = 1;
  // Territories without initiatives get the four standard ones (standard_initiatives()) with yearly targets;
  // actions are attached to a territory's initiatives by name (others: by position).
  bool create_plan = true;
  double declared_share = 0.07;  // waiting for validation
  double rejected_share = 0.03;
  double ambassador_share = 0.6;  // of the actions with a school, when the territory has ambassador accounts
  bool rebuild = true;            // store::rebuild_aggregates once the actions are written
  std::function<void(long long done, long long total)> progress;  // after each batch
};

struct HistoryReport {
  int territories = 0;
  int territories_without_schools = 0;  // their actions reach no school (no schools imported there)
  int initiatives_created = 0;
  long long actions = 0, school_links = 0, classes = 0, ambassador_links = 0, organisation_links = 0;
  std::string first_day, last_day;
  double generate_seconds = 0;  // writing the rows (plan included)
  double rebuild_seconds = 0;   // store::rebuild_aggregates
};

// The four initiatives of the second source document; `kinds` are the action kinds attached to each.
struct StandardInitiative {
  std::string axis, name, objective;
  std::vector<std::string> audiences;  // domain::target_audiences() codes
  std::vector<std::string> kinds;      // domain::action_kinds() codes
};
const std::vector<StandardInitiative>& standard_initiatives();

// Throws std::invalid_argument for options out of range (years 1–50, actions 0–100 000 000, territories 0–999,
// shares in [0,1], a bad end_day, no territory to fill) and what the database throws.
HistoryReport generate_history(store::Store& s, const HistoryOptions& o);

}  // namespace passerelles::cli
