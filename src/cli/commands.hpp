// The subcommands of `passerelles`; each returns the process exit code and prints precise errors.
#pragma once
#include <string>

#include "config/config.hpp"

namespace passerelles::cli {

int cmd_serve(const config::Config& cfg);
int cmd_migrate(const config::Config& cfg);

struct DemoOptions {
  bool reset = false;  // wipe the database's network data first
};
int cmd_demo(const config::Config& cfg, const DemoOptions& opts);

struct UserAddOptions {
  std::string email;
  std::string role;
  std::string territory;  // slug; empty for admin
  std::string name;
  bool password_stdin = false;
  std::string organisation;  // the organisation she acts for: its id, or its exact name in the territory's directory
};
int cmd_user_add(const config::Config& cfg, const UserAddOptions& opts);

struct ImportOptions {
  std::string what;  // schools | communes | rome | portraits
  std::string file;  // a file (schools) or a folder/file; empty: from the data folder
  bool quiet = false;
  std::string photos;     // portraits: the folder of the photo files the CSV names
  std::string campaign;   // portraits: the campaign's name (created when new)
  std::string territory;  // portraits: territory slug; may be left out when the database has only one
};
int cmd_import(const config::Config& cfg, const ImportOptions& opts);

struct ExportOptions {
  std::string format = "csv";  // csv | json
  std::string out;             // empty: standard output
  std::string department;      // optional filter, 3 characters
};
int cmd_export_schools(const config::Config& cfg, const ExportOptions& opts);

struct ReportOptions {
  std::string territory;        // slug
  std::string from, to;         // 'YYYY-MM' or 'YYYY-MM-DD' (reduced to its month)
  std::string format;           // pdf | xlsx | csv; empty: from the extension of `out`
  std::string out;              // file; "-" = standard output
  std::string separator = ";";  // csv only: ';' or ','
};
int cmd_report(const config::Config& cfg, const ReportOptions& opts);

// Before/after statistics of a perception survey from a CSV of answers (docs/surveys.md). Bad input exits with 1
// and names the line.
struct SurveyStatsOptions {
  std::string in;     // CSV file; "-" = standard input
  bool json = false;  // JSON instead of a readable table
};
int cmd_survey_stats(const SurveyStatsOptions& opts);

// The matching engine alone on a JSON instance (docs/matching.md); bad input exits with 2 and names the JSON path.
struct MatchOptions {
  std::string in;         // instance file; "-" = standard input
  std::string out = "-";  // result file; "-" = standard output
};
int cmd_match(const MatchOptions& opts);

// Numbers are kept as text and checked by the command (exit code 2 with a precise message).
struct GenerateHistoryOptions {
  std::string territories = "0";  // > 0: bench-001 … bench-N; 0: every existing territory
  std::string years = "10";
  std::string actions = "50000";
  std::string seed = "1";
  std::string end;  // 'YYYY-MM-DD'; empty = today
  bool quiet = false;
};
int cmd_generate_history(const config::Config& cfg, const GenerateHistoryOptions& opts);

// Hidden: times `count` inserts, validations, edits and deletions of actions through the store API.
struct BenchWritesOptions {
  std::string territory;  // slug
  std::string count = "1000";
};
int cmd_bench_writes(const config::Config& cfg, const BenchWritesOptions& opts);

// The scheduled work of events once (jobs/events_jobs.hpp); prints a French summary line. Exits 1 when an e-mail
// could not be sent.
int cmd_jobs_run(const config::Config& cfg);

}  // namespace passerelles::cli
