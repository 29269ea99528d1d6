// Rules of the discourse kit and the internal networks: what a page, a resource and a network must hold, resource
// kinds, tags and slugs. Plain values only; storage is in store/kit.hpp and store/networks.hpp.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/directory.hpp"  // Choice
#include "domain/validation.hpp"

namespace passerelles::domain {

constexpr std::size_t kMaxKitTitle = 150;
constexpr std::size_t kMaxKitBody = 60000;
constexpr std::size_t kMaxKitSummary = 200;
constexpr std::size_t kMaxTags = 10;
constexpr std::size_t kMaxTagChars = 40;

// Resource kinds: slides (Diaporama), document (Document), video (Vidéo), link (Lien), other (Autre).
const std::vector<Choice>& kit_resource_kinds();

// The address of a kit page from its title: slugify, at most 80 characters (cut at a dash). "" when the title has
// no letter or digit. "nouvelle" is the address of the creation form: a page cannot take it.
std::string kit_page_slug(std::string_view title);

// The public address of a network from its name (slugify, at most 80 characters; "reseau" when nothing is left);
// the store appends -2, -3… when another network holds it.
std::string network_slug(std::string_view name);

// Tags as typed, separated by commas or semicolons ("Clichés, collège; Vidéo") -> {"cliches", "college", "video"}:
// lower-case, accents removed, words joined by dashes (slugify), empty ones and duplicates dropped, order kept.
std::vector<std::string> parse_tags(std::string_view text);
// A tag from a query string (?tag=) as stored: slugify.
std::string normalise_tag(std::string_view tag);

// French messages keyed by form field. Page: title (required, a letter or a digit, not the reserved address),
// body (required), summary (what changed, optional).
Errors validate_kit_page(const std::string& title, const std::string& body, const std::string& summary);
// Resource: title (required), kind (one of kit_resource_kinds), url (http(s), optional here: the web requires a link
// or a file), description, tags (the text typed: at most kMaxTags tags of at most kMaxTagChars characters).
Errors validate_kit_resource(const std::string& title, const std::string& kind, const std::string& url,
                             const std::string& description, const std::string& tags_text);
// Network: name (required), description.
Errors validate_network(const std::string& name, const std::string& description);

// Whether `url` is an http:// or https:// address without spaces, quotes or angle brackets.
bool is_http_address(std::string_view url);

}  // namespace passerelles::domain
