// Shared by the action plan pages (plan_*.cpp): form parsing, the forms that re-render with their errors, the
// uploaded convention, and display values.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/plan.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// Today in Paris, 'YYYY-MM-DD'.
std::string plan_today();

// The territory's initiatives for a <select> (action and event forms): "initiatives" (id, label "Axe — name",
// selected) and "has_initiatives".
void set_initiative_options(Ctx& c, Data& d, long long territory_id, long long selected);

// ---- initiatives --------------------------------------------------------------------------------------------

// One row of the yearly targets table as typed, so that a refused form shows what was typed.
struct TargetRow {
  std::string year, indicator, target;
};

// An initiative and its target rows as typed: rows[N] is what became initiative.targets[N] (errors "target-N").
struct InitiativeInput {
  domain::Initiative initiative;
  std::vector<TargetRow> rows;
};

// Form values laid over `base`. Rows with neither indicator nor target are blank rows and are dropped; a year
// or target that is not a whole number becomes -1, which the validation refuses.
InitiativeInput initiative_from_form(const http::Request& r, domain::Initiative base);
// The stored initiative as form input (for the edition form).
InitiativeInput initiative_input(const domain::Initiative& i);
http::Response initiative_form(Ctx& c, const InitiativeInput& in, const domain::Errors& e, int status);
// Display values; `year` selects the targets listed as this_year_targets.
Data initiative_data(const domain::Initiative& i, int year);

// ---- partnerships -------------------------------------------------------------------------------------------

domain::Partnership partnership_from_form(const http::Request& r, domain::Partnership base);
// Validates the partnership (normalised here) and that its organisation is in the territory's directory, then
// stores the convention uploaded with the form, if any, and sets p.document_file_id. The file is stored only when
// everything else is right, and checked by its content (PDF only). Returns the form with its errors (422), or
// nothing when `p` can be saved.
std::optional<http::Response> check_partnership_and_store_convention(Ctx& c, domain::Partnership& p);
// The form, with "choose the file again" next to the document field when a file was sent with a refused form.
http::Response partnership_form(Ctx& c, const domain::Partnership& p, const domain::Errors& e, int status,
                                bool file_was_sent = false);
Data partnership_data(const domain::Partnership& p);
// Content-Disposition for a download: attachment, an ASCII file name and the UTF-8 one (RFC 6266).
std::string attachment_disposition(const std::string& name);

// ---- funding ------------------------------------------------------------------------------------------------

// Form values laid over `base`; `amount` keeps the typed amount, and an amount that cannot be read adds an
// error under "amount" to `errors`.
domain::Funding funding_from_form(const http::Request& r, domain::Funding base, std::string& amount,
                                  domain::Errors& errors);
http::Response funding_form(Ctx& c, const domain::Funding& f, const std::string& amount, const domain::Errors& e,
                            int status);
Data funding_data(const domain::Funding& f);

}  // namespace passerelles::web
