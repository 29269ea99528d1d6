// Rules of the discourse kit and the internal networks (see the header).
#include "domain/kit.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace passerelles::domain {

namespace {

constexpr std::size_t kMaxSlug = 80;
constexpr std::size_t kMaxResourceTitle = 200;
constexpr std::size_t kMaxUrl = 1000;
constexpr std::size_t kMaxDescription = 2000;
constexpr std::size_t kMaxNetworkName = 150;
constexpr std::size_t kMaxNetworkDescription = 3000;

// slugify, cut at the last dash before kMaxSlug characters (or at kMaxSlug when there is none).
std::string short_slug(std::string_view text) {
  std::string s = slugify(text);
  if (s.size() <= kMaxSlug) return s;
  auto dash = s.rfind('-', kMaxSlug);
  s.resize(dash == std::string::npos || dash == 0 ? kMaxSlug : dash);
  return s;
}

std::vector<std::string> tag_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& part : split_list(text, ','))
    for (const auto& tag : split_list(part, ';')) out.push_back(tag);
  return out;
}

}  // namespace

const std::vector<Choice>& kit_resource_kinds() {
  static const std::vector<Choice> v = {
      {"slides", "Diaporama"}, {"document", "Document"}, {"video", "Vidéo"}, {"link", "Lien"}, {"other", "Autre"}};
  return v;
}

std::string kit_page_slug(std::string_view title) {
  return short_slug(title);
}

std::string network_slug(std::string_view name) {
  std::string s = short_slug(name);
  return s.empty() ? std::string("reseau") : s;
}

std::string normalise_tag(std::string_view tag) {
  return slugify(tag);
}

std::vector<std::string> parse_tags(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& t : tag_texts(text)) {
    std::string tag = normalise_tag(t);
    if (tag.empty() || std::find(out.begin(), out.end(), tag) != out.end()) continue;
    out.push_back(tag);
  }
  return out;
}

bool is_http_address(std::string_view url) {
  std::string head = fold(url.substr(0, 8));
  bool scheme = head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
  std::size_t prefix = head.rfind("https://", 0) == 0 ? 8 : 7;
  return scheme && url.size() > prefix && url.find_first_of(" \t\r\n<>\"'`\\") == std::string_view::npos;
}

Errors validate_kit_page(const std::string& title, const std::string& body, const std::string& summary) {
  Errors e;
  require_text(e, "title", title, kMaxKitTitle);
  if (!e.count("title")) {
    std::string slug = kit_page_slug(title);
    if (slug.empty())
      e["title"] = "Le titre doit contenir au moins une lettre ou un chiffre.";
    else if (slug == "nouvelle")
      e["title"] = "Ce titre est réservé : précisez-le (par exemple « Nouvelle page sur l’alternance »).";
  }
  require_text(e, "body", body, kMaxKitBody);
  check_max_length(e, "summary", summary, kMaxKitSummary);
  return e;
}

Errors validate_kit_resource(const std::string& title, const std::string& kind, const std::string& url,
                             const std::string& description, const std::string& tags_text) {
  Errors e;
  require_text(e, "title", title, kMaxResourceTitle);
  if (kind.empty())
    e["kind"] = "Choisissez le type de ressource.";
  else if (choice_label(kit_resource_kinds(), kind).empty())
    e["kind"] = "Choisissez un type de la liste.";
  check_max_length(e, "url", url, kMaxUrl);
  if (!e.count("url") && !url.empty() && !is_http_address(url))
    e["url"] = "Le lien doit commencer par https:// ou http:// (exemple : https://www.onisep.fr/…).";
  check_max_length(e, "description", description, kMaxDescription);
  check_max_length(e, "tags", tags_text, kMaxTags * (kMaxTagChars + 2));
  if (!e.count("tags")) {
    auto tags = tag_texts(tags_text);
    if (tags.size() > kMaxTags)
      e["tags"] = "Indiquez au plus " + std::to_string(kMaxTags) + " mots-clés.";
    else
      for (const auto& t : tags)
        if (utf8_length(t) > kMaxTagChars) {
          e["tags"] = "Un mot-clé compte au plus " + std::to_string(kMaxTagChars) + " caractères : « " + t + " ».";
          break;
        }
  }
  return e;
}

Errors validate_network(const std::string& name, const std::string& description) {
  Errors e;
  require_text(e, "name", name, kMaxNetworkName);
  check_max_length(e, "description", description, kMaxNetworkDescription);
  return e;
}

}  // namespace passerelles::domain
