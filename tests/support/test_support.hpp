// Shared test helpers: which engines to run store tests on, and a fresh migrated database per test.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace passerelles::fixture {

// "sqlite" and "postgresql"; the latter needs PASSERELLES_TEST_PG, a connection URL (make test sets it).
std::vector<std::string> engines();
// A migrated, empty database: a new SQLite file, or the PostgreSQL test database truncated.
std::unique_ptr<store::Store> fresh_store(const std::string& engine);
// The shared reference data folder.
std::string data_dir();

// The number of rows in `table` (a name the test writes, never user input).
long long count_rows(store::Store& s, const std::string& table);

// A valid UAI from 7 digits: the digits and their check letter.
std::string uai_from_digits(const std::string& digits);

}  // namespace passerelles::fixture
