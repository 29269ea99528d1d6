// The demo's action plan and actions (called by `passerelles demo`): initiatives with targets, fundings (one ending
// soon, so that its warning shows), partnerships, and two school years of actions through the history generator.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each demo territory present: the plan when it has no initiative yet, the actions when it has none yet
// (so running it twice changes nothing). Prints one line per territory on `out`.
void demo_actions(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
