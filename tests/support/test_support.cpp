// Shared test helpers: the database under test (SQLite file or PASSERELLES_TEST_PG), fresh per test.
#include "support/test_support.hpp"

#include <filesystem>
#include <random>
#include <stdexcept>

#include "domain/validation.hpp"

namespace passerelles::fixture {

std::vector<std::string> engines() {
  return {"sqlite", "postgresql"};
}

std::unique_ptr<store::Store> fresh_store(const std::string& engine) {
  std::unique_ptr<store::Store> s;
  if (engine == "postgresql") {
    // One schema per test, so that tests can run in parallel processes against one server.
    const char* env = std::getenv("PASSERELLES_TEST_PG");
    if (!env || !*env)
      throw std::runtime_error(
          "PASSERELLES_TEST_PG is not set: run `make test`, or start scripts/pg_test.sh and "
          "export its URL");
    std::string url = env;
    std::random_device rd;
    std::string schema = "t" + std::to_string(rd()) + std::to_string(rd());
    store::Store::open(url, 1)->read([&](soci::session& sql) { sql << "CREATE SCHEMA " + schema; });
    url += std::string(url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
    s = store::Store::open(url, 4);
    s->migrate();
  } else {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("passerelles-test-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    s = store::Store::open("sqlite:" + (dir / "test.db").string(), 4);
    s->migrate();
  }
  return s;
}

std::string data_dir() {
  if (const char* d = std::getenv("PASSERELLES_DATA"); d && *d) return d;
  return std::string(PASSERELLES_SOURCE_DIR) + "/../shared/data";
}

long long count_rows(store::Store& s, const std::string& table) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
  });
}

std::string uai_from_digits(const std::string& digits) {
  for (char l : std::string("ABCDEFGHJKLMNPRSTUVWXYZ"))
    if (domain::is_valid_uai(digits + l)) return digits + l;
  return "";
}

}  // namespace passerelles::fixture
