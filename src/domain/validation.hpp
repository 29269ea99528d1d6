// Validation results: field -> French message, shown next to the field (HTML) or in a JSON error object.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace passerelles::domain {

using Errors = std::map<std::string, std::string>;

inline void merge_into(Errors& into, const Errors& more) {
  into.insert(more.begin(), more.end());
}

// Common field checks; each adds a message to `e` under `field` when the value is not acceptable.
void require_text(Errors& e, const std::string& field, const std::string& value, std::size_t max_chars,
                  bool required = true);
void check_max_length(Errors& e, const std::string& field, const std::string& value, std::size_t max_chars);
bool is_valid_uai(std::string_view uai);      // 7 digits + 1 letter, with the official check letter
bool is_valid_siret(std::string_view siret);  // 14 digits, Luhn
bool is_valid_email(std::string_view email);
bool is_valid_phone(std::string_view phone);  // French or international number, spaces/dots allowed

}  // namespace passerelles::domain
