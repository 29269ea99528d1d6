// Shared by the privacy pages (/confidentialite): the territory they act on, a record's display values, and the
// erasure confirmation page.
#pragma once
#include <optional>
#include <string>

#include "store/privacy.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// The territory whose people a coordinator answers for (her own); for an admin, the one named by `territoire`.
// nullopt when none: the caller shows the admin the choice (privacy_index) or answers 404.
std::optional<domain::Territory> privacy_territory(Ctx& c);

// "?territoire=SLUG" for an admin (who must name the territory on every link), "" for a coordinator.
std::string privacy_scope(Ctx& c, const domain::Territory& t);

// Display values of a record: subject, subject_label, id, name, email, context, status_label, minor, created,
// export_url, erase_url.
Data privacy_record_data(Ctx& c, const domain::Territory& t, const store::PrivacyRecord& r);

// The page asking to confirm the erasure of `r`.
http::Response privacy_erase_page(Ctx& c, const domain::Territory& t, const store::PrivacyRecord& r);

}  // namespace passerelles::web
