// Communes and ROME importers: file discovery, per-line validation, upserts that write only what changed.
#include "store/reference_import.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "domain/csv.hpp"
#include "domain/school.hpp"
#include "domain/text.hpp"
#include "store/schools.hpp"

namespace passerelles::store {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kCommuneBatch = 1000;

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The last file (by name, so the highest version) in `dir` whose name starts with `prefix` and ends with `suffix`.
std::optional<fs::path> newest(const fs::path& dir, const std::string& prefix, const std::string& suffix) {
  std::optional<fs::path> best;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string n = e.path().filename().string();
    if (e.is_regular_file() && n.size() >= prefix.size() + suffix.size() && n.rfind(prefix, 0) == 0 &&
        n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0 && (!best || n > best->filename().string()))
      best = e.path();
  }
  return best;
}

// A CSV file with its columns found by name; `missing` names the first required column not found.
struct Table {
  domain::CsvReader csv;
  std::string missing;
  Table(const fs::path& p, std::initializer_list<std::pair<const char*, std::initializer_list<std::string_view>>> req)
      : csv(read_all(p)) {
    for (const auto& [label, names] : req)
      if (!csv.column(names) && missing.empty())
        missing = std::string("colonne ") + label + " introuvable dans " + p.filename().string();
  }
  std::optional<std::size_t> col(std::initializer_list<std::string_view> names) const { return csv.column(names); }
};

// A record's trimmed field, "" when the column is absent or the record short.
std::string field(const domain::CsvRecord& r, std::optional<std::size_t> col) {
  return col && *col < r.fields.size() ? domain::trim(r.fields[*col]) : std::string();
}

// An upsert prepared once, bound to `n` text parameters; run() says whether the engine wrote the row (an
// ON CONFLICT … DO UPDATE … WHERE <differs> writes nothing when the row is already as given).
class TextUpsert {
 public:
  TextUpsert(soci::session& sql, const std::string& query, std::size_t n) : values_(n), st_(sql) {
    for (auto& v : values_) st_.exchange(soci::use(v));
    st_.alloc();
    st_.prepare(query);
    st_.define_and_bind();
  }
  bool run(std::vector<std::string> values) {
    for (std::size_t i = 0; i < values_.size(); ++i) values_[i] = std::move(values[i]);
    st_.execute(true);
    return st_.get_affected_rows() > 0;
  }

 private:
  std::vector<std::string> values_;
  soci::statement st_;
};

// Why a job title line cannot be imported, or "".
std::string title_problem(const std::string& csv_error, const std::string& ogr, const std::string& title,
                          bool known_code, const std::string& code) {
  if (!csv_error.empty()) return csv_error;
  std::string why;
  if (ogr.empty() || !domain::parse_integer(ogr))
    why.append("code OGR invalide « ").append(ogr).append(" »");
  else if (title.empty())
    why.append("libellé manquant (OGR ").append(ogr).append(")");
  else if (!known_code)
    why.append("code ROME inconnu « ").append(code).append(" » (OGR ").append(ogr).append(")");
  return why;
}

// Whether writing `c` would change nothing (coordinates absent from `c` keep the stored ones).
bool already_stored(const domain::Commune& stored, const domain::Commune& c) {
  std::vector<std::string> codes = c.postal_codes;
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return stored.name == c.name && stored.department == c.department && stored.region == c.region &&
         stored.population == c.population && stored.postal_codes == codes &&
         (!c.lat || (domain::same_coordinate(stored.lat, c.lat) && domain::same_coordinate(stored.lon, c.lon)));
}

// Writes the communes of `batch` that differ from `stored` (what the database held before the import).
void write_communes(Store& store, const std::map<std::string, domain::Commune>& stored,
                    std::vector<domain::Commune>& batch, TableImport& t) {
  static const std::vector<std::string> kNoCodes;
  std::vector<std::pair<const domain::Commune*, const std::vector<std::string>*>> changed;
  for (const auto& c : batch) {
    auto it = stored.find(c.insee);
    if (it == stored.end())
      changed.emplace_back(&c, &kNoCodes);
    else if (!already_stored(it->second, c))
      changed.emplace_back(&c, &it->second.postal_codes);
  }
  if (!changed.empty())
    t.written += store.write([&](soci::session& sql) {
      CommuneUpserter up(sql);
      std::size_t n = 0;
      for (const auto& [c, codes] : changed) n += up.upsert(*c, codes) ? 1 : 0;
      return n;
    });
  batch.clear();
}

bool valid_insee(const std::string& s) {
  if (s.size() != 5) return false;
  for (std::size_t i = 0; i < 5; ++i) {
    char c = s[i];
    bool ok = std::isdigit(static_cast<unsigned char>(c)) || (i == 1 && s[0] == '2' && (c == 'A' || c == 'B'));
    if (!ok) return false;
  }
  return true;
}

ReferenceSummary communes_from_csv(Store& store, const fs::path& file, const std::optional<fs::path>& centroids,
                                   const ProgressFn& progress) {
  ReferenceSummary sum;
  TableImport t{"communes", file.filename().string()};
  std::map<std::string, std::pair<double, double>> coords;
  if (centroids) {
    t.file += " + " + centroids->filename().string();
    Table c(*centroids, {{"code_insee", {"code_insee", "code commune insee", "insee"}},
                         {"latitude", {"latitude"}},
                         {"longitude", {"longitude"}}});
    if (c.missing.empty()) {
      auto ci = c.col({"code_insee", "code commune insee", "insee"}), la = c.col({"latitude"}),
           lo = c.col({"longitude"});
      domain::CsvRecord r;
      while (c.csv.next(r)) {
        auto lat = domain::parse_decimal(field(r, la)), lon = domain::parse_decimal(field(r, lo));
        if (!r.error.empty() || !lat || !lon || std::fabs(*lat) > 90 || std::fabs(*lon) > 180)
          t.rejected.push_back({r.line, centroids->filename().string() + " : coordonnées invalides"});
        else
          coords[field(r, ci)] = {*lat, *lon};
      }
    } else {
      t.rejected.push_back({0, c.missing});
    }
  }
  Table f(file, {{"code_insee", {"code_insee", "code commune insee", "insee"}}, {"nom", {"nom", "nom commune"}}});
  if (!f.missing.empty()) {
    sum.error = f.missing;
    return sum;
  }
  auto ci = f.col({"code_insee", "code commune insee", "insee"}), nom = f.col({"nom", "nom commune"}),
       type = f.col({"type"}), pcs = f.col({"codes_postaux", "code_postal"}),
       dep = f.col({"code_departement", "departement"}), reg = f.col({"nom_region"}), pop = f.col({"population"});
  const auto stored = all_communes(store);
  std::vector<domain::Commune> batch;
  domain::CsvRecord r;
  while (f.csv.next(r)) {
    ++t.rows;
    if (!r.error.empty()) {
      t.rejected.push_back({r.line, r.error});
      continue;
    }
    std::string kind = field(r, type);
    if (!kind.empty() && kind != "commune-actuelle" && kind != "arrondissement-municipal") continue;
    domain::Commune c;
    c.insee = field(r, ci);
    c.name = field(r, nom);
    if (!valid_insee(c.insee)) {
      t.rejected.push_back({r.line, "code INSEE invalide « " + c.insee + " »"});
      continue;
    }
    if (c.name.empty()) {
      t.rejected.push_back({r.line, "nom de la commune manquant (" + c.insee + ")"});
      continue;
    }
    std::string p = field(r, pop);
    auto population = p.empty() ? std::optional<int>(0) : domain::parse_integer(p);
    if (!population) {
      t.rejected.push_back({r.line, "population invalide « " + p + " » (" + c.insee + ")"});
      continue;
    }
    c.population = *population;
    c.department = field(r, dep);
    c.region = field(r, reg);
    std::string codes = field(r, pcs);
    for (auto& ch : codes)
      if (ch == ',' || ch == ';' || ch == ' ') ch = '|';
    c.postal_codes = domain::split_list(codes, '|');
    if (auto it = coords.find(c.insee); it != coords.end()) {
      c.lat = it->second.first;
      c.lon = it->second.second;
    }
    batch.push_back(std::move(c));
    if (batch.size() >= kCommuneBatch) {
      write_communes(store, stored, batch, t);
      if (progress) progress(f.csv.position(), f.csv.size());
    }
  }
  write_communes(store, stored, batch, t);
  if (progress) progress(f.csv.size(), f.csv.size());
  sum.tables.push_back(std::move(t));
  return sum;
}

ReferenceSummary communes_from_json(Store& store, const fs::path& file, const ProgressFn& progress) {
  ReferenceSummary sum;
  TableImport t{"communes", file.string()};
  std::map<std::string, std::string> region_names;
  if (fs::path regions = file.parent_path() / "regions.json"; fs::exists(regions))
    for (const auto& r : nlohmann::json::parse(read_all(regions)))
      region_names[r.value("code", "")] = r.value("nom", "");
  auto all = nlohmann::json::parse(read_all(file));
  const auto stored = all_communes(store);
  std::vector<domain::Commune> batch;
  std::size_t i = 0;
  for (const auto& j : all) {
    ++i;
    std::string kind = j.value("type", "");
    if (kind != "commune-actuelle" && kind != "arrondissement-municipal") continue;
    ++t.rows;
    domain::Commune c;
    c.insee = j.value("code", "");
    c.name = j.value("nom", "");
    if (!valid_insee(c.insee) || c.name.empty()) {
      t.rejected.push_back({i, "entrée n° " + std::to_string(i) + " : code INSEE ou nom invalide"});
      continue;
    }
    c.department = j.value("departement", "");
    c.region = region_names.count(j.value("region", "")) ? region_names[j.value("region", "")] : j.value("region", "");
    c.population = j.value("population", 0);
    if (j.contains("codesPostaux"))
      for (const auto& pc : j["codesPostaux"]) c.postal_codes.push_back(pc.get<std::string>());
    batch.push_back(std::move(c));
    if (batch.size() >= kCommuneBatch) {
      write_communes(store, stored, batch, t);
      if (progress) progress(i, all.size());
    }
  }
  write_communes(store, stored, batch, t);
  if (progress) progress(all.size(), all.size());
  sum.tables.push_back(std::move(t));
  return sum;
}

std::optional<fs::path> bundled_communes_json() {
  const fs::path rel = "node_modules/@etalab/decoupage-administratif/data/communes.json";
  std::vector<fs::path> candidates{rel};
  std::error_code ec;
  if (fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec)
    candidates.push_back(exe.parent_path().parent_path() / rel);
  for (const auto& c : candidates)
    if (fs::is_regular_file(c, ec)) return c;
  return std::nullopt;
}

}  // namespace

ReferenceSummary import_communes(Store& store, const std::string& path, const ProgressFn& progress) {
  const auto started = std::chrono::steady_clock::now();
  fs::path p(path);
  std::error_code ec;
  std::optional<fs::path> csv, json;
  if (fs::is_regular_file(p, ec)) {
    (p.extension() == ".json" ? json : csv) = p;
  } else if (p.extension() == ".csv" || p.extension() == ".json") {
    return {{}, "fichier introuvable : " + path, 0};
  } else {
    for (const auto& dir : {p, p / "communes"})
      if (!csv) csv = newest(dir, "communes-france-", ".csv");
  }
  ReferenceSummary sum;
  if (csv) {
    auto centroids = newest(csv->parent_path().empty() ? "." : csv->parent_path(), "communes-", "_centroids.csv");
    sum = communes_from_csv(store, *csv, centroids, progress);
  } else if (json || (json = bundled_communes_json())) {
    sum = communes_from_json(store, *json, progress);
  } else {
    sum.error = "aucun fichier de communes dans " + path +
                " ni node_modules/@etalab/decoupage-administratif (lancez scripts/install.sh)";
  }
  sum.seconds = seconds_since(started);
  return sum;
}

ReferenceSummary import_rome(Store& store, const std::string& path) {
  const auto started = std::chrono::steady_clock::now();
  ReferenceSummary sum;
  fs::path dir(path);
  if (!newest(dir, "rome-v", "-codes.csv") && newest(dir / "metiers", "rome-v", "-codes.csv")) dir /= "metiers";
  auto codes_file = newest(dir, "rome-v", "-codes.csv");
  auto titles_file = newest(dir, "rome-v", "-appellations.csv");
  if (!codes_file || !titles_file) {
    sum.error = "fichiers rome-v…-codes.csv et rome-v…-appellations.csv introuvables dans " + path;
    return sum;
  }
  Table codes(*codes_file, {{"code_rome", {"code_rome"}}, {"libelle_rome", {"libelle_rome"}}});
  Table titles(*titles_file, {{"code_ogr", {"code_ogr"}},
                              {"libelle_appellation_long", {"libelle_appellation_long", "libelle_appellation"}},
                              {"code_rome", {"code_rome"}}});
  std::optional<Table> domains, levels;
  if (fs::exists(dir / "rome-domaines.csv"))
    domains.emplace(dir / "rome-domaines.csv",
                    std::initializer_list<std::pair<const char*, std::initializer_list<std::string_view>>>{
                        {"code_domaine_professionnel", {"code_domaine_professionnel"}},
                        {"code_grand_domaine", {"code_grand_domaine"}}});
  if (fs::exists(dir / "niveaux-diplomes.csv"))
    levels.emplace(dir / "niveaux-diplomes.csv",
                   std::initializer_list<std::pair<const char*, std::initializer_list<std::string_view>>>{
                       {"niveau_cnc", {"niveau_cnc", "niveau"}}});
  for (const Table* t : {&codes, &titles, domains ? &*domains : nullptr, levels ? &*levels : nullptr})
    if (t && !t->missing.empty()) {
      sum.error = t->missing;
      return sum;
    }

  // Everything in one transaction: the reference is small and is never left half-updated.
  store.write([&](soci::session& sql) {
    if (domains) {
      TableImport t{"rome_domains", "rome-domaines.csv"};
      TextUpsert up(
          sql,
          "INSERT INTO rome_domains (code, grand_domain, grand_domain_title, title) VALUES (:c, :g, :gt, :t) "
          "ON CONFLICT (code) DO UPDATE SET grand_domain = excluded.grand_domain, "
          "grand_domain_title = excluded.grand_domain_title, title = excluded.title WHERE "
          "rome_domains.grand_domain <> excluded.grand_domain OR "
          "rome_domains.grand_domain_title <> excluded.grand_domain_title OR rome_domains.title <> excluded.title",
          4);
      auto code = domains->col({"code_domaine_professionnel"}), grand = domains->col({"code_grand_domaine"}),
           grand_title = domains->col({"libelle_grand_domaine"}),
           title = domains->col({"libelle_domaine_professionnel"});
      domain::CsvRecord r;
      while (domains->csv.next(r)) {
        ++t.rows;
        if (!r.error.empty() || field(r, code).empty()) {
          t.rejected.push_back({r.line, r.error.empty() ? "code du domaine manquant" : r.error});
          continue;
        }
        t.written += up.run({field(r, code), field(r, grand), field(r, grand_title), field(r, title)});
      }
      sum.tables.push_back(std::move(t));
    }

    TableImport tc{"rome_codes", codes_file->filename().string()};
    std::set<std::string> known;
    {
      TextUpsert up(
          sql,
          "INSERT INTO rome_codes (code, title, domain_code) VALUES (:c, :t, :d) ON CONFLICT (code) DO UPDATE "
          "SET title = excluded.title, domain_code = excluded.domain_code WHERE "
          "rome_codes.title <> excluded.title OR rome_codes.domain_code <> excluded.domain_code",
          3);
      auto code = codes.col({"code_rome"}), title = codes.col({"libelle_rome"});
      domain::CsvRecord r;
      while (codes.csv.next(r)) {
        ++tc.rows;
        std::string c = field(r, code), t = field(r, title);
        bool valid =
            c.size() == 5 && std::isupper(static_cast<unsigned char>(c[0])) &&
            std::all_of(c.begin() + 1, c.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); });
        if (!r.error.empty() || !valid || t.empty()) {
          tc.rejected.push_back({r.line, !r.error.empty() ? r.error
                                         : !valid         ? "code ROME invalide « " + c + " »"
                                                          : "libellé manquant (" + c + ")"});
          continue;
        }
        known.insert(c);
        tc.written += up.run({c, t, c.substr(0, 3)});
      }
    }
    sum.tables.push_back(std::move(tc));

    TableImport tt{"rome_titles", titles_file->filename().string()};
    {
      TextUpsert up(sql,
                    "INSERT INTO rome_titles (ogr, code, title, search) VALUES (:o, :c, :t, :s) ON CONFLICT (ogr) DO "
                    "UPDATE SET code = excluded.code, title = excluded.title, search = excluded.search WHERE "
                    "rome_titles.code <> excluded.code OR rome_titles.title <> excluded.title OR "
                    "rome_titles.search <> excluded.search",
                    4);
      auto ogr = titles.col({"code_ogr"}), title = titles.col({"libelle_appellation_long", "libelle_appellation"}),
           code = titles.col({"code_rome"});
      domain::CsvRecord r;
      while (titles.csv.next(r)) {
        ++tt.rows;
        std::string o = field(r, ogr), t = field(r, title), c = field(r, code);
        std::string why = title_problem(r.error, o, t, known.count(c) > 0, c);
        if (!why.empty()) {
          tt.rejected.push_back({r.line, why});
          continue;
        }
        tt.written += up.run({o, c, t, domain::fold(t)});
      }
    }
    sum.tables.push_back(std::move(tt));

    if (levels) {
      TableImport t{"diploma_levels", "niveaux-diplomes.csv"};
      TextUpsert up(sql,
                    "INSERT INTO diploma_levels (level, old_level, examples, access) VALUES (:l, :o, :e, :a) ON "
                    "CONFLICT (level) DO UPDATE SET old_level = excluded.old_level, examples = excluded.examples, "
                    "access = excluded.access WHERE diploma_levels.old_level <> excluded.old_level OR "
                    "diploma_levels.examples <> excluded.examples OR diploma_levels.access <> excluded.access",
                    4);
      auto level = levels->col({"niveau_cnc", "niveau"}), old = levels->col({"niveau_ancienne_nomenclature_1969"}),
           examples = levels->col({"exemples_diplomes"}), access = levels->col({"acces_typique"});
      domain::CsvRecord r;
      while (levels->csv.next(r)) {
        ++t.rows;
        auto l = domain::parse_integer(field(r, level));
        if (!r.error.empty() || !l || *l < 1 || *l > 8) {
          t.rejected.push_back({r.line, "niveau invalide « " + field(r, level) + " »"});
          continue;
        }
        t.written += up.run({std::to_string(*l), field(r, old), field(r, examples), field(r, access)});
      }
      sum.tables.push_back(std::move(t));
    }
  });
  sum.seconds = seconds_since(started);
  return sum;
}

}  // namespace passerelles::store
