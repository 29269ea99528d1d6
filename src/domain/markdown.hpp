// Members' Markdown (the discourse kit), rendered safely: CommonMark through cmark without CMARK_OPT_UNSAFE, so
// raw HTML is dropped and only http(s), mailto and relative links survive (javascript: and data: are removed).
#pragma once
#include <string>
#include <string_view>

namespace passerelles::domain {

// HTML for a page body; headings start at <h2> (the page has its own <h1>).
std::string markdown_to_html(std::string_view markdown);

}  // namespace passerelles::domain
