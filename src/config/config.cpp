// The option table and how files, environment and values are read and checked.
#include "config/config.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace passerelles::config {

const std::vector<Option>& options() {
  static const std::vector<Option> table = {
      {"db", "PASSERELLES_DB", "Database URL: sqlite:PATH or postgresql://user:pass@host/db", true, &Config::db},
      {"listen", "PASSERELLES_LISTEN", "Address and port to listen on", false, &Config::listen},
      {"public_url", "PASSERELLES_PUBLIC_URL", "Public base URL used in e-mails and links (default: from listen)",
       false, &Config::public_url},
      {"data_dir", "PASSERELLES_DATA_DIR", "Folder of reference data (schools, communes, ROME, geo)", false,
       &Config::data_dir},
      {"log_level", "PASSERELLES_LOG_LEVEL", "trace, debug, info, warn or error", false, &Config::log_level},
      {"access_log", "PASSERELLES_ACCESS_LOG", "Log one line per HTTP request (true/false)", false,
       &Config::access_log},
      {"jobs", "PASSERELLES_JOBS",
       "Run the scheduled work in the server (reminders, lapsed bookings and requests, expired applications and "
       "offers, feedback requests, erasure and purges, monthly digest) every 5 minutes (true/false)",
       false, &Config::jobs},
      {"booking_limit", "PASSERELLES_BOOKING_LIMIT",
       "Anonymous event bookings accepted per client address and hour (429 beyond)", false, &Config::booking_limit},
      {"minor_data_months", "PASSERELLES_MINOR_DATA_MONTHS",
       "Months after a mentoring programme or an offer ends before minors' personal data is purged", false,
       &Config::minor_data_months},
      {"io_threads", "PASSERELLES_IO_THREADS", "Network threads", false, &Config::io_threads},
      {"db_threads", "PASSERELLES_DB_THREADS", "Worker threads for request handling and database work", false,
       &Config::db_threads},
      {"body_limit", "PASSERELLES_BODY_LIMIT", "Largest request body in bytes (413 beyond)", false,
       &Config::body_limit},
      {"upload_limit", "PASSERELLES_UPLOAD_LIMIT",
       "Largest upload in bytes on photo and video routes (portraits; 413 beyond)", false, &Config::upload_limit},
      {"header_limit", "PASSERELLES_HEADER_LIMIT", "Largest request header block in bytes (431 beyond)", false,
       &Config::header_limit},
      {"read_timeout", "PASSERELLES_READ_TIMEOUT", "Seconds to wait for a request before closing the connection", false,
       &Config::read_timeout},
      {"shutdown_grace", "PASSERELLES_SHUTDOWN_GRACE", "Seconds in-flight requests get to finish on SIGTERM", false,
       &Config::shutdown_grace},
      {"session_idle_minutes", "PASSERELLES_SESSION_IDLE_MINUTES", "A session ends after this much inactivity", false,
       &Config::session_idle_minutes},
      {"session_max_hours", "PASSERELLES_SESSION_MAX_HOURS", "A session ends this long after login whatever happens",
       false, &Config::session_max_hours},
      {"smtp_url", "PASSERELLES_SMTP_URL", "SMTP server for outgoing mail (smtp:// or smtps://)", false,
       &Config::smtp_url},
      {"smtp_user", "PASSERELLES_SMTP_USER", "SMTP user name", false, &Config::smtp_user},
      {"smtp_password", "PASSERELLES_SMTP_PASSWORD", "SMTP password", true, &Config::smtp_password},
      {"mail_from", "PASSERELLES_MAIL_FROM", "Sender of outgoing mail", false, &Config::mail_from},
      {"trust_proxy", "PASSERELLES_TRUST_PROXY", "Trust X-Forwarded-For/-Proto from a reverse proxy (true/false)",
       false, &Config::trust_proxy},
  };
  return table;
}

namespace {

const Option* find_option(const std::string& key) {
  for (const auto& o : options())
    if (key == o.key) return &o;
  return nullptr;
}

bool parse_int(const std::string& s, long long& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

int Config::int_option(const std::string& key) const {
  const Option* o = find_option(key);
  if (!o) throw std::logic_error("unknown option " + key);
  long long v = 0;
  if (!parse_int(this->*(o->member), v)) throw std::runtime_error("option " + key + " is not a whole number");
  return static_cast<int>(v);
}

bool Config::bool_option(const std::string& key) const {
  const Option* o = find_option(key);
  if (!o) throw std::logic_error("unknown option " + key);
  const std::string& v = this->*(o->member);
  return v == "true" || v == "1" || v == "yes" || v == "on";
}

std::string Config::base_url() const {
  if (!public_url.empty()) {
    std::string u = public_url;
    while (!u.empty() && u.back() == '/') u.pop_back();
    return u;
  }
  return "http://" + listen;
}

void load_file_and_env(Config& cfg) {
  if (const char* f = std::getenv("PASSERELLES_CONFIG"); f && cfg.config_file.empty()) cfg.config_file = f;
  if (!cfg.config_file.empty()) {
    toml::table tbl;
    try {
      tbl = toml::parse_file(cfg.config_file);
    } catch (const toml::parse_error& e) {
      std::ostringstream msg;
      msg << cfg.config_file << ":" << e.source().begin.line << ":" << e.source().begin.column << ": "
          << e.description();
      throw std::runtime_error(msg.str());
    }
    for (auto&& [k, v] : tbl) {
      const Option* o = find_option(std::string(k.str()));
      if (!o) throw std::runtime_error(cfg.config_file + ": unknown option '" + std::string(k.str()) + "'");
      if (auto s = v.value<std::string>()) {
        cfg.*(o->member) = *s;
      } else if (auto i = v.value<int64_t>()) {
        cfg.*(o->member) = std::to_string(*i);
      } else if (auto b = v.value<bool>()) {
        cfg.*(o->member) = *b ? "true" : "false";
      } else {
        throw std::runtime_error(cfg.config_file + ": option '" + std::string(k.str()) +
                                 "' must be a string, a whole number or a boolean");
      }
    }
  }
  for (const auto& o : options())
    if (const char* v = std::getenv(o.env)) cfg.*(o.member) = v;
}

std::vector<std::string> validate(const Config& cfg) {
  std::vector<std::string> errors;
  for (const char* key :
       {"io_threads", "db_threads", "body_limit", "upload_limit", "header_limit", "read_timeout", "shutdown_grace",
        "session_idle_minutes", "session_max_hours", "booking_limit", "minor_data_months"}) {
    const Option* o = find_option(key);
    long long v = 0;
    if (!parse_int(cfg.*(o->member), v) || v <= 0)
      errors.push_back(std::string("option ") + key + " (" + o->env + ") must be a positive whole number, got '" +
                       cfg.*(o->member) + "'");
  }
  if (cfg.db.rfind("sqlite:", 0) != 0 && cfg.db.rfind("postgresql://", 0) != 0 && cfg.db.rfind("postgres://", 0) != 0)
    errors.push_back("option db must start with sqlite: or postgresql://");
  if (cfg.listen.find(':') == std::string::npos) errors.push_back("option listen must be HOST:PORT");
  for (const char* key : {"access_log", "trust_proxy", "jobs"}) {
    const std::string& v = cfg.*(find_option(key)->member);
    if (v != "true" && v != "false" && v != "1" && v != "0" && v != "yes" && v != "no" && v != "on" && v != "off")
      errors.push_back(std::string("option ") + key + " must be true or false, got '" + v + "'");
  }
  return errors;
}

std::string dump(const Config& cfg) {
  std::ostringstream out;
  out << "# Effective configuration (defaults < file < PASSERELLES_* < flags); secrets masked.\n";
  for (const auto& o : options()) {
    std::string v = cfg.*(o.member);
    if (o.secret && !v.empty()) {
      if (o.member == &Config::db) {
        // Mask only the password part of a database URL.
        auto at = v.find('@');
        auto scheme = v.find("://");
        auto colon = scheme == std::string::npos ? std::string::npos : v.find(':', scheme + 3);
        if (at != std::string::npos && colon != std::string::npos && colon < at)
          v = v.substr(0, colon + 1) + "********" + v.substr(at);
        for (const char* k : {"password="}) {
          auto p = v.find(k);
          if (p != std::string::npos) {
            auto end = v.find_first_of("& ", p);
            v = v.substr(0, p + 9) + "********" + (end == std::string::npos ? "" : v.substr(end));
          }
        }
      } else {
        v = "********";
      }
    }
    out << "# " << o.help << " (" << o.env << ")\n" << o.key << " = " << toml::value<std::string>(v) << "\n";
  }
  return out.str();
}

}  // namespace passerelles::config
