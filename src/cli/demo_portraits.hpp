// The demo's portrait campaigns: « Femmes et Microtechniques 2019 » (60 portraits, cmq-msi-bfc) and « Elles font
// l’industrie — Flandre » (7 video portraits, ti-flandre-saint-omer), imported through the real CSV importer with
// generated photos.
#pragma once
#include <iostream>

#include "store/store.hpp"

namespace passerelles::cli {

// Writes each campaign as a CSV and a folder of drawn PNG avatars in a temporary folder, then runs
// store::import_portraits_csv on them (photos through media::process_photo, as an upload). Most portraits are
// published with every consent; a few are drafts, two are submitted, three withhold their photo. Also drafts the
// demo ambassador's own portrait from her profile when she has one. A campaign that already holds portraits is
// left alone (idempotent). Prints one line per campaign with its timing.
void demo_portraits(store::Store& s, std::ostream& out = std::cout);

}  // namespace passerelles::cli
