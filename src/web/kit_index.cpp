// GET /collectif/kit: the kit's pages (the clichés page first, then by title, with their last change and who made it)
// and the shared resources, filtered by a tag (?tag=).
#include <algorithm>

#include "domain/kit.hpp"
#include "domain/text.hpp"
#include "store/kit.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_index(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  auto pages = store::kit_pages(c.app.store, c.territory_id());
  // A territory created before the kit existed gets its ready-to-use pages on the first visit.
  if (std::none_of(pages.begin(), pages.end(), [](const auto& p) { return p.slug == store::kClichesSlug; })) {
    store::ensure_default_kit(c.app.store, c.territory_id());
    pages = store::kit_pages(c.app.store, c.territory_id());
  }
  std::stable_partition(pages.begin(), pages.end(), [](const auto& p) { return p.slug == store::kClichesSlug; });
  Data d;
  set_text(d, "notice", kit_notice(c));
  List page_rows;
  for (const auto& p : pages) {
    Data row;
    row.set("slug", p.slug);
    row.set("title", p.title);
    row.set("revision", std::to_string(p.revision));
    row.set("updated", on_day_at(p.updated_at));
    set_text(row, "by", p.updated_by_label);
    page_rows.push_back(row);
  }
  d.set("pages", page_rows);

  std::string tag = domain::normalise_tag(c.req.query("tag"));
  if (!domain::valid_utf8(c.req.query("tag"))) tag.clear();
  List tags;
  for (const auto& [t, n] : store::kit_tags(c.app.store, c.territory_id())) {
    Data item;
    item.set("tag", t);
    item.set("count", std::to_string(n));
    item.set("noun", std::string(n > 1 ? "ressources" : "ressource"));
    item.set("current", t == tag);
    tags.push_back(item);
  }
  d.set("tags", tags);
  d.set("has_tags", !tags.empty());
  set_text(d, "tag", tag);
  auto resources = store::kit_resources(c.app.store, c.territory_id(), tag);
  List rows;
  for (const auto& r : resources) {
    Data row;
    row.set("id", std::to_string(r.id));
    row.set("title", r.title);
    row.set("kind_label", std::string(domain::choice_label(domain::kit_resource_kinds(), r.kind)));
    set_text(row, "url", r.url);
    if (r.file_id) row.set("file_id", std::to_string(r.file_id));
    set_text(row, "file_name", r.file_name);
    set_text(row, "description", r.description);
    set_text(row, "by", r.created_by_label);
    row.set("created", on_day_at(r.created_at));
    List rtags;
    for (const auto& t : r.tags) rtags.push_back(Data("tag", t));
    row.set("tags", rtags);
    row.set("has_tags", !r.tags.empty());
    row.set("can_delete", kit_editor(c) || (r.created_by != 0 && r.created_by == c.actor->user.id));
    rows.push_back(row);
  }
  d.set("resources", rows);
  d.set("has_resources", !resources.empty());
  d.set("resource_count", std::to_string(resources.size()));
  return c.page("kit_index", "Kit de discours", d);
}

}  // namespace passerelles::web
