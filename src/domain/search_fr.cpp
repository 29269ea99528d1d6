// French search terms: tokenising folded text, stop words and the light stemmer described in the header.
#include "domain/search_fr.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "domain/text.hpp"

namespace passerelles::domain {

namespace {

constexpr std::array<std::string_view, 20> kStopWords = {
    "le", "la",  "les",  "de",  "des", "du",   "un",   "une", "et",  "en",
    "au", "aux", "pour", "par", "sur", "dans", "avec", "que", "qui", "ou",
};

bool is_stop_word(std::string_view w) {
  return std::find(kStopWords.begin(), kStopWords.end(), w) != kStopWords.end();
}

// True for a code point left by fold that belongs to a word: letters outside ASCII (fold keeps those it
// cannot reduce), not the Latin-1 symbols, general punctuation, symbols, CJK punctuation or emoji.
bool is_word_code_point(unsigned cp) {
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;
  return cp < 0x1F000;
}

// Splits folded text into words; each word is kept as its bytes.
std::vector<std::string> words_of(std::string_view f) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < f.size();) {
    auto c = static_cast<unsigned char>(f[i]);
    if (c < 0x80) {
      if (std::isalnum(c))
        word += static_cast<char>(c);
      else
        flush();
      ++i;
      continue;
    }
    std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + n > f.size()) break;
    unsigned cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(f[i + k]) & 0x3F);
    if (n > 1 && is_word_code_point(cp))
      word.append(f.substr(i, n));
    else
      flush();
    i += n;
  }
  flush();
  return out;
}

bool ends_with(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Replaces `suffix` by `by` when at least `keep` letters stay before it; true when it did.
bool replace_suffix(std::string& w, std::string_view suffix, std::string_view by, std::size_t keep = 2) {
  if (!ends_with(w, suffix) || w.size() < suffix.size() + keep) return false;
  w.resize(w.size() - suffix.size());
  w += by;
  return true;
}

std::string stem(std::string w) {
  if (std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return w;
  // a. plural
  if (w.size() > 3) {
    if (ends_with(w, "aux") && !ends_with(w, "eaux"))
      w.replace(w.size() - 3, 3, "al");
    else if (w.back() == 's' || w.back() == 'x')
      w.pop_back();
  }
  // b. feminine -e (and the é of -ée / -é)
  while (w.size() > 3 && w.back() == 'e') w.pop_back();
  // c. one job suffix
  for (auto [suffix, by] : {std::pair<std::string_view, std::string_view>{"tric", "teu"},
                            {"dric", "deu"},
                            {"eus", "eu"},
                            {"eur", "eu"},
                            {"iv", "if"}})
    if (replace_suffix(w, suffix, by)) return w;
  if (replace_suffix(w, "ess", "", 3)) return w;
  // a doubled n, t, l or f after e or o: technicienn -> technicien, professionnell -> professionnel
  if (std::size_t n = w.size(); n > 3 && w[n - 1] == w[n - 2] && (w[n - 3] == 'e' || w[n - 3] == 'o') &&
                                std::string_view("ntlf").find(w[n - 1]) != std::string_view::npos)
    w.pop_back();
  return w;
}

bool is_single_letter(const std::string& w) {
  return w.size() == 1 && !std::isdigit(static_cast<unsigned char>(w[0]));
}

}  // namespace

std::vector<std::string> search_terms_fr(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : words_of(fold(text))) {
    if (is_single_letter(w) || is_stop_word(w)) continue;
    out.push_back(stem(std::move(w)));
  }
  return out;
}

std::string search_document_fr(std::string_view text) {
  return join(search_terms_fr(text), " ");
}

std::string search_query_fr(std::string_view query) {
  std::vector<std::string> unique;
  for (auto& t : search_terms_fr(query))
    if (std::find(unique.begin(), unique.end(), t) == unique.end()) unique.push_back(std::move(t));
  return join(unique, " ");
}

}  // namespace passerelles::domain
