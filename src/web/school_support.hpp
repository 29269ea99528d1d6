// Shared by the school pages and the schools API: the filter from a query string and display values.
#pragma once
#include "domain/school.hpp"
#include "store/schools.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// q, type (kind), commune, page from the query string; départements are the actor's territory's (all for an
// admin, or the admin's `departement` choice). Values that are not acceptable fall back to defaults.
store::SchoolFilter school_filter(const Ctx& c);
Data school_data(const domain::School& s);

}  // namespace passerelles::web
