// The demo's offers and applications (called by `passerelles demo`, after the intervention requests): in each
// territory, rh@… acts for a demo company, enseignant@… for a partner school and conseiller@… for the prescriber;
// five offers of every kind, and a dozen applications in various states (some accepted and completed, girls and
// boys) so that /offres, /candidatures and the funnel show something.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each territory that has the demo accounts and no offer yet (running it twice changes nothing). Prints one line
// per territory on `out`.
void demo_opportunities(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
