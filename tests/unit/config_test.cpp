// Config: every option is documented, precedence file < environment, validation and secret masking.
#include "config/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace passerelles::config;

TEST(Config, EveryOptionIsDocumented) {
  std::ifstream f(std::string(PASSERELLES_SOURCE_DIR) + "/docs/configuration.md");
  std::stringstream ss;
  ss << f.rdbuf();
  for (const auto& o : options()) {
    EXPECT_NE(ss.str().find(std::string("| ") + o.key + " |"), std::string::npos) << o.key;
    EXPECT_NE(ss.str().find(o.env), std::string::npos) << o.env;
  }
}

TEST(Config, FileThenEnvironment) {
  auto path = std::filesystem::temp_directory_path() / "passerelles-config-test.toml";
  std::ofstream(path) << "listen = \"0.0.0.0:9000\"\ndb_threads = 8\naccess_log = false\n";
  Config c;
  c.config_file = path.string();
  setenv("PASSERELLES_DB_THREADS", "3", 1);
  load_file_and_env(c);
  unsetenv("PASSERELLES_DB_THREADS");
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.db_threads, "3") << "the environment wins over the file";
  EXPECT_FALSE(c.bool_option("access_log"));
  EXPECT_TRUE(validate(c).empty());
}

TEST(Config, BadFileAndBadValuesAreReportedPrecisely) {
  auto path = std::filesystem::temp_directory_path() / "passerelles-config-bad.toml";
  std::ofstream(path) << "listen = \n";
  Config c;
  c.config_file = path.string();
  try {
    load_file_and_env(c);
    FAIL() << "a syntax error must throw";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(":1:"), std::string::npos) << e.what();
  }
  std::ofstream(path) << "unknown_option = 1\n";
  EXPECT_THROW(load_file_and_env(c), std::runtime_error);
  Config v;
  v.db_threads = "x";
  v.db = "mysql://nope";
  auto errors = validate(v);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("PASSERELLES_DB_THREADS"), std::string::npos);
}

TEST(Config, DumpMasksSecrets) {
  Config c;
  c.db = "postgresql://app:hunter2@db/passerelles";
  c.smtp_password = "topsecret";
  std::string d = dump(c);
  EXPECT_EQ(d.find("hunter2"), std::string::npos);
  EXPECT_EQ(d.find("topsecret"), std::string::npos);
  EXPECT_NE(d.find("postgresql://app:********@db/passerelles"), std::string::npos);
}
