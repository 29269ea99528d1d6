// Declares the subcommands and the global options from the one option table, then dispatches.
#include "cli/cli.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.hpp"
#include "config/config.hpp"

namespace passerelles::cli {

int run(int argc, char** argv) {
  CLI::App app{"Passerelles — plateforme des réseaux qui amènent les filles et les femmes vers l’industrie"};
  app.require_subcommand(1);
  app.set_version_flag("--version", PASSERELLES_VERSION);
  config::Config cfg;
  std::string config_file;
  app.add_option("--config", config_file, "TOML configuration file (PASSERELLES_CONFIG)");
  // Every option of the table is also a flag; a flag given wins over the file and the environment.
  std::map<std::string, std::string> flags;
  for (const auto& o : config::options()) {
    std::string flag = std::string("--") + o.key;
    for (auto& ch : flag)
      if (ch == '_') ch = '-';
    app.add_option(flag, flags[o.key], std::string(o.help) + " (" + o.env + ")");
  }
  app.fallthrough();

  auto* serve = app.add_subcommand("serve", "Serve the web application (refuses a stale schema)");
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  DemoOptions demo_opts;
  auto* demo = app.add_subcommand("demo", "Create the two demo territories with real schools and fictional people");
  demo->add_flag("--reset", demo_opts.reset, "Delete all network data first");
  auto* version = app.add_subcommand("version", "Print the version");

  auto* user = app.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  UserAddOptions ua;
  auto* user_add = user->add_subcommand("add", "Create an account");
  user_add->add_option("--email", ua.email, "E-mail address (the login)")->required();
  user_add
      ->add_option("--role", ua.role,
                   "admin, coordinator, ambassador, school_contact, company_contact, prescriber or viewer")
      ->required();
  user_add->add_option("--territory", ua.territory, "Territory slug (not for admin)");
  user_add->add_option("--name", ua.name, "Display name");
  user_add->add_option("--organisation", ua.organisation,
                       "Organisation she acts for (company, school or prescriber contacts): its id or exact name");
  user_add->add_flag("--password-stdin", ua.password_stdin, "Read the password from standard input")->required();

  auto* import = app.add_subcommand("import", "Import reference data");
  import->require_subcommand(1);
  ImportOptions io;
  for (const auto& [what, help] : std::vector<std::pair<std::string, std::string>>{
           {"schools", "Schools from an Annuaire de l'éducation or geolocation CSV export"},
           {"communes", "Communes and postal codes (default: from the data folder)"},
           {"rome", "ROME v460 codes and job titles, domains and diploma levels (default: from the data folder)"}}) {
    auto* sub = import->add_subcommand(what, help);
    sub->add_option("file", io.file, "File or folder to read")->required(what == "schools");
    sub->add_flag("--quiet", io.quiet, "No progress bar");
    sub->callback([&io, what = what] { io.what = what; });
  }
  auto* import_portraits =
      import->add_subcommand("portraits", "A campaign of portraits from a CSV file and a folder of photos");
  import_portraits->add_option("file", io.file, "CSV file (docs/collective.md lists its columns)")->required();
  import_portraits->add_option("--photos", io.photos, "Folder of the photo files named in the CSV");
  import_portraits->add_option("--campaign", io.campaign, "Campaign name, e.g. \"Femmes et Microtechniques 2019\"")
      ->required();
  import_portraits->add_option("--territory", io.territory, "Territory slug (needed when there are several)");
  import_portraits->callback([&io] { io.what = "portraits"; });

  auto* exp = app.add_subcommand("export", "Export data");
  exp->require_subcommand(1);
  ExportOptions eo;
  auto* exp_schools = exp->add_subcommand("schools", "Export the school directory");
  exp_schools->add_option("--format", eo.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
  exp_schools->add_option("--out", eo.out, "Output file (default: standard output)");
  exp_schools->add_option("--department", eo.department, "Only this département (e.g. 035)");

  ReportOptions ro;
  auto* report = app.add_subcommand("report", "Write the funder report or the indicators of a territory for a period");
  report->add_option("--territory", ro.territory, "Territory slug");
  report->add_option("--from", ro.from, "First month, YYYY-MM (a day YYYY-MM-DD counts as its month)");
  report->add_option("--to", ro.to, "Last month, YYYY-MM (a day YYYY-MM-DD counts as its month)");
  report->add_option("--format", ro.format, "pdf, xlsx or csv (default: from the extension of --out)");
  report->add_option("--out", ro.out, "Output file ('-' for standard output)");
  report->add_option("--separator", ro.separator, "CSV separator: ';' (French Excel, default) or ','");

  SurveyStatsOptions sso;
  auto* survey_stats = app.add_subcommand("survey-stats", "Before/after statistics of survey answers from a CSV file");
  survey_stats->add_option("--in", sso.in, "CSV file: phase,question,value,code ('-' for standard input)")->required();
  survey_stats->add_flag("--json", sso.json, "Print JSON instead of a table");

  MatchOptions mo;
  auto* match = app.add_subcommand("match", "Match ambassadors to school requests (JSON, docs/matching.md)");
  match->add_option("--in", mo.in, "Instance JSON file ('-' for standard input)")->required();
  match->add_option("--out", mo.out, "Result JSON file ('-' for standard output, the default)");

  GenerateHistoryOptions gh;
  auto* generate = app.add_subcommand("generate-history", "Write a synthetic history of actions (benchmarks)");
  generate->add_option("--territories", gh.territories,
                       "Create or reuse bench-001 … bench-N (0: existing territories)");
  generate->add_option("--years", gh.years, "Years of history, ending on --end (default 10)");
  generate->add_option("--actions", gh.actions, "Actions in all (default 50000)");
  generate->add_option("--seed", gh.seed, "Seed: the same seed on the same database gives the same history");
  generate->add_option("--end", gh.end, "Last day, YYYY-MM-DD (default today)");
  generate->add_flag("--quiet", gh.quiet, "No progress lines");
  BenchWritesOptions bw;
  auto* bench_writes = app.add_subcommand("bench-writes", "Time action writes through the store API (bench/)");
  bench_writes->group("");  // hidden from --help
  bench_writes->add_option("--territory", bw.territory, "Territory slug")->required();
  bench_writes->add_option("--count", bw.count, "Actions to insert, validate, edit and delete (default 1000)");

  auto* jobs = app.add_subcommand("jobs", "Scheduled work");
  jobs->require_subcommand(1);
  auto* jobs_run =
      jobs->add_subcommand("run", "Run the scheduled work of events once: reminders, lapsed bookings, anonymisation");

  auto* conf = app.add_subcommand("config", "Configuration");
  conf->require_subcommand(1);
  auto* dump = conf->add_subcommand("dump", "Print the effective configuration, secrets masked");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    cfg.config_file = config_file;
    config::load_file_and_env(cfg);
    for (const auto& o : config::options())
      if (!flags[o.key].empty()) cfg.*(o.member) = flags[o.key];
  } catch (const std::exception& e) {
    std::cerr << "passerelles: configuration: " << e.what() << "\n";
    return 2;
  }
  if (auto errors = config::validate(cfg); !errors.empty()) {
    for (const auto& e : errors) std::cerr << "passerelles: " << e << "\n";
    return 2;
  }
  spdlog::set_level(spdlog::level::from_str(cfg.log_level));

  try {
    if (*version) {
      std::cout << "passerelles " << PASSERELLES_VERSION << "\n";
      return 0;
    }
    if (*dump) {
      std::cout << config::dump(cfg);
      return 0;
    }
    if (*serve) return cmd_serve(cfg);
    if (*migrate) return cmd_migrate(cfg);
    if (*demo) return cmd_demo(cfg, demo_opts);
    if (*user_add) return cmd_user_add(cfg, ua);
    if (*import) return cmd_import(cfg, io);
    if (*exp_schools) return cmd_export_schools(cfg, eo);
    if (*report) return cmd_report(cfg, ro);
    if (*survey_stats) return cmd_survey_stats(sso);
    if (*match) return cmd_match(mo);
    if (*generate) return cmd_generate_history(cfg, gh);
    if (*bench_writes) return cmd_bench_writes(cfg, bw);
    if (*jobs_run) return cmd_jobs_run(cfg);
  } catch (const std::exception& e) {
    std::cerr << "passerelles: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace passerelles::cli
