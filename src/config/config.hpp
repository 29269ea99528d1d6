// Runtime configuration: one table of options, read from defaults, a TOML file, PASSERELLES_* variables and flags.
#pragma once
#include <string>
#include <vector>

namespace passerelles::config {

struct Config {
  std::string config_file;
  std::string db = "sqlite:var/passerelles.db";
  std::string listen = "127.0.0.1:8080";
  std::string public_url;  // empty: derived from `listen`
  std::string data_dir = "../shared/data";
  std::string log_level = "info";
  std::string access_log = "true";
  std::string jobs = "true";
  std::string booking_limit = "30";
  std::string minor_data_months = "6";
  std::string io_threads = "1";
  std::string db_threads = "4";
  std::string body_limit = "10485760";
  std::string upload_limit = "104857600";
  std::string header_limit = "16384";
  std::string read_timeout = "30";
  std::string shutdown_grace = "10";
  std::string session_idle_minutes = "120";
  std::string session_max_hours = "12";
  std::string smtp_url = "smtp://127.0.0.1:2525";
  std::string smtp_user;
  std::string smtp_password;
  std::string mail_from = "Passerelles <ne-pas-repondre@passerelles.localhost>";
  std::string trust_proxy = "false";

  // Derived, typed views (validated by `validate`).
  int int_option(const std::string& key) const;
  bool bool_option(const std::string& key) const;
  std::string base_url() const;
};

struct Option {
  const char* key;   // TOML key and flag name (--key with '_' -> '-')
  const char* env;   // environment variable
  const char* help;  // one line, shown by --help and documented in docs/configuration.md
  bool secret;       // masked by `config dump`
  std::string Config::*member;
};

// The one table of options.
const std::vector<Option>& options();

// Applies the TOML file (if any), then the environment; flags are applied by the CLI afterwards.
// Throws std::runtime_error with a precise message on a bad file or a bad value.
void load_file_and_env(Config& cfg);

// Checks values (numbers, URLs); returns French-free English error lines for the CLI, empty when valid.
std::vector<std::string> validate(const Config& cfg);

// TOML text of the effective configuration with secrets masked.
std::string dump(const Config& cfg);

}  // namespace passerelles::config
