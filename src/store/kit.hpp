// The discourse kit: Markdown pages co-written by the members with every revision kept (who, when, what), and
// shared resources (slides, documents, videos, links) with tags. Confined to one territory.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct KitPage {
  long long id = 0;
  long long territory_id = 0;
  std::string slug, title, body;
  int revision = 1;
  std::string updated_by_label;
  long long updated_at = 0, created_at = 0;
};
struct KitRevision {
  long long id = 0;
  int revision = 0;
  std::string title, body, summary, user_label;
  long long at = 0;
};

// The slug of the ready-to-use page of answers to the clichés, created with default content
// (ensure_default_kit) for every territory.
inline constexpr const char* kClichesSlug = "reponses-aux-cliches";

// Creates the default pages (the clichés page) when the territory has none yet; idempotent.
void ensure_default_kit(Store& s, long long territory_id);
std::vector<KitPage> kit_pages(Store& s, long long territory_id);  // by title, bodies included
std::optional<KitPage> kit_page(Store& s, long long territory_id, const std::string& slug);
// New page (revision 1, recorded in kit_revisions). conflict (title) when the slug is taken.
WriteResult insert_kit_page(Store& s, long long territory_id, const std::string& title, const std::string& body,
                            const std::string& summary, const Author& by);
// A new revision. `base_revision` is the revision she edited: conflict (errors["body"]) when someone saved in
// between, so that nobody's text is overwritten silently.
WriteResult update_kit_page(Store& s, long long territory_id, const std::string& slug, const std::string& title,
                            const std::string& body, const std::string& summary, int base_revision, const Author& by);
// Newest first, without their bodies (kit_revision reads one whole).
std::vector<KitRevision> kit_revisions(Store& s, long long territory_id, const std::string& slug);
std::optional<KitRevision> kit_revision(Store& s, long long territory_id, const std::string& slug, int revision);

struct KitResource {
  long long id = 0;
  long long territory_id = 0;
  std::string title;
  std::string kind;  // slides | document | video | link | other
  std::string url;
  long long file_id = 0;
  std::string file_name;  // read only
  std::string description;
  std::vector<std::string> tags;  // lower-case, accent-free words
  std::string created_by_label;
  long long created_by = 0;  // read only: the user who added it (0 once her account is gone)
  long long created_at = 0, updated_at = 0;
};
// Resources of the territory, newest first; `tag` "" = any.
std::vector<KitResource> kit_resources(Store& s, long long territory_id, const std::string& tag = "");
std::optional<KitResource> kit_resource(Store& s, long long territory_id, long long id);
std::vector<std::pair<std::string, int>> kit_tags(Store& s, long long territory_id);  // tag, count, by tag
WriteResult insert_kit_resource(Store& s, const KitResource& r, const Author& by);
bool delete_kit_resource(Store& s, long long territory_id, long long id, const Author& by);
// Pages changed and resources added since `since` (the monthly digest).
std::vector<KitPage> kit_pages_changed_since(Store& s, long long territory_id, long long since);
std::vector<KitResource> kit_resources_since(Store& s, long long territory_id, long long since);

}  // namespace passerelles::store
