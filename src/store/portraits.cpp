// SQL for campaigns and portraits: territory-side writes that keep the public search column in step, and the public
// gallery, which reads only published portraits and hands out only what domain::public_portrait keeps.
#include "store/portraits.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <set>

#include "domain/plan.hpp"
#include "domain/search_fr.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/bound.hpp"
#include "store/media.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

std::atomic<long long> local_changes{0};

// Calls f() and counts a change once it returned (its transaction is committed by then).
template <class F>
auto counted(F&& f) {
  auto result = f();
  ++local_changes;
  return result;
}

const char* const kPortraitColumns =
    "SELECT p.id, p.territory_id, COALESCE(p.ambassador_id, 0), COALESCE(p.campaign_id, 0), COALESCE(c.name, ''), "
    "t.slug, t.name, p.slug, p.first_name, p.last_name, p.job_title, p.rome_code, p.domain, p.employer, "
    "p.commune_insee, COALESCE(cm.name, ''), p.diploma_level, p.path, p.quote, p.cliche, p.video_url, "
    "COALESCE(p.video_media_id, 0), "
    "CASE WHEN EXISTS (SELECT 1 FROM portrait_photos ph WHERE ph.portrait_id = p.id) THEN 1 ELSE 0 END, "
    "p.consents, p.status, p.published_at, p.created_at, p.updated_at ";
const char* const kPortraitFrom =
    "FROM portraits p JOIN territories t ON t.id = p.territory_id "
    "LEFT JOIN campaigns c ON c.id = p.campaign_id LEFT JOIN communes cm ON cm.insee = p.commune_insee ";

// What makes a row public, as domain::public_portrait decides it: published, with consent to "job".
const char* const kPublic = "p.status = 'published' AND (',' || p.consents || ',') LIKE '%,job,%'";

std::string consents(const char* field) {
  return std::string(" AND (',' || p.consents || ',') LIKE '%,") + field + ",%'";
}

domain::Portrait portrait_from_row(const soci::row& r) {
  domain::Portrait p;
  std::size_t i = 0;
  p.id = col_ll(r, i++);
  p.territory_id = col_ll(r, i++);
  p.ambassador_id = col_ll(r, i++);
  p.campaign_id = col_ll(r, i++);
  p.campaign_name = col_str(r, i++);
  p.territory_slug = col_str(r, i++);
  p.territory_name = col_str(r, i++);
  p.slug = col_str(r, i++);
  p.first_name = col_str(r, i++);
  p.last_name = col_str(r, i++);
  p.job_title = col_str(r, i++);
  p.rome_code = col_str(r, i++);
  p.domain = col_str(r, i++);
  p.employer = col_str(r, i++);
  p.commune_insee = col_str(r, i++);
  p.commune_name = col_str(r, i++);
  p.diploma_level = col_int(r, i++);
  p.path = col_str(r, i++);
  p.quote = col_str(r, i++);
  p.cliche = col_str(r, i++);
  p.video_url = col_str(r, i++);
  p.video_media_id = col_ll(r, i++);
  p.has_photo = col_ll(r, i++) != 0;
  p.consents = domain::split_list(col_str(r, i++));
  p.status = col_str(r, i++);
  p.published_at = col_ll(r, i++);
  p.created_at = col_ll(r, i++);
  p.updated_at = col_ll(r, i++);
  return p;
}

std::vector<domain::Portrait> portraits_where(soci::session& sql, Binds& b, const std::string& where) {
  std::vector<domain::Portrait> out;
  b.each_row(sql, std::string(kPortraitColumns) + kPortraitFrom + "WHERE " + where,
             [&](const soci::row& r) { out.push_back(portrait_from_row(r)); });
  return out;
}

std::optional<domain::Portrait> load_portrait(soci::session& sql, long long territory_id, long long id,
                                              bool lock = false) {
  // FOR UPDATE cannot lock the nullable side of an outer join on PostgreSQL: only the portrait is locked.
  return row_in_territory(sql, std::string(kPortraitColumns) + kPortraitFrom, "p", territory_id, id, lock,
                          portrait_from_row);
}

std::optional<domain::Portrait> load_portrait_any(soci::session& sql, long long id) {
  Binds b;
  auto rows = portraits_where(sql, b, "p.id = " + b.add(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

// Rewrites the search column when it differs (the FTS5 trigger fires on every UPDATE OF search).
void write_search(soci::session& sql, const domain::Portrait& p) {
  std::string search = domain::portrait_search_document(p), before;
  sql << "SELECT search FROM portraits WHERE id = :id", use(p.id), into(before);
  if (sql.got_data() && before != search)
    sql << "UPDATE portraits SET search = :s WHERE id = :id", use(search), use(p.id);
}

// Moves updated_at forward, by at least one second (portraits_version relies on it).
void touch(soci::session& sql, long long id) {
  long long now = now_unix(), now2 = now;
  sql << "UPDATE portraits SET updated_at = CASE WHEN updated_at >= :a THEN updated_at + 1 ELSE :b END "
         "WHERE id = :id",
      use(now), use(now2), use(id);
}

// The domain's slug, or the first free "slug-N" (N from 2).
std::string unique_slug(soci::session& sql, const domain::Portrait& p) {
  std::string base = domain::portrait_slug(p), pattern = base + "-%";
  std::set<std::string> taken;
  soci::rowset<std::string> rs =
      (sql.prepare << "SELECT slug FROM portraits WHERE slug = :b OR slug LIKE :p", use(base), use(pattern));
  for (const auto& s : rs) taken.insert(s);
  taken.insert("integrer");  // /portraits/integrer is the embeddable page
  if (!taken.count(base)) return base;
  for (long long n = 2;; ++n)
    if (std::string s = base + "-" + std::to_string(n); !taken.count(s)) return s;
}

domain::Errors references_errors(soci::session& sql, const domain::Portrait& p) {
  domain::Errors e;
  if (!in_territory(sql, "campaigns", p.territory_id, p.campaign_id))
    e["campaign"] = "Cette campagne n’existe pas dans le territoire.";
  if (!in_territory(sql, "ambassadors", p.territory_id, p.ambassador_id))
    e["ambassador_id"] = "Cette ambassadrice n’est pas membre du collectif du territoire.";
  return e;
}

const domain::Errors kNoJobConsent = {
    {"consents", "La publication demande l’accord de la personne pour publier au moins son métier et son domaine."}};

void write_fields(soci::session& sql, const domain::Portrait& p) {
  long long amb = p.ambassador_id, camp = p.campaign_id;
  soci::indicator amb_i = null_if_zero(amb), camp_i = null_if_zero(camp);
  std::string consent_list = domain::join(p.consents);
  sql << "UPDATE portraits SET ambassador_id = :a, campaign_id = :c, first_name = :f, last_name = :l, "
         "job_title = :j, rome_code = :r, domain = :d, employer = :e, commune_insee = :ci, diploma_level = :dl, "
         "path = :pa, quote = :q, cliche = :cl, video_url = :v, consents = :cs WHERE id = :id",
      use(amb, amb_i), use(camp, camp_i), use(p.first_name), use(p.last_name), use(p.job_title), use(p.rome_code),
      use(p.domain), use(p.employer), use(p.commune_insee), use(p.diploma_level), use(p.path), use(p.quote),
      use(p.cliche), use(p.video_url), use(consent_list), use(p.id);
  touch(sql, p.id);
}

// The media rows of a portrait: its photo variants and its uploaded video.
std::vector<long long> media_of(soci::session& sql, long long portrait_id) {
  std::vector<long long> ids;
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT media_id FROM portrait_photos WHERE portrait_id = :p "
                                               "UNION SELECT video_media_id FROM portraits WHERE id = :p2 AND "
                                               "video_media_id IS NOT NULL",
                                use(portrait_id), use(portrait_id));
  for (const auto& r : rs) ids.push_back(col_ll(r, 0));
  return ids;
}

void delete_portrait_in(soci::session& sql, long long id) {
  auto media = media_of(sql, id);
  sql << "DELETE FROM portrait_photos WHERE portrait_id = :id", use(id);
  sql << "DELETE FROM portraits WHERE id = :id", use(id);
  for (long long m : media) delete_media_in(sql, m);
}

std::vector<Campaign> campaigns_where(soci::session& sql, Binds& b, const std::string& where,
                                      const std::string& having = "") {
  std::vector<Campaign> out;
  b.each_row(sql,
             std::string("SELECT c.id, c.territory_id, c.slug, c.name, c.year, c.description, "
                         "COUNT(p.id) FROM campaigns c LEFT JOIN portraits p ON p.campaign_id = c.id AND ") +
                 kPublic + " WHERE " + where +
                 " GROUP BY c.id, c.territory_id, c.slug, c.name, c.year, c.description " + having +
                 " ORDER BY c.year DESC, c.name, c.id",
             [&](const soci::row& r) {
               Campaign c;
               c.id = col_ll(r, 0);
               c.territory_id = col_ll(r, 1);
               c.slug = col_str(r, 2);
               c.name = col_str(r, 3);
               c.year = col_int(r, 4);
               c.description = col_str(r, 5);
               c.published = col_ll(r, 6);
               out.push_back(std::move(c));
             });
  return out;
}

// The bound query of the French full-text search: SQLite FTS5 `"a" "b"*`, PostgreSQL `a & b:*` (every stem must
// match, the last one as a prefix so that a word being typed already finds). "" when nothing is searched.
std::string fulltext_query(const std::string& query, bool postgresql) {
  std::vector<std::string> stems;
  for (const auto& s : domain::split_list(domain::search_query_fr(query), ' ')) {
    // Stems are folded letters and digits; anything else would change the query's syntax.
    bool plain = std::all_of(s.begin(), s.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
    if (plain) stems.push_back(s);
  }
  std::string q;
  for (std::size_t i = 0; i < stems.size(); ++i) {
    bool last = i + 1 == stems.size();
    if (postgresql)
      q += (i ? " & " : "") + stems[i] + (last ? ":*" : "");
    else
      q += (i ? " \"" : "\"") + stems[i] + (last ? "\"*" : "\"");
  }
  return q;
}

// Every distinct employer a published portrait consents to show, as written.
std::vector<std::string> public_employer_names(soci::session& sql) {
  std::vector<std::string> out;
  soci::rowset<std::string> rs = sql.prepare << std::string("SELECT DISTINCT p.employer FROM portraits p WHERE ") +
                                                    kPublic + consents("employer") + " AND p.employer <> ''";
  for (const auto& e : rs) out.push_back(e);
  return out;
}

// The public employers whose folded form is the folded `employer` (the filter ignores case and accents).
std::vector<std::string> employers_folded_as(soci::session& sql, const std::string& employer) {
  std::vector<std::string> out;
  std::string want = domain::fold(domain::trim(employer));
  for (auto& e : public_employer_names(sql))
    if (domain::fold(domain::trim(e)) == want) out.push_back(e);
  return out;
}

int clamp_page(int n) {
  return std::clamp(n, 1, 1000000);
}

// Conditions of a filter after WHERE; the territory side's word search is applied by the caller.
std::string filter_where(soci::session& sql, const PortraitFilter& f, Binds& b) {
  std::string w = "1 = 1";
  if (f.published_only) w += std::string(" AND ") + kPublic;
  if (f.territory_id) w += " AND p.territory_id = " + b.add(f.territory_id);
  if (!f.published_only && !f.status.empty()) w += " AND p.status = " + b.add(f.status);
  if (!f.domain.empty()) w += " AND p.domain = " + b.add(f.domain);
  if (f.diploma_level) {
    w += " AND p.diploma_level = " + b.add(static_cast<long long>(f.diploma_level));
    if (f.published_only) w += consents("path");
  }
  if (!f.territory_slug.empty()) w += " AND t.slug = " + b.add(f.territory_slug);
  if (f.campaign_id) w += " AND p.campaign_id = " + b.add(f.campaign_id);
  if (!f.employer.empty()) {
    if (f.published_only) {
      w += consents("employer");
      auto names = employers_folded_as(sql, f.employer);
      if (names.empty()) return w + " AND 1 = 0";
      std::string in;
      for (const auto& n : names) in += (in.empty() ? "" : ", ") + b.add(n);
      w += " AND p.employer IN (" + in + ")";
    } else {
      w += " AND p.employer = " + b.add(f.employer);
    }
  }
  if (f.published_only && !f.query.empty()) {
    std::string q = fulltext_query(f.query, is_postgresql(sql));
    if (!q.empty())
      w += is_postgresql(sql)
               ? " AND to_tsvector('simple', p.search) @@ to_tsquery('simple', " + b.add(q) + ")"
               : " AND p.id IN (SELECT rowid FROM portraits_fts WHERE portraits_fts MATCH " + b.add(q) + ")";
  }
  return w;
}

bool valid_filter_text(const PortraitFilter& f) {
  for (const auto* t : {&f.status, &f.domain, &f.territory_slug, &f.employer, &f.query})
    if (!domain::valid_utf8(*t)) return false;
  return true;
}

// Whether the territory side's words all appear, folded, in the names, job title or employer.
bool matches_words(const domain::Portrait& p, const std::vector<std::string>& words) {
  std::string text = domain::fold(p.first_name + " " + p.last_name + " " + p.job_title + " " + p.employer);
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string& w) { return text.find(w) != std::string::npos; });
}

std::vector<domain::PublicPortrait> to_public(const std::vector<domain::Portrait>& rows) {
  std::vector<domain::PublicPortrait> out;
  for (const auto& p : rows)
    if (auto o = domain::public_portrait(p)) out.push_back(std::move(*o));
  return out;
}

}  // namespace

// ---- campaigns ----------------------------------------------------------------------------------------------

long long campaign_named(Store& s, long long territory_id, const std::string& name_in, int year) {
  std::string name = domain::trim(name_in), slug = domain::slugify(name);
  if (slug.empty()) slug = "campagne";
  return s.write([&](soci::session& sql) {
    long long now = now_unix();
    sql << "INSERT INTO campaigns (territory_id, slug, name, year, created_at) VALUES (:t, :s, :n, :y, :now) "
           "ON CONFLICT (territory_id, slug) DO NOTHING",
        use(territory_id), use(slug), use(name), use(year), use(now);
    long long id = 0;
    sql << "SELECT id FROM campaigns WHERE territory_id = :t AND slug = :s", use(territory_id), use(slug), into(id);
    return id;
  });
}

std::vector<Campaign> campaigns_of(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    Binds b;
    return campaigns_where(sql, b, "c.territory_id = " + b.add(territory_id));
  });
}

std::optional<Campaign> campaign_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) -> std::optional<Campaign> {
    Binds b;
    auto rows = campaigns_where(sql, b, "c.territory_id = " + b.add(territory_id) + " AND c.id = " + b.add(id));
    if (rows.empty()) return std::nullopt;
    return rows.front();
  });
}

std::vector<Campaign> public_campaigns(Store& s) {
  return s.read([&](soci::session& sql) {
    Binds b;
    return campaigns_where(sql, b, "1 = 1", "HAVING COUNT(p.id) > 0");
  });
}

// ---- portraits (territory side) ----------------------------------------------------------------------------

WriteResult insert_portrait(Store& s, const domain::Portrait& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  if (auto e = domain::validate_portrait(in); !e.empty()) return failed(WriteResult::Status::invalid, e);
  const std::string status = in.status.empty() ? "draft" : in.status;
  if (status != "draft" && status != "submitted" && status != "published")
    return failed(WriteResult::Status::invalid, {{"status", "Ce statut de portrait n’existe pas."}});
  if (status == "published" && !in.consents_to("job")) return failed(WriteResult::Status::invalid, kNoJobConsent);
  return counted([&] {
    return s.write([&](soci::session& sql) {
      if (auto e = references_errors(sql, in); !e.empty()) return failed(WriteResult::Status::invalid, e);
      domain::Portrait p = in;
      p.status = status;
      p.slug = unique_slug(sql, p);
      long long now = now_unix(), published_at = status == "published" ? now : 0, validator = by.user_id;
      soci::indicator validator_i = status == "published" ? null_if_zero(validator) : soci::i_null;
      sql << "INSERT INTO portraits (territory_id, slug, first_name, status, validated_by, published_at, created_at, "
             "updated_at) VALUES (:t, :s, :f, :st, :v, :pa, :c, :u) RETURNING id",
          use(p.territory_id), use(p.slug), use(p.first_name), use(p.status), use(validator, validator_i),
          use(published_at), use(now), use(now), into(p.id);
      write_fields(sql, p);
      auto saved = load_portrait_any(sql, p.id);
      write_search(sql, *saved);
      audit(sql, p.territory_id, by.user_id, by.label, "create", "portrait", p.id, p.first_name + " — " + p.job_title);
      return done(p.id);
    });
  });
}

WriteResult update_portrait(Store& s, const domain::Portrait& in, const Author& by) {
  if (auto e = domain::validate_portrait(in); !e.empty()) return failed(WriteResult::Status::invalid, e);
  return counted([&] {
    return s.write([&](soci::session& sql) {
      auto before = load_portrait(sql, in.territory_id, in.id, true);
      if (!before) return failed(WriteResult::Status::not_found);
      if (auto e = references_errors(sql, in); !e.empty()) return failed(WriteResult::Status::invalid, e);
      write_fields(sql, in);
      auto saved = load_portrait_any(sql, in.id);
      write_search(sql, *saved);
      audit(sql, in.territory_id, by.user_id, by.label, "update", "portrait", in.id,
            in.first_name + " — " + in.job_title);
      return done(in.id);
    });
  });
}

WriteResult set_portrait_status(Store& s, long long territory_id, long long id, const std::string& status,
                                const Author& by) {
  return counted([&] {
    return s.write([&](soci::session& sql) {
      auto p = load_portrait(sql, territory_id, id, true);
      if (!p) return failed(WriteResult::Status::not_found);
      const std::string& from = p->status;
      bool allowed = (status == "submitted" && (from == "draft" || from == "unpublished")) ||
                     (status == "published" && (from == "submitted" || from == "draft" || from == "unpublished")) ||
                     (status == "unpublished" && from == "published") || (status == "draft" && from == "submitted");
      if (!allowed)
        return failed(WriteResult::Status::invalid, {{"status", "Ce changement de statut n’est pas possible."}});
      if (status == "published" && !p->consents_to("job")) return failed(WriteResult::Status::invalid, kNoJobConsent);
      long long now = now_unix(), validator = by.user_id;
      if (status == "published") {
        soci::indicator vi = null_if_zero(validator);
        sql << "UPDATE portraits SET status = :s, published_at = :now, validated_by = :v WHERE id = :id", use(status),
            use(now), use(validator, vi), use(id);
      } else {
        sql << "UPDATE portraits SET status = :s WHERE id = :id", use(status), use(id);
      }
      touch(sql, id);
      p->status = status;
      if (status == "published") p->published_at = now;
      write_search(sql, *p);
      audit(sql, territory_id, by.user_id, by.label, "status", "portrait", id, p->first_name + " : " + status);
      return done(id);
    });
  });
}

bool delete_portrait(Store& s, long long territory_id, long long id, const Author& by) {
  return counted([&] {
    return s.write([&](soci::session& sql) {
      auto p = load_portrait(sql, territory_id, id, true);
      if (!p) return false;
      delete_portrait_in(sql, id);
      audit(sql, territory_id, by.user_id, by.label, "delete", "portrait", id, p->first_name + " — " + p->job_title);
      return true;
    });
  });
}

std::optional<domain::Portrait> portrait_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_portrait(sql, territory_id, id); });
}

std::vector<domain::Portrait> portraits_of_ambassador(Store& s, long long territory_id, long long ambassador_id) {
  return s.read([&](soci::session& sql) {
    Binds b;
    return portraits_where(sql, b,
                           "p.territory_id = " + b.add(territory_id) + " AND p.ambassador_id = " +
                               b.add(ambassador_id) + " ORDER BY p.updated_at DESC, p.id DESC");
  });
}

Page<domain::Portrait> portraits_matching(Store& s, const PortraitFilter& f) {
  Page<domain::Portrait> out;
  out.page = clamp_page(f.page);
  out.per_page = std::clamp(f.per_page, 1, kMaxPerPage);
  if (!valid_filter_text(f)) return out;
  long long limit = out.per_page, offset = static_cast<long long>(out.page - 1) * out.per_page;
  const std::string order =
      f.published_only ? " ORDER BY p.published_at DESC, p.id DESC" : " ORDER BY p.updated_at DESC, p.id DESC";
  return s.read([&](soci::session& sql) {
    Binds b;
    std::string where = filter_where(sql, f, b);
    auto words = domain::split_list(domain::fold(f.query), ' ');
    if (!f.published_only && !words.empty()) {
      // The territory side's words: a few hundred portraits at most, filtered here on the folded names.
      std::vector<domain::Portrait> all;
      for (auto& p : portraits_where(sql, b, where + order))
        if (matches_words(p, words)) all.push_back(std::move(p));
      out.total = static_cast<long long>(all.size());
      for (long long i = offset; i < offset + limit && i < out.total; ++i) out.rows.push_back(std::move(all[i]));
      return out;
    }
    // The count needs the territories only to filter on one.
    const std::string count_from = f.territory_slug.empty()
                                       ? "FROM portraits p "
                                       : "FROM portraits p JOIN territories t ON t.id = p.territory_id ";
    if (f.published_only && !fulltext_query(f.query, false).empty()) {
      // The words drive (the full-text index gives the candidates): one pass over the matching rows' publication
      // times gives both the count and the page, then only the page's rows are read whole. Same order as below.
      std::vector<std::pair<long long, long long>> hits;  // published_at, id
      b.each_row(sql, "SELECT p.published_at, p.id " + count_from + "WHERE " + where,
                 [&](const soci::row& r) { hits.emplace_back(col_ll(r, 0), col_ll(r, 1)); });
      out.total = static_cast<long long>(hits.size());
      if (offset >= out.total) return out;
      auto end = hits.begin() + std::min(out.total, offset + limit);
      std::partial_sort(hits.begin(), end, hits.end(), std::greater<>());
      Binds page;
      std::string ids;
      for (auto it = hits.begin() + offset; it != end; ++it) ids += (ids.empty() ? "" : ", ") + page.add(it->second);
      out.rows = portraits_where(sql, page, "p.id IN (" + ids + ")" + order);
      return out;
    }
    b.each_row(sql, "SELECT COUNT(*) " + count_from + "WHERE " + where,
               [&](const soci::row& r) { out.total = col_ll(r, 0); });
    out.rows = portraits_where(sql, b, where + order + " LIMIT " + b.add(limit) + " OFFSET " + b.add(offset));
    return out;
  });
}

bool set_portrait_photo(Store& s, long long territory_id, long long portrait_id,
                        const std::vector<PhotoVariantBytes>& variants) {
  return counted([&] {
    return s.write([&](soci::session& sql) {
      if (!load_portrait(sql, territory_id, portrait_id, true)) return false;
      std::vector<long long> old;
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT media_id FROM portrait_photos WHERE portrait_id = :p", use(portrait_id));
      for (const auto& r : rs) old.push_back(col_ll(r, 0));
      sql << "DELETE FROM portrait_photos WHERE portrait_id = :p", use(portrait_id);
      for (long long m : old) delete_media_in(sql, m);
      for (const auto& v : variants) {
        std::string type = v.format == "webp" ? "image/webp" : "image/jpeg";
        long long media = insert_media_in(sql, territory_id, type, v.bytes, v.width, v.height);
        sql << "INSERT INTO portrait_photos (portrait_id, variant, format, media_id) VALUES (:p, :v, :f, :m)",
            use(portrait_id), use(v.variant), use(v.format), use(media);
      }
      touch(sql, portrait_id);
      return true;
    });
  });
}

bool remove_portrait_photo(Store& s, long long territory_id, long long portrait_id) {
  return set_portrait_photo(s, territory_id, portrait_id, {});
}

bool set_portrait_video(Store& s, long long territory_id, long long portrait_id, const std::string& mp4_bytes) {
  return counted([&] {
    return s.write([&](soci::session& sql) {
      auto p = load_portrait(sql, territory_id, portrait_id, true);
      if (!p) return false;
      long long media = mp4_bytes.empty() ? 0 : insert_media_in(sql, territory_id, "video/mp4", mp4_bytes);
      soci::indicator mi = null_if_zero(media);
      sql << "UPDATE portraits SET video_media_id = :m WHERE id = :id", use(media, mi), use(portrait_id);
      touch(sql, portrait_id);
      if (p->video_media_id) delete_media_in(sql, p->video_media_id);
      return true;
    });
  });
}

bool remove_portrait_video(Store& s, long long territory_id, long long portrait_id) {
  return set_portrait_video(s, territory_id, portrait_id, "");
}

void refresh_portrait_search_in(soci::session& sql, long long portrait_id) {
  ++local_changes;
  if (auto p = load_portrait_any(sql, portrait_id)) {
    touch(sql, portrait_id);
    write_search(sql, *p);
  }
}

void delete_portraits_of_ambassador_in(soci::session& sql, long long ambassador_id) {
  ++local_changes;
  std::vector<long long> ids;
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT id FROM portraits WHERE ambassador_id = :a", use(ambassador_id));
  for (const auto& r : rs) ids.push_back(col_ll(r, 0));
  for (long long id : ids) delete_portrait_in(sql, id);
}

std::vector<domain::PublicPortrait> portraits_published_since(Store& s, long long territory_id, long long since) {
  return s.read([&](soci::session& sql) {
    Binds b;
    return to_public(portraits_where(sql, b,
                                     std::string(kPublic) + " AND p.territory_id = " + b.add(territory_id) +
                                         " AND p.published_at >= " + b.add(since) +
                                         " ORDER BY p.published_at DESC, p.id DESC"));
  });
}

// ---- public side -------------------------------------------------------------------------------------------

Page<domain::PublicPortrait> gallery(Store& s, PortraitFilter f) {
  f.published_only = true;
  f.status.clear();
  auto page = portraits_matching(s, f);
  Page<domain::PublicPortrait> out;
  out.total = page.total;
  out.page = page.page;
  out.per_page = page.per_page;
  out.rows = to_public(page.rows);
  return out;
}

std::optional<domain::PublicPortrait> portrait_by_slug_public(Store& s, std::string_view slug_in) {
  std::string slug(slug_in);
  if (!domain::valid_utf8(slug)) return std::nullopt;
  return s.read([&](soci::session& sql) -> std::optional<domain::PublicPortrait> {
    Binds b;
    auto rows = portraits_where(sql, b, std::string(kPublic) + " AND p.slug = " + b.add(slug));
    if (rows.empty()) return std::nullopt;
    return domain::public_portrait(rows.front());
  });
}

long long public_photo_media(Store& s, std::string_view slug_in, std::string_view variant_in,
                             std::string_view format_in) {
  std::string slug(slug_in), variant(variant_in), format(format_in);
  return s.read([&](soci::session& sql) {
    long long id = 0;
    sql << std::string(
               "SELECT ph.media_id FROM portrait_photos ph JOIN portraits p ON p.id = ph.portrait_id "
               "WHERE p.slug = :s AND ph.variant = :v AND ph.format = :f AND ") +
               kPublic + consents("photo"),
        use(slug), use(variant), use(format), into(id);
    return sql.got_data() ? id : 0LL;
  });
}

long long public_video_media(Store& s, std::string_view slug_in) {
  std::string slug(slug_in);
  return s.read([&](soci::session& sql) {
    long long id = 0;
    soci::indicator ind = soci::i_ok;
    sql << std::string("SELECT p.video_media_id FROM portraits p WHERE p.slug = :s AND ") + kPublic + consents("video"),
        use(slug), into(id, ind);
    return sql.got_data() && ind == soci::i_ok ? id : 0LL;
  });
}

std::map<long long, std::vector<PhotoVariantInfo>> public_photo_variants(Store& s,
                                                                         const std::vector<long long>& portrait_ids) {
  std::map<long long, std::vector<PhotoVariantInfo>> out;
  if (portrait_ids.empty()) return out;
  return s.read([&](soci::session& sql) {
    Binds b;
    std::string in;
    for (long long id : portrait_ids) in += (in.empty() ? "" : ", ") + b.add(id);
    b.each_row(
        sql,
        std::string("SELECT ph.portrait_id, ph.variant, ph.format, m.width, m.height, m.sha256 FROM portrait_photos ph "
                    "JOIN portraits p ON p.id = ph.portrait_id JOIN media m ON m.id = ph.media_id WHERE ") +
            kPublic + consents("photo") + " AND ph.portrait_id IN (" + in + ") ORDER BY m.width, ph.format",
        [&](const soci::row& r) {
          out[col_ll(r, 0)].push_back({col_str(r, 1), col_str(r, 2), col_int(r, 3), col_int(r, 4), col_str(r, 5)});
        });
    return out;
  });
}

std::optional<domain::PublicPortrait> portrait_of_the_day(Store& s, std::string_view paris_day) {
  if (!domain::valid_day(paris_day)) return std::nullopt;
  long long day = domain::days_between("1970-01-01", paris_day);
  return s.read([&](soci::session& sql) -> std::optional<domain::PublicPortrait> {
    long long count = 0;
    sql << std::string("SELECT COUNT(*) FROM portraits p WHERE ") + kPublic, into(count);
    if (count == 0) return std::nullopt;
    Binds b;
    long long index = ((day % count) + count) % count;
    auto rows = portraits_where(sql, b, std::string(kPublic) + " ORDER BY p.id LIMIT 1 OFFSET " + b.add(index));
    if (rows.empty()) return std::nullopt;
    return domain::public_portrait(rows.front());
  });
}

std::vector<std::string> public_employers(Store& s) {
  std::vector<std::string> names = s.read([&](soci::session& sql) { return public_employer_names(sql); });
  std::sort(names.begin(), names.end());
  // One entry per folded name (« Sfr Usinage » and « SFR usinage » are one employer), in folded order.
  std::map<std::string, std::string> by_fold;
  for (auto& n : names) by_fold.emplace(domain::fold(domain::trim(n)), n);
  std::vector<std::string> out;
  out.reserve(by_fold.size());
  for (auto& entry : by_fold) out.push_back(entry.second);
  return out;
}

long long portraits_version(Store& s) {
  return s.read([](soci::session& sql) {
    long long n = 0, sum = 0, last = 0;
    soci::indicator sum_i, last_i;
    sql << "SELECT COUNT(*), CAST(SUM(updated_at) AS BIGINT), MAX(id) FROM portraits", into(n), into(sum, sum_i),
        into(last, last_i);
    // Unsigned arithmetic wraps instead of overflowing.
    unsigned long long h = static_cast<unsigned long long>(sum_i == soci::i_ok ? sum : 0);
    h = h * 1000003ULL + static_cast<unsigned long long>(n);
    h = h * 1000003ULL + static_cast<unsigned long long>(last_i == soci::i_ok ? last : 0);
    return static_cast<long long>(h & 0x3FFFFFFFFFFFFFFFULL);
  });
}

long long portraits_local_changes() {
  return local_changes.load();
}

std::vector<std::pair<std::string, std::string>> public_territories(Store& s) {
  return s.read([&](soci::session& sql) {
    std::vector<std::pair<std::string, std::string>> out;
    soci::rowset<soci::row> rs = sql.prepare
                                 << std::string(
                                        "SELECT DISTINCT t.slug, t.name FROM portraits p JOIN territories t ON "
                                        "t.id = p.territory_id WHERE ") +
                                        kPublic + " ORDER BY t.name, t.slug";
    for (const auto& r : rs) out.emplace_back(col_str(r, 0), col_str(r, 1));
    return out;
  });
}

}  // namespace passerelles::store
