// SQL for the directory (organisations, people): territory-confined reads, writes with audit, search and merges.
#include "store/directory.hpp"

#include <algorithm>

#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/indicators.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

const char* kOrgColumns =
    "SELECT o.id, o.territory_id, o.kind, o.name, o.uai, o.siret, o.address, o.commune_insee, "
    "COALESCE(c.name, ''), o.lat, o.lon, o.website, o.email, o.phone, o.notes, o.created_at, o.updated_at "
    "FROM organisations o LEFT JOIN communes c ON c.insee = o.commune_insee ";

domain::Organisation org_from_row(const soci::row& r) {
  domain::Organisation o;
  o.id = col_ll(r, 0);
  o.territory_id = col_ll(r, 1);
  o.kind = col_str(r, 2);
  o.name = col_str(r, 3);
  o.uai = col_str(r, 4);
  o.siret = col_str(r, 5);
  o.address = col_str(r, 6);
  o.commune_insee = col_str(r, 7);
  o.commune_name = col_str(r, 8);
  o.lat = col_opt_dbl(r, 9);
  o.lon = col_opt_dbl(r, 10);
  o.website = col_str(r, 11);
  o.email = col_str(r, 12);
  o.phone = col_str(r, 13);
  o.notes = col_str(r, 14);
  o.created_at = col_ll(r, 15);
  o.updated_at = col_ll(r, 16);
  return o;
}

const char* kPersonColumns =
    "SELECT p.id, p.territory_id, COALESCE(p.organisation_id, 0), COALESCE(o.name, ''), p.first_name, "
    "p.last_name, p.email, p.phone, p.job_title, p.roles, p.notes, p.created_at, p.updated_at "
    "FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id AND o.territory_id = p.territory_id ";

domain::Person person_from_row(const soci::row& r) {
  domain::Person p;
  p.id = col_ll(r, 0);
  p.territory_id = col_ll(r, 1);
  p.organisation_id = col_ll(r, 2);
  p.organisation_name = col_str(r, 3);
  p.first_name = col_str(r, 4);
  p.last_name = col_str(r, 5);
  p.email = col_str(r, 6);
  p.phone = col_str(r, 7);
  p.job_title = col_str(r, 8);
  p.roles = domain::split_list(col_str(r, 9));
  p.notes = col_str(r, 10);
  p.created_at = col_ll(r, 11);
  p.updated_at = col_ll(r, 12);
  return p;
}

// FOR UPDATE cannot lock the nullable side of an outer join on PostgreSQL: the lock takes the organisation only
// (the person only).
std::optional<domain::Organisation> load_org(soci::session& sql, long long territory_id, long long id,
                                             bool lock = false) {
  return row_in_territory(sql, kOrgColumns, "o", territory_id, id, lock, org_from_row);
}

std::optional<domain::Person> load_person(soci::session& sql, long long territory_id, long long id, bool lock = false) {
  return row_in_territory(sql, kPersonColumns, "p", territory_id, id, lock, person_from_row);
}

std::string commune_name(soci::session& sql, const std::string& insee) {
  if (insee.empty()) return {};
  std::string name;
  sql << "SELECT name FROM communes WHERE insee = :i", use(insee), into(name);
  return sql.got_data() ? name : std::string();
}

// Another organisation of the territory with the same UAI or SIRET.
domain::Errors org_conflicts(soci::session& sql, const domain::Organisation& o) {
  domain::Errors e;
  for (auto [field, value] : {std::pair<const char*, const std::string*>{"uai", &o.uai}, {"siret", &o.siret}}) {
    if (value->empty()) continue;
    std::string other;
    sql << std::string("SELECT name FROM organisations WHERE territory_id = :t AND id <> :id AND ") + field + " = :v",
        use(o.territory_id), use(o.id), use(*value), into(other);
    if (sql.got_data())
      e[field] = std::string("Ce ") + (field == std::string("uai") ? "code UAI" : "SIRET") +
                 " est déjà celui de l’organisation « " + other + " ».";
  }
  return e;
}

domain::Errors person_conflicts(soci::session& sql, const domain::Person& p) {
  domain::Errors e;
  if (p.email.empty()) return e;
  std::string first, last;
  sql << "SELECT first_name, last_name FROM people WHERE territory_id = :t AND id <> :id AND email = :e",
      use(p.territory_id), use(p.id), use(p.email), into(first), into(last);
  if (sql.got_data()) e["email"] = "Cette adresse e-mail est déjà celle de " + first + " " + last + ".";
  return e;
}

void write_org(soci::session& sql, const domain::Organisation& o, long long now) {
  double lat = o.lat.value_or(0), lon = o.lon.value_or(0);
  soci::indicator lat_i = o.lat ? soci::i_ok : soci::i_null, lon_i = o.lon ? soci::i_ok : soci::i_null;
  std::string search = domain::search_text(o);
  sql << "UPDATE organisations SET kind = :k, name = :n, uai = :uai, siret = :siret, address = :a, "
         "commune_insee = :c, lat = :lat, lon = :lon, website = :w, email = :e, phone = :p, notes = :notes, "
         "search = :s, updated_at = :now WHERE territory_id = :t AND id = :id",
      use(o.kind), use(o.name), use(o.uai), use(o.siret), use(o.address), use(o.commune_insee), use(lat, lat_i),
      use(lon, lon_i), use(o.website), use(o.email), use(o.phone), use(o.notes), use(search), use(now),
      use(o.territory_id), use(o.id);
}

void write_person(soci::session& sql, const domain::Person& p, long long now) {
  long long org = p.organisation_id;
  soci::indicator org_i = null_if_zero(org);
  std::string roles = domain::join(p.roles), search = domain::search_text(p);
  sql << "UPDATE people SET organisation_id = :o, first_name = :f, last_name = :l, email = :e, phone = :p, "
         "job_title = :j, roles = :r, notes = :n, search = :s, updated_at = :now WHERE territory_id = :t AND id = :id",
      use(org, org_i), use(p.first_name), use(p.last_name), use(p.email), use(p.phone), use(p.job_title), use(roles),
      use(p.notes), use(search), use(now), use(p.territory_id), use(p.id);
}

// People's search text includes their organisation's name: rewritten when it changes (rename, merge, delete).
void refresh_people_of(soci::session& sql, long long territory_id, long long organisation_id, long long now) {
  std::vector<domain::Person> people;
  soci::rowset<soci::row> rs =
      (sql.prepare << std::string(kPersonColumns) + "WHERE p.territory_id = :t AND p.organisation_id = :o",
       use(territory_id), use(organisation_id));
  for (const auto& r : rs) people.push_back(person_from_row(r));
  for (const auto& p : people) write_person(sql, p, now);
}

// WHERE clause (after the territory and optional organisation conditions) and its text parameters, in order.
struct Where {
  std::string sql;
  std::vector<std::string> texts;
};

Where search_where(const char* table, const DirectoryFilter& f, bool people) {
  Where w;
  w.sql = like_all_words(std::string(table) + ".search", f.query, w.texts);
  if (!f.kind.empty()) {
    w.sql += people ? " AND (',' || p.roles || ',') LIKE :k ESCAPE '\\'" : " AND o.kind = :k";
    w.texts.push_back(people ? like_pattern("," + f.kind + ",") : f.kind);
  }
  return w;
}

int clamp_per_page(int n) {
  return std::clamp(n, 1, kMaxPerPage);
}
int clamp_page(int n) {
  return std::clamp(n, 1, 1000000);
}

// Runs "SELECT COUNT(*) …" and the page query with the same bound values; `from` is the table with alias.
template <class T, class FromRow>
Page<T> page_of(Store& s, const std::string& columns, const std::string& count_from, const std::string& cond,
                long long territory_id, std::optional<long long> organisation_id, const Where& w,
                const std::string& order, const DirectoryFilter& f, FromRow from_row) {
  Page<T> out;
  out.page = clamp_page(f.page);
  out.per_page = clamp_per_page(f.per_page);
  if (!domain::valid_utf8(f.query) || !domain::valid_utf8(f.kind)) return out;
  long long limit = out.per_page, offset = static_cast<long long>(out.page - 1) * out.per_page;
  return s.read([&](soci::session& sql) {
    auto bind = [&](soci::details::prepare_temp_type& p) {
      p, use(territory_id);
      if (organisation_id) p, use(*organisation_id);
      for (const auto& t : w.texts) p, use(t);
    };
    {
      soci::details::prepare_temp_type p =
          (sql.prepare << "SELECT COUNT(*) FROM " + count_from + " WHERE " + cond + w.sql);
      bind(p);
      p, into(out.total);
      soci::statement st(p);
      st.execute(true);
    }
    soci::details::prepare_temp_type p =
        (sql.prepare << columns + "WHERE " + cond + w.sql + " ORDER BY " + order + " LIMIT :lim OFFSET :off");
    bind(p);
    p, use(limit), use(offset);
    soci::rowset<soci::row> rs(p);
    for (const auto& r : rs) out.rows.push_back(from_row(r));
    return out;
  });
}

}  // namespace

// ---- organisations ------------------------------------------------------------------------------------------

WriteResult insert_organisation(Store& s, const domain::Organisation& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  return s.write([&](soci::session& sql) {
    domain::Organisation o = in;
    o.id = 0;
    if (auto e = org_conflicts(sql, o); !e.empty()) return failed(WriteResult::Status::conflict, e);
    o.commune_name = commune_name(sql, o.commune_insee);
    long long now = now_unix();
    sql << "INSERT INTO organisations (territory_id, kind, name, created_at, updated_at) VALUES "
           "(:t, :k, :n, :c, :u) RETURNING id",
        use(o.territory_id), use(o.kind), use(o.name), use(now), use(now), into(o.id);
    write_org(sql, o, now);
    audit(sql, o.territory_id, by.user_id, by.label, "create", "organisation", o.id, o.name);
    return done(o.id);
  });
}

WriteResult update_organisation(Store& s, const domain::Organisation& in, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto before = load_org(sql, in.territory_id, in.id, true);
    if (!before) return failed(WriteResult::Status::not_found);
    domain::Organisation o = in;
    if (auto e = org_conflicts(sql, o); !e.empty()) return failed(WriteResult::Status::conflict, e);
    o.commune_name = commune_name(sql, o.commune_insee);
    long long now = now_unix();
    write_org(sql, o, now);
    if (o.name != before->name) refresh_people_of(sql, o.territory_id, o.id, now);
    audit(sql, o.territory_id, by.user_id, by.label, "update", "organisation", o.id,
          with_changes(o.name, domain::changed_fields(*before, o)));
    return done(o.id);
  });
}

bool delete_organisation(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto o = load_org(sql, territory_id, id, true);
    if (!o) return false;
    // Its people stay, without organisation (and without its name in their search text).
    std::vector<domain::Person> people;
    soci::rowset<soci::row> rs =
        (sql.prepare << std::string(kPersonColumns) + "WHERE p.territory_id = :t AND p.organisation_id = :o",
         use(territory_id), use(id));
    for (const auto& r : rs) people.push_back(person_from_row(r));
    long long now = now_unix();
    for (auto& p : people) {
      p.organisation_id = 0;
      p.organisation_name.clear();
      write_person(sql, p, now);
    }
    sql << "DELETE FROM organisations WHERE territory_id = :t AND id = :id", use(territory_id), use(id);
    audit(sql, territory_id, by.user_id, by.label, "delete", "organisation", id, o->name);
    return true;
  });
}

std::optional<domain::Organisation> org_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_org(sql, territory_id, id); });
}

Page<domain::Organisation> organisations_matching(Store& s, long long territory_id, const DirectoryFilter& f) {
  Where w = search_where("o", f, false);
  return page_of<domain::Organisation>(s, kOrgColumns, "organisations o", "o.territory_id = :t", territory_id,
                                       std::nullopt, w, "o.search, o.id", f, org_from_row);
}

std::vector<domain::Organisation> organisation_names(Store& s, long long territory_id, const std::string& kind) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::Organisation> out;
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT id, name FROM organisations WHERE territory_id = :t AND "
                                                 "(:k = '' OR kind = :k2) ORDER BY search, id",
                                  use(territory_id), use(kind), use(kind));
    for (const auto& r : rs) {
      domain::Organisation o;
      o.id = col_ll(r, 0);
      o.name = col_str(r, 1);
      o.territory_id = territory_id;
      out.push_back(std::move(o));
    }
    return out;
  });
}

WriteResult merge_organisations(Store& s, long long territory_id, long long keep_id, long long duplicate_id,
                                const Author& by) {
  if (keep_id == duplicate_id)
    return failed(WriteResult::Status::conflict,
                  {{"duplicate_id", "Choisissez une autre organisation que celle conservée."}});
  WriteResult merged_result = s.write([&](soci::session& sql) {
    auto keep = load_org(sql, territory_id, keep_id, true);
    auto dup = load_org(sql, territory_id, duplicate_id, true);
    if (!keep || !dup) return failed(WriteResult::Status::not_found);
    domain::Organisation merged = *keep;
    domain::absorb(merged, *dup);
    long long now = now_unix();
    sql << "UPDATE people SET organisation_id = :k, updated_at = :now WHERE territory_id = :t AND organisation_id = :d",
        use(keep_id), use(now), use(territory_id), use(duplicate_id);
    // The duplicate's part in actions and in the action plan moves to the kept organisation (links both already
    // have are left to the cascade).
    sql << "UPDATE action_organisations SET organisation_id = :k WHERE organisation_id = :d AND action_id NOT IN "
           "(SELECT action_id FROM action_organisations WHERE organisation_id = :k2)",
        use(keep_id), use(duplicate_id), use(keep_id);
    sql << "UPDATE initiative_partners SET organisation_id = :k WHERE organisation_id = :d AND initiative_id NOT IN "
           "(SELECT initiative_id FROM initiative_partners WHERE organisation_id = :k2)",
        use(keep_id), use(duplicate_id), use(keep_id);
    for (const char* update : {"UPDATE initiatives SET lead_organisation_id = :k WHERE lead_organisation_id = :d",
                               "UPDATE partnerships SET organisation_id = :k WHERE organisation_id = :d",
                               "UPDATE fundings SET funder_organisation_id = :k WHERE funder_organisation_id = :d"})
      sql << update, use(keep_id), use(duplicate_id);
    // The duplicate goes first: the kept organisation may take over its UAI or SIRET (unique per territory).
    sql << "DELETE FROM organisations WHERE territory_id = :t AND id = :d", use(territory_id), use(duplicate_id);
    write_org(sql, merged, now);
    refresh_people_of(sql, territory_id, keep_id, now);
    audit(sql, territory_id, by.user_id, by.label, "merge", "organisation", keep_id,
          "« " + dup->name + " » (" + std::to_string(duplicate_id) + ") fusionnée dans « " + keep->name + " »");
    return done(keep_id);
  });
  // The per-organisation credit of the moved actions follows (a merge is rare; the territory is rebuilt).
  if (merged_result.ok()) rebuild_aggregates(s, territory_id);
  return merged_result;
}

// ---- people -------------------------------------------------------------------------------------------------

namespace {

const domain::Errors kUnknownOrganisation = {
    {"organisation_id", "Cette organisation n’existe pas dans l’annuaire du territoire."}};

}  // namespace

WriteResult insert_person(Store& s, const domain::Person& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  return s.write([&](soci::session& sql) {
    domain::Person p = in;
    p.id = 0;
    if (!in_territory(sql, "organisations", p.territory_id, p.organisation_id))
      return failed(WriteResult::Status::invalid, kUnknownOrganisation);
    if (auto e = person_conflicts(sql, p); !e.empty()) return failed(WriteResult::Status::conflict, e);
    long long now = now_unix();
    sql << "INSERT INTO people (territory_id, first_name, last_name, created_at, updated_at) VALUES "
           "(:t, :f, :l, :c, :u) RETURNING id",
        use(p.territory_id), use(p.first_name), use(p.last_name), use(now), use(now), into(p.id);
    p.organisation_name = "";
    if (p.organisation_id)
      sql << "SELECT name FROM organisations WHERE id = :id", use(p.organisation_id), into(p.organisation_name);
    write_person(sql, p, now);
    audit(sql, p.territory_id, by.user_id, by.label, "create", "person", p.id, domain::full_name(p));
    return done(p.id);
  });
}

WriteResult update_person(Store& s, const domain::Person& in, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto before = load_person(sql, in.territory_id, in.id, true);
    if (!before) return failed(WriteResult::Status::not_found);
    domain::Person p = in;
    if (!in_territory(sql, "organisations", p.territory_id, p.organisation_id))
      return failed(WriteResult::Status::invalid, kUnknownOrganisation);
    if (auto e = person_conflicts(sql, p); !e.empty()) return failed(WriteResult::Status::conflict, e);
    p.organisation_name = "";
    if (p.organisation_id)
      sql << "SELECT name FROM organisations WHERE id = :id", use(p.organisation_id), into(p.organisation_name);
    write_person(sql, p, now_unix());
    audit(sql, p.territory_id, by.user_id, by.label, "update", "person", p.id,
          with_changes(domain::full_name(p), domain::changed_fields(*before, p)));
    return done(p.id);
  });
}

bool delete_person(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto p = load_person(sql, territory_id, id, true);
    if (!p) return false;
    sql << "DELETE FROM people WHERE territory_id = :t AND id = :id", use(territory_id), use(id);
    audit(sql, territory_id, by.user_id, by.label, "delete", "person", id, domain::full_name(*p));
    return true;
  });
}

std::optional<domain::Person> person_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_person(sql, territory_id, id); });
}

Page<domain::Person> people_matching(Store& s, long long territory_id, const DirectoryFilter& f) {
  Where w = search_where("p", f, true);
  std::optional<long long> org;
  std::string cond = "p.territory_id = :t";
  if (f.organisation_id) {
    org = f.organisation_id;
    cond += " AND p.organisation_id = :o";
  }
  return page_of<domain::Person>(s, kPersonColumns, "people p", cond, territory_id, org, w, "p.search, p.id", f,
                                 person_from_row);
}

std::vector<domain::Person> people_of_organisation(Store& s, long long territory_id, long long organisation_id) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::Person> out;
    soci::rowset<soci::row> rs = (sql.prepare << std::string(kPersonColumns) +
                                                     "WHERE p.territory_id = :t AND p.organisation_id = :o "
                                                     "ORDER BY p.search, p.id",
                                  use(territory_id), use(organisation_id));
    for (const auto& r : rs) out.push_back(person_from_row(r));
    return out;
  });
}

WriteResult merge_people(Store& s, long long territory_id, long long keep_id, long long duplicate_id,
                         const Author& by) {
  if (keep_id == duplicate_id)
    return failed(WriteResult::Status::conflict,
                  {{"duplicate_id", "Choisissez une autre personne que celle conservée."}});
  return s.write([&](soci::session& sql) {
    auto keep = load_person(sql, territory_id, keep_id, true);
    auto dup = load_person(sql, territory_id, duplicate_id, true);
    if (!keep || !dup) return failed(WriteResult::Status::not_found);
    domain::Person merged = *keep;
    domain::absorb(merged, *dup);
    // The duplicate goes first: the kept person may take over its e-mail (unique per territory).
    sql << "DELETE FROM people WHERE territory_id = :t AND id = :d", use(territory_id), use(duplicate_id);
    write_person(sql, merged, now_unix());
    audit(sql, territory_id, by.user_id, by.label, "merge", "person", keep_id,
          "« " + domain::full_name(*dup) + " » (" + std::to_string(duplicate_id) + ") fusionnée dans « " +
              domain::full_name(*keep) + " »");
    return done(keep_id);
  });
}

}  // namespace passerelles::store
