// SQL for the internal networks: the networks of a territory, their members (active ambassadors of the territory),
// their linked actions and what their public page may show.
#include "store/networks.hpp"

#include <algorithm>

#include "domain/collective.hpp"
#include "domain/kit.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

// People counted by a validated first session (docs/counting.md: a follow-up session adds nobody).
const char* kCountedPeople =
    "CASE WHEN a.status = 'validated' AND a.same_group_as IS NULL THEN a.girls + a.boys + a.women_reconversion + "
    "a.teachers + a.prescribers + a.employees + a.parents ELSE 0 END";

std::string network_columns() {
  return std::string(
             "SELECT n.id, n.territory_id, COALESCE(n.organisation_id, 0), COALESCE(o.name, ''), n.slug, n.name, "
             "n.description, n.is_public, t.name, "
             "(SELECT COUNT(*) FROM network_members m WHERE m.network_id = n.id), "
             "(SELECT COUNT(*) FROM network_actions na JOIN actions a ON a.id = na.action_id WHERE na.network_id = "
             "n.id AND a.status = 'validated'), "
             "(SELECT CAST(COALESCE(SUM(") +
         kCountedPeople +
         "), 0) AS BIGINT) FROM network_actions na JOIN actions a ON a.id = na.action_id WHERE na.network_id = n.id) "
         "FROM networks n JOIN territories t ON t.id = n.territory_id "
         "LEFT JOIN organisations o ON o.id = n.organisation_id AND o.territory_id = n.territory_id ";
}

Network network_from_row(const soci::row& r) {
  Network n;
  n.id = col_ll(r, 0);
  n.territory_id = col_ll(r, 1);
  n.organisation_id = col_ll(r, 2);
  n.organisation_name = col_str(r, 3);
  n.slug = col_str(r, 4);
  n.name = col_str(r, 5);
  n.description = col_str(r, 6);
  n.is_public = col_int(r, 7) != 0;
  n.territory_name = col_str(r, 8);
  n.members = col_int(r, 9);
  n.actions = col_int(r, 10);
  n.people = col_ll(r, 11);
  return n;
}

// The territory's networks meeting `cond` (" AND …", with at most one more parameter `other`), by folded name.
std::vector<Network> networks_where(Store& s, long long territory_id, const std::string& cond = "",
                                    std::optional<long long> other = std::nullopt) {
  auto list = s.read([&](soci::session& sql) {
    std::vector<Network> out;
    soci::details::prepare_temp_type p = (sql.prepare << network_columns() + "WHERE n.territory_id = :t" + cond);
    p, use(territory_id);
    if (other) p, use(*other);
    soci::rowset<soci::row> rs(p);
    for (const auto& r : rs) out.push_back(network_from_row(r));
    return out;
  });
  std::stable_sort(list.begin(), list.end(),
                   [](const Network& a, const Network& b) { return domain::fold(a.name) < domain::fold(b.name); });
  return list;
}

// The network's name when (territory, id) names one, locked for the transaction (PostgreSQL); nullopt otherwise.
std::optional<std::string> network_name(soci::session& sql, long long territory_id, long long id, bool lock) {
  std::string name;
  sql << "SELECT name FROM networks WHERE territory_id = :t AND id = :id" + (lock ? for_update(sql) : ""),
      use(territory_id), use(id), into(name);
  if (!sql.got_data()) return std::nullopt;
  return name;
}

// invalid (organisation) when the network's organisation is not of its territory.
domain::Errors organisation_errors(soci::session& sql, const Network& n) {
  if (in_territory(sql, "organisations", n.territory_id, n.organisation_id)) return {};
  return {{"organisation_id", "Choisissez une organisation de votre territoire."}};
}

// Deletes the (network, `column` = id) row of `table` (constants of the caller) and audits `detail`; false when
// there was none.
bool unlink(soci::session& sql, const char* table, const char* column, long long network_id, long long id,
            long long territory_id, const Author& by, const std::string& detail) {
  soci::statement st =
      (sql.prepare << std::string("DELETE FROM ") + table + " WHERE network_id = :n AND " + column + " = :id",
       use(network_id), use(id));
  st.execute(true);
  if (st.get_affected_rows() == 0) return false;
  audit(sql, territory_id, by.user_id, by.label, "update", "network", network_id, detail);
  return true;
}

}  // namespace

WriteResult insert_network(Store& s, const Network& in, const Author& by) {
  if (auto e = domain::validate_network(in.name, in.description); !e.empty())
    return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    long long found = 0;
    sql << "SELECT id FROM territories WHERE id = :t", use(in.territory_id), into(found);
    if (!sql.got_data()) return failed(WriteResult::Status::not_found);
    if (auto e = organisation_errors(sql, in); !e.empty()) return failed(WriteResult::Status::invalid, e);
    const std::string base = domain::network_slug(in.name);
    long long now = now_unix(), org = in.organisation_id, id = 0;
    soci::indicator org_i = null_if_zero(org);
    int is_public = in.is_public ? 1 : 0;
    // Slugs are unique across territories (the public address /reseaux/{slug}); the unique index decides, so that
    // two concurrent creations cannot take the same one.
    for (int n = 1; id == 0; ++n) {
      std::string slug = n == 1 ? base : base + "-" + std::to_string(n);
      sql << "INSERT INTO networks (territory_id, organisation_id, slug, name, description, is_public, created_at, "
             "updated_at) VALUES (:t, :o, :s, :n, :d, :p, :c, :u) ON CONFLICT (slug) DO NOTHING RETURNING id",
          use(in.territory_id), use(org, org_i), use(slug), use(in.name), use(in.description), use(is_public), use(now),
          use(now), into(id);
      if (!sql.got_data()) id = 0;
    }
    audit(sql, in.territory_id, by.user_id, by.label, "create", "network", id, in.name);
    return done(id);
  });
}

WriteResult update_network(Store& s, const Network& in, const Author& by) {
  if (auto e = domain::validate_network(in.name, in.description); !e.empty())
    return failed(WriteResult::Status::invalid, e);
  return s.write([&](soci::session& sql) {
    auto before = network_name(sql, in.territory_id, in.id, true);
    if (!before) return failed(WriteResult::Status::not_found);
    if (auto e = organisation_errors(sql, in); !e.empty()) return failed(WriteResult::Status::invalid, e);
    long long now = now_unix(), org = in.organisation_id;
    soci::indicator org_i = null_if_zero(org);
    int is_public = in.is_public ? 1 : 0;
    sql << "UPDATE networks SET organisation_id = :o, name = :n, description = :d, is_public = :p, updated_at = :u "
           "WHERE territory_id = :t AND id = :id",
        use(org, org_i), use(in.name), use(in.description), use(is_public), use(now), use(in.territory_id), use(in.id);
    audit(sql, in.territory_id, by.user_id, by.label, "update", "network", in.id, in.name);
    return done(in.id);
  });
}

bool delete_network(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto name = network_name(sql, territory_id, id, true);
    if (!name) return false;
    sql << "DELETE FROM network_members WHERE network_id = :n", use(id);
    sql << "DELETE FROM network_actions WHERE network_id = :n", use(id);
    sql << "DELETE FROM networks WHERE id = :n", use(id);
    audit(sql, territory_id, by.user_id, by.label, "delete", "network", id, *name);
    return true;
  });
}

std::optional<Network> network_by_id(Store& s, long long territory_id, long long id) {
  auto list = networks_where(s, territory_id, " AND n.id = :id", id);
  if (list.empty()) return std::nullopt;
  return list.front();
}

std::optional<Network> network_by_slug_public(Store& s, const std::string& slug) {
  return s.read([&](soci::session& sql) -> std::optional<Network> {
    soci::row r;
    sql << network_columns() + "WHERE n.slug = :s AND n.is_public = 1", use(slug), into(r);
    if (!sql.got_data()) return std::nullopt;
    return network_from_row(r);
  });
}

std::vector<Network> networks_of(Store& s, long long territory_id) {
  return networks_where(s, territory_id);
}

std::vector<Network> networks_of_ambassador(Store& s, long long territory_id, long long ambassador_id) {
  return networks_where(
      s, territory_id,
      " AND EXISTS (SELECT 1 FROM network_members m WHERE m.network_id = n.id AND m.ambassador_id = :a)",
      ambassador_id);
}

// Leads first, then by last and first name (folded: the same order on both engines).
std::vector<NetworkMember> network_members(Store& s, long long territory_id, long long network_id) {
  struct Row {
    NetworkMember m;
    std::string key;
  };
  std::vector<Row> rows = s.read([&](soci::session& sql) {
    std::vector<Row> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT a.id, a.first_name, a.last_name, a.job_title, a.consents, a.status, m.role "
                        "FROM network_members m JOIN networks n ON n.id = m.network_id "
                        "JOIN ambassadors a ON a.id = m.ambassador_id AND a.territory_id = n.territory_id "
                        "WHERE n.territory_id = :t AND n.id = :n",
         use(territory_id), use(network_id));
    for (const auto& r : rs) {
      Row row;
      row.m.ambassador_id = col_ll(r, 0);
      std::string first = col_str(r, 1), last = col_str(r, 2);
      row.m.name = domain::trim(first + " " + last);
      auto consents = domain::split_list(col_str(r, 4));
      bool named = std::find(consents.begin(), consents.end(), "name") != consents.end() && col_str(r, 5) == "active";
      if (named) row.m.public_name = domain::public_name(first, last);
      row.m.job_title = col_str(r, 3);
      row.m.role = col_str(r, 6);
      row.key = std::string(row.m.role == "lead" ? "0" : "1") + domain::fold(last) + "\n" + domain::fold(first);
      out.push_back(std::move(row));
    }
    return out;
  });
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
  std::vector<NetworkMember> out;
  for (auto& r : rows) out.push_back(std::move(r.m));
  return out;
}

WriteResult add_network_member(Store& s, long long territory_id, long long network_id, long long ambassador_id,
                               const std::string& role, const Author& by) {
  if (role != "member" && role != "lead")
    return failed(WriteResult::Status::invalid, {{"role", "Choisissez le rôle : membre ou animatrice."}});
  return s.write([&](soci::session& sql) {
    auto name = network_name(sql, territory_id, network_id, true);
    if (!name) return failed(WriteResult::Status::not_found);
    std::string first, last;
    sql << "SELECT first_name, last_name FROM ambassadors WHERE territory_id = :t AND id = :a AND status = 'active'",
        use(territory_id), use(ambassador_id), into(first), into(last);
    if (!sql.got_data())
      return failed(WriteResult::Status::not_found,
                    {{"ambassador_id", "Choisissez une ambassadrice active de votre territoire."}});
    long long now = now_unix();
    sql << "INSERT INTO network_members (network_id, ambassador_id, role, joined_at) VALUES (:n, :a, :r, :j) "
           "ON CONFLICT (network_id, ambassador_id) DO UPDATE SET role = excluded.role",
        use(network_id), use(ambassador_id), use(role), use(now);
    audit(sql, territory_id, by.user_id, by.label, "update", "network", network_id,
          *name + " (membre : " + domain::trim(first + " " + last) + (role == "lead" ? ", animatrice)" : ")"));
    return done(network_id);
  });
}

bool remove_network_member(Store& s, long long territory_id, long long network_id, long long ambassador_id,
                           const Author& by) {
  return s.write([&](soci::session& sql) {
    auto name = network_name(sql, territory_id, network_id, true);
    if (!name) return false;
    std::string first, last;
    sql << "SELECT first_name, last_name FROM ambassadors WHERE id = :a", use(ambassador_id), into(first), into(last);
    return unlink(sql, "network_members", "ambassador_id", network_id, ambassador_id, territory_id, by,
                  *name + " (membre retirée : " + domain::trim(first + " " + last) + ")");
  });
}

WriteResult add_network_action(Store& s, long long territory_id, long long network_id, long long action_id,
                               const Author& by) {
  return s.write([&](soci::session& sql) {
    auto name = network_name(sql, territory_id, network_id, true);
    if (!name) return failed(WriteResult::Status::not_found);
    if (action_id <= 0 || !in_territory(sql, "actions", territory_id, action_id))
      return failed(WriteResult::Status::not_found, {{"action_id", "Choisissez une action de votre territoire."}});
    sql << "INSERT INTO network_actions (network_id, action_id) VALUES (:n, :a) "
           "ON CONFLICT (network_id, action_id) DO NOTHING",
        use(network_id), use(action_id);
    audit(sql, territory_id, by.user_id, by.label, "update", "network", network_id,
          *name + " (action liée : " + std::to_string(action_id) + ")");
    return done(network_id);
  });
}

bool remove_network_action(Store& s, long long territory_id, long long network_id, long long action_id,
                           const Author& by) {
  return s.write([&](soci::session& sql) {
    auto name = network_name(sql, territory_id, network_id, true);
    if (!name) return false;
    return unlink(sql, "network_actions", "action_id", network_id, action_id, territory_id, by,
                  *name + " (action retirée : " + std::to_string(action_id) + ")");
  });
}

std::vector<NetworkAction> network_actions(Store& s, long long territory_id, long long network_id) {
  return s.read([&](soci::session& sql) {
    std::vector<NetworkAction> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << std::string("SELECT a.id, a.starts_on, a.kind, a.title, a.status, ") + kCountedPeople +
                            " FROM network_actions na JOIN networks n ON n.id = na.network_id "
                            "JOIN actions a ON a.id = na.action_id AND a.territory_id = n.territory_id "
                            "WHERE n.territory_id = :t AND n.id = :n ORDER BY a.starts_on DESC, a.id DESC",
         use(territory_id), use(network_id));
    for (const auto& r : rs) {
      NetworkAction a;
      a.id = col_ll(r, 0);
      a.starts_on = col_str(r, 1);
      a.kind = col_str(r, 2);
      a.title = col_str(r, 3);
      a.status = col_str(r, 4);
      a.people = col_ll(r, 5);
      out.push_back(a);
    }
    return out;
  });
}

}  // namespace passerelles::store
