// The demo's events (called by `passerelles demo`, after the actions and surveys): in each territory, upcoming
// visits of companies and labs, an open day, a forum, the 8 March day and a webinar, with classes and adults
// booked (one event full with a waiting list), a draft and a cancelled event; the demo company and school
// contacts are linked to their organisations so that they can host events.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each demo territory present that has no event yet (so running it twice changes nothing). Days are counted
// from today, so the calendar is always ahead. Prints one line per territory on `out`.
void demo_events(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
