// What importers report: the lines they set aside and why, and a progress callback for bars and pages.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace passerelles::store {

// A line of an imported file that was not taken as is, with the reason in French ("UAI invalide « 123 »").
struct LineNote {
  std::size_t line = 0;  // physical line number in the file (the header is line 1)
  std::string reason;
};

// Called now and then with the bytes read so far and the file size.
using ProgressFn = std::function<void(std::size_t done, std::size_t total)>;

}  // namespace passerelles::store
