// SQL for the action plan (initiatives with partners and targets, partnerships, funding): territory-confined
// reads, writes with audit, and the warnings for grants about to end.
#include "store/plan.hpp"

#include <algorithm>
#include <map>

#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/indicators.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

// ---- initiatives --------------------------------------------------------------------------------------------

const char* kInitiativeColumns =
    "SELECT i.id, i.territory_id, i.axis, i.name, i.objective, i.audiences, COALESCE(i.lead_organisation_id, 0), "
    "COALESCE(o.name, ''), i.position, i.created_at, i.updated_at FROM initiatives i "
    "LEFT JOIN organisations o ON o.id = i.lead_organisation_id ";

domain::Initiative initiative_from_row(const soci::row& r) {
  domain::Initiative i;
  i.id = col_ll(r, 0);
  i.territory_id = col_ll(r, 1);
  i.axis = col_str(r, 2);
  i.name = col_str(r, 3);
  i.objective = col_str(r, 4);
  i.audiences = domain::split_list(col_str(r, 5));
  i.lead_organisation_id = col_ll(r, 6);
  i.lead_organisation_name = col_str(r, 7);
  i.position = col_int(r, 8);
  i.created_at = col_ll(r, 9);
  i.updated_at = col_ll(r, 10);
  return i;
}

std::size_t indicator_rank(const std::string& code) {
  const auto& v = domain::target_indicators();
  auto it = std::find_if(v.begin(), v.end(), [&](const domain::Choice& c) { return c.code == code; });
  return static_cast<std::size_t>(it - v.begin());
}

// Initiatives of the territory (one when `only_id` is set), with partners and targets, in plan order.
std::vector<domain::Initiative> load_initiatives(soci::session& sql, long long territory_id, long long only_id,
                                                 bool lock = false) {
  std::string where = "WHERE i.territory_id = :t" + std::string(only_id ? " AND i.id = :id" : "");
  std::vector<domain::Initiative> out;
  {
    std::string q = std::string(kInitiativeColumns) + where;
    q += lock ? for_update(sql, "i") : " ORDER BY i.position, i.name, i.id";
    soci::rowset<soci::row> rs =
        only_id ? (sql.prepare << q, use(territory_id), use(only_id)) : (sql.prepare << q, use(territory_id));
    for (const auto& r : rs) out.push_back(initiative_from_row(r));
  }
  if (out.empty()) return out;
  std::map<long long, domain::Initiative*> by_id;
  for (auto& i : out) by_id[i.id] = &i;
  {
    std::string q =
        "SELECT ip.initiative_id, o.id, o.name FROM initiative_partners ip JOIN initiatives i ON i.id = "
        "ip.initiative_id JOIN organisations o ON o.id = ip.organisation_id " +
        where + " ORDER BY o.search, o.id";
    soci::rowset<soci::row> rs =
        only_id ? (sql.prepare << q, use(territory_id), use(only_id)) : (sql.prepare << q, use(territory_id));
    for (const auto& r : rs) {
      auto* i = by_id[col_ll(r, 0)];
      i->partner_ids.push_back(col_ll(r, 1));
      i->partner_names.push_back(col_str(r, 2));
    }
  }
  {
    std::string q =
        "SELECT t.initiative_id, t.year, t.indicator, t.target FROM initiative_targets t JOIN initiatives i ON "
        "i.id = t.initiative_id " +
        where;
    soci::rowset<soci::row> rs =
        only_id ? (sql.prepare << q, use(territory_id), use(only_id)) : (sql.prepare << q, use(territory_id));
    for (const auto& r : rs) by_id[col_ll(r, 0)]->targets.push_back({col_int(r, 1), col_str(r, 2), col_ll(r, 3)});
  }
  for (auto& i : out)
    std::sort(i.targets.begin(), i.targets.end(), [](const domain::YearTarget& a, const domain::YearTarget& b) {
      return a.year != b.year ? a.year < b.year : indicator_rank(a.indicator) < indicator_rank(b.indicator);
    });
  return out;
}

std::optional<domain::Initiative> load_initiative(soci::session& sql, long long territory_id, long long id,
                                                  bool lock = false) {
  if (id <= 0) return std::nullopt;
  auto v = load_initiatives(sql, territory_id, id, lock);
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

domain::Errors initiative_refs(soci::session& sql, const domain::Initiative& i) {
  domain::Errors e;
  if (!in_territory(sql, "organisations", i.territory_id, i.lead_organisation_id))
    e["lead_organisation_id"] = "Cette organisation n’existe pas dans l’annuaire du territoire.";
  if (!all_in_territory(sql, "organisations", i.territory_id, i.partner_ids))
    e["partner_ids"] = "Un des partenaires n’existe pas dans l’annuaire du territoire.";
  return e;
}

// Writes the fields, partners and targets of an existing initiative row.
void write_initiative(soci::session& sql, const domain::Initiative& i, long long now) {
  std::string audiences = domain::join(i.audiences);
  long long lead = i.lead_organisation_id;
  soci::indicator lead_i = null_if_zero(lead);
  sql << "UPDATE initiatives SET axis = :a, name = :n, objective = :o, audiences = :au, lead_organisation_id = :l, "
         "position = :p, updated_at = :now WHERE territory_id = :t AND id = :id",
      use(i.axis), use(i.name), use(i.objective), use(audiences), use(lead, lead_i), use(i.position), use(now),
      use(i.territory_id), use(i.id);
  sql << "DELETE FROM initiative_partners WHERE initiative_id = :id", use(i.id);
  for (long long org : i.partner_ids)
    sql << "INSERT INTO initiative_partners (initiative_id, organisation_id) VALUES (:i, :o)", use(i.id), use(org);
  sql << "DELETE FROM initiative_targets WHERE initiative_id = :id", use(i.id);
  for (const auto& t : i.targets)
    sql << "INSERT INTO initiative_targets (initiative_id, year, indicator, target) VALUES (:i, :y, :k, :v)", use(i.id),
        use(t.year), use(t.indicator), use(t.target);
}

// "axis, partners" for the audit log.
std::string changed_fields(const domain::Initiative& a, const domain::Initiative& b) {
  domain::ChangedFields changed;
  auto same_targets = [](const domain::YearTarget& x, const domain::YearTarget& y) {
    return x.year == y.year && x.indicator == y.indicator && x.target == y.target;
  };
  auto sorted = [](std::vector<long long> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  changed.add("axis", a.axis != b.axis);
  changed.add("name", a.name != b.name);
  changed.add("objective", a.objective != b.objective);
  changed.add("audiences", a.audiences != b.audiences);
  changed.add("lead", a.lead_organisation_id != b.lead_organisation_id);
  changed.add("partners", sorted(a.partner_ids) != sorted(b.partner_ids));
  changed.add("targets", a.targets.size() != b.targets.size() ||
                             !std::is_permutation(a.targets.begin(), a.targets.end(), b.targets.begin(), same_targets));
  return changed.text();
}

// ---- partnerships -------------------------------------------------------------------------------------------

const char* kPartnershipColumns =
    "SELECT p.id, p.territory_id, p.title, COALESCE(p.organisation_id, 0), COALESCE(o.name, ''), p.starts_on, "
    "p.ends_on, p.status, COALESCE(p.document_file_id, 0), COALESCE(f.name, ''), p.notes, p.created_at, "
    "p.updated_at FROM partnerships p LEFT JOIN organisations o ON o.id = p.organisation_id "
    "LEFT JOIN files f ON f.id = p.document_file_id ";

domain::Partnership partnership_from_row(const soci::row& r) {
  domain::Partnership p;
  p.id = col_ll(r, 0);
  p.territory_id = col_ll(r, 1);
  p.title = col_str(r, 2);
  p.organisation_id = col_ll(r, 3);
  p.organisation_name = col_str(r, 4);
  p.starts_on = col_str(r, 5);
  p.ends_on = col_str(r, 6);
  p.status = col_str(r, 7);
  p.document_file_id = col_ll(r, 8);
  p.document_name = col_str(r, 9);
  p.notes = col_str(r, 10);
  p.created_at = col_ll(r, 11);
  p.updated_at = col_ll(r, 12);
  return p;
}

std::optional<domain::Partnership> load_partnership(soci::session& sql, long long territory_id, long long id,
                                                    bool lock = false) {
  return row_in_territory(sql, kPartnershipColumns, "p", territory_id, id, lock, partnership_from_row);
}

domain::Errors partnership_refs(soci::session& sql, const domain::Partnership& p) {
  domain::Errors e;
  if (!in_territory(sql, "organisations", p.territory_id, p.organisation_id))
    e["organisation_id"] = "Cette organisation n’existe pas dans l’annuaire du territoire.";
  if (!in_territory(sql, "files", p.territory_id, p.document_file_id))
    e["document"] = "Ce document n’existe pas dans ce territoire.";
  return e;
}

void write_partnership(soci::session& sql, const domain::Partnership& p, long long now) {
  long long org = p.organisation_id, doc = p.document_file_id;
  soci::indicator org_i = null_if_zero(org), doc_i = null_if_zero(doc);
  sql << "UPDATE partnerships SET title = :ti, organisation_id = :o, starts_on = :s, ends_on = :e, status = :st, "
         "document_file_id = :d, notes = :n, updated_at = :now WHERE territory_id = :t AND id = :id",
      use(p.title), use(org, org_i), use(p.starts_on), use(p.ends_on), use(p.status), use(doc, doc_i), use(p.notes),
      use(now), use(p.territory_id), use(p.id);
}

// A convention document no longer attached to anything is deleted with its last reference.
void drop_file_if_unused(soci::session& sql, long long territory_id, long long file_id) {
  if (file_id == 0) return;
  long long uses = 0, evidence = 0;
  sql << "SELECT COUNT(*) FROM partnerships WHERE document_file_id = :f", use(file_id), into(uses);
  sql << "SELECT COUNT(*) FROM action_files WHERE file_id = :f", use(file_id), into(evidence);
  if (uses + evidence == 0)
    sql << "DELETE FROM files WHERE territory_id = :t AND id = :f", use(territory_id), use(file_id);
}

std::string changed_fields(const domain::Partnership& a, const domain::Partnership& b) {
  domain::ChangedFields changed;
  changed.add("title", a.title != b.title);
  changed.add("organisation", a.organisation_id != b.organisation_id);
  changed.add("starts_on", a.starts_on != b.starts_on);
  changed.add("ends_on", a.ends_on != b.ends_on);
  changed.add("status " + a.status + " → " + b.status, a.status != b.status);
  changed.add("document", a.document_file_id != b.document_file_id);
  changed.add("notes", a.notes != b.notes);
  return changed.text();
}

// ---- funding ------------------------------------------------------------------------------------------------

const char* kFundingColumns =
    "SELECT f.id, f.territory_id, f.funder, COALESCE(f.funder_organisation_id, 0), f.amount_cents, f.starts_on, "
    "f.ends_on, f.purpose, f.created_at, f.updated_at FROM fundings f ";

domain::Funding funding_from_row(const soci::row& r) {
  domain::Funding f;
  f.id = col_ll(r, 0);
  f.territory_id = col_ll(r, 1);
  f.funder = col_str(r, 2);
  f.funder_organisation_id = col_ll(r, 3);
  f.amount_cents = col_ll(r, 4);
  f.starts_on = col_str(r, 5);
  f.ends_on = col_str(r, 6);
  f.purpose = col_str(r, 7);
  f.created_at = col_ll(r, 8);
  f.updated_at = col_ll(r, 9);
  return f;
}

// Fundings of the territory, all or only those ending in [from, to], in `order`.
std::vector<domain::Funding> load_fundings(soci::session& sql, long long territory_id, const std::string& order,
                                           const std::string& from = "", const std::string& to = "") {
  std::vector<domain::Funding> out;
  std::string q = std::string(kFundingColumns) + "WHERE f.territory_id = :t";
  bool period = !from.empty();
  if (period) q += " AND f.ends_on >= :from AND f.ends_on <= :to";
  q += order;
  soci::rowset<soci::row> rs =
      period ? (sql.prepare << q, use(territory_id), use(from), use(to)) : (sql.prepare << q, use(territory_id));
  for (const auto& r : rs) out.push_back(funding_from_row(r));
  return out;
}

void add_initiative_names(soci::session& sql, long long territory_id, std::vector<domain::Funding>& fundings) {
  if (fundings.empty()) return;
  std::map<long long, domain::Funding*> by_id;
  for (auto& f : fundings) by_id[f.id] = &f;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT fi.funding_id, i.id, i.name FROM funding_initiatives fi JOIN fundings f ON f.id = "
                      "fi.funding_id JOIN initiatives i ON i.id = fi.initiative_id WHERE f.territory_id = :t "
                      "ORDER BY i.position, i.name, i.id",
       use(territory_id));
  for (const auto& r : rs) {
    auto it = by_id.find(col_ll(r, 0));
    if (it == by_id.end()) continue;
    it->second->initiative_ids.push_back(col_ll(r, 1));
    it->second->initiative_names.push_back(col_str(r, 2));
  }
}

std::optional<domain::Funding> load_funding(soci::session& sql, long long territory_id, long long id,
                                            bool lock = false) {
  auto f = row_in_territory(sql, kFundingColumns, "f", territory_id, id, lock, funding_from_row);
  if (!f) return std::nullopt;
  std::vector<domain::Funding> one = {std::move(*f)};
  add_initiative_names(sql, territory_id, one);
  return std::move(one.front());
}

domain::Errors funding_refs(soci::session& sql, const domain::Funding& f) {
  domain::Errors e;
  if (!in_territory(sql, "organisations", f.territory_id, f.funder_organisation_id))
    e["funder_organisation_id"] = "Cette organisation n’existe pas dans l’annuaire du territoire.";
  if (!all_in_territory(sql, "initiatives", f.territory_id, f.initiative_ids))
    e["initiative_ids"] = "Une des initiatives n’existe pas dans le plan d’action du territoire.";
  return e;
}

void write_funding(soci::session& sql, const domain::Funding& f, long long now) {
  long long org = f.funder_organisation_id;
  soci::indicator org_i = null_if_zero(org);
  sql << "UPDATE fundings SET funder = :fu, funder_organisation_id = :o, amount_cents = :a, starts_on = :s, "
         "ends_on = :e, purpose = :p, updated_at = :now WHERE territory_id = :t AND id = :id",
      use(f.funder), use(org, org_i), use(f.amount_cents), use(f.starts_on), use(f.ends_on), use(f.purpose), use(now),
      use(f.territory_id), use(f.id);
  sql << "DELETE FROM funding_initiatives WHERE funding_id = :id", use(f.id);
  for (long long i : f.initiative_ids)
    sql << "INSERT INTO funding_initiatives (funding_id, initiative_id) VALUES (:f, :i)", use(f.id), use(i);
}

// "Région BFC, 12 500,00 €, 2026-01-01 → 2027-06-30" for the audit log.
std::string funding_label(const domain::Funding& f) {
  return f.funder + ", " + domain::format_euros(f.amount_cents) + ", " + f.starts_on + " → " + f.ends_on;
}

}  // namespace

// ---- initiatives --------------------------------------------------------------------------------------------

WriteResult insert_initiative(Store& s, const domain::Initiative& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  return s.write([&](soci::session& sql) {
    domain::Initiative i = in;
    if (auto e = initiative_refs(sql, i); !e.empty()) return failed(WriteResult::Status::invalid, e);
    long long now = now_unix();
    if (i.position == 0) {
      long long last = 0;
      sql << "SELECT COALESCE(MAX(position), 0) FROM initiatives WHERE territory_id = :t", use(i.territory_id),
          into(last);
      i.position = static_cast<int>(last) + 1;
    }
    sql << "INSERT INTO initiatives (territory_id, name, created_at, updated_at) VALUES (:t, :n, :c, :u) RETURNING id",
        use(i.territory_id), use(i.name), use(now), use(now), into(i.id);
    write_initiative(sql, i, now);
    audit(sql, i.territory_id, by.user_id, by.label, "create", "initiative", i.id, i.name);
    return done(i.id);
  });
}

WriteResult update_initiative(Store& s, const domain::Initiative& in, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto before = load_initiative(sql, in.territory_id, in.id, true);
    if (!before) return failed(WriteResult::Status::not_found);
    domain::Initiative i = in;
    if (i.position == 0) i.position = before->position;
    if (auto e = initiative_refs(sql, i); !e.empty()) return failed(WriteResult::Status::invalid, e);
    write_initiative(sql, i, now_unix());
    audit(sql, i.territory_id, by.user_id, by.label, "update", "initiative", i.id,
          with_changes(i.name, changed_fields(*before, i)));
    return done(i.id);
  });
}

bool delete_initiative(Store& s, long long territory_id, long long id, const Author& by) {
  bool deleted = s.write([&](soci::session& sql) {
    auto i = load_initiative(sql, territory_id, id, true);
    if (!i) return false;
    // Its actions stay, without initiative; the grants that paid for it no longer name it.
    sql << "UPDATE actions SET initiative_id = NULL WHERE territory_id = :t AND initiative_id = :id", use(territory_id),
        use(id);
    sql << "DELETE FROM funding_initiatives WHERE initiative_id = :id", use(id);
    sql << "DELETE FROM initiative_partners WHERE initiative_id = :id", use(id);
    sql << "DELETE FROM initiative_targets WHERE initiative_id = :id", use(id);
    sql << "DELETE FROM initiatives WHERE territory_id = :t AND id = :id", use(territory_id), use(id);
    audit(sql, territory_id, by.user_id, by.label, "delete", "initiative", id, i->name);
    return true;
  });
  if (deleted) rebuild_aggregates(s, territory_id);
  return deleted;
}

std::optional<domain::Initiative> initiative_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_initiative(sql, territory_id, id); });
}

std::vector<domain::Initiative> initiatives_of(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) { return load_initiatives(sql, territory_id, 0); });
}

// ---- partnerships -------------------------------------------------------------------------------------------

WriteResult insert_partnership(Store& s, const domain::Partnership& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  return s.write([&](soci::session& sql) {
    domain::Partnership p = in;
    if (auto e = partnership_refs(sql, p); !e.empty()) return failed(WriteResult::Status::invalid, e);
    long long now = now_unix();
    sql << "INSERT INTO partnerships (territory_id, title, status, created_at, updated_at) VALUES "
           "(:t, :ti, :st, :c, :u) RETURNING id",
        use(p.territory_id), use(p.title), use(p.status), use(now), use(now), into(p.id);
    write_partnership(sql, p, now);
    audit(sql, p.territory_id, by.user_id, by.label, "create", "partnership", p.id, p.title);
    return done(p.id);
  });
}

WriteResult update_partnership(Store& s, const domain::Partnership& in, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto before = load_partnership(sql, in.territory_id, in.id, true);
    if (!before) return failed(WriteResult::Status::not_found);
    domain::Partnership p = in;
    if (auto e = partnership_refs(sql, p); !e.empty()) return failed(WriteResult::Status::invalid, e);
    write_partnership(sql, p, now_unix());
    if (before->document_file_id != p.document_file_id)
      drop_file_if_unused(sql, p.territory_id, before->document_file_id);
    audit(sql, p.territory_id, by.user_id, by.label, "update", "partnership", p.id,
          with_changes(p.title, changed_fields(*before, p)));
    return done(p.id);
  });
}

bool delete_partnership(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto p = load_partnership(sql, territory_id, id, true);
    if (!p) return false;
    sql << "DELETE FROM partnerships WHERE territory_id = :t AND id = :id", use(territory_id), use(id);
    drop_file_if_unused(sql, territory_id, p->document_file_id);
    audit(sql, territory_id, by.user_id, by.label, "delete", "partnership", id, p->title);
    return true;
  });
}

std::optional<domain::Partnership> partnership_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_partnership(sql, territory_id, id); });
}

std::vector<domain::Partnership> partnerships_of(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::Partnership> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << std::string(kPartnershipColumns) +
                            "WHERE p.territory_id = :t ORDER BY p.starts_on DESC, p.title, p.id",
         use(territory_id));
    for (const auto& r : rs) out.push_back(partnership_from_row(r));
    return out;
  });
}

// ---- funding ------------------------------------------------------------------------------------------------

WriteResult insert_funding(Store& s, const domain::Funding& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  return s.write([&](soci::session& sql) {
    domain::Funding f = in;
    if (auto e = funding_refs(sql, f); !e.empty()) return failed(WriteResult::Status::invalid, e);
    long long now = now_unix();
    sql << "INSERT INTO fundings (territory_id, funder, starts_on, ends_on, created_at, updated_at) VALUES "
           "(:t, :f, :s, :e, :c, :u) RETURNING id",
        use(f.territory_id), use(f.funder), use(f.starts_on), use(f.ends_on), use(now), use(now), into(f.id);
    write_funding(sql, f, now);
    audit(sql, f.territory_id, by.user_id, by.label, "create", "funding", f.id, funding_label(f));
    return done(f.id);
  });
}

WriteResult update_funding(Store& s, const domain::Funding& in, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto before = load_funding(sql, in.territory_id, in.id, true);
    if (!before) return failed(WriteResult::Status::not_found);
    domain::Funding f = in;
    if (auto e = funding_refs(sql, f); !e.empty()) return failed(WriteResult::Status::invalid, e);
    write_funding(sql, f, now_unix());
    std::string detail = funding_label(f);
    if (funding_label(*before) != detail) detail = funding_label(*before) + " devient " + detail;
    audit(sql, f.territory_id, by.user_id, by.label, "update", "funding", f.id, detail);
    return done(f.id);
  });
}

bool delete_funding(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto f = load_funding(sql, territory_id, id, true);
    if (!f) return false;
    sql << "DELETE FROM funding_initiatives WHERE funding_id = :id", use(id);
    sql << "DELETE FROM fundings WHERE territory_id = :t AND id = :id", use(territory_id), use(id);
    audit(sql, territory_id, by.user_id, by.label, "delete", "funding", id, funding_label(*f));
    return true;
  });
}

std::optional<domain::Funding> funding_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_funding(sql, territory_id, id); });
}

std::vector<domain::Funding> fundings_of(Store& s, long long territory_id) {
  return s.read([&](soci::session& sql) {
    auto out = load_fundings(sql, territory_id, " ORDER BY f.ends_on DESC, f.funder, f.id");
    add_initiative_names(sql, territory_id, out);
    return out;
  });
}

std::vector<domain::FundingWarning> funding_warnings(Store& s, long long territory_id, const std::string& today,
                                                     int days) {
  std::vector<domain::FundingWarning> out;
  if (!domain::valid_day(today) || days <= 0) return out;
  // Ends at most `days` after today, or ended fewer than `days` days ago.
  std::string from = domain::add_days(today, 1 - days), to = domain::add_days(today, days);
  auto fundings = s.read([&](soci::session& sql) {
    auto v = load_fundings(sql, territory_id, " ORDER BY f.ends_on, f.id", from, to);
    add_initiative_names(sql, territory_id, v);
    return v;
  });
  for (auto& f : fundings) {
    long long left = domain::days_between(today, f.ends_on);
    out.push_back({std::move(f), left});
  }
  return out;
}

}  // namespace passerelles::store
