// A line diff (longest common subsequence) between two versions of a text: what a revision of a kit page changed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace passerelles::domain {

struct DiffLine {
  enum class Op { same, added, removed };
  Op op = Op::same;
  std::string text;  // the line, without its end of line
};

// Every line of `before` and `after` in order: kept lines once (same), removed ones where they were, added ones
// where they are. Lines end at "\n" ("\r\n" too). A minimal diff when the changed middle part (after the common first
// and last lines) is at most kMaxDiffCells lines × lines; beyond that every line of that part is shown removed then
// added (still correct, only longer).
inline constexpr std::size_t kMaxDiffCells = 4'000'000;
std::vector<DiffLine> line_diff(std::string_view before, std::string_view after);

}  // namespace passerelles::domain
