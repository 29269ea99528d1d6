// Indicators: the figures of the dashboard, the exports, the funder report and /api/v1/indicators — one
// computation, so that all of them show the same numbers. Read from the aggregates (action_agg,
// action_agg_month, school_reach) kept up to date by store/actions.cpp; `indicators_from_actions` computes the
// same from the actions themselves (the reference the tests and `rebuild_aggregates` are checked against).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/action.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct IndicatorFilter {
  long long territory_id = 0;   // 0 = every territory (federation admin)
  std::string from_month;       // 'YYYY-MM', inclusive; "" = from the beginning
  std::string to_month;         // 'YYYY-MM', inclusive; "" = up to now
  long long initiative_id = 0;  // 0 = all
  std::string kind;             // action kind, "" = all
  std::string audience;         // audience category code: `people` counts that category only; "" = all
  std::string level_group;      // domain::level_groups(): actions that reached such a class; "" = all
  bool priority_only = false;   // actions that reached a priority-education (REP/REP+) school
  // level_group and priority_only are not in the aggregates: those views read the actions of the territory.
  bool needs_actions_scan() const { return !level_group.empty() || priority_only; }
};

// Counted values (docs/counting.md).
struct Totals {
  long long actions = 0;
  long long minutes = 0;
  long long people = 0;  // sum of the audience (or the filtered category)
  domain::Audience audience;
  // Share of girls among pupils, in [0,1]; nullopt when no pupil was counted.
  std::optional<double> girls_share() const;
  Totals& operator+=(const Totals& o);
};

struct Row {
  std::string key;    // month 'YYYY-MM', kind code, département code, territory slug, initiative id…
  std::string label;  // French label
  Totals totals;
};

struct Target {
  std::string indicator;  // people_reached | girls | actions | schools_reached
  std::string label;      // French
  long long target = 0;   // sum of the yearly targets of the years in the period (whole years overlapping it)
  long long actual = 0;
};

struct ReachedSchool {
  long long id = 0;
  std::string uai, name, commune, department, priority_education;
  std::optional<double> lat, lon;
  long long actions = 0;
};

struct Indicators {
  IndicatorFilter filter;
  std::string from_month, to_month;  // the effective period
  Totals total;
  long long schools_reached = 0;    // distinct schools reached by validated actions in the period
  long long territory_schools = 0;  // collèges and lycées of the territory's départements (directory)
  std::optional<double> schools_share() const;
  std::vector<Row> by_month;       // every month of the period, empty ones included, in order
  std::vector<Row> by_kind;        // kinds with at least one action, in action_kinds() order
  std::vector<Row> by_initiative;  // initiatives of the territory (and "Sans initiative"), in plan order
  std::vector<Row> by_department;  // départements with at least one action
  std::vector<Row> by_territory;   // every territory (federation view only: filter.territory_id == 0)
  std::vector<Row> by_audience;    // one row per audience category (its count in totals.people)
  // Credit per organisation involved (a co-delivered action counts for each partner, once in the total).
  std::vector<Row> by_organisation;
  std::vector<Target> targets;         // territory view only
  std::vector<ReachedSchool> schools;  // territory view only: the schools reached, for the map
};

// From the aggregates. Territory filter 0 = the federation.
Indicators indicators(Store& s, const IndicatorFilter& f);
// The same figures computed from the validated actions (slow on large histories; tests and checks).
Indicators indicators_from_actions(Store& s, const IndicatorFilter& f);

// Rebuilds action_agg, action_agg_month and school_reach from the actions: of one territory, or of all (0).
void rebuild_aggregates(Store& s, long long territory_id = 0);

// The raw rows of the aggregate tables, sorted, as text lines (tests compare maintained vs rebuilt).
std::vector<std::string> aggregate_rows(Store& s, long long territory_id = 0);

}  // namespace passerelles::store
