// The monthly digest e-mail to the collective's members (French, plain text with an HTML alternative): new
// portraits, kit pages changed and resources added, with a one-click unsubscribe link (RFC 8058).
#pragma once
#include <string>
#include <vector>

#include "mail/mailer.hpp"

namespace passerelles::mail {

struct DigestItem {
  std::string title;   // « Amélie R. — technicienne de maintenance », a kit page's title
  std::string detail;  // one short line, may be ""
  std::string url;     // absolute
};
struct Digest {
  std::string month;  // 'YYYY-MM' of the sending
  std::vector<DigestItem> portraits, kit_pages, resources;
  bool empty() const { return portraits.empty() && kit_pages.empty() && resources.empty(); }
};

// To `to`, greeting `first_name` (« Bonjour, » when ""): one section per non-empty list, a link to the kit
// (base_url + "/collectif/kit") and the unsubscribe link in the text, the HTML and the headers
// List-Unsubscribe: <unsubscribe_url> and List-Unsubscribe-Post: List-Unsubscribe=One-Click.
Message digest_message(const std::string& to, const std::string& first_name, const Digest& d,
                       const std::string& base_url, const std::string& unsubscribe_url);

// « mars 2026 » for '2026-03' ("" when not a month).
std::string month_label_fr(const std::string& month);

}  // namespace passerelles::mail
