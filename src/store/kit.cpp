// SQL for the discourse kit: pages with their revisions (a new revision only over the one she edited), resources
// with tags, the default pages, and what the monthly digest reports.
#include "store/kit.hpp"

#include <algorithm>
#include <map>

#include "domain/kit.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "store/accounts.hpp"
#include "store/kit_defaults.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

const char* kPageColumns =
    "SELECT p.id, p.territory_id, p.slug, p.title, p.body, p.revision, p.updated_by_label, p.updated_at, "
    "p.created_at FROM kit_pages p ";

KitPage page_from_row(const soci::row& r) {
  KitPage p;
  p.id = col_ll(r, 0);
  p.territory_id = col_ll(r, 1);
  p.slug = col_str(r, 2);
  p.title = col_str(r, 3);
  p.body = col_str(r, 4);
  p.revision = col_int(r, 5);
  p.updated_by_label = col_str(r, 6);
  p.updated_at = col_ll(r, 7);
  p.created_at = col_ll(r, 8);
  return p;
}

// Pages of the territory; `since` > 0: changed since then, newest first.
std::vector<KitPage> pages_of(Store& s, long long territory_id, long long since) {
  return s.read([&](soci::session& sql) {
    std::vector<KitPage> out;
    soci::rowset<soci::row> rs =
        (sql.prepare
             << std::string(kPageColumns) +
                    "WHERE p.territory_id = :t AND p.updated_at >= :since ORDER BY p.updated_at DESC, p.id DESC",
         use(territory_id), use(since));
    for (const auto& r : rs) out.push_back(page_from_row(r));
    return out;
  });
}

const char* kRevisionColumns =
    "SELECT r.id, r.revision, r.title, r.summary, r.user_label, r.at, r.body FROM kit_revisions r "
    "JOIN kit_pages p ON p.id = r.page_id ";

KitRevision revision_from_row(const soci::row& r, bool with_body) {
  KitRevision v;
  v.id = col_ll(r, 0);
  v.revision = col_int(r, 1);
  v.title = col_str(r, 2);
  v.summary = col_str(r, 3);
  v.user_label = col_str(r, 4);
  v.at = col_ll(r, 5);
  if (with_body) v.body = col_str(r, 6);
  return v;
}

void insert_revision(soci::session& sql, long long page_id, int revision, const std::string& title,
                     const std::string& body, const std::string& summary, const Author& by, long long now) {
  long long user = by.user_id;
  soci::indicator user_i = null_if_zero(user);
  sql << "INSERT INTO kit_revisions (page_id, revision, title, body, summary, user_id, user_label, at) VALUES "
         "(:p, :r, :t, :b, :s, :u, :l, :a)",
      use(page_id), use(revision), use(title), use(body), use(summary), use(user, user_i), use(by.label), use(now);
}

// The page (territory, slug), or 0 when the slug is free. `lock`: held against concurrent editors (PostgreSQL).
struct PageHead {
  long long id = 0;
  int revision = 0;
  std::string title, body, updated_by_label;
  long long updated_at = 0;
};
PageHead page_head(soci::session& sql, long long territory_id, const std::string& slug, bool lock) {
  PageHead h;
  soci::row r;
  sql << "SELECT id, revision, title, body, updated_by_label, updated_at FROM kit_pages WHERE territory_id = :t "
         "AND slug = :s" +
             (lock ? for_update(sql) : ""),
      use(territory_id), use(slug), into(r);
  if (!sql.got_data()) return h;
  h.id = col_ll(r, 0);
  h.revision = col_int(r, 1);
  h.title = col_str(r, 2);
  h.body = col_str(r, 3);
  h.updated_by_label = col_str(r, 4);
  h.updated_at = col_ll(r, 5);
  return h;
}

// Inserts the page and its revision 1; 0 when (territory, slug) is taken (checked by the unique index, so that two
// concurrent creations cannot both succeed).
long long insert_page(soci::session& sql, long long territory_id, const std::string& slug, const std::string& title,
                      const std::string& body, const std::string& summary, const Author& by, long long now) {
  long long id = 0, user = by.user_id;
  soci::indicator user_i = null_if_zero(user);
  sql << "INSERT INTO kit_pages (territory_id, slug, title, body, revision, updated_by, updated_by_label, "
         "updated_at, created_at) VALUES (:t, :s, :ti, :b, 1, :u, :l, :n, :c) "
         "ON CONFLICT (territory_id, slug) DO NOTHING RETURNING id",
      use(territory_id), use(slug), use(title), use(body), use(user, user_i), use(by.label), use(now), use(now),
      into(id);
  if (!sql.got_data() || id == 0) return 0;
  insert_revision(sql, id, 1, title, body, summary, by, now);
  return id;
}

const char* kResourceColumns =
    "SELECT r.id, r.territory_id, r.title, r.kind, r.url, COALESCE(r.file_id, 0), COALESCE(f.name, ''), "
    "r.description, r.tags, r.created_by_label, COALESCE(r.created_by, 0), r.created_at, r.updated_at "
    "FROM kit_resources r LEFT JOIN files f ON f.id = r.file_id AND f.territory_id = r.territory_id ";

KitResource resource_from_row(const soci::row& r) {
  KitResource k;
  k.id = col_ll(r, 0);
  k.territory_id = col_ll(r, 1);
  k.title = col_str(r, 2);
  k.kind = col_str(r, 3);
  k.url = col_str(r, 4);
  k.file_id = col_ll(r, 5);
  k.file_name = col_str(r, 6);
  k.description = col_str(r, 7);
  k.tags = domain::split_list(col_str(r, 8));
  k.created_by_label = col_str(r, 9);
  k.created_by = col_ll(r, 10);
  k.created_at = col_ll(r, 11);
  k.updated_at = col_ll(r, 12);
  return k;
}

// ',cliches,college,' (see the migration), '' without tags.
std::string stored_tags(const std::vector<std::string>& tags) {
  std::vector<std::string> clean;
  for (const auto& t : tags) {
    std::string tag = domain::normalise_tag(t);
    if (!tag.empty() && std::find(clean.begin(), clean.end(), tag) == clean.end()) clean.push_back(tag);
  }
  return clean.empty() ? std::string() : "," + domain::join(clean) + ",";
}

}  // namespace

namespace detail {

void insert_default_kit_in(soci::session& sql, long long territory_id) {
  const Author passerelles{0, "Passerelles"};
  long long now = now_unix();
  for (const auto& page : default_kit_pages())
    insert_page(sql, territory_id, std::string(page.slug), std::string(page.title), std::string(page.body),
                "Page proposée par Passerelles, à adapter par le collectif.", passerelles, now);
}

}  // namespace detail

// ---- pages ---------------------------------------------------------------------------------------------------

void ensure_default_kit(Store& s, long long territory_id) {
  s.write([&](soci::session& sql) {
    long long found = 0;
    sql << "SELECT id FROM territories WHERE id = :t", use(territory_id), into(found);
    if (sql.got_data()) insert_default_kit_in(sql, territory_id);
  });
}

std::vector<KitPage> kit_pages(Store& s, long long territory_id) {
  auto pages = pages_of(s, territory_id, 0);
  std::stable_sort(pages.begin(), pages.end(),
                   [](const KitPage& a, const KitPage& b) { return domain::fold(a.title) < domain::fold(b.title); });
  return pages;
}

std::optional<KitPage> kit_page(Store& s, long long territory_id, const std::string& slug) {
  return s.read([&](soci::session& sql) -> std::optional<KitPage> {
    soci::row r;
    sql << std::string(kPageColumns) + "WHERE p.territory_id = :t AND p.slug = :s", use(territory_id), use(slug),
        into(r);
    if (!sql.got_data()) return std::nullopt;
    return page_from_row(r);
  });
}

WriteResult insert_kit_page(Store& s, long long territory_id, const std::string& title, const std::string& body,
                            const std::string& summary, const Author& by) {
  std::string slug = domain::kit_page_slug(title);
  if (auto e = domain::validate_kit_page(title, body, summary); !e.empty())
    return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    long long found = 0;
    sql << "SELECT id FROM territories WHERE id = :t", use(territory_id), into(found);
    if (!sql.got_data()) return failed(WriteResult::Status::not_found);
    long long id = insert_page(sql, territory_id, slug, title, body, summary, by, now_unix());
    if (id == 0) {
      PageHead other = page_head(sql, territory_id, slug, false);
      return failed(WriteResult::Status::conflict,
                    {{"title", "La page « " + other.title +
                                   " » porte déjà ce titre (ou un titre très proche) : choisissez-en un autre, ou "
                                   "complétez cette page-là."}});
    }
    audit(sql, territory_id, by.user_id, by.label, "create", "kit_page", id, title);
    return done(id);
  });
}

WriteResult update_kit_page(Store& s, long long territory_id, const std::string& slug, const std::string& title,
                            const std::string& body, const std::string& summary, int base_revision, const Author& by) {
  return s.write([&](soci::session& sql) {
    PageHead h = page_head(sql, territory_id, slug, true);
    if (h.id == 0) return failed(WriteResult::Status::not_found);
    if (h.revision != base_revision)
      return failed(WriteResult::Status::conflict,
                    {{"body", (h.updated_by_label.empty() ? std::string("Quelqu’un") : h.updated_by_label) +
                                  " a enregistré cette page le " + domain::format_datetime_fr(h.updated_at) +
                                  " pendant que vous la modifiiez (version " + std::to_string(h.revision) +
                                  "). Votre texte n’a pas été enregistré mais il est conservé ci-dessous : ouvrez "
                                  "la version actuelle dans un autre onglet, reportez-y vos changements, puis "
                                  "enregistrez."}});
    if (h.title == title && h.body == body) return done(h.id);  // nothing changed: no empty revision
    int revision = h.revision + 1;
    long long now = now_unix(), user = by.user_id;
    soci::indicator user_i = null_if_zero(user);
    sql << "UPDATE kit_pages SET title = :ti, body = :b, revision = :r, updated_by = :u, updated_by_label = :l, "
           "updated_at = :n WHERE id = :id",
        use(title), use(body), use(revision), use(user, user_i), use(by.label), use(now), use(h.id);
    insert_revision(sql, h.id, revision, title, body, summary, by, now);
    audit(sql, territory_id, by.user_id, by.label, "update", "kit_page", h.id,
          title + " (version " + std::to_string(revision) + ")");
    return done(h.id);
  });
}

std::vector<KitRevision> kit_revisions(Store& s, long long territory_id, const std::string& slug) {
  return s.read([&](soci::session& sql) {
    std::vector<KitRevision> out;
    // The body column is selected as '' so that the list does not carry every version's text.
    std::string columns = kRevisionColumns;
    columns.replace(columns.find("r.body"), 6, "''");
    soci::rowset<soci::row> rs = (sql.prepare << columns +
                                                     "WHERE p.territory_id = :t AND p.slug = :s ORDER BY "
                                                     "r.revision DESC",
                                  use(territory_id), use(slug));
    for (const auto& r : rs) out.push_back(revision_from_row(r, false));
    return out;
  });
}

std::optional<KitRevision> kit_revision(Store& s, long long territory_id, const std::string& slug, int revision) {
  return s.read([&](soci::session& sql) -> std::optional<KitRevision> {
    soci::row r;
    sql << std::string(kRevisionColumns) + "WHERE p.territory_id = :t AND p.slug = :s AND r.revision = :r",
        use(territory_id), use(slug), use(revision), into(r);
    if (!sql.got_data()) return std::nullopt;
    return revision_from_row(r, true);
  });
}

std::vector<KitPage> kit_pages_changed_since(Store& s, long long territory_id, long long since) {
  return pages_of(s, territory_id, since);
}

// ---- resources -----------------------------------------------------------------------------------------------

std::vector<KitResource> kit_resources(Store& s, long long territory_id, const std::string& tag) {
  std::string t = domain::normalise_tag(tag);
  if (!tag.empty() && t.empty()) return {};  // a tag that cannot exist
  int any = t.empty() ? 1 : 0;
  std::string pattern = like_pattern("," + t + ",");
  return s.read([&](soci::session& sql) {
    std::vector<KitResource> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << std::string(kResourceColumns) +
                            "WHERE r.territory_id = :t AND (:any = 1 OR r.tags LIKE :tag ESCAPE '\\') "
                            "ORDER BY r.created_at DESC, r.id DESC",
         use(territory_id), use(any), use(pattern));
    for (const auto& r : rs) out.push_back(resource_from_row(r));
    return out;
  });
}

std::optional<KitResource> kit_resource(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) {
    return row_in_territory(sql, kResourceColumns, "r", territory_id, id, false, resource_from_row);
  });
}

std::vector<std::pair<std::string, int>> kit_tags(Store& s, long long territory_id) {
  std::map<std::string, int> counts;
  s.read([&](soci::session& sql) {
    std::string tags;
    soci::statement st =
        (sql.prepare << "SELECT tags FROM kit_resources WHERE territory_id = :t", use(territory_id), into(tags));
    st.execute();
    while (st.fetch())
      for (const auto& t : domain::split_list(tags)) ++counts[t];
  });
  return {counts.begin(), counts.end()};
}

WriteResult insert_kit_resource(Store& s, const KitResource& r, const Author& by) {
  std::string tags = stored_tags(r.tags);
  return s.write([&](soci::session& sql) {
    long long found = 0;
    sql << "SELECT id FROM territories WHERE id = :t", use(r.territory_id), into(found);
    if (!sql.got_data()) return failed(WriteResult::Status::not_found);
    if (!in_territory(sql, "files", r.territory_id, r.file_id))
      return failed(WriteResult::Status::invalid, {{"file", "Ce fichier n’existe pas."}});
    long long id = 0, now = now_unix(), file = r.file_id, user = by.user_id;
    soci::indicator file_i = null_if_zero(file), user_i = null_if_zero(user);
    sql << "INSERT INTO kit_resources (territory_id, title, kind, url, file_id, description, tags, created_by, "
           "created_by_label, created_at, updated_at) VALUES (:t, :ti, :k, :u, :f, :d, :tags, :by, :l, :c, :n) "
           "RETURNING id",
        use(r.territory_id), use(r.title), use(r.kind), use(r.url), use(file, file_i), use(r.description), use(tags),
        use(user, user_i), use(by.label), use(now), use(now), into(id);
    audit(sql, r.territory_id, by.user_id, by.label, "create", "kit_resource", id, r.title);
    return done(id);
  });
}

bool delete_kit_resource(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    soci::row r;
    sql << "SELECT title, COALESCE(file_id, 0) FROM kit_resources WHERE territory_id = :t AND id = :id" +
               for_update(sql),
        use(territory_id), use(id), into(r);
    if (!sql.got_data()) return false;
    std::string title = col_str(r, 0);
    long long file = col_ll(r, 1);
    sql << "DELETE FROM kit_resources WHERE id = :id", use(id);
    // Its uploaded file goes with it, unless something else still points at it.
    if (file)
      sql << "DELETE FROM files WHERE id = :f AND territory_id = :t AND NOT EXISTS (SELECT 1 FROM kit_resources "
             "WHERE file_id = :f2) AND NOT EXISTS (SELECT 1 FROM action_files WHERE file_id = :f3) AND NOT EXISTS "
             "(SELECT 1 FROM partnerships WHERE document_file_id = :f4)",
          use(file), use(territory_id), use(file), use(file), use(file);
    audit(sql, territory_id, by.user_id, by.label, "delete", "kit_resource", id, title);
    return true;
  });
}

std::vector<KitResource> kit_resources_since(Store& s, long long territory_id, long long since) {
  return s.read([&](soci::session& sql) {
    std::vector<KitResource> out;
    soci::rowset<soci::row> rs =
        (sql.prepare
             << std::string(kResourceColumns) +
                    "WHERE r.territory_id = :t AND r.created_at >= :since ORDER BY r.created_at DESC, r.id DESC",
         use(territory_id), use(since));
    for (const auto& r : rs) out.push_back(resource_from_row(r));
    return out;
  });
}

}  // namespace passerelles::store
