// GET /collectif/kit/pages/{slug}: a kit page, its Markdown rendered safely (domain/markdown.hpp), with its version,
// who changed it last and the links to edit it and to its history.
#include "domain/markdown.hpp"
#include "store/kit.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_page_show(Ctx& c) {
  http::Response refusal;
  auto p = kit_page_to_show(c, refusal);
  if (!p) return refusal;
  Data d;
  d.set("slug", p->slug);
  d.set("title", p->title);
  d.set("revision", std::to_string(p->revision));
  d.set("updated", on_day_at(p->updated_at));
  set_text(d, "by", p->updated_by_label);
  d.set("html", domain::markdown_to_html(p->body));
  set_text(d, "notice", kit_notice(c));
  return c.page("kit_page_show", p->title, d);
}

}  // namespace passerelles::web
