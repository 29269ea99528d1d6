// The demo's questionnaires and anonymous answers (called by `passerelles demo`, after the actions): the pupils'
// perception questionnaire before and after a dozen recent actions per territory, teachers' satisfaction with
// comments, free-text answers tagged with themes, and three public quotes per territory.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// For each demo territory present that has no questionnaire yet (so running it twice changes nothing).
// Deterministic: fixed seeds, only the links' public tokens are random. Prints one line per territory on `out`.
void demo_surveys(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
