// `passerelles generate-history`: a synthetic national history for benchmarks (cli/history.hpp), with timings.
#include <charconv>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/history.hpp"
#include "domain/action.hpp"

namespace passerelles::cli {

namespace {

// A whole number in [lo, hi] written in digits only; else a precise message.
bool parse_count(const std::string& flag, const std::string& text, long long lo, long long hi, long long& out,
                 std::string& error) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (text.empty() || ec != std::errc() || ptr != end || out < lo || out > hi) {
    error = flag + " must be a whole number between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got '" +
            text + "'";
    return false;
  }
  return true;
}

std::string thousands(long long n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

int cmd_generate_history(const config::Config& cfg, const GenerateHistoryOptions& g) {
  HistoryOptions o;
  long long territories = 0, years = 0, actions = 0, seed = 0;
  std::string error;
  if (!parse_count("--territories", g.territories, 0, 999, territories, error) ||
      !parse_count("--years", g.years, 1, 50, years, error) ||
      !parse_count("--actions", g.actions, 0, 100000000, actions, error) ||
      !parse_count("--seed", g.seed, 0, 1000000000000000000LL, seed, error)) {
    std::cerr << "passerelles: generate-history: " << error << "\n";
    return 2;
  }
  if (!g.end.empty() && !domain::is_iso_day(g.end)) {
    std::cerr << "passerelles: generate-history: --end must be a real day written YYYY-MM-DD, got '" << g.end << "'\n";
    return 2;
  }
  o.territories = static_cast<int>(territories);
  o.years = static_cast<int>(years);
  o.actions = actions;
  o.seed = static_cast<unsigned long long>(seed);
  o.end_day = g.end;
  long long next_report = 0;
  o.progress = [&](long long done, long long total) {
    if (g.quiet || done < next_report) return;
    next_report = done + std::max(1LL, total / 10);
    std::cerr << "generate-history: " << thousands(done) << " / " << thousands(total) << " actions\n";
  };

  auto store = store::Store::open(cfg.db, 2);
  store->ensure_current();
  HistoryReport r;
  try {
    r = generate_history(*store, o);
  } catch (const std::invalid_argument& e) {
    std::cerr << "passerelles: generate-history: " << e.what() << "\n";
    return 2;
  }
  std::cout << "generate-history: " << r.territories << " territories, " << r.first_day << " to " << r.last_day
            << ", seed " << o.seed << "\n";
  if (r.territories_without_schools)
    std::cout << "generate-history: WARNING: " << r.territories_without_schools
              << " territories have no school in the directory (import schools first): their actions reach none\n";
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f s (%.0f actions/s)", r.generate_seconds,
                r.generate_seconds > 0 ? static_cast<double>(r.actions) / r.generate_seconds : 0.0);
  std::cout << "generate-history: " << thousands(r.actions) << " actions written in " << rate << ", with "
            << thousands(r.school_links) << " school links, " << thousands(r.classes) << " classes, "
            << thousands(r.ambassador_links) << " ambassador links, " << thousands(r.organisation_links)
            << " organisation links; " << r.initiatives_created << " initiatives created\n";
  std::snprintf(rate, sizeof rate, "%.1f s", r.rebuild_seconds);
  std::cout << "generate-history: aggregates rebuilt in " << rate << "\n";
  return 0;
}

}  // namespace passerelles::cli
