// Field checks shared by the pages, the API and the importers.
#include "domain/validation.hpp"

#include <cctype>

#include "domain/text.hpp"

namespace passerelles::domain {

void check_max_length(Errors& e, const std::string& field, const std::string& value, std::size_t max_chars) {
  if (!valid_utf8(value))
    e[field] = "Ce champ contient des caractères invalides.";
  else if (utf8_length(value) > max_chars)
    e[field] = "Ce champ est trop long (" + std::to_string(max_chars) + " caractères au plus).";
}

void require_text(Errors& e, const std::string& field, const std::string& value, std::size_t max_chars, bool required) {
  if (required && trim(value).empty()) {
    e[field] = "Ce champ est obligatoire.";
    return;
  }
  check_max_length(e, field, value, max_chars);
}

bool is_valid_uai(std::string_view uai) {
  // 7 digits then the check letter: "ABCDEFGHJKLMNPRSTUVWXYZ"[number % 23] (I, O and Q are never used).
  if (uai.size() != 8) return false;
  long number = 0;
  for (int i = 0; i < 7; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(uai[i]))) return false;
    number = number * 10 + (uai[i] - '0');
  }
  static constexpr std::string_view kLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";
  return std::toupper(static_cast<unsigned char>(uai[7])) == kLetters[static_cast<std::size_t>(number % 23)];
}

bool is_valid_siret(std::string_view s) {
  if (s.size() != 14) return false;
  int sum = 0;
  for (int i = 0; i < 14; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    int d = s[i] - '0';
    if (i % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  // La Poste establishments (SIREN 356000000) use a different rule: digit sum multiple of 5.
  if (s.substr(0, 9) == "356000000") {
    int plain = 0;
    for (char c : s) plain += c - '0';
    return plain % 5 == 0;
  }
  return sum % 10 == 0;
}

bool is_valid_email(std::string_view email) {
  if (email.size() < 3 || email.size() > 254) return false;
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at != email.rfind('@')) return false;
  auto domain = email.substr(at + 1);
  if (domain.empty() || domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.')
    return false;
  for (unsigned char c : email)
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c >= 0x7F) return false;
  return true;
}

bool is_valid_phone(std::string_view phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (std::isdigit(static_cast<unsigned char>(c)))
      ++digits;
    else if (c == '+' && i == 0)
      continue;
    else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')')
      return false;
  }
  return digits >= 9 && digits <= 15;
}

}  // namespace passerelles::domain
