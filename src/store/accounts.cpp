// SQL for territories, users, sessions, password resets, API tokens and the audit log.
#include "store/accounts.hpp"

#include <chrono>

#include "domain/text.hpp"
#include "store/kit_defaults.hpp"
#include "store/row.hpp"

namespace passerelles::store {

using soci::into;
using soci::use;

long long now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

namespace {

domain::Territory territory_from_row(const soci::row& r) {
  domain::Territory t;
  t.id = col_ll(r, 0);
  t.slug = col_str(r, 1);
  t.name = col_str(r, 2);
  t.kind = col_str(r, 3);
  t.departments = domain::split_list(col_str(r, 4));
  t.academy = col_str(r, 5);
  t.description = col_str(r, 6);
  t.road_factor = col_dbl(r, 7);
  return t;
}

const char* kTerritoryColumns =
    "SELECT id, slug, name, kind, departments, academy, description, road_factor FROM territories ";

domain::User user_from_row(const soci::row& r) {
  domain::User u;
  u.id = col_ll(r, 0);
  u.email = col_str(r, 1);
  u.display_name = col_str(r, 2);
  u.role = domain::role_from_string(col_str(r, 3)).value_or(domain::Role::viewer);
  u.territory_id = col_ll(r, 4);
  u.active = col_int(r, 5) != 0;
  u.organisation_id = col_ll(r, 6);
  return u;
}

const char* kUserColumns =
    "SELECT id, email, display_name, role, territory_id, active, COALESCE(organisation_id, 0) FROM users ";

}  // namespace

long long insert_territory(Store& s, const domain::Territory& t) {
  return s.write([&](soci::session& sql) {
    long long id = 0;
    std::string deps = domain::join(t.departments);
    long long now = now_unix();
    sql << "INSERT INTO territories (slug, name, kind, departments, academy, description, road_factor, created_at) "
           "VALUES (:slug, :name, :kind, :deps, :academy, :description, :road, :now) RETURNING id",
        use(t.slug), use(t.name), use(t.kind), use(deps), use(t.academy), use(t.description), use(t.road_factor),
        use(now), into(id);
    detail::insert_default_kit_in(sql, id);  // the discourse kit's ready-to-use pages (store/kit_defaults.hpp)
    return id;
  });
}

std::optional<domain::Territory> territory_by_slug(Store& s, const std::string& slug) {
  return s.read([&](soci::session& sql) -> std::optional<domain::Territory> {
    soci::row r;
    sql << std::string(kTerritoryColumns) + "WHERE slug = :slug", use(slug), into(r);
    if (!sql.got_data()) return std::nullopt;
    return territory_from_row(r);
  });
}

std::optional<domain::Territory> territory_by_id(Store& s, long long id) {
  return s.read([&](soci::session& sql) -> std::optional<domain::Territory> {
    soci::row r;
    sql << std::string(kTerritoryColumns) + "WHERE id = :id", use(id), into(r);
    if (!sql.got_data()) return std::nullopt;
    return territory_from_row(r);
  });
}

std::vector<domain::Territory> all_territories(Store& s) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::Territory> out;
    soci::rowset<soci::row> rs = sql.prepare << std::string(kTerritoryColumns) + "ORDER BY name";
    for (const auto& r : rs) out.push_back(territory_from_row(r));
    return out;
  });
}

long long insert_user(Store& s, const domain::User& u, const std::string& password_hash) {
  return s.write([&](soci::session& sql) {
    long long id = 0;
    std::string email = domain::fold(domain::trim(u.email));
    std::string role(domain::to_string(u.role));
    long long now = now_unix();
    soci::indicator ti = u.territory_id ? soci::i_ok : soci::i_null;
    long long tid = u.territory_id;
    int active = u.active ? 1 : 0;
    soci::indicator oi = u.organisation_id ? soci::i_ok : soci::i_null;
    long long oid = u.organisation_id;
    sql << "INSERT INTO users (email, display_name, password_hash, role, territory_id, active, created_at, "
           "organisation_id) VALUES (:email, :name, :hash, :role, :tid, :active, :now, :org) RETURNING id",
        use(email), use(u.display_name), use(password_hash), use(role), use(tid, ti), use(active), use(now),
        use(oid, oi), into(id);
    return id;
  });
}

std::optional<domain::User> user_by_id(Store& s, long long id) {
  return s.read([&](soci::session& sql) -> std::optional<domain::User> {
    soci::row r;
    sql << std::string(kUserColumns) + "WHERE id = :id", use(id), into(r);
    if (!sql.got_data()) return std::nullopt;
    return user_from_row(r);
  });
}

std::optional<domain::User> user_by_email(Store& s, const std::string& email) {
  std::string e = domain::fold(domain::trim(email));
  return s.read([&](soci::session& sql) -> std::optional<domain::User> {
    soci::row r;
    sql << std::string(kUserColumns) + "WHERE email = :e", use(e), into(r);
    if (!sql.got_data()) return std::nullopt;
    return user_from_row(r);
  });
}

std::vector<domain::User> users_in_territory(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::User> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << std::string(kUserColumns) + "WHERE territory_id = :t ORDER BY email", use(territory_id));
    for (const auto& r : rs) out.push_back(user_from_row(r));
    return out;
  });
}

std::optional<LoginState> login_state(Store& s, long long user_id) {
  return s.read([&](soci::session& sql) -> std::optional<LoginState> {
    LoginState st;
    sql << "SELECT password_hash, failed_logins, locked_until FROM users WHERE id = :id", use(user_id),
        into(st.password_hash), into(st.failed_logins), into(st.locked_until);
    if (!sql.got_data()) return std::nullopt;
    return st;
  });
}

void record_login_failure(Store& s, long long user_id, long long locked_until) {
  s.write([&](soci::session& sql) {
    sql << "UPDATE users SET failed_logins = failed_logins + 1, locked_until = :l WHERE id = :id", use(locked_until),
        use(user_id);
  });
}

void record_login_success(Store& s, long long user_id) {
  long long now = now_unix();
  s.write([&](soci::session& sql) {
    sql << "UPDATE users SET failed_logins = 0, locked_until = 0, last_login_at = :now WHERE id = :id", use(now),
        use(user_id);
  });
}

void set_password_hash(Store& s, long long user_id, const std::string& hash) {
  s.write([&](soci::session& sql) {
    sql << "UPDATE users SET password_hash = :h, failed_logins = 0, locked_until = 0 WHERE id = :id", use(hash),
        use(user_id);
    sql << "DELETE FROM sessions WHERE user_id = :id", use(user_id);
    sql << "UPDATE password_resets SET used = 1 WHERE user_id = :id", use(user_id);
  });
  s.bump_auth_generation();  // after the commit, so no reader re-caches the old state
}

bool set_user_organisation(Store& s, long long territory_id, long long user_id, long long organisation_id) {
  bool changed = s.write([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM users WHERE id = :id AND territory_id = :t", use(user_id), use(territory_id), into(n);
    if (n == 0) return false;
    if (organisation_id != 0) {
      sql << "SELECT COUNT(*) FROM organisations WHERE id = :o AND territory_id = :t", use(organisation_id),
          use(territory_id), into(n);
      if (n == 0) return false;
    }
    soci::indicator oi = organisation_id ? soci::i_ok : soci::i_null;
    sql << "UPDATE users SET organisation_id = :o WHERE id = :id", use(organisation_id, oi), use(user_id);
    return true;
  });
  if (changed) s.bump_auth_generation();  // cached sessions carry the user's organisation
  return changed;
}

void set_user_active(Store& s, long long user_id, bool active) {
  int a = active ? 1 : 0;
  s.write([&](soci::session& sql) {
    sql << "UPDATE users SET active = :a WHERE id = :id", use(a), use(user_id);
    if (!active) sql << "DELETE FROM sessions WHERE user_id = :id", use(user_id);
  });
  s.bump_auth_generation();  // after the commit, so no reader re-caches the old state
}

void insert_session(Store& s, const std::string& token_hash, long long user_id, const std::string& csrf) {
  long long now = now_unix();
  s.write([&](soci::session& sql) {
    sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (:h, :u, :c, "
           ":n, :n2)",
        use(token_hash), use(user_id), use(csrf), use(now), use(now);
  });
}

std::optional<SessionRow> session_by_token_hash(Store& s, const std::string& token_hash) {
  return s.read([&](soci::session& sql) -> std::optional<SessionRow> {
    SessionRow r;
    sql << "SELECT id, user_id, csrf_token, created_at, "
           "last_seen_at FROM sessions WHERE token_hash = :h",
        use(token_hash), into(r.id), into(r.user_id), into(r.csrf_token), into(r.created_at), into(r.last_seen_at);
    if (!sql.got_data()) return std::nullopt;
    return r;
  });
}

void touch_session(Store& s, long long session_id, long long when) {
  s.write([&](soci::session& sql) {
    sql << "UPDATE sessions SET last_seen_at = :w WHERE id = :id", use(when), use(session_id);
  });
}

void delete_session(Store& s, long long session_id) {
  s.write([&](soci::session& sql) { sql << "DELETE FROM sessions WHERE id = :id", use(session_id); });
  s.bump_auth_generation();  // after the commit, so no reader re-caches the old state
}

void delete_sessions_of_user(Store& s, long long user_id) {
  s.write([&](soci::session& sql) { sql << "DELETE FROM sessions WHERE user_id = :id", use(user_id); });
  s.bump_auth_generation();  // after the commit, so no reader re-caches the old state
}

void insert_password_reset(Store& s, const std::string& token_hash, long long user_id, long long expires_at) {
  s.write([&](soci::session& sql) {
    sql << "INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (:h, :u, :e)", use(token_hash),
        use(user_id), use(expires_at);
  });
}

std::optional<long long> peek_password_reset(Store& s, const std::string& token_hash, long long now) {
  return s.read([&](soci::session& sql) -> std::optional<long long> {
    long long uid = 0;
    sql << "SELECT user_id FROM password_resets WHERE token_hash = :h AND used = 0 AND expires_at > "
           ":n",
        use(token_hash), use(now), into(uid);
    if (!sql.got_data()) return std::nullopt;
    return uid;
  });
}

std::optional<long long> consume_password_reset(Store& s, const std::string& token_hash, long long now) {
  return s.write([&](soci::session& sql) -> std::optional<long long> {
    long long uid = 0;
    sql << "SELECT user_id FROM password_resets WHERE token_hash = :h AND used = 0 AND expires_at > "
           ":n",
        use(token_hash), use(now), into(uid);
    if (!sql.got_data()) return std::nullopt;
    sql << "UPDATE password_resets SET used = 1 WHERE token_hash = :h", use(token_hash);
    return uid;
  });
}

long long insert_api_token(Store& s, long long user_id, const std::string& name, const std::string& token_hash,
                           const std::string& prefix) {
  long long now = now_unix();
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at) VALUES (:u, :n, :h, :p, :c) "
           "RETURNING id",
        use(user_id), use(name), use(token_hash), use(prefix), use(now), into(id);
    return id;
  });
}

std::vector<ApiTokenRow> api_tokens_of_user(Store& s, long long user_id) {
  return s.read([&](soci::session& sql) {
    std::vector<ApiTokenRow> out;
    soci::rowset<soci::row> rs =
        (sql.prepare
             << "SELECT id, name, prefix, created_at, last_used_at FROM api_tokens WHERE user_id = :u ORDER BY id",
         use(user_id));
    for (const auto& r : rs) out.push_back({col_ll(r, 0), col_str(r, 1), col_str(r, 2), col_ll(r, 3), col_ll(r, 4)});
    return out;
  });
}

std::optional<long long> user_id_by_api_token_hash(Store& s, const std::string& token_hash) {
  return s.read([&](soci::session& sql) -> std::optional<long long> {
    long long uid = 0;
    sql << "SELECT user_id FROM api_tokens WHERE token_hash = :h", use(token_hash), into(uid);
    if (!sql.got_data()) return std::nullopt;
    return uid;
  });
}

std::optional<ApiTokenOwner> api_token_by_hash(Store& s, const std::string& token_hash) {
  return s.read([&](soci::session& sql) -> std::optional<ApiTokenOwner> {
    ApiTokenOwner o;
    sql << "SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = :h", use(token_hash), into(o.token_id),
        into(o.user_id), into(o.last_used_at);
    if (!sql.got_data()) return std::nullopt;
    return o;
  });
}

void touch_api_token(Store& s, long long token_id, long long when) {
  s.write([&](soci::session& sql) {
    sql << "UPDATE api_tokens SET last_used_at = :w WHERE id = :id", use(when), use(token_id);
  });
}

bool delete_api_token(Store& s, long long user_id, long long token_id) {
  return s.write([&](soci::session& sql) {
    soci::statement st =
        (sql.prepare << "DELETE FROM api_tokens WHERE id = :id AND user_id = :u", use(token_id), use(user_id));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

void audit(soci::session& sql, long long territory_id, long long user_id, const std::string& user_label,
           const std::string& action, const std::string& entity, long long entity_id, const std::string& detail) {
  long long now = now_unix();
  soci::indicator ti = territory_id ? soci::i_ok : soci::i_null;
  soci::indicator ui = user_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO audit_log (territory_id, user_id, user_label, at, action, entity, entity_id, detail) VALUES "
         "(:t, :u, :l, :at, :a, :e, :eid, :d)",
      use(territory_id, ti), use(user_id, ui), use(user_label), use(now), use(action), use(entity), use(entity_id),
      use(detail);
}

std::vector<AuditEntry> audit_entries(Store& s, long long territory_id, int limit, int offset) {
  return s.read([&](soci::session& sql) {
    std::vector<AuditEntry> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT id, at, user_label, action, entity, entity_id, detail FROM audit_log WHERE "
                        "territory_id = :t ORDER BY id DESC LIMIT :l OFFSET :o",
         use(territory_id), use(limit), use(offset));
    for (const auto& r : rs)
      out.push_back(
          {col_ll(r, 0), col_ll(r, 1), col_str(r, 2), col_str(r, 3), col_str(r, 4), col_ll(r, 5), col_str(r, 6)});
    return out;
  });
}

}  // namespace passerelles::store
