// The demo's mentoring (called by `passerelles demo`, after the collective): in each demo territory one open
// programme for lycéennes with the first active ambassadors as mentors (their offers get 'mentor' if needed), eight
// applications — adults are not allowed in a lycéennes programme, so a second open programme for women in
// reconversion takes the adults — a vouched 16-year-old, an under-15 with consent, one awaiting consent, a matching
// run with some pairs accepted, a few meetings and messages.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each demo territory present that has active ambassadors and no programme yet (running it twice changes
// nothing). Prints one line per territory on `out`.
void demo_mentoring(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
