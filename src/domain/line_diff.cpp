// Line diff by longest common subsequence, after cutting the common first and last lines.
#include "domain/line_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace passerelles::domain {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  if (text.empty()) return out;
  while (true) {
    auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    if (text.empty()) break;  // a final end of line opens no empty last line
  }
  return out;
}

void push(std::vector<DiffLine>& out, DiffLine::Op op, std::string_view text) {
  out.push_back({op, std::string(text)});
}

}  // namespace

std::vector<DiffLine> line_diff(std::string_view before, std::string_view after) {
  auto a = lines_of(before), b = lines_of(after);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;

  std::vector<DiffLine> out;
  out.reserve(a.size() + m);
  for (std::size_t i = 0; i < head; ++i) push(out, DiffLine::Op::same, a[i]);
  if (n * m > kMaxDiffCells) {
    for (std::size_t i = 0; i < n; ++i) push(out, DiffLine::Op::removed, a[head + i]);
    for (std::size_t j = 0; j < m; ++j) push(out, DiffLine::Op::added, b[head + j]);
  } else {
    // lcs[i * (m + 1) + j]: length of the longest common subsequence of a's middle from i and b's middle from j. It
    // is at most min(n, m) <= sqrt(kMaxDiffCells) = 2000 lines, so 16 bits suffice.
    std::vector<std::uint16_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[head + i] == b[head + j] ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1)
                                              : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
      if (a[head + i] == b[head + j]) {
        push(out, DiffLine::Op::same, a[head + i]);
        ++i, ++j;
      } else if (at(i + 1, j) >= at(i, j + 1)) {
        push(out, DiffLine::Op::removed, a[head + i++]);
      } else {
        push(out, DiffLine::Op::added, b[head + j++]);
      }
    }
    for (; i < n; ++i) push(out, DiffLine::Op::removed, a[head + i]);
    for (; j < m; ++j) push(out, DiffLine::Op::added, b[head + j]);
  }
  for (std::size_t i = a.size() - tail; i < a.size(); ++i) push(out, DiffLine::Op::same, a[i]);
  return out;
}

}  // namespace passerelles::domain
