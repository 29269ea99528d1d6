// The funnel's counts from the applications, pairs and company hires of a territory and period, and the company
// hires reports (see the header).
#include "store/funnel.hpp"

#include "domain/action.hpp"
#include "store/accounts.hpp"
#include "store/bound.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

void add_sex(domain::SexCounts& c, const std::string& sex, long long n) {
  if (sex == "F")
    c.girls += n;
  else if (sex == "M")
    c.boys += n;
  else
    c.other += n;
}

// " AND <alias>.territory_id = :pN" unless every territory.
std::string territory_clause(Binds& b, const char* alias, long long territory_id) {
  if (territory_id == 0) return "";
  return std::string(" AND ") + alias + ".territory_id = " + b.add(territory_id);
}

// Counts by sex of `from_where` ("FROM … WHERE …", its parameters in b): SELECT sex, COUNT(*) … GROUP BY sex.
domain::SexCounts by_sex(soci::session& sql, Binds& b, const std::string& sex_column, const std::string& count,
                         const std::string& from_where) {
  domain::SexCounts c;
  b.each_row(sql, "SELECT " + sex_column + ", " + count + " " + from_where + " GROUP BY " + sex_column,
             [&](const soci::row& r) { add_sex(c, col_str(r, 0), col_ll(r, 1)); });
  return c;
}

// The year of 'YYYY-MM', or `fallback` when empty.
int year_of(const std::string& month, int fallback) {
  return domain::is_iso_month(month) ? std::stoi(month.substr(0, 4)) : fallback;
}

constexpr const char* kHiresColumns =
    "SELECT h.id, h.territory_id, h.organisation_id, o.name, h.year, h.hires, h.hires_women, h.apprentices, "
    "h.apprentices_women, COALESCE(h.reported_by, 0), h.reported_at FROM company_hires h "
    "JOIN organisations o ON o.id = h.organisation_id ";

domain::CompanyHires hires_from_row(const soci::row& r) {
  domain::CompanyHires h;
  h.id = col_ll(r, 0);
  h.territory_id = col_ll(r, 1);
  h.organisation_id = col_ll(r, 2);
  h.organisation_name = col_str(r, 3);
  h.year = col_int(r, 4);
  h.hires = col_ll(r, 5);
  h.hires_women = col_ll(r, 6);
  h.apprentices = col_ll(r, 7);
  h.apprentices_women = col_ll(r, 8);
  h.reported_by = col_ll(r, 9);
  h.reported_at = col_ll(r, 10);
  return h;
}

bool is_company_of(soci::session& sql, long long territory_id, long long organisation_id) {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM organisations WHERE territory_id = :t AND id = :o AND kind = 'company'",
      use(territory_id), use(organisation_id), into(n);
  return n > 0;
}

}  // namespace

domain::Funnel funnel(Store& s, const Indicators& ind) {
  domain::Funnel f;
  f.steps[0].girls = ind.total.audience[0];
  f.steps[0].boys = ind.total.audience[1];
  const long long t = ind.filter.territory_id;
  const auto range = domain::paris_month_range(ind.from_month, ind.to_month);
  return s.read([&](soci::session& sql) {
    {
      Binds b;
      f.steps[1] =
          by_sex(sql, b, "a.sex", "COUNT(*)",
                 "FROM offer_applications a WHERE a.status <> 'withdrawn' AND a.sent_at >= " + b.add(range.start) +
                     " AND a.sent_at < " + b.add(range.end) + territory_clause(b, "a", t));
    }
    {
      Binds b;
      f.steps[2] =
          by_sex(sql, b, "a.sex", "COUNT(*)",
                 "FROM offer_applications a JOIN offers o ON o.id = a.offer_id WHERE o.kind IN ('stage_3e', "
                 "'stage_seconde', 'stage_sup') AND a.status = 'accepted' AND a.completed = 1 AND "
                 "a.completed_at >= " +
                     b.add(range.start) + " AND a.completed_at < " + b.add(range.end) + territory_clause(b, "a", t));
    }
    {
      Binds b;
      f.steps[3] =
          by_sex(sql, b, "a.sex", "COUNT(*)",
                 "FROM offer_applications a JOIN offers o ON o.id = a.offer_id WHERE o.kind IN "
                 "('apprenticeship', 'job') AND a.status = 'accepted' AND a.decided_at >= " +
                     b.add(range.start) + " AND a.decided_at < " + b.add(range.end) + territory_clause(b, "a", t));
    }
    {
      // A pair overlaps the period when it started before its end and had not ended before its start.
      Binds b;
      f.mentees = by_sex(sql, b, "m.sex", "COUNT(DISTINCT m.id)",
                         "FROM mentoring_pairs p JOIN mentee_applications m ON m.id = p.application_id WHERE "
                         "p.status IN ('active', 'ended') AND p.started_at > 0 AND p.started_at < " +
                             b.add(range.end) + " AND (p.ended_at = 0 OR p.ended_at >= " + b.add(range.start) + ")" +
                             territory_clause(b, "m", t));
    }
    {
      Binds b;
      long long y0 = year_of(ind.from_month, 2000), y1 = year_of(ind.to_month, 2100);
      b.each_row(sql,
                 "SELECT COUNT(DISTINCT h.organisation_id), SUM(h.hires), SUM(h.hires_women), SUM(h.apprentices), "
                 "SUM(h.apprentices_women) FROM company_hires h WHERE h.year >= " +
                     b.add(y0) + " AND h.year <= " + b.add(y1) + territory_clause(b, "h", t),
                 [&](const soci::row& r) {
                   f.hires.companies = col_ll(r, 0);
                   f.hires.hires = col_ll(r, 1);
                   f.hires.hires_women = col_ll(r, 2);
                   f.hires.apprentices = col_ll(r, 3);
                   f.hires.apprentices_women = col_ll(r, 4);
                 });
    }
    return f;
  });
}

std::vector<domain::CompanyHires> hires_reports(Store& s, long long territory_id, long long organisation_id) {
  return s.read([&](soci::session& sql) {
    std::vector<domain::CompanyHires> out;
    Binds b;
    std::string q = std::string(kHiresColumns) + "WHERE h.territory_id = " + b.add(territory_id);
    if (organisation_id > 0) q += " AND h.organisation_id = " + b.add(organisation_id);
    q += " ORDER BY h.year DESC, o.search, h.id";
    b.each_row(sql, q, [&](const soci::row& r) { out.push_back(hires_from_row(r)); });
    return out;
  });
}

std::optional<domain::CompanyHires> hires_report_by_id(Store& s, long long territory_id, long long id,
                                                       long long organisation_id) {
  auto h = s.read([&](soci::session& sql) {
    return row_in_territory(sql, kHiresColumns, "h", territory_id, id, false, hires_from_row);
  });
  if (h && organisation_id > 0 && h->organisation_id != organisation_id) return std::nullopt;
  return h;
}

WriteResult save_hires_report(Store& s, const domain::CompanyHires& h, const Author& by) {
  return s.write([&](soci::session& sql) {
    if (!is_company_of(sql, h.territory_id, h.organisation_id)) return failed(WriteResult::Status::not_found);
    if (h.id > 0 && !row_in_territory(sql, kHiresColumns, "h", h.territory_id, h.id, true, hires_from_row))
      return failed(WriteResult::Status::not_found);
    long long taken = 0;
    sql << "SELECT COUNT(*) FROM company_hires WHERE organisation_id = :o AND year = :y AND id <> :id",
        use(h.organisation_id), use(h.year), use(h.id), into(taken);
    if (taken > 0)
      return failed(WriteResult::Status::conflict,
                    {{"year", "Les embauches de " + std::to_string(h.year) +
                                  " sont déjà déclarées pour cette entreprise : modifiez-les dans la liste."}});
    long long now = now_unix(), id = h.id;
    soci::indicator reporter = null_if_zero(by.user_id);
    if (id == 0) {
      sql << "INSERT INTO company_hires (territory_id, organisation_id, year, hires, hires_women, apprentices, "
             "apprentices_women, reported_by, reported_at) VALUES (:t, :o, :y, :h, :hw, :a, :aw, :by, :at) "
             "RETURNING id",
          use(h.territory_id), use(h.organisation_id), use(h.year), use(h.hires), use(h.hires_women),
          use(h.apprentices), use(h.apprentices_women), use(by.user_id, reporter), use(now), into(id);
    } else {
      sql << "UPDATE company_hires SET organisation_id = :o, year = :y, hires = :h, hires_women = :hw, "
             "apprentices = :a, apprentices_women = :aw, reported_by = :by, reported_at = :at "
             "WHERE territory_id = :t AND id = :id",
          use(h.organisation_id), use(h.year), use(h.hires), use(h.hires_women), use(h.apprentices),
          use(h.apprentices_women), use(by.user_id, reporter), use(now), use(h.territory_id), use(h.id);
    }
    audit(sql, h.territory_id, by.user_id, by.label, h.id == 0 ? "create" : "update", "company_hires", id,
          "Embauches " + std::to_string(h.year) + " de l’organisation n° " + std::to_string(h.organisation_id));
    return done(id);
  });
}

}  // namespace passerelles::store
