// Checks on the HTML pages the HTTP tests fetch: text search, the id a redirect names, and the accessibility rules
// that can be read from the markup (axe-core in tests/e2e checks the rendered pages).
#pragma once
#include <string>

namespace passerelles::fixture {

// The password of the users seed_user creates (its default).
inline const std::string kPassword = "mot-de-passe-de-test";

bool contains(const std::string& haystack, const std::string& needle);

// The id at the end of a Location such as "/annuaire/organisations/12?msg=cree"; 0 when there is none.
long long id_from_location(const std::string& location);

// Every visible form control has a label, no inline style or script, headings do not skip levels, tables have a
// caption, no two elements share an id. `what` names the page in failure messages.
void expect_accessible(const std::string& html, const std::string& what);

}  // namespace passerelles::fixture
