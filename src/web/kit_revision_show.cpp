// GET /collectif/kit/pages/{slug}/historique/{revision}: one version of a page, rendered, with the lines it changed
// from the version before (<ins>/<del>, with words for screen readers and signs for the eye, not colour only).
#include "domain/markdown.hpp"
#include "store/kit.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_revision_show(Ctx& c) {
  http::Response refusal;
  auto page = kit_page_to_show(c, refusal);
  if (!page) return refusal;
  const std::string& slug = page->slug;
  int number = parse_int(c.req.params["revision"], 0);
  auto r = number > 0 ? store::kit_revision(c.app.store, c.territory_id(), slug, number) : std::nullopt;
  if (!r) return c.not_found();
  Data d;
  d.set("slug", slug);
  d.set("page_title", page->title);
  d.set("title", r->title);
  d.set("revision", std::to_string(r->revision));
  d.set("by", r->user_label.empty() ? std::string("—") : r->user_label);
  d.set("when", on_day_at(r->at));
  set_text(d, "summary", r->summary);
  d.set("html", domain::markdown_to_html(r->body));
  d.set("is_current", r->revision == page->revision);
  if (r->revision < page->revision) d.set("next", std::to_string(r->revision + 1));
  if (auto before =
          r->revision > 1 ? store::kit_revision(c.app.store, c.territory_id(), slug, r->revision - 1) : std::nullopt) {
    d.set("previous", std::to_string(before->revision));
    set_diff(d, before->body, r->body);
    if (before->title != r->title) d.set("old_title", before->title);
  }
  return c.page("kit_revision_show", "« " + r->title + " », version " + std::to_string(r->revision), d);
}

}  // namespace passerelles::web
