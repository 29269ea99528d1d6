// Share of girls in STI2D by académie (see gender.hpp): the CSV is read once per data folder and kept in memory.
#include "report/gender.hpp"

#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <vector>

#include "domain/csv.hpp"
#include "store/academies.hpp"

namespace passerelles::report {

namespace {

struct Line {
  int year = 0;
  std::string academy;  // as written
  std::string key;      // normalised for matching
  long long pupils = 0, girls = 0;
  double share = 0;
};

struct Table {
  std::vector<Line> academies;
  std::map<int, Line> totals;  // per year: the TOTAL row, or the sum of the académies
};

// "Académie de Besançon", "BESANCON", "besançon" → "besancon".
std::string academy_key(const std::string& name) {
  std::string k = domain::normalise_column_name(name);
  for (const char* prefix : {"academie de ", "academie d ", "academie "}) {
    std::string p(prefix);
    if (k.rfind(p, 0) == 0) return k.substr(p.size());
  }
  return k;
}

std::shared_ptr<const Table> read_table(const std::string& data_dir) {
  std::ifstream in(data_dir + "/gender/part-filles-sti2d-par-academie-2019-2021.csv", std::ios::binary);
  if (!in) return nullptr;
  std::stringstream buf;
  buf << in.rdbuf();
  domain::CsvReader csv(buf.str());
  auto c_year = csv.column({"rentree_scolaire", "rentree scolaire", "annee"});
  auto c_academy = csv.column({"academie", "libelle academie"});
  auto c_pupils = csv.column({"eleves_1ere_term_sti2d", "eleves sti2d"});
  auto c_girls = csv.column({"filles_1ere_term_sti2d", "filles sti2d"});
  auto c_pct = csv.column({"part_filles_sti2d_pct", "part filles sti2d"});
  if (!c_year || !c_academy || (!c_pct && !(c_pupils && c_girls))) return nullptr;

  auto table = std::make_shared<Table>();
  std::map<int, Line> sums;
  domain::CsvRecord r;
  while (csv.next(r)) {
    if (!r.error.empty()) continue;
    auto field = [&](std::optional<std::size_t> c) { return c && *c < r.fields.size() ? r.fields[*c] : std::string(); };
    auto year = domain::parse_integer(field(c_year));
    std::string name = field(c_academy);
    if (!year || name.empty()) continue;
    Line l;
    l.year = *year;
    l.academy = name;
    l.key = academy_key(name);
    l.pupils = domain::parse_integer(field(c_pupils)).value_or(0);
    l.girls = domain::parse_integer(field(c_girls)).value_or(0);
    if (l.pupils > 0) {
      l.share = static_cast<double>(l.girls) / static_cast<double>(l.pupils);
    } else if (auto pct = domain::parse_decimal(field(c_pct))) {
      l.share = *pct / 100;
    } else {
      continue;
    }
    if (l.key == "total") {
      table->totals[l.year] = l;
    } else {
      Line& s = sums[l.year];
      s.year = l.year;
      s.academy = "France";
      s.pupils += l.pupils;
      s.girls += l.girls;
      table->academies.push_back(std::move(l));
    }
  }
  for (auto& [year, s] : sums) {
    if (table->totals.count(year) || s.pupils == 0) continue;
    s.share = static_cast<double>(s.girls) / static_cast<double>(s.pupils);
    table->totals[year] = s;
  }
  return table;
}

std::shared_ptr<const Table> table_for(const std::string& data_dir) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Table>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(data_dir);
  if (it != cache.end()) return it->second;
  return cache.emplace(data_dir, read_table(data_dir)).first->second;
}

}  // namespace

std::optional<Sti2dShare> sti2d_girls_share(const std::string& data_dir, const std::string& academy) {
  auto table = table_for(data_dir);
  std::string key = academy_key(academy);
  if (!table || key.empty() || key == "total") return std::nullopt;
  // The académies of Caen and Rouen became the académie de Normandie in 2020.
  std::string successor = key == "caen" || key == "rouen" ? "normandie" : "";
  const Line* best = nullptr;
  for (const auto& l : table->academies) {
    bool exact = l.key == key;
    if (!exact && (successor.empty() || l.key != successor)) continue;
    if (!best || l.year > best->year || (l.year == best->year && exact)) best = &l;
  }
  if (!best) return std::nullopt;
  Sti2dShare s;
  s.academy = best->academy;
  s.year = best->year;
  s.pupils = best->pupils;
  s.girls = best->girls;
  s.share = best->share;
  if (auto t = table->totals.find(best->year); t != table->totals.end()) {
    s.national_year = t->second.year;
    s.national_pupils = t->second.pupils;
    s.national_girls = t->second.girls;
    s.national_share = t->second.share;
  }
  return s;
}

std::string territory_academy(store::Store& s, const domain::Territory& t) {
  if (!t.academy.empty()) return t.academy;
  return store::most_frequent_academy(s, t.departments);
}

}  // namespace passerelles::report
