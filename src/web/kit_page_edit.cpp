// GET /collectif/kit/pages/{slug}/modifier: the page's text in a form, with the version it is written over.
#include "store/kit.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_page_edit(Ctx& c) {
  http::Response refusal;
  auto p = kit_page_to_show(c, refusal);
  if (!p) return refusal;
  return kit_page_form(c, {p->slug, p->title, p->body, "", p->revision}, {}, 200);
}

}  // namespace passerelles::web
