// Finds a string anywhere in the database: every column (cast to text) of every row of every table, whatever
// migration added it, so that a purge test also covers the columns added after it was written.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"

namespace passerelles::fixture {

// "table.column" of every value that contains `marker` (case-sensitive), one entry per row found.
std::vector<std::string> tables_containing(store::Store& s, const std::string& marker);

}  // namespace passerelles::fixture
