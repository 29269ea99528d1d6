// The demo's company hires (called by `passerelles demo`): in each demo territory, the first companies of the
// directory report their hires of last year and this year, so that the dashboard shows the share of women among hires.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each territory whose companies have reported nothing yet (running it twice changes nothing). Prints one line
// per territory on `out`.
void demo_funnel(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
