// Highlights and testimonials for the funder report: the `highlight` text of validated actions of a period.
#pragma once
#include <string>
#include <vector>

#include "store/indicators.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct Highlight {
  long long action_id = 0;
  std::string day;    // 'YYYY-MM-DD'
  std::string kind;   // action kind code
  std::string place;  // the action's place, else its first school, else ""
  std::string title;
  std::string text;
};

// The most recent `limit` non-empty highlights of validated actions in the filter's territory (every territory
// when 0), period (months, inclusive; open when empty), initiative and kind; newest first. The audience,
// level and priority filters are ignored: a highlight is about the action, not one of its audiences.
std::vector<Highlight> highlights_in_period(Store& s, const IndicatorFilter& f, int limit = 10);

}  // namespace passerelles::store
