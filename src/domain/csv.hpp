// CSV as published by French open-data portals and spreadsheets: BOM, CRLF or LF, ';' or ',' separators, quotes.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::domain {

struct CsvRecord {
  std::size_t line = 0;             // physical line where the record starts; the header is line 1
  std::vector<std::string> fields;  // as written (not trimmed), quotes removed
  std::string error;                // non-empty (French) when the record is malformed; fields are then unreliable
};

// Reads a whole file held in memory, one record at a time.
// - A UTF-8 BOM is skipped; text that is not valid UTF-8 is taken as Windows-1252 (Excel's "CSV") and converted.
// - The separator is the most frequent of ';', ',' and tab in the header line (';' on a tie).
// - RFC 4180 quoting: a quoted field may hold separators, line breaks ("\r\n" becomes "\n") and doubled quotes.
//   A quote inside an unquoted field is kept as a character. A quoted field followed by anything but a
//   separator or a line end, or never closed, makes the record malformed; reading resumes at the next
//   physical line, so one bad line never swallows the rest of the file.
// - Blank lines are skipped.
class CsvReader {
 public:
  explicit CsvReader(std::string text);

  char separator() const { return sep_; }
  const std::vector<std::string>& header() const { return header_; }

  // Index of the first column whose name matches one of `names` once both are normalised (see
  // normalise_column_name), or nullopt. Columns are always found by name, never by position.
  std::optional<std::size_t> column(std::initializer_list<std::string_view> names) const;

  // The next data record; false at the end of the text.
  bool next(CsvRecord& r);

  // Bytes read so far and in total, for progress reports.
  std::size_t position() const { return pos_; }
  std::size_t size() const { return text_.size(); }

 private:
  void skip_line_break();
  void skip_rest_of_line();

  std::string text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  char sep_ = ';';
  std::vector<std::string> header_;
  std::vector<std::string> normalised_;
};

// Case, accents, spaces, underscores and punctuation ignored: "Code_postal", "code postal" and "Code  Postal"
// all give "code postal"; "Nombre_d_eleves" and "Nombre d'élèves" give "nombre d eleves".
std::string normalise_column_name(std::string_view name);

// One field ready to write: quoted (quotes doubled) when it holds the separator, a quote or a line break.
std::string csv_quote(std::string_view field, char sep);

// Numbers as spreadsheets write them: a decimal comma is accepted ("47,98"), and spaces between digit groups in
// integers ("1 341"). nullopt unless the whole (trimmed) text is the number.
std::optional<double> parse_decimal(std::string_view text);
std::optional<int> parse_integer(std::string_view text);

// Windows-1252 bytes to UTF-8.
std::string cp1252_to_utf8(std::string_view s);

}  // namespace passerelles::domain
