// SQL for the collective's members: applications, invitations, profiles, leaving (erasure), the coordinator's
// overview, the monthly digest's recipients and the profile form's commune.
#include "store/ambassadors.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "store/portraits.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

constexpr long long kInvitationSeconds = 14LL * 24 * 3600;
// What the audit log and the kit say of a member who left, instead of her name or e-mail.
constexpr const char* kFormerMember = "ancienne ambassadrice";

const char* kColumns =
    "SELECT a.id, a.territory_id, COALESCE(a.user_id, 0), a.status, a.first_name, a.last_name, a.email, a.phone, "
    "a.job_title, a.rome_code, a.rome_ogr, a.domain, COALESCE(a.employer_organisation_id, 0), a.employer_name, "
    "a.languages, a.home_commune_insee, COALESCE(c.name, ''), a.max_km, a.weekly, a.max_per_month, a.offers, "
    "a.charter_accepted_at, a.consents, a.motivation, a.digest, a.unsubscribe_token, a.joined_at, a.created_at, "
    "a.updated_at FROM ambassadors a LEFT JOIN communes c ON c.insee = a.home_commune_insee ";

domain::Ambassador from_row(const soci::row& r) {
  domain::Ambassador a;
  std::size_t i = 0;
  a.id = col_ll(r, i++);
  a.territory_id = col_ll(r, i++);
  a.user_id = col_ll(r, i++);
  a.status = col_str(r, i++);
  a.first_name = col_str(r, i++);
  a.last_name = col_str(r, i++);
  a.email = col_str(r, i++);
  a.phone = col_str(r, i++);
  a.job_title = col_str(r, i++);
  a.rome_code = col_str(r, i++);
  a.rome_ogr = col_str(r, i++);
  a.domain = col_str(r, i++);
  a.employer_organisation_id = col_ll(r, i++);
  a.employer_name = col_str(r, i++);
  a.languages = domain::split_list(col_str(r, i++));
  a.home_commune_insee = col_str(r, i++);
  a.home_commune_name = col_str(r, i++);
  a.max_km = col_int(r, i++);
  a.weekly = domain::split_list(col_str(r, i++));
  a.max_per_month = col_int(r, i++);
  a.offers = domain::split_list(col_str(r, i++));
  a.charter_accepted_at = col_ll(r, i++);
  a.consents = domain::split_list(col_str(r, i++));
  a.motivation = col_str(r, i++);
  a.digest = col_int(r, i++) != 0;
  a.unsubscribe_token = col_str(r, i++);
  a.joined_at = col_ll(r, i++);
  a.created_at = col_ll(r, i++);
  a.updated_at = col_ll(r, i++);
  return a;
}

std::vector<domain::Ambassador> select_where(soci::session& sql, const std::string& where_and_order,
                                             const std::vector<std::string>& params) {
  std::vector<domain::Ambassador> out;
  for_each_row(sql, std::string(kColumns) + where_and_order, params,
               [&](const soci::row& r) { out.push_back(from_row(r)); });
  return out;
}

// Fills path steps and days off of the members given, in two queries.
void load_details(soci::session& sql, std::vector<domain::Ambassador>& v) {
  if (v.empty()) return;
  std::map<long long, domain::Ambassador*> by_id;
  std::string in = "(";
  for (auto& a : v) {
    if (by_id.size()) in += ",";
    in += std::to_string(a.id);
    by_id[a.id] = &a;
  }
  in += ")";
  soci::rowset<soci::row> steps =
      sql.prepare
      << "SELECT ambassador_id, diploma, level, year, school FROM ambassador_steps WHERE ambassador_id IN " + in +
             " ORDER BY ambassador_id, position";
  for (const auto& r : steps)
    by_id[col_ll(r, 0)]->path.push_back({col_str(r, 1), col_int(r, 2), col_int(r, 3), col_str(r, 4)});
  soci::rowset<soci::row> days = sql.prepare
                                 << "SELECT ambassador_id, day FROM ambassador_days_off WHERE ambassador_id IN " + in +
                                        " ORDER BY ambassador_id, day";
  for (const auto& r : days) by_id[col_ll(r, 0)]->days_off.push_back(col_str(r, 1));
}

std::optional<domain::Ambassador> one_where(soci::session& sql, const std::string& where,
                                            const std::vector<std::string>& params) {
  auto v = select_where(sql, where, params);
  if (v.empty()) return std::nullopt;
  v.resize(1);
  load_details(sql, v);
  return v.front();
}

std::optional<domain::Ambassador> load(soci::session& sql, long long territory_id, long long id, bool lock) {
  auto a = row_in_territory(sql, kColumns, "a", territory_id, id, lock, from_row);
  if (!a) return a;
  std::vector<domain::Ambassador> v{*a};
  load_details(sql, v);
  return v.front();
}

std::string normal_email(const std::string& e) {
  return domain::fold(domain::trim(e));
}

// 32 URL-safe characters.
std::string new_token() {
  return http::random_token(24);
}

// The member of the territory (not left, not declined) holding `email`, other than `except_id`: {id, status}.
std::optional<std::pair<long long, std::string>> holder_of(soci::session& sql, long long territory_id,
                                                           const std::string& email, long long except_id) {
  if (email.empty()) return std::nullopt;
  long long id = 0;
  std::string status;
  sql << "SELECT id, status FROM ambassadors WHERE territory_id = :t AND email = :e AND id <> :x", use(territory_id),
      use(email), use(except_id), into(id), into(status);
  if (!sql.got_data()) return std::nullopt;
  return std::make_pair(id, status);
}

void audit_member(soci::session& sql, long long territory_id, const Author& by, const std::string& action, long long id,
                  const std::string& detail) {
  audit(sql, territory_id, by.user_id, by.label, action, "ambassador", id, detail);
}

// Every profile column but status, user, tokens and dates (see update_ambassador), path steps and days off.
void write_profile(soci::session& sql, const domain::Ambassador& a, long long now) {
  long long org = a.employer_organisation_id;
  soci::indicator org_i = null_if_zero(org);
  std::string languages = domain::join(a.languages), weekly = domain::join(a.weekly), offers = domain::join(a.offers),
              consents = domain::join(a.consents);
  int digest = a.digest ? 1 : 0;
  sql << "UPDATE ambassadors SET first_name = :f, last_name = :l, email = :e, phone = :p, job_title = :j, "
         "rome_code = :rc, rome_ogr = :ro, domain = :d, employer_organisation_id = :o, employer_name = :en, "
         "languages = :lang, home_commune_insee = :c, max_km = :km, weekly = :w, max_per_month = :m, offers = :of, "
         "consents = :cs, motivation = :mo, digest = :dg, updated_at = :now WHERE id = :id",
      use(a.first_name), use(a.last_name), use(a.email), use(a.phone), use(a.job_title), use(a.rome_code),
      use(a.rome_ogr), use(a.domain), use(org, org_i), use(a.employer_name), use(languages), use(a.home_commune_insee),
      use(a.max_km), use(weekly), use(a.max_per_month), use(offers), use(consents), use(a.motivation), use(digest),
      use(now), use(a.id);
  sql << "DELETE FROM ambassador_steps WHERE ambassador_id = :id", use(a.id);
  int position = 0;
  for (const auto& st : a.path) {
    ++position;
    sql << "INSERT INTO ambassador_steps (ambassador_id, position, diploma, level, year, school) VALUES "
           "(:a, :p, :d, :l, :y, :s)",
        use(a.id), use(position), use(st.diploma), use(st.level), use(st.year), use(st.school);
  }
  sql << "DELETE FROM ambassador_days_off WHERE ambassador_id = :id", use(a.id);
  for (const auto& day : std::set<std::string>(a.days_off.begin(), a.days_off.end()))
    sql << "INSERT INTO ambassador_days_off (ambassador_id, day) VALUES (:a, :d)", use(a.id), use(day);
}

// A new row with the fields of an application (names, e-mail, job, domain, motivation); returns its id.
long long insert_row(soci::session& sql, long long territory_id, const domain::Ambassador& a, const std::string& status,
                     long long now) {
  long long id = 0;
  std::string email = normal_email(a.email), token = new_token();
  sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, job_title, rome_code, "
         "rome_ogr, domain, motivation, unsubscribe_token, created_at, updated_at) VALUES (:t, :s, :f, :l, :e, :j, "
         ":rc, :ro, :d, :m, :u, :c, :up) RETURNING id",
      use(territory_id), use(status), use(a.first_name), use(a.last_name), use(email), use(a.job_title),
      use(a.rome_code), use(a.rome_ogr), use(a.domain), use(a.motivation), use(token), use(now), use(now), into(id);
  return id;
}

bool territory_exists(soci::session& sql, long long territory_id) {
  long long id = 0;
  sql << "SELECT id FROM territories WHERE id = :id", use(territory_id), into(id);
  return sql.got_data();
}

domain::Errors email_taken(const std::string& message) {
  return {{"email", message}};
}

}  // namespace

// ---- joining ------------------------------------------------------------------------------------------------

WriteResult insert_application(Store& s, long long territory_id, const domain::Ambassador& a) {
  return s.write([&](soci::session& sql) {
    if (!territory_exists(sql, territory_id)) return failed(WriteResult::Status::not_found);
    std::string email = normal_email(a.email);
    if (holder_of(sql, territory_id, email, 0))
      return failed(WriteResult::Status::conflict,
                    email_taken("Une candidature ou une membre du collectif utilise déjà cette adresse e-mail : "
                                "la coordinatrice reviendra vers vous."));
    long long id = insert_row(sql, territory_id, a, "applicant", now_unix());
    audit(sql, territory_id, 0, email, "apply", "ambassador", id, "");
    return done(id);
  });
}

InviteResult invite_ambassador(Store& s, long long territory_id, const domain::Ambassador& a, const Author& by) {
  InviteResult out;
  out.result = s.write([&](soci::session& sql) {
    if (!territory_exists(sql, territory_id)) return failed(WriteResult::Status::not_found);
    long long now = now_unix();
    long long id = a.id;
    std::string email = normal_email(a.email);
    if (id) {  // an application becomes an invitation
      auto before = load(sql, territory_id, id, true);
      if (!before || (before->status != "applicant" && before->status != "invited"))
        return failed(WriteResult::Status::not_found);
      email = before->email;
    } else if (auto holder = holder_of(sql, territory_id, email, 0)) {
      if (holder->second == "active")
        return failed(WriteResult::Status::conflict,
                      email_taken("Cette adresse e-mail est déjà celle d’une membre active du collectif."));
      id = holder->first;  // invited again, or an applicant invited directly
    }
    if (!id) {
      id = insert_row(sql, territory_id, a, "invited", now);
    } else if (!a.id) {  // what the coordinator typed replaces the application's names (and job when given)
      sql << "UPDATE ambassadors SET first_name = :f, last_name = :l WHERE id = :id", use(a.first_name),
          use(a.last_name), use(id);
      if (!a.job_title.empty())
        sql << "UPDATE ambassadors SET job_title = :j WHERE id = :id", use(a.job_title), use(id);
      if (!a.domain.empty()) sql << "UPDATE ambassadors SET domain = :d WHERE id = :id", use(a.domain), use(id);
    }
    out.token = new_token();
    std::string hash = http::token_hash(out.token);
    long long expires = now + kInvitationSeconds;
    sql << "UPDATE ambassadors SET status = 'invited', invite_token_hash = :h, invite_expires_at = :x, "
           "updated_at = :now WHERE id = :id",
        use(hash), use(expires), use(now), use(id);
    audit_member(sql, territory_id, by, "invite", id, email);
    out.ambassador_id = id;
    return done(id);
  });
  if (!out.result.ok()) out.token.clear();
  return out;
}

WriteResult decline_application(Store& s, long long territory_id, long long ambassador_id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto a = load(sql, territory_id, ambassador_id, true);
    if (!a || a->status != "applicant") return failed(WriteResult::Status::not_found);
    long long now = now_unix();
    // Nothing of the application is kept: not even who she was.
    sql << "UPDATE ambassadors SET status = 'declined', first_name = '', last_name = '', email = '', phone = '', "
           "job_title = '', rome_code = '', rome_ogr = '', domain = '', employer_name = '', motivation = '', "
           "unsubscribe_token = '', updated_at = :now WHERE id = :id",
        use(now), use(ambassador_id);
    sql << "UPDATE audit_log SET detail = '', user_label = CASE WHEN user_id IS NULL THEN '' ELSE user_label END "
           "WHERE entity = 'ambassador' AND entity_id = :id",
        use(ambassador_id);
    audit_member(sql, territory_id, by, "decline", ambassador_id, "");
    return done(ambassador_id);
  });
}

std::optional<domain::Ambassador> ambassador_by_invite(Store& s, const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  std::string hash = http::token_hash(token);
  std::string now = std::to_string(now_unix());
  return s.read([&](soci::session& sql) {
    return one_where(sql, "WHERE a.invite_token_hash = :p1 AND a.status = 'invited' AND a.invite_expires_at > " + now,
                     {hash});
  });
}

WriteResult accept_invitation(Store& s, const std::string& token, const std::string& password_hash, long long now) {
  if (token.empty() || token.size() > 100) return failed(WriteResult::Status::not_found);
  std::string hash = http::token_hash(token);
  WriteResult result = s.write([&](soci::session& sql) {
    long long id = 0, territory_id = 0, expires = 0;
    std::string status, email, first, last;
    sql << "SELECT id, territory_id, status, email, first_name, last_name, invite_expires_at FROM ambassadors "
           "WHERE invite_token_hash = :h" +
               for_update(sql),
        use(hash), into(id), into(territory_id), into(status), into(email), into(first), into(last), into(expires);
    if (!sql.got_data() || status != "invited" || expires <= now) return failed(WriteResult::Status::not_found);
    long long user_id = 0, user_territory = 0;
    std::string role;
    soci::indicator ti = soci::i_ok;
    sql << "SELECT id, role, territory_id FROM users WHERE email = :e", use(email), into(user_id), into(role),
        into(user_territory, ti);
    if (sql.got_data()) {
      if (role != "ambassador" || ti == soci::i_null || user_territory != territory_id)
        return failed(WriteResult::Status::conflict,
                      email_taken("Un compte existe déjà avec cette adresse e-mail : demandez à la coordinatrice "
                                  "de vous inviter avec une autre adresse."));
    } else {
      std::string name = domain::trim(first + " " + last);
      sql << "INSERT INTO users (email, display_name, password_hash, role, territory_id, active, created_at) VALUES "
             "(:e, :n, :h, 'ambassador', :t, 1, :now) RETURNING id",
          use(email), use(name), use(password_hash), use(territory_id), use(now), into(user_id);
    }
    sql << "UPDATE ambassadors SET user_id = :u, status = 'active', joined_at = :j, charter_accepted_at = :c, "
           "invite_token_hash = '', invite_expires_at = 0, updated_at = :now WHERE id = :id",
        use(user_id), use(now), use(now), use(now), use(id);
    audit(sql, territory_id, user_id, email, "join", "ambassador", id, "");
    return done(user_id);
  });
  return result;
}

// ---- profiles -----------------------------------------------------------------------------------------------

WriteResult update_ambassador(Store& s, const domain::Ambassador& in, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto before = load(sql, in.territory_id, in.id, true);
    if (!before || before->status == "left" || before->status == "declined")
      return failed(WriteResult::Status::not_found);
    domain::Ambassador a = in;
    // With an account, her e-mail is the account's (changed on /profil, never here).
    a.email = before->user_id ? before->email : normal_email(in.email);
    if (a.email != before->email && holder_of(sql, a.territory_id, a.email, a.id))
      return failed(WriteResult::Status::conflict,
                    email_taken("Cette adresse e-mail est déjà celle d’une autre membre ou candidate."));
    if (a.employer_organisation_id) {
      if (!in_territory(sql, "organisations", a.territory_id, a.employer_organisation_id))
        return failed(WriteResult::Status::invalid,
                      {{"employer", "Choisissez une organisation de l’annuaire du territoire."}});
      if (a.employer_name.empty())
        sql << "SELECT name FROM organisations WHERE id = :id", use(a.employer_organisation_id), into(a.employer_name);
    }
    long long now = now_unix();
    write_profile(sql, a, now);

    // A consent she withdraws leaves her portraits at once: their consents become the intersection with hers.
    bool withdrawn = std::any_of(before->consents.begin(), before->consents.end(),
                                 [&](const std::string& c) { return !a.consents_to(c); });
    if (withdrawn) {
      std::vector<std::pair<long long, std::string>> portraits;
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT id, consents FROM portraits WHERE ambassador_id = :a", use(a.id));
      for (const auto& r : rs) portraits.emplace_back(col_ll(r, 0), col_str(r, 1));
      for (const auto& [pid, consents] : portraits) {
        std::vector<std::string> kept;
        for (const auto& c : domain::split_list(consents))
          if (a.consents_to(c)) kept.push_back(c);
        std::string joined = domain::join(kept);
        sql << "UPDATE portraits SET consents = :c, updated_at = :now WHERE id = :id", use(joined), use(now), use(pid);
        refresh_portrait_search_in(sql, pid);
      }
    }
    domain::ChangedFields changed;
    changed.add("consentements", before->consents != a.consents);
    changed.add("disponibilités", before->weekly != a.weekly || before->days_off != a.days_off ||
                                      before->max_per_month != a.max_per_month);
    audit_member(sql, a.territory_id, by, "update", a.id, changed.text());
    return done(a.id);
  });
}

std::optional<domain::Ambassador> ambassador_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load(sql, territory_id, id, false); });
}

std::optional<domain::Ambassador> ambassador_of_user(Store& s, long long user_id) {
  if (user_id <= 0) return std::nullopt;
  return s.read([&](soci::session& sql) {
    return one_where(sql, "WHERE a.user_id = :p1 ORDER BY a.id DESC", {std::to_string(user_id)});
  });
}

Page<domain::Ambassador> ambassadors_matching(Store& s, const AmbassadorFilter& f) {
  Page<domain::Ambassador> out;
  out.per_page = std::clamp(f.per_page, 1, kMaxPerPage);
  out.page = std::clamp(f.page, 1, 1000000);
  if (!domain::valid_utf8(f.query)) return out;
  // A territory has a few hundred members at most: the words are matched in memory over folded text.
  std::string where = "WHERE a.territory_id = :p1";
  std::vector<std::string> params{std::to_string(f.territory_id)};
  if (f.status.empty()) {
    where += " AND a.status IN ('applicant', 'invited', 'active')";
  } else {
    where += " AND a.status = :p2";
    params.push_back(f.status);
  }
  if (!f.domain.empty()) {
    where += " AND a.domain = :p3";
    params.push_back(f.domain);
  }
  auto words = domain::split_list(domain::fold(f.query), ' ');
  std::vector<domain::Ambassador> all = s.read([&](soci::session& sql) { return select_where(sql, where, params); });
  std::vector<std::pair<std::string, domain::Ambassador>> kept;
  for (auto& a : all) {
    std::string text =
        domain::fold(a.first_name + " " + a.last_name + " " + a.email + " " + a.job_title + " " + a.employer_name);
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return text.find(w) != std::string::npos; }))
      kept.emplace_back(domain::fold(a.last_name + " " + a.first_name), std::move(a));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  out.total = static_cast<long long>(kept.size());
  std::size_t from = static_cast<std::size_t>(out.page - 1) * static_cast<std::size_t>(out.per_page);
  for (std::size_t i = from; i < kept.size() && i < from + static_cast<std::size_t>(out.per_page); ++i)
    out.rows.push_back(std::move(kept[i].second));
  s.read([&](soci::session& sql) { load_details(sql, out.rows); });
  return out;
}

// ---- leaving ------------------------------------------------------------------------------------------------

WriteResult erase_ambassador(Store& s, long long territory_id, long long ambassador_id, const Author& by) {
  WriteResult result = s.write([&](soci::session& sql) {
    auto a = load(sql, territory_id, ambassador_id, true);
    if (!a || a->status == "left" || a->status == "declined") return failed(WriteResult::Status::not_found);
    long long now = now_unix();
    const std::string former = kFormerMember;
    // The audit log keeps what happened, not who she was: the details of her row and of her portraits are
    // blanked, her name and e-mail replaced wherever another entry quotes them (a network's members…).
    std::vector<long long> portraits;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT id FROM portraits WHERE ambassador_id = :a", use(ambassador_id));
    for (const auto& r : rs) portraits.push_back(col_ll(r, 0));
    for (long long pid : portraits)
      sql << "UPDATE audit_log SET detail = '' WHERE territory_id = :t AND entity = 'portrait' AND entity_id = :id",
          use(territory_id), use(pid);
    sql << "UPDATE audit_log SET detail = '' WHERE entity = 'ambassador' AND entity_id = :id", use(ambassador_id);
    for (const std::string& personal : {a->full_name(), a->email}) {
      if (domain::trim(personal).empty()) continue;
      std::string pattern = like_pattern(personal);
      sql << "UPDATE audit_log SET detail = REPLACE(detail, :p, :f) WHERE territory_id = :t AND detail LIKE :l "
             "ESCAPE '\\'",
          use(personal), use(former), use(territory_id), use(pattern);
      sql << "UPDATE audit_log SET user_label = :f WHERE territory_id = :t AND user_label = :p", use(former),
          use(territory_id), use(personal);
    }
    delete_portraits_of_ambassador_in(sql, ambassador_id);
    sql << "DELETE FROM network_members WHERE ambassador_id = :a", use(ambassador_id);
    if (a->user_id) {
      // What she wrote stays (kit pages, actions), signed by nobody; then the account goes, with its sessions,
      // tokens and action_ambassadors rows (the actions and their counts do not depend on those).
      long long u = a->user_id;
      sql << "UPDATE audit_log SET user_label = :l WHERE user_id = :u", use(former), use(u);
      sql << "UPDATE kit_pages SET updated_by_label = :l WHERE updated_by = :u", use(former), use(u);
      sql << "UPDATE kit_revisions SET user_label = :l WHERE user_id = :u", use(former), use(u);
      sql << "UPDATE kit_resources SET created_by_label = :l WHERE created_by = :u", use(former), use(u);
      sql << "DELETE FROM users WHERE id = :u", use(u);
    }
    sql << "DELETE FROM ambassador_steps WHERE ambassador_id = :a", use(ambassador_id);
    sql << "DELETE FROM ambassador_days_off WHERE ambassador_id = :a", use(ambassador_id);
    sql << "DELETE FROM digest_sends WHERE ambassador_id = :a", use(ambassador_id);
    sql << "UPDATE ambassadors SET user_id = NULL, status = 'left', first_name = '', last_name = '', email = '', "
           "phone = '', job_title = '', rome_code = '', rome_ogr = '', domain = '', employer_organisation_id = NULL, "
           "employer_name = '', languages = '', home_commune_insee = '', max_km = 0, weekly = '', max_per_month = 0, "
           "offers = '', charter_accepted_at = 0, consents = '', motivation = '', invite_token_hash = '', "
           "invite_expires_at = 0, digest = 0, unsubscribe_token = '', joined_at = 0, updated_at = :now WHERE id = :id",
        use(now), use(ambassador_id);
    // By herself: her account is gone, the entry must not name her.
    bool herself = a->user_id && by.user_id == a->user_id;
    audit(sql, territory_id, herself ? 0 : by.user_id, herself ? kFormerMember : by.label, "erase", "ambassador",
          ambassador_id, "");
    return done(ambassador_id);
  });
  if (result.ok()) s.bump_auth_generation();  // her sessions are gone: no cache may keep them
  return result;
}

bool unsubscribe_digest(Store& s, const std::string& unsubscribe_token) {
  if (unsubscribe_token.empty() || unsubscribe_token.size() > 100) return false;
  return s.write([&](soci::session& sql) {
    long long id = 0;
    sql << "SELECT id FROM ambassadors WHERE unsubscribe_token = :t AND status <> 'left'", use(unsubscribe_token),
        into(id);
    if (!sql.got_data()) return false;
    long long now = now_unix();
    sql << "UPDATE ambassadors SET digest = 0, updated_at = :now WHERE id = :id", use(now), use(id);
    return true;
  });
}

bool digest_token_known(Store& s, const std::string& unsubscribe_token) {
  if (unsubscribe_token.empty() || unsubscribe_token.size() > 100) return false;
  return s.read([&](soci::session& sql) {
    long long id = 0;
    sql << "SELECT id FROM ambassadors WHERE unsubscribe_token = :t AND status <> 'left'", use(unsubscribe_token),
        into(id);
    return sql.got_data();
  });
}

// ---- animation ----------------------------------------------------------------------------------------------

CollectiveOverview collective_overview(Store& s, long long territory_id, std::string_view today_in) {
  CollectiveOverview o;
  std::string today(today_in);
  if (!domain::valid_day(today)) return o;
  o.term_start = domain::school_term_start(today);
  std::string since90 = domain::add_days(today, -90), since60 = domain::add_days(today, -60);
  std::string t = std::to_string(territory_id);
  s.read([&](soci::session& sql) {
    auto members = select_where(sql,
                                "WHERE a.territory_id = :p1 AND a.status IN ('active', 'invited', 'applicant') "
                                "ORDER BY a.created_at, a.id",
                                {t});
    // Her actions (declared or validated, up to today) through action_ambassadors: last day, last 90 days, term.
    struct Load {
      std::string last;
      int recent = 0, term = 0;
    };
    std::map<long long, Load> by_user;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT x.user_id, MAX(a.starts_on), SUM(CASE WHEN a.starts_on >= :s90 THEN 1 ELSE 0 END), "
                        "SUM(CASE WHEN a.starts_on >= :term THEN 1 ELSE 0 END) FROM action_ambassadors x JOIN actions "
                        "a ON a.id = x.action_id WHERE a.territory_id = :t AND a.status IN ('declared', 'validated') "
                        "AND a.starts_on <= :today GROUP BY x.user_id",
         use(since90), use(o.term_start), use(territory_id), use(today));
    for (const auto& r : rs) by_user[col_ll(r, 0)] = {col_str(r, 1), col_int(r, 2), col_int(r, 3)};
    for (auto& a : members) {
      if (a.status == "applicant") {
        o.applicants.push_back(a);
        continue;
      }
      MemberActivity m;
      m.ambassador = a;
      if (auto it = by_user.find(a.user_id); a.user_id && it != by_user.end()) {
        m.last_action_day = it->second.last;
        m.actions_90_days = it->second.recent;
        m.actions_this_term = it->second.term;
      }
      bool recent_join = a.status == "invited" || (a.joined_at && domain::paris_day(a.joined_at) >= since60);
      if (recent_join) o.newcomers.push_back(m);
      if (a.status != "active") continue;
      (m.actions_90_days > 0 ? o.active : o.dormant).push_back(std::move(m));
    }
  });
  std::stable_sort(o.active.begin(), o.active.end(), [](const MemberActivity& x, const MemberActivity& y) {
    return std::tie(y.actions_this_term, y.actions_90_days) < std::tie(x.actions_this_term, x.actions_90_days);
  });
  // Never active ('') first, then the oldest last action.
  std::stable_sort(o.dormant.begin(), o.dormant.end(), [](const MemberActivity& x, const MemberActivity& y) {
    return x.last_action_day < y.last_action_day;
  });
  return o;
}

// ---- monthly digest -----------------------------------------------------------------------------------------

std::vector<DigestRecipient> digest_recipients(Store& s, const std::string& month) {
  return s.read([&](soci::session& sql) {
    std::vector<DigestRecipient> out;
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT a.id, a.territory_id, a.first_name, a.email, a.unsubscribe_token FROM ambassadors a "
                        "WHERE a.status = 'active' AND a.digest = 1 AND a.email <> '' AND NOT EXISTS (SELECT 1 FROM "
                        "digest_sends d WHERE d.ambassador_id = a.id AND d.month = :m) ORDER BY a.territory_id, a.id",
         use(month));
    for (const auto& r : rs) out.push_back({col_ll(r, 0), col_ll(r, 1), col_str(r, 2), col_str(r, 3), col_str(r, 4)});
    return out;
  });
}

bool claim_digest(Store& s, long long ambassador_id, const std::string& month, long long now) {
  return s.write([&](soci::session& sql) {
    soci::statement st = (sql.prepare << "INSERT INTO digest_sends (ambassador_id, month, sent_at) VALUES (:a, :m, :n) "
                                         "ON CONFLICT (ambassador_id, month) DO NOTHING",
                          use(ambassador_id), use(month), use(now));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

// ---- communes -----------------------------------------------------------------------------------------------

namespace {

const char* kCommuneColumns =
    "SELECT c.insee, c.name, COALESCE((SELECT MIN(p.postal_code) FROM postal_codes p WHERE p.insee = c.insee), '') "
    "FROM communes c ";

std::vector<CommuneChoice> communes_where(soci::session& sql, const std::string& where,
                                          const std::vector<std::string>& params) {
  std::vector<CommuneChoice> out;
  for_each_row(sql, std::string(kCommuneColumns) + where, params, [&](const soci::row& r) {
    out.push_back({col_str(r, 0), col_str(r, 1), col_str(r, 2)});
  });
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_insee(const std::string& s) {
  // 5 characters: digits, or 2A/2B followed by 3 digits (Corsica).
  if (s.size() != 5) return false;
  if (all_digits(s)) return true;
  return s[0] == '2' && (s[1] == 'A' || s[1] == 'B' || s[1] == 'a' || s[1] == 'b') && all_digits(s.substr(2));
}

}  // namespace

std::vector<CommuneChoice> communes_matching(Store& s, const std::string& query_in, int limit) {
  std::string q = domain::trim(query_in);
  if (!domain::valid_utf8(q) || domain::utf8_length(q) < 2 || q.size() > 200) return {};
  limit = std::clamp(limit, 1, 50);
  std::string tail = " ORDER BY c.population DESC, c.name LIMIT " + std::to_string(limit);
  return s.read([&](soci::session& sql) {
    if (all_digits(q) && q.size() <= 5)
      return communes_where(sql,
                            "WHERE c.insee LIKE :p1 OR c.insee IN (SELECT p.insee FROM postal_codes p WHERE "
                            "p.postal_code LIKE :p2)" +
                                tail,
                            {q + "%", q + "%"});
    std::vector<std::string> params;
    std::string where = like_all_words("c.search", q, params);
    if (where.empty()) return std::vector<CommuneChoice>{};
    return communes_where(sql, "WHERE 1 = 1" + where + tail, params);
  });
}

std::optional<CommuneChoice> commune_from_input(Store& s, const std::string& text, bool& ambiguous) {
  ambiguous = false;
  std::string t = domain::trim(text);
  // « 25056 — Besançon (25000) » as the list offers it: the code comes first.
  std::string code = t.substr(0, std::min<std::size_t>(t.find(' '), t.size()));
  if (!is_insee(code)) return std::nullopt;
  for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s.read([&](soci::session& sql) -> std::optional<CommuneChoice> {
    auto v = communes_where(sql, "WHERE c.insee = :p1", {code});
    if (!v.empty()) return v.front();
    v = communes_where(sql,
                       "WHERE c.insee IN (SELECT p.insee FROM postal_codes p WHERE p.postal_code = :p1) "
                       "ORDER BY c.population DESC",
                       {code});
    if (v.size() == 1) return v.front();
    ambiguous = v.size() > 1;
    return std::nullopt;
  });
}

}  // namespace passerelles::store
