// CSV reading (RFC 4180 with the habits of French exports) and writing of single fields.
#include "domain/csv.hpp"

#include <cctype>
#include <charconv>

#include "domain/text.hpp"

namespace passerelles::domain {

namespace {

bool is_line_break(char c) {
  return c == '\n' || c == '\r';
}

// The most frequent of ';', ',' and tab outside quotes in the first line; ';' on a tie or when none is found.
char detect_separator(std::string_view text) {
  std::size_t semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (is_line_break(c)) break;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
    if (c == '\t') ++tabs;
  }
  if (commas > semicolons && commas >= tabs) return ',';
  if (tabs > semicolons && tabs > commas) return '\t';
  return ';';
}

}  // namespace

std::string cp1252_to_utf8(std::string_view s) {
  // U+20AC… for 0x80..0x9F; 0 marks the five bytes Windows-1252 leaves undefined (kept as U+FFFD).
  static const unsigned short high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                          0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                          0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                          0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (unsigned char c : s) {
    unsigned cp = c;
    if (c >= 0x80 && c < 0xA0) cp = high[c - 0x80] ? high[c - 0x80] : 0xFFFD;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

std::string normalise_column_name(std::string_view name) {
  std::string folded = fold(name), out;
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string csv_quote(std::string_view field, char sep) {
  if (field.find_first_of(std::string{sep, '"', '\n', '\r'}) == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::optional<double> parse_decimal(std::string_view text) {
  std::string v = trim(text);
  if (v.find('.') == std::string::npos)
    for (auto& c : v)
      if (c == ',') c = '.';
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return d;
}

std::optional<int> parse_integer(std::string_view text) {
  std::string v;
  for (char c : trim(text))
    if (c != ' ') v += c;
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return n;
}

CsvReader::CsvReader(std::string text) : text_(std::move(text)) {
  if (text_.rfind("\xEF\xBB\xBF", 0) == 0) text_.erase(0, 3);
  if (!valid_utf8(text_)) text_ = cp1252_to_utf8(text_);
  while (pos_ < text_.size() && is_line_break(text_[pos_])) skip_line_break();
  sep_ = detect_separator(std::string_view(text_).substr(pos_));
  CsvRecord first;
  if (next(first)) header_ = std::move(first.fields);
  for (const auto& h : header_) normalised_.push_back(normalise_column_name(h));
}

std::optional<std::size_t> CsvReader::column(std::initializer_list<std::string_view> names) const {
  for (auto name : names) {
    std::string wanted = normalise_column_name(name);
    for (std::size_t i = 0; i < normalised_.size(); ++i)
      if (normalised_[i] == wanted) return i;
  }
  return std::nullopt;
}

void CsvReader::skip_line_break() {
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

void CsvReader::skip_rest_of_line() {
  while (pos_ < text_.size() && !is_line_break(text_[pos_])) ++pos_;
  if (pos_ < text_.size()) skip_line_break();
}

bool CsvReader::next(CsvRecord& r) {
  const std::size_t n = text_.size();
  while (pos_ < n && is_line_break(text_[pos_])) skip_line_break();
  if (pos_ >= n) return false;
  r.line = line_;
  r.fields.clear();
  r.error.clear();
  const std::size_t start = pos_;
  std::string field;
  while (true) {
    if (pos_ < n && text_[pos_] == '"') {
      ++pos_;
      bool closed = false;
      while (pos_ < n) {
        char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && text_[pos_ + 1] == '"') {
            field += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        if (is_line_break(c)) {
          field += '\n';
          skip_line_break();
          continue;
        }
        field += c;
        ++pos_;
      }
      if (!closed) {
        r.error = "guillemet ouvert jamais refermé";
        pos_ = start;
        line_ = r.line;
        skip_rest_of_line();
        return true;
      }
      if (pos_ < n && text_[pos_] != sep_ && !is_line_break(text_[pos_])) {
        r.error = "texte après un guillemet fermant (guillemets mal placés)";
        skip_rest_of_line();
        return true;
      }
    } else {
      std::size_t end = pos_;
      while (end < n && text_[end] != sep_ && !is_line_break(text_[end])) ++end;
      field.append(text_, pos_, end - pos_);
      pos_ = end;
    }
    r.fields.push_back(std::move(field));
    field.clear();
    if (pos_ >= n) return true;
    if (text_[pos_] == sep_) {
      ++pos_;
      continue;
    }
    skip_line_break();
    return true;
  }
}

}  // namespace passerelles::domain
