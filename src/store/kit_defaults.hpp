// The discourse kit's ready-to-use pages (the answers to the clichés), written into every new territory. Internal to
// src/store/.
#pragma once
#include <soci/soci.h>

#include <string_view>
#include <vector>

namespace passerelles::store::detail {

struct DefaultKitPage {
  std::string_view slug, title, body;  // body: Markdown
};
const std::vector<DefaultKitPage>& default_kit_pages();

// Within the caller's transaction: creates each default page the territory does not have yet (revision 1, signed
// « Passerelles »); a page already there, even changed since, is left alone. Called by insert_territory and
// ensure_default_kit.
void insert_default_kit_in(soci::session& sql, long long territory_id);

}  // namespace passerelles::store::detail
