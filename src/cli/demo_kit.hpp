// The demo's discourse kit and internal networks (called by `passerelles demo`, after the events and the collective):
// in each demo territory, the ready-to-use clichés page, two pages co-written over several versions by different
// members, six shared resources with tags (links and a small generated PDF), and two networks — a women's network at
// one of the demo companies and a group at a demo lycée or collège — with members among the demo ambassadors (none
// when the collective is not there yet) and a few of the territory's actions.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each demo territory present: the pages, resources and networks it does not have yet (so running it twice
// changes nothing). Prints one line per territory on `out`.
void demo_kit(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
