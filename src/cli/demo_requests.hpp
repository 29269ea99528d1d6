// The demo's intervention requests (called by `passerelles demo`, after the collective): in each territory about a
// dozen confirmed requests from real directory schools near the ambassadors, in the coming six weeks (various kinds,
// levels and days, two for a pair, one far school that nobody can reach), then a matching run whose first proposals
// are accepted, one of them by the ambassador — so that /interventions and /interventions/besoins show something.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each demo territory present that has active ambassadors and no request yet (running it twice changes
// nothing). Prints one line per territory on `out`.
void demo_requests(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
