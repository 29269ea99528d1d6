// Small counts for the home page and the dashboard.
#pragma once
#include "domain/account.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct PublicCounts {
  long long territories = 0, schools = 0, organisations = 0;
};
PublicCounts public_counts(Store& s);

struct TerritoryCounts {
  long long schools = 0, organisations = 0, people = 0;
};
// Schools are counted over the territory's départements; the rest over its own records.
TerritoryCounts territory_counts(Store& s, const domain::Territory& t);

// A number that changes when the school directory changes (row count and last update time), for caches.
long long schools_version(Store& s);

}  // namespace passerelles::store
