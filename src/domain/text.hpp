// Text helpers shared by search, validation and importers: folding for accent-free search, trimming, slugs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::domain {

// Lower-case, accents removed (é→e, œ→oe, ß→ss…), other punctuation kept: "Collège Saint-Exupéry" →
// "college saint-exupery". Used for the `search` columns and for the terms searched, so both sides match.
std::string fold(std::string_view s);

// Trims ASCII white space at both ends.
std::string trim(std::string_view s);

// "Lycée Victor Hugo" -> "lycee-victor-hugo" (ASCII letters, digits and single dashes).
std::string slugify(std::string_view s);

// Splits on a delimiter, trimming each part; empty parts are dropped.
std::vector<std::string> split_list(std::string_view s, char delim = ',');

// The parts with `sep` between them: {"a", "b"} -> "a,b" (the stored form of a list), or "a, b" with sep ", ".
// No separator is written while the text is still empty (leading empty parts leave no trace).
std::string join(const std::vector<std::string>& parts, std::string_view sep = ",");

// The names of the fields an edit changed, in the order added: "name, email" for the audit log.
class ChangedFields {
 public:
  void add(std::string field, bool differs) {
    if (differs) names_.push_back(std::move(field));
  }
  std::string text() const { return join(names_, ", "); }

 private:
  std::vector<std::string> names_;
};

// True when s is well-formed UTF-8 (no overlongs, no surrogates).
bool valid_utf8(std::string_view s);

// Number of Unicode code points (s must be valid UTF-8).
std::size_t utf8_length(std::string_view s);

}  // namespace passerelles::domain
