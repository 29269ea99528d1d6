// The académie of a territory, read from the school directory when the territory does not name one.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"

namespace passerelles::store {

// The académie most of the schools of these départements (3-character codes) belong to, as the directory
// writes it ("Besançon"); ties go to the first in alphabetical order; "" when no school has one.
std::string most_frequent_academy(Store& s, const std::vector<std::string>& departments);

}  // namespace passerelles::store
