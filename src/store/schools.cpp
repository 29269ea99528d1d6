// SQL for schools and communes: upserts with prepared statements for importers, lookups and searches for pages.
#include "store/schools.hpp"

#include <chrono>
#include <set>

#include "domain/text.hpp"
#include "store/query.hpp"
#include "store/row.hpp"

namespace passerelles::store {

using soci::into;
using soci::use;

namespace {

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

const char* kSchoolColumns =
    "SELECT id, uai, name, kind, sector, address, postal_code, commune_insee, commune_name, department, academy, "
    "region, lat, lon, priority_education, pupils, phone, email, website, voies, source FROM schools ";

domain::School school_from_row(const soci::row& r) {
  domain::School s;
  s.id = col_ll(r, 0);
  s.uai = col_str(r, 1);
  s.name = col_str(r, 2);
  s.kind = col_str(r, 3);
  s.sector = col_str(r, 4);
  s.address = col_str(r, 5);
  s.postal_code = col_str(r, 6);
  s.commune_insee = col_str(r, 7);
  s.commune_name = col_str(r, 8);
  s.department = col_str(r, 9);
  s.academy = col_str(r, 10);
  s.region = col_str(r, 11);
  s.lat = col_opt_dbl(r, 12);
  s.lon = col_opt_dbl(r, 13);
  s.priority_education = col_str(r, 14);
  s.pupils = col_int(r, 15);
  s.phone = col_str(r, 16);
  s.email = col_str(r, 17);
  s.website = col_str(r, 18);
  s.voies = col_str(r, 19);
  s.source = col_str(r, 20);
  return s;
}

// Copies the fields flagged in `fields` from `given` onto `stored`; returns whether any value differed.
bool overlay(domain::School& stored, const domain::School& given, unsigned fields) {
  namespace f = school_field;
  bool changed = false;
  auto take = [&](std::string& to, const std::string& from, unsigned bit) {
    if ((fields & bit) && to != from) {
      to = from;
      changed = true;
    }
  };
  if (stored.name != given.name || stored.kind != given.kind) changed = true;
  stored.name = given.name;
  stored.kind = given.kind;
  take(stored.sector, given.sector, f::sector);
  take(stored.address, given.address, f::address);
  take(stored.postal_code, given.postal_code, f::postal_code);
  take(stored.commune_insee, given.commune_insee, f::commune_insee);
  take(stored.commune_name, given.commune_name, f::commune_name);
  take(stored.department, given.department, f::department);
  take(stored.academy, given.academy, f::academy);
  take(stored.region, given.region, f::region);
  take(stored.priority_education, given.priority_education, f::priority_education);
  take(stored.phone, given.phone, f::phone);
  take(stored.email, given.email, f::email);
  take(stored.website, given.website, f::website);
  take(stored.voies, given.voies, f::voies);
  if ((fields & f::pupils) && stored.pupils != given.pupils) {
    stored.pupils = given.pupils;
    changed = true;
  }
  if ((fields & f::coordinates) &&
      !(domain::same_coordinate(stored.lat, given.lat) && domain::same_coordinate(stored.lon, given.lon))) {
    stored.lat = given.lat;
    stored.lon = given.lon;
    changed = true;
  }
  return changed;
}

}  // namespace

struct SchoolUpserter::Impl {
  explicit Impl(soci::session& sql)
      : select((sql.prepare << "SELECT id, name, kind, sector, address, postal_code, commune_insee, commune_name, "
                               "department, academy, region, lat, lon, priority_education, pupils, phone, email, "
                               "website, voies FROM schools WHERE uai = :uai",
                into(cur.id), into(cur.name), into(cur.kind), into(cur.sector), into(cur.address),
                into(cur.postal_code), into(cur.commune_insee), into(cur.commune_name), into(cur.department),
                into(cur.academy), into(cur.region), into(cur_lat, cur_lat_ind), into(cur_lon, cur_lon_ind),
                into(cur.priority_education), into(cur.pupils), into(cur.phone), into(cur.email), into(cur.website),
                into(cur.voies), use(key))),
        write((sql.prepare << "INSERT INTO schools (uai, name, kind, sector, address, postal_code, commune_insee, "
                              "commune_name, department, academy, region, lat, lon, priority_education, pupils, "
                              "phone, email, website, voies, source, search, updated_at) VALUES (:uai, :name, :kind, "
                              ":sector, :address, :postal_code, :commune_insee, :commune_name, :department, "
                              ":academy, :region, :lat, :lon, :priority_education, :pupils, :phone, :email, "
                              ":website, :voies, :source, :search, :updated_at) "
                              "ON CONFLICT (uai) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
                              "sector = excluded.sector, address = excluded.address, "
                              "postal_code = excluded.postal_code, commune_insee = excluded.commune_insee, "
                              "commune_name = excluded.commune_name, department = excluded.department, "
                              "academy = excluded.academy, region = excluded.region, lat = excluded.lat, "
                              "lon = excluded.lon, priority_education = excluded.priority_education, "
                              "pupils = excluded.pupils, phone = excluded.phone, email = excluded.email, "
                              "website = excluded.website, voies = excluded.voies, source = excluded.source, "
                              "search = excluded.search, updated_at = excluded.updated_at",
               use(out.uai), use(out.name), use(out.kind), use(out.sector), use(out.address), use(out.postal_code),
               use(out.commune_insee), use(out.commune_name), use(out.department), use(out.academy), use(out.region),
               use(out_lat, out_lat_ind), use(out_lon, out_lon_ind), use(out.priority_education), use(out.pupils),
               use(out.phone), use(out.email), use(out.website), use(out.voies), use(out.source), use(search),
               use(updated_at))) {}

  UpsertResult upsert(const domain::School& s, unsigned fields) {
    key = s.uai;
    cur = domain::School{};
    bool found = select.execute(true);
    UpsertResult result = UpsertResult::inserted;
    if (found) {
      cur.lat = cur_lat_ind == soci::i_ok ? std::optional<double>(cur_lat) : std::nullopt;
      cur.lon = cur_lon_ind == soci::i_ok ? std::optional<double>(cur_lon) : std::nullopt;
      if (!overlay(cur, s, fields)) return UpsertResult::unchanged;
      out = cur;
      result = UpsertResult::updated;
    } else {
      out = s;
    }
    out.uai = s.uai;
    out.source = s.source;
    out_lat_ind = out.lat ? soci::i_ok : soci::i_null;
    out_lon_ind = out.lon ? soci::i_ok : soci::i_null;
    out_lat = out.lat.value_or(0.0);
    out_lon = out.lon.value_or(0.0);
    search = domain::fold(out.name + " " + out.commune_name + " " + out.uai);
    updated_at = now_seconds();
    write.execute(true);
    return result;
  }

  std::string key;
  domain::School cur, out;
  double cur_lat = 0, cur_lon = 0, out_lat = 0, out_lon = 0;
  soci::indicator cur_lat_ind = soci::i_null, cur_lon_ind = soci::i_null, out_lat_ind = soci::i_null,
                  out_lon_ind = soci::i_null;
  std::string search;
  long long updated_at = 0;
  soci::statement select, write;
};

SchoolUpserter::SchoolUpserter(soci::session& sql) : impl_(std::make_unique<Impl>(sql)) {}
SchoolUpserter::~SchoolUpserter() = default;
UpsertResult SchoolUpserter::upsert(const domain::School& s, unsigned fields) {
  return impl_->upsert(s, fields);
}

UpsertResult upsert_school(soci::session& sql, const domain::School& s, unsigned fields) {
  return SchoolUpserter(sql).upsert(s, fields);
}

std::optional<domain::School> school_by_uai(Store& s, const std::string& uai) {
  return s.read([&](soci::session& sql) -> std::optional<domain::School> {
    soci::row r;
    sql << std::string(kSchoolColumns) + "WHERE uai = :uai", use(uai), into(r);
    if (!sql.got_data()) return std::nullopt;
    return school_from_row(r);
  });
}

std::optional<domain::School> school_by_id(Store& s, long long id) {
  return s.read([&](soci::session& sql) -> std::optional<domain::School> {
    soci::row r;
    sql << std::string(kSchoolColumns) + "WHERE id = :id", use(id), into(r);
    if (!sql.got_data()) return std::nullopt;
    return school_from_row(r);
  });
}

SchoolPage schools_matching(Store& s, const SchoolFilter& f) {
  std::string where = "WHERE 1 = 1";
  std::vector<std::string> params;
  if (!f.departments.empty()) {
    where += " AND department IN (";
    for (std::size_t i = 0; i < f.departments.size(); ++i) {
      where += (i ? ", :d" : ":d") + std::to_string(i);
      params.push_back(f.departments[i]);
    }
    where += ")";
  }
  where += like_all_words("search", f.query, params);
  if (!f.kind.empty()) {
    where += " AND kind = :kind";
    params.push_back(f.kind);
  }
  if (!f.commune_insee.empty()) {
    where += " AND commune_insee = :commune";
    params.push_back(f.commune_insee);
  }
  int per_page = std::max(1, f.per_page);
  long long offset = static_cast<long long>(std::max(1, f.page) - 1) * per_page;
  return s.read([&](soci::session& sql) {
    SchoolPage page;
    for_each_row(sql, "SELECT COUNT(*) FROM schools " + where, params,
                 [&](const soci::row& r) { page.total = col_ll(r, 0); });
    for_each_row(sql,
                 std::string(kSchoolColumns) + where + " ORDER BY name, uai LIMIT " + std::to_string(per_page) +
                     " OFFSET " + std::to_string(offset),
                 params, [&](const soci::row& r) { page.rows.push_back(school_from_row(r)); });
    return page;
  });
}

std::vector<domain::School> schools_for_export(Store& s, const std::string& department) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::School> out;
    std::vector<std::string> params;
    std::string where;
    if (!department.empty()) {
      where = "WHERE department = :d ";
      params.push_back(department);
    }
    for_each_row(sql, std::string(kSchoolColumns) + where + "ORDER BY uai", params,
                 [&](const soci::row& r) { out.push_back(school_from_row(r)); });
    return out;
  });
}

// Communes.

struct CommuneUpserter::Impl {
  explicit Impl(soci::session& sql)
      : write((sql.prepare << "INSERT INTO communes (insee, name, department, region, population, lat, lon, search) "
                              "VALUES (:insee, :name, :department, :region, :population, :lat, :lon, :search) "
                              "ON CONFLICT (insee) DO UPDATE SET name = excluded.name, "
                              "department = excluded.department, region = excluded.region, "
                              "population = excluded.population, lat = COALESCE(excluded.lat, communes.lat), "
                              "lon = COALESCE(excluded.lon, communes.lon), search = excluded.search "
                              "WHERE communes.name <> excluded.name OR communes.department <> excluded.department "
                              "OR communes.region <> excluded.region OR communes.population <> excluded.population "
                              "OR communes.search <> excluded.search OR (excluded.lat IS NOT NULL AND "
                              "(communes.lat IS DISTINCT FROM excluded.lat OR communes.lon IS DISTINCT FROM "
                              "excluded.lon))",
               use(c.insee), use(c.name), use(c.department), use(c.region), use(c.population), use(lat, lat_ind),
               use(lon, lon_ind), use(search))),
        codes((sql.prepare << "SELECT postal_code FROM postal_codes WHERE insee = :insee", into(code), use(c.insee))),
        drop((sql.prepare << "DELETE FROM postal_codes WHERE insee = :insee", use(c.insee))),
        add((sql.prepare
                 << "INSERT INTO postal_codes (postal_code, insee) VALUES (:code, :insee) ON CONFLICT DO NOTHING",
             use(code), use(c.insee))) {}

  bool upsert(const domain::Commune& given, const std::vector<std::string>* stored_codes) {
    c = given;
    lat = c.lat.value_or(0.0);
    lon = c.lon.value_or(0.0);
    lat_ind = c.lat ? soci::i_ok : soci::i_null;
    lon_ind = c.lon ? soci::i_ok : soci::i_null;
    search = domain::fold(c.name);
    write.execute(true);
    bool changed = write.get_affected_rows() > 0;
    std::set<std::string> wanted(c.postal_codes.begin(), c.postal_codes.end()), stored;
    if (stored_codes)
      stored.insert(stored_codes->begin(), stored_codes->end());
    else if (codes.execute(true))
      do stored.insert(code);
      while (codes.fetch());
    if (wanted == stored) return changed;
    if (!stored.empty()) drop.execute(true);
    for (const auto& p : wanted) {
      code = p;
      add.execute(true);
    }
    return true;
  }

  domain::Commune c;
  double lat = 0, lon = 0;
  soci::indicator lat_ind = soci::i_null, lon_ind = soci::i_null;
  std::string search, code;
  soci::statement write, codes, drop, add;
};

CommuneUpserter::CommuneUpserter(soci::session& sql) : impl_(std::make_unique<Impl>(sql)) {}
CommuneUpserter::~CommuneUpserter() = default;
bool CommuneUpserter::upsert(const domain::Commune& c, const std::vector<std::string>* stored_codes) {
  return impl_->upsert(c, stored_codes);
}

bool upsert_commune(soci::session& sql, const domain::Commune& c) {
  return CommuneUpserter(sql).upsert(c);
}

namespace {

const char* kCommuneColumns =
    "SELECT c.insee, c.name, c.department, c.region, c.population, c.lat, c.lon FROM communes c ";

domain::Commune commune_from_row(const soci::row& r) {
  domain::Commune c;
  c.insee = col_str(r, 0);
  c.name = col_str(r, 1);
  c.department = col_str(r, 2);
  c.region = col_str(r, 3);
  c.population = col_int(r, 4);
  c.lat = col_opt_dbl(r, 5);
  c.lon = col_opt_dbl(r, 6);
  return c;
}

void load_postal_codes(soci::session& sql, domain::Commune& c) {
  for_each_row(sql, "SELECT postal_code FROM postal_codes WHERE insee = :insee ORDER BY postal_code", {c.insee},
               [&](const soci::row& r) { c.postal_codes.push_back(col_str(r, 0)); });
}

}  // namespace

std::optional<domain::Commune> commune_by_insee(Store& s, const std::string& insee) {
  return s.read([&](soci::session& sql) -> std::optional<domain::Commune> {
    std::optional<domain::Commune> out;
    for_each_row(sql, std::string(kCommuneColumns) + "WHERE c.insee = :insee", {insee},
                 [&](const soci::row& r) { out = commune_from_row(r); });
    if (out) load_postal_codes(sql, *out);
    return out;
  });
}

std::map<std::string, domain::Commune> all_communes(Store& s) {
  return s.read([&](soci::session& sql) {
    std::map<std::string, domain::Commune> out;
    for_each_row(sql, kCommuneColumns, {}, [&](const soci::row& r) {
      auto c = commune_from_row(r);
      out.emplace(c.insee, std::move(c));
    });
    for_each_row(sql, "SELECT insee, postal_code FROM postal_codes ORDER BY insee, postal_code", {},
                 [&](const soci::row& r) {
                   if (auto it = out.find(col_str(r, 0)); it != out.end())
                     it->second.postal_codes.push_back(col_str(r, 1));
                 });
    return out;
  });
}

std::vector<domain::Commune> communes_by_postal_code(Store& s, const std::string& postal_code) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::Commune> out;
    for_each_row(sql,
                 std::string(kCommuneColumns) +
                     "JOIN postal_codes p ON p.insee = c.insee WHERE p.postal_code = :code ORDER BY c.name, c.insee",
                 {postal_code}, [&](const soci::row& r) { out.push_back(commune_from_row(r)); });
    for (auto& c : out) load_postal_codes(sql, c);
    return out;
  });
}

}  // namespace passerelles::store
