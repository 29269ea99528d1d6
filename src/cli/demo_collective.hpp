// The demo's collective (called by `passerelles demo`, after the events): in each demo territory, about 25
// ambassadors with profiles that fit its industry (microtechnique and usinage in cmq-msi-bfc; verre, maintenance
// and plasturgie in ti-flandre-saint-omer), communes of the territory, availability and training paths; the demo
// account ambassadrice@SLUG.demo is one of them (every consent given); some took part in recent actions, some
// only in older ones (dormant), three joined lately, two are invited and three applied through the public form.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each demo territory present that has no member yet (so running it twice changes nothing). Prints one line
// per territory on `out`.
void demo_ambassadors(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
