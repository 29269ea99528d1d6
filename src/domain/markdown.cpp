// Members' Markdown rendered safely with cmark: raw HTML dropped, links and images limited to http(s), mailto and
// relative addresses, headings placed under the page's <h1>.
#include "domain/markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

namespace passerelles::domain {

namespace {

// CMARK_OPT_UNSAFE is left out on purpose: raw HTML blocks and inline tags become "<!-- raw HTML omitted -->" and
// cmark blanks javascript:, vbscript:, file: and most data: addresses. CMARK_OPT_SMART is left out too: French
// quotes are typed « », and "smart" quotes would be English ones; what she typed is what is shown (and diffed).
constexpr int kOptions = CMARK_OPT_VALIDATE_UTF8;

// True for a relative address (no scheme: a path, a query or a fragment) or one whose scheme is http, https or,
// for links only, mailto. The scheme is what comes before a ':' that precedes any '/', '?' or '#'; anything else
// before such a colon (a space, a tab, an entity decoded by cmark: "java&#9;script:") makes the address refused.
bool allowed_address(std::string_view url, bool is_link) {
  auto end = url.find_first_of(":/?#");
  if (end == std::string_view::npos || url[end] != ':') return true;
  std::string scheme(url.substr(0, end));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return scheme == "http" || scheme == "https" || (is_link && scheme == "mailto");
}

// Replaces `node` (a link or an image) by its children: the words stay, the address goes.
void unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_free(node);
}

}  // namespace

// Headings: "#" becomes <h2>, "##" <h3>… (at most <h6>), and a heading is never more than one level below the one
// before it (the first one is at most <h2>), so that the page's outline skips no level whatever she typed.
std::string markdown_to_html(std::string_view markdown) {
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
      cmark_parse_document(markdown.data(), markdown.size(), kOptions), cmark_node_free);
  if (!doc) return {};
  std::vector<cmark_node*> refused;
  int previous = 1;  // the page's own <h1>
  cmark_iter* it = cmark_iter_new(doc.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING: {
        int level = std::min({cmark_node_get_heading_level(node) + 1, previous + 1, 6});
        cmark_node_set_heading_level(node, level);
        previous = level;
        break;
      }
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        const char* url = cmark_node_get_url(node);
        if (!allowed_address(url ? url : "", cmark_node_get_type(node) == CMARK_NODE_LINK)) refused.push_back(node);
        break;
      }
      default: break;
    }
  }
  cmark_iter_free(it);
  // In document order, so that an outer node is unwrapped before the nodes it held (which stay valid: they are
  // moved out before it is freed).
  for (cmark_node* node : refused) unwrap(node);
  std::unique_ptr<char, decltype(&std::free)> html(cmark_render_html(doc.get(), kOptions), std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace passerelles::domain
