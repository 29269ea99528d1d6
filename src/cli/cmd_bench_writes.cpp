// `passerelles bench-writes` (hidden, for bench/dashboard.sh): the cost of keeping the aggregates up to date, as
// the time of `count` inserts, validations, edits and deletions of actions through the store API, one transaction
// each, on a territory of the database as it is. Prints one line per operation: total, mean, p50, p99.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/plan.hpp"
#include "store/schools.hpp"

namespace passerelles::cli {

namespace {

using Clock = std::chrono::steady_clock;

void print_timings(const char* op, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  double total = 0;
  for (double x : ms) total += x;
  auto at = [&](double q) {
    return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))];
  };
  std::printf("%-9s count=%zu total_s=%.3f mean_ms=%.3f p50_ms=%.3f p99_ms=%.3f\n", op, ms.size(), total / 1000,
              ms.empty() ? 0.0 : total / static_cast<double>(ms.size()), at(0.5), at(0.99));
}

template <class F>
double time_ms(F&& f) {
  const auto t0 = Clock::now();
  f();
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

}  // namespace

int cmd_bench_writes(const config::Config& cfg, const BenchWritesOptions& o) {
  long long count = 0;
  const char* end = o.count.data() + o.count.size();
  auto [ptr, ec] = std::from_chars(o.count.data(), end, count);
  if (o.count.empty() || ec != std::errc() || ptr != end || count < 1 || count > 100000) {
    std::cerr << "passerelles: bench-writes: --count must be a whole number between 1 and 100000, got '" << o.count
              << "'\n";
    return 2;
  }
  auto store = store::Store::open(cfg.db, 2);
  store->ensure_current();
  auto t = store::territory_by_slug(*store, o.territory);
  if (!t) {
    std::cerr << "passerelles: bench-writes: unknown territory '" << o.territory << "'\n";
    return 2;
  }
  store::SchoolFilter sf;
  sf.departments = t->departments;
  sf.per_page = 100;
  const auto schools = store::schools_matching(*store, sf).rows;
  const auto initiatives = store::initiatives_of(*store, t->id);
  const std::string today = domain::paris_day(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  const store::Author by{0, "bench-writes"};

  std::vector<long long> ids;
  std::vector<double> insert_ms, validate_ms, edit_ms, delete_ms;
  for (long long i = 0; i < count; ++i) {
    domain::Action a;
    a.territory_id = t->id;
    a.kind = i % 3 ? "temoignage_classe" : "visite_entreprise";
    a.title = "Action de mesure " + std::to_string(i + 1);
    a.starts_on = domain::add_days(today, -(i % 365));  // spread over a year of months
    a.duration_minutes = 55;
    a.status = "declared";
    if (!initiatives.empty()) a.initiative_id = initiatives[static_cast<std::size_t>(i) % initiatives.size()].id;
    if (!schools.empty()) a.school_ids = {schools[static_cast<std::size_t>(i) % schools.size()].id};
    a.classes = {{"4e", ""}};
    a.audience[0] = 12;
    a.audience[1] = 13;
    store::WriteResult r;
    insert_ms.push_back(time_ms([&] { r = store::insert_action(*store, a, by); }));
    if (!r.ok()) {
      std::cerr << "passerelles: bench-writes: insert refused:";
      for (const auto& [field, message] : r.errors) std::cerr << " " << field << ": " << message;
      std::cerr << "\n";
      return 1;
    }
    ids.push_back(r.id);
  }
  for (long long id : ids)
    validate_ms.push_back(time_ms([&] { store::set_action_status(*store, t->id, id, "validated", "", by); }));
  for (long long id : ids) {
    auto a = store::action_by_id(*store, t->id, id);
    if (!a) continue;
    a->audience[0] += 3;
    a->duration_minutes = 110;
    a->starts_on = domain::add_days(a->starts_on, -31);  // moves it to another month's aggregate rows
    edit_ms.push_back(time_ms([&] { store::update_action(*store, *a, by); }));
  }
  for (long long id : ids) delete_ms.push_back(time_ms([&] { store::delete_action(*store, t->id, id, by); }));
  print_timings("insert", insert_ms);
  print_timings("validate", validate_ms);
  print_timings("edit", edit_ms);
  print_timings("delete", delete_ms);
  return 0;
}

}  // namespace passerelles::cli
