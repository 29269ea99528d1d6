// SQL for events and registrations. Every write that counts places locks the event row first (SELECT … FOR
// UPDATE on PostgreSQL; SQLite writers are serialised by Store::write), so concurrent bookings of the last
// places are decided one after the other and the capacity is never exceeded.
#include "store/events.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "domain/account.hpp"
#include "domain/plan.hpp"
#include "domain/survey.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/query.hpp"
#include "store/row.hpp"
#include "store/write_support.hpp"

namespace passerelles::store {

using namespace detail;  // failed, done, for_update… (store/write_support.hpp)
using soci::into;
using soci::use;

namespace {

constexpr const char* kPublicStatuses = "('published', 'closed', 'done', 'cancelled')";
constexpr int kMaxAttendanceCount = 1000;

const char* const kEventColumns =
    "SELECT e.id, e.territory_id, t.slug, t.name, COALESCE(e.organisation_id, 0), COALESCE(o.name, ''), e.kind, "
    "e.title, e.description, e.starts_on, e.start_time, e.ends_on, e.end_time, e.place, e.address, "
    "e.commune_insee, COALESCE(c.name, ''), e.department, e.online_url, e.audiences, e.capacity, e.min_age, "
    "e.accessibility, e.safety_rules, COALESCE(e.initiative_id, 0), COALESCE(i.name, ''), e.status, "
    "e.cancel_reason, e.checkin_token, COALESCE(e.action_id, 0), COALESCE(e.created_by, 0), e.created_at, "
    "e.updated_at, "
    "(SELECT COALESCE(SUM(r.places), 0) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'booked'), "
    "(SELECT COUNT(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') "
    "FROM events e JOIN territories t ON t.id = e.territory_id "
    "LEFT JOIN organisations o ON o.id = e.organisation_id "
    "LEFT JOIN communes c ON c.insee = e.commune_insee "
    "LEFT JOIN initiatives i ON i.id = e.initiative_id ";

domain::Event event_from_row(const soci::row& r) {
  domain::Event e;
  std::size_t i = 0;
  e.id = col_ll(r, i++);
  e.territory_id = col_ll(r, i++);
  e.territory_slug = col_str(r, i++);
  e.territory_name = col_str(r, i++);
  e.organisation_id = col_ll(r, i++);
  e.organisation_name = col_str(r, i++);
  e.kind = col_str(r, i++);
  e.title = col_str(r, i++);
  e.description = col_str(r, i++);
  e.starts_on = col_str(r, i++);
  e.start_time = col_str(r, i++);
  e.ends_on = col_str(r, i++);
  e.end_time = col_str(r, i++);
  e.place = col_str(r, i++);
  e.address = col_str(r, i++);
  e.commune_insee = col_str(r, i++);
  e.commune_name = col_str(r, i++);
  e.department = col_str(r, i++);
  e.online_url = col_str(r, i++);
  e.audiences = domain::split_list(col_str(r, i++));
  e.capacity = col_int(r, i++);
  e.min_age = col_int(r, i++);
  e.accessibility = col_str(r, i++);
  e.safety_rules = col_str(r, i++);
  e.initiative_id = col_ll(r, i++);
  e.initiative_name = col_str(r, i++);
  e.status = col_str(r, i++);
  e.cancel_reason = col_str(r, i++);
  e.checkin_token = col_str(r, i++);
  e.action_id = col_ll(r, i++);
  e.created_by = col_ll(r, i++);
  e.created_at = col_ll(r, i++);
  e.updated_at = col_ll(r, i++);
  e.places_taken = col_int(r, i++);
  e.waitlisted = col_int(r, i++);
  return e;
}

void load_ambassadors(soci::session& sql, std::vector<domain::Event>& events) {
  if (events.empty()) return;
  std::map<long long, std::size_t> at;
  std::string ids;
  for (std::size_t k = 0; k < events.size(); ++k) {
    at[events[k].id] = k;
    ids += (ids.empty() ? "" : ",") + std::to_string(events[k].id);
  }
  for_each_row(sql,
               "SELECT ea.event_id, u.id, u.display_name, u.email FROM event_ambassadors ea JOIN users u ON u.id = "
               "ea.user_id WHERE ea.event_id IN (" +
                   ids + ") ORDER BY u.display_name, u.id",
               {}, [&](const soci::row& r) {
                 auto& e = events[at.at(col_ll(r, 0))];
                 e.ambassador_ids.push_back(col_ll(r, 1));
                 std::string name = col_str(r, 2);
                 e.ambassador_names.push_back(name.empty() ? col_str(r, 3) : name);
               });
}

std::vector<domain::Event> select_events(soci::session& sql, const std::string& where_and_order,
                                         const std::vector<std::string>& params) {
  std::vector<domain::Event> out;
  for_each_row(sql, std::string(kEventColumns) + where_and_order, params,
               [&](const soci::row& r) { out.push_back(event_from_row(r)); });
  load_ambassadors(sql, out);
  return out;
}

// territory_id 0: any territory.
std::optional<domain::Event> load_event(soci::session& sql, long long territory_id, long long id) {
  std::string where = "WHERE e.id = " + std::to_string(id);
  if (territory_id != 0) where += " AND e.territory_id = " + std::to_string(territory_id);
  auto v = select_events(sql, where, {});
  if (v.empty()) return std::nullopt;
  return v.front();
}

struct Head {
  long long territory_id = 0;
  std::string status, starts_on, ends_on;
  int capacity = 0;
};

// Locks the event row against concurrent writers (PostgreSQL; SQLite writers are already serialised).
std::optional<Head> lock_event(soci::session& sql, long long territory_id, long long id) {
  soci::row r;
  std::string q = "SELECT territory_id, status, starts_on, ends_on, capacity FROM events WHERE id = :id";
  if (territory_id != 0) q += " AND territory_id = " + std::to_string(territory_id);
  sql << q + for_update(sql), use(id), into(r);
  if (!sql.got_data()) return std::nullopt;
  Head h;
  h.territory_id = col_ll(r, 0);
  h.status = col_str(r, 1);
  h.starts_on = col_str(r, 2);
  h.ends_on = col_str(r, 3);
  h.capacity = col_int(r, 4);
  return h;
}

int places_taken(soci::session& sql, long long event_id) {
  long long n = 0;
  sql << "SELECT COALESCE(SUM(places), 0) FROM event_registrations WHERE event_id = :e AND status = 'booked'",
      use(event_id), into(n);
  return static_cast<int>(n);
}

const char* const kRegistrationColumns =
    "SELECT r.id, r.event_id, r.kind, r.status, r.places, r.token, r.code, r.confirmed_at, r.contact_name, r.email, "
    "r.phone, COALESCE(r.school_id, 0), COALESCE(s.name, ''), COALESCE(s.commune_name, ''), r.organisation, "
    "r.class_level, r.girls, r.boys, r.adults, r.people, r.category, r.needs, r.attended, r.attended_girls, "
    "r.attended_boys, r.attended_adults, r.attended_people, r.cancel_reason, r.reminded_at, r.promoted_at, "
    "r.anonymised, r.created_at, r.updated_at FROM event_registrations r LEFT JOIN schools s ON s.id = r.school_id ";

domain::Registration registration_from_row(const soci::row& row) {
  domain::Registration r;
  std::size_t i = 0;
  r.id = col_ll(row, i++);
  r.event_id = col_ll(row, i++);
  r.kind = col_str(row, i++);
  r.status = col_str(row, i++);
  r.places = col_int(row, i++);
  r.token = col_str(row, i++);
  r.code = col_str(row, i++);
  r.confirmed_at = col_ll(row, i++);
  r.contact_name = col_str(row, i++);
  r.email = col_str(row, i++);
  r.phone = col_str(row, i++);
  r.school_id = col_ll(row, i++);
  r.school_name = col_str(row, i++);
  std::string commune = col_str(row, i++);
  if (!r.school_name.empty() && !commune.empty()) r.school_name += " (" + commune + ")";
  r.organisation = col_str(row, i++);
  r.class_level = col_str(row, i++);
  r.girls = col_int(row, i++);
  r.boys = col_int(row, i++);
  r.adults = col_int(row, i++);
  r.people = col_int(row, i++);
  r.category = col_str(row, i++);
  r.needs = col_str(row, i++);
  r.attended = col_int(row, i++) != 0;
  r.attended_girls = col_int(row, i++);
  r.attended_boys = col_int(row, i++);
  r.attended_adults = col_int(row, i++);
  r.attended_people = col_int(row, i++);
  r.cancel_reason = col_str(row, i++);
  r.reminded_at = col_ll(row, i++);
  r.promoted_at = col_ll(row, i++);
  r.anonymised = col_int(row, i++) != 0;
  r.created_at = col_ll(row, i++);
  r.updated_at = col_ll(row, i++);
  return r;
}

std::vector<domain::Registration> select_registrations(soci::session& sql, const std::string& where_and_order,
                                                       const std::vector<std::string>& params) {
  std::vector<domain::Registration> out;
  for_each_row(sql, std::string(kRegistrationColumns) + where_and_order, params,
               [&](const soci::row& r) { out.push_back(registration_from_row(r)); });
  return out;
}

std::optional<domain::Registration> registration_where(soci::session& sql, const std::string& where,
                                                       const std::vector<std::string>& params) {
  auto v = select_registrations(sql, where, params);
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::string new_private_token() {
  unsigned char bytes[24];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string new_checkin_token(soci::session& sql) {
  for (;;) {
    std::string t = domain::new_survey_token();
    long long n = 0;
    sql << "SELECT COUNT(*) FROM events WHERE checkin_token = :t", use(t), into(n);
    if (n == 0) return t;
  }
}

std::string new_code(soci::session& sql, long long event_id) {
  for (;;) {
    std::string c = domain::new_survey_token();
    long long n = 0;
    sql << "SELECT COUNT(*) FROM event_registrations WHERE event_id = :e AND code = :c", use(event_id), use(c), into(n);
    if (n == 0) return c;
  }
}

// Moves the waiting list up, in order: each waitlisted booking that fits in the places left gets them.
std::vector<domain::Registration> promote_waitlist(soci::session& sql, long long event_id, const Head& h,
                                                   long long now) {
  std::vector<domain::Registration> promoted;
  if (h.status != "published" && h.status != "closed") return promoted;
  int taken = places_taken(sql, event_id);
  auto waiting = select_registrations(
      sql, "WHERE r.event_id = " + std::to_string(event_id) + " AND r.status = 'waitlisted' ORDER BY r.id", {});
  for (auto& r : waiting) {
    if (h.capacity != 0 && taken + r.places > h.capacity) continue;
    sql << "UPDATE event_registrations SET status = 'booked', promoted_at = :now, updated_at = :u WHERE id = :id",
        use(now), use(now), use(r.id);
    taken += r.places;
    r.status = "booked";
    r.promoted_at = now;
    promoted.push_back(r);
  }
  return promoted;
}

// Field errors for ids that are not of the event's territory; fills the department from the commune.
domain::Errors check_event_references(soci::session& sql, domain::Event& e) {
  domain::Errors errors;
  const long long t = e.territory_id;
  if (!in_territory(sql, "organisations", t, e.organisation_id))
    errors["organisation_id"] = "Cette organisation n’est pas dans l’annuaire du territoire.";
  if (!in_territory(sql, "initiatives", t, e.initiative_id))
    errors["initiative_id"] = "Cette initiative n’est pas dans le plan d’action du territoire.";
  std::sort(e.ambassador_ids.begin(), e.ambassador_ids.end());
  e.ambassador_ids.erase(std::unique(e.ambassador_ids.begin(), e.ambassador_ids.end()), e.ambassador_ids.end());
  if (!all_in_territory(sql, "users", t, e.ambassador_ids))
    errors["ambassador_ids"] = "Une des ambassadrices choisies n’est pas membre du territoire.";
  e.department.clear();
  if (!e.commune_insee.empty()) {
    std::string dep;
    sql << "SELECT department FROM communes WHERE insee = :c", use(e.commune_insee), into(dep);
    if (!sql.got_data())
      errors["commune_insee"] = "Cette commune est inconnue : choisissez-la dans la liste (code INSEE).";
    else
      e.department = domain::department_code3(dep);
  }
  return errors;
}

void write_event_fields(soci::session& sql, const domain::Event& e, long long now) {
  std::string audiences = domain::join(e.audiences);
  std::string search = domain::fold(e.title + " " + e.place + " " + e.address + " " + e.description.substr(0, 300));
  long long org = e.organisation_id, initiative = e.initiative_id;
  soci::indicator org_i = null_if_zero(org), initiative_i = null_if_zero(initiative);
  sql << "UPDATE events SET organisation_id = :o, kind = :k, title = :ti, description = :d, starts_on = :s, "
         "start_time = :st, ends_on = :en, end_time = :et, place = :p, address = :a, commune_insee = :c, "
         "department = :dep, online_url = :url, audiences = :au, capacity = :cap, min_age = :age, "
         "accessibility = :acc, safety_rules = :sr, initiative_id = :i, search = :se, updated_at = :u WHERE id = :id",
      use(org, org_i), use(e.kind), use(e.title), use(e.description), use(e.starts_on), use(e.start_time),
      use(e.ends_on), use(e.end_time), use(e.place), use(e.address), use(e.commune_insee), use(e.department),
      use(e.online_url), use(audiences), use(e.capacity), use(e.min_age), use(e.accessibility), use(e.safety_rules),
      use(initiative, initiative_i), use(search), use(now), use(e.id);
  sql << "DELETE FROM event_ambassadors WHERE event_id = :e", use(e.id);
  for (long long u : e.ambassador_ids)
    sql << "INSERT INTO event_ambassadors (event_id, user_id) VALUES (:e, :u)", use(e.id), use(u);
}

int minutes_of(const std::string& hh_mm) {
  return std::stoi(hh_mm.substr(0, 2)) * 60 + std::stoi(hh_mm.substr(3, 2));
}

std::string org_role_of(const std::string& organisation_kind) {
  if (organisation_kind == "company") return "company";
  if (organisation_kind == "lab") return "lab";
  if (organisation_kind == "school") return "school";
  return "other";
}

// Writes the event's action from what came: created on the first record, updated afterwards.
WriteResult sync_action(soci::session& sql, const domain::Event& e, const Author& by, bool validate) {
  domain::Action a;
  std::optional<domain::Action> existing;
  if (e.action_id != 0) existing = load_action_in(sql, e.territory_id, e.action_id);
  if (existing) a = *existing;
  a.territory_id = e.territory_id;
  a.kind = std::string(domain::action_kind_of_event(e.kind));
  if (!existing) {
    a.title = e.title;
    a.notes = "Présences de l’événement n° " + std::to_string(e.id) + ".";
    a.status = validate ? "validated" : "declared";
  }
  a.starts_on = e.starts_on;
  a.duration_minutes = 0;
  if (e.starts_on == e.ends_on && domain::is_hh_mm(e.start_time) && domain::is_hh_mm(e.end_time))
    a.duration_minutes = std::max(0, minutes_of(e.end_time) - minutes_of(e.start_time));
  a.place = e.online() && e.place.empty() ? "En ligne" : e.place;
  a.commune_insee = e.commune_insee;
  a.initiative_id = e.initiative_id;
  a.ambassador_ids = e.ambassador_ids;
  a.organisations.clear();
  if (e.organisation_id != 0) {
    std::string kind;
    sql << "SELECT kind FROM organisations WHERE id = :o", use(e.organisation_id), into(kind);
    a.organisations.push_back({e.organisation_id, org_role_of(kind), ""});
  }
  a.audience = {};
  a.classes.clear();
  a.school_ids.clear();
  const std::vector<std::string> departments = territory_departments(sql, e.territory_id);
  auto index_of = [](std::string_view code) {
    const auto& cats = domain::audience_categories();
    for (std::size_t k = 0; k < cats.size(); ++k)
      if (cats[k].code == code) return k;
    return std::size_t{2};  // women_reconversion
  };
  std::set<std::string> levels;
  auto came = select_registrations(
      sql,
      "WHERE r.event_id = " + std::to_string(e.id) + " AND r.attended = 1 AND r.status <> 'cancelled' ORDER BY r.id",
      {});
  for (const auto& r : came) {
    if (r.kind == "class") {
      a.audience[index_of("girls")] += r.attended_girls;
      a.audience[index_of("boys")] += r.attended_boys;
      a.audience[index_of("teachers")] += r.attended_adults;
      if (!r.class_level.empty() && levels.insert(r.class_level).second) a.classes.push_back({r.class_level, ""});
      if (r.school_id != 0) {
        std::string dep;
        sql << "SELECT department FROM schools WHERE id = :s", use(r.school_id), into(dep);
        if (std::find(departments.begin(), departments.end(), dep) != departments.end() &&
            std::find(a.school_ids.begin(), a.school_ids.end(), r.school_id) == a.school_ids.end())
          a.school_ids.push_back(r.school_id);
      }
    } else {
      a.audience[index_of(r.category.empty() ? "women_reconversion" : r.category)] += r.attended_people;
      if (r.kind == "prescriber") a.audience[index_of("prescribers")] += 1;
    }
  }
  WriteResult w = existing ? update_action_in(sql, a, by) : insert_action_in(sql, a, by);
  if (w.ok() && !existing) sql << "UPDATE events SET action_id = :a WHERE id = :e", use(w.id), use(e.id);
  return w;
}

std::string today_paris() {
  return domain::paris_day(now_unix());
}

domain::Errors count_errors(const AttendanceMark& m, const std::string& kind) {
  domain::Errors e;
  auto check = [&](const char* field, int v) {
    if (v < 0 || v > kMaxAttendanceCount)
      e[field] = "Indiquez un nombre entier entre 0 et " + std::to_string(kMaxAttendanceCount) + ".";
  };
  if (kind == "class") {
    check("girls", m.girls);
    check("boys", m.boys);
    check("adults", m.adults);
  } else {
    check("people", m.people);
  }
  return e;
}

void apply_mark(soci::session& sql, const domain::Registration& r, const AttendanceMark& m, long long now) {
  int attended = m.attended ? 1 : 0;
  int girls = m.attended && r.kind == "class" ? m.girls : 0;
  int boys = m.attended && r.kind == "class" ? m.boys : 0;
  int adults = m.attended && r.kind == "class" ? m.adults : 0;
  int people = m.attended && r.kind != "class" ? m.people : 0;
  sql << "UPDATE event_registrations SET attended = :a, attended_girls = :g, attended_boys = :b, attended_adults = "
         ":ad, attended_people = :p, updated_at = :u WHERE id = :id",
      use(attended), use(girls), use(boys), use(adults), use(people), use(now), use(r.id);
}

std::vector<RegistrationView> with_events(soci::session& sql, const std::vector<domain::Registration>& regs) {
  std::vector<RegistrationView> out;
  std::map<long long, domain::Event> cache;
  for (const auto& r : regs) {
    auto it = cache.find(r.event_id);
    if (it == cache.end()) {
      auto e = load_event(sql, 0, r.event_id);
      if (!e) continue;
      it = cache.emplace(r.event_id, *e).first;
    }
    out.push_back({r, it->second});
  }
  return out;
}

std::string closed_message(const Head& h, std::string_view today) {
  if (h.status == "cancelled") return "Cet événement est annulé : il ne prend plus d’inscriptions.";
  if (h.status == "closed") return "Les inscriptions à cet événement sont closes.";
  if (h.status == "done" || h.ends_on < today) return "Cet événement est passé : il ne prend plus d’inscriptions.";
  return "Cet événement ne prend pas d’inscriptions.";
}

std::string places_field(const domain::Registration& r) {
  return r.kind == "class" ? "girls" : "people";
}

}  // namespace

// ---- events -------------------------------------------------------------------------------------------------

WriteResult insert_event(Store& s, const domain::Event& in, const Author& by) {
  if (in.territory_id <= 0) return failed(WriteResult::Status::not_found);
  domain::Event e = in;
  domain::normalise(e);
  if (e.status.empty()) e.status = "draft";
  domain::Errors errors = domain::validate(e, today_paris(), false);
  if (e.status != "draft" && e.status != "published")
    errors["status"] = "Un nouvel événement est un brouillon ou publié.";
  return s.write([&](soci::session& sql) {
    domain::merge_into(errors, check_event_references(sql, e));
    if (!errors.empty()) return failed(WriteResult::Status::invalid, errors);
    long long now = now_unix();
    std::string token = new_checkin_token(sql);
    long long creator = by.user_id;
    soci::indicator creator_i =
        creator != 0 && in_territory(sql, "users", e.territory_id, creator) ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO events (territory_id, kind, title, starts_on, ends_on, status, checkin_token, created_by, "
           "created_at, updated_at) VALUES (:t, :k, :ti, :s, :en, :st, :tok, :by, :c, :u) RETURNING id",
        use(e.territory_id), use(e.kind), use(e.title), use(e.starts_on), use(e.ends_on), use(e.status), use(token),
        use(creator, creator_i), use(now), use(now), into(e.id);
    write_event_fields(sql, e, now);
    audit(sql, e.territory_id, by.user_id, by.label, "create", "event", e.id, e.title);
    return done(e.id);
  });
}

WriteResult update_event(Store& s, const domain::Event& in, const Author& by,
                         std::vector<domain::Registration>* promoted) {
  domain::Event e = in;
  domain::normalise(e);
  domain::Errors errors = domain::validate(e, today_paris(), false);
  return s.write([&](soci::session& sql) {
    auto head = lock_event(sql, e.territory_id, e.id);
    if (!head || e.territory_id == 0) return failed(WriteResult::Status::not_found);
    domain::merge_into(errors, check_event_references(sql, e));
    int taken = places_taken(sql, e.id);
    if (e.capacity != 0 && e.capacity < taken && !errors.count("capacity"))
      errors["capacity"] = std::to_string(taken) +
                           " places sont déjà réservées : la capacité ne peut pas être inférieure (annulez d’abord "
                           "des inscriptions).";
    if (!errors.empty()) return failed(WriteResult::Status::invalid, errors);
    long long now = now_unix();
    write_event_fields(sql, e, now);
    Head h = *head;
    h.capacity = e.capacity;
    h.ends_on = e.ends_on;
    auto moved = promote_waitlist(sql, e.id, h, now);
    if (promoted) *promoted = std::move(moved);
    audit(sql, e.territory_id, by.user_id, by.label, "update", "event", e.id, e.title);
    return done(e.id);
  });
}

WriteResult set_event_status(Store& s, long long territory_id, long long id, const std::string& status,
                             const std::string& reason, const Author& by, std::vector<domain::Registration>* notify) {
  if (domain::event_status_label(status).empty())
    return failed(WriteResult::Status::invalid, {{"status", "Ce statut n’existe pas."}});
  std::string why = domain::trim(reason);
  if (status == "cancelled") {
    domain::Errors e;
    domain::require_text(e, "cancel_reason", why, 1000);
    if (!e.empty()) {
      if (why.empty()) e["cancel_reason"] = "Indiquez le motif de l’annulation : il sera envoyé aux inscrits.";
      return failed(WriteResult::Status::invalid, e);
    }
  }
  return s.write([&](soci::session& sql) {
    auto head = lock_event(sql, territory_id, id);
    if (!head || territory_id == 0) return failed(WriteResult::Status::not_found);
    if (!domain::event_transition_allowed(head->status, status)) {
      std::string msg =
          head->status == status
              ? "L’événement est déjà dans cet état (" + std::string(domain::event_status_label(status)) + ")."
              : "Un événement « " + std::string(domain::event_status_label(head->status)) +
                    " » ne peut pas passer à « " + std::string(domain::event_status_label(status)) + " ».";
      return failed(WriteResult::Status::conflict, {{"status", msg}});
    }
    long long now = now_unix();
    if (status == "cancelled") {
      auto regs =
          select_registrations(sql,
                               "WHERE r.event_id = " + std::to_string(id) +
                                   " AND r.status IN ('booked', 'waitlisted') AND r.anonymised = 0 ORDER BY r.id",
                               {});
      sql << "UPDATE event_registrations SET status = 'cancelled', cancel_reason = :r, updated_at = :u WHERE "
             "event_id = :e AND status IN ('booked', 'waitlisted')",
          use(why), use(now), use(id);
      if (notify) *notify = std::move(regs);
    }
    std::string kept_reason = status == "cancelled" ? why : std::string();
    sql << "UPDATE events SET status = :s, cancel_reason = :r, updated_at = :u WHERE id = :id", use(status),
        use(kept_reason), use(now), use(id);
    std::string title;
    sql << "SELECT title FROM events WHERE id = :id", use(id), into(title);
    audit(sql, territory_id, by.user_id, by.label, "status:" + status, "event", id,
          status == "cancelled" ? title + " (" + why + ")" : title);
    return done(id);
  });
}

WriteResult delete_event(Store& s, long long territory_id, long long id, const Author& by) {
  return s.write([&](soci::session& sql) {
    auto head = lock_event(sql, territory_id, id);
    if (!head || territory_id == 0) return failed(WriteResult::Status::not_found);
    long long regs = 0;
    sql << "SELECT COUNT(*) FROM event_registrations WHERE event_id = :e", use(id), into(regs);
    if (head->status != "draft" || regs != 0)
      return failed(
          WriteResult::Status::conflict,
          {{"status", "Seul un brouillon sans inscription peut être supprimé ; annulez plutôt l’événement."}});
    std::string title;
    sql << "SELECT title FROM events WHERE id = :id", use(id), into(title);
    sql << "DELETE FROM events WHERE id = :id", use(id);
    audit(sql, territory_id, by.user_id, by.label, "delete", "event", id, title);
    return done(id);
  });
}

std::optional<domain::Event> event_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return load_event(sql, territory_id, id); });
}

std::optional<domain::Event> event_by_checkin_token(Store& s, const std::string& token) {
  return s.read([&](soci::session& sql) -> std::optional<domain::Event> {
    auto v = select_events(sql, "WHERE e.checkin_token = :p1", {token});
    if (v.empty()) return std::nullopt;
    return v.front();
  });
}

Page<domain::Event> events_matching(Store& s, const EventFilter& f) {
  Page<domain::Event> page;
  page.per_page = std::clamp(f.per_page, 1, kMaxPerPage);
  page.page = std::max(1, f.page);
  std::string where = "WHERE 1 = 1";
  std::vector<std::string> params;
  if (f.territory_id != 0) where += " AND e.territory_id = " + std::to_string(f.territory_id);
  if (f.public_only) where += std::string(" AND e.status IN ") + kPublicStatuses;
  if (!domain::event_status_label(f.status).empty()) {
    where += " AND e.status = :p2";
    params.push_back(f.status);
  }
  if (!domain::event_kind_label(f.kind).empty()) {
    where += " AND e.kind = :p3";
    params.push_back(f.kind);
  }
  if (!domain::event_audience_label(f.audience).empty()) {
    where += " AND (',' || e.audiences || ',') LIKE :p4";
    params.push_back("%," + f.audience + ",%");
  }
  if (!f.department.empty()) {
    where += " AND e.department = :p5";
    params.push_back(domain::department_code3(f.department));
  }
  if (domain::is_iso_day(f.from_day)) {
    where += " AND e.ends_on >= :p6";
    params.push_back(f.from_day);
  }
  if (domain::is_iso_day(f.to_day)) {
    where += " AND e.starts_on <= :p7";
    params.push_back(f.to_day);
  }
  if (f.organisation_id != 0) where += " AND e.organisation_id = " + std::to_string(f.organisation_id);
  if (!f.organisation_ids.empty()) {
    std::string ids;
    for (long long o : f.organisation_ids) ids += (ids.empty() ? "" : ",") + std::to_string(o);
    where += " AND e.organisation_id IN (" + ids + ")";
  }
  where += like_all_words("e.search", f.query, params);
  return s.read([&](soci::session& sql) {
    for_each_row(sql, "SELECT COUNT(*) FROM events e " + where, params,
                 [&](const soci::row& r) { page.total = col_ll(r, 0); });
    long long offset = static_cast<long long>(page.page - 1) * page.per_page;
    page.rows = select_events(sql,
                              where + " ORDER BY e.starts_on, e.start_time, e.id LIMIT " +
                                  std::to_string(page.per_page) + " OFFSET " + std::to_string(offset),
                              params);
    return page;
  });
}

std::vector<domain::Event> upcoming_events(Store& s, long long territory_id, std::string_view from_day, int limit) {
  std::string where = std::string("WHERE e.status IN ") + kPublicStatuses + " AND e.ends_on >= :p8";
  if (territory_id != 0) where += " AND e.territory_id = " + std::to_string(territory_id);
  where += " ORDER BY e.starts_on, e.start_time, e.id LIMIT " + std::to_string(std::clamp(limit, 1, 5000));
  return s.read([&](soci::session& sql) { return select_events(sql, where, {std::string(from_day)}); });
}

std::vector<std::pair<long long, std::string>> organisations_of_user(Store& s, long long territory_id,
                                                                     long long user_id) {
  return s.read([&](soci::session& sql) {
    std::vector<std::pair<long long, std::string>> out;
    for_each_row(sql,
                 "SELECT DISTINCT o.id, o.name FROM people p JOIN organisations o ON o.id = p.organisation_id JOIN "
                 "users u ON u.email = LOWER(p.email) WHERE u.id = " +
                     std::to_string(user_id) + " AND p.territory_id = " + std::to_string(territory_id) +
                     " AND o.territory_id = " + std::to_string(territory_id) + " AND p.email <> '' ORDER BY o.name",
                 {}, [&](const soci::row& r) { out.emplace_back(col_ll(r, 0), col_str(r, 1)); });
    return out;
  });
}

// ---- registrations ------------------------------------------------------------------------------------------

BookingResult book(Store& s, long long event_id, const domain::Registration& in, std::string_view today) {
  BookingResult out;
  domain::Registration r = in;
  domain::normalise(r);
  r.places = domain::places_of(r);
  domain::Errors errors = domain::validate(r);
  return s.write([&](soci::session& sql) {
    auto head = lock_event(sql, 0, event_id);
    if (!head || !domain::event_is_public(head->status)) {
      out.status = WriteResult::Status::not_found;
      return out;
    }
    if (!domain::event_open_for_booking(head->status, head->ends_on, today)) {
      out.status = WriteResult::Status::conflict;
      out.errors["event"] = closed_message(*head, today);
      return out;
    }
    if (r.school_id != 0) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM schools WHERE id = :s", use(r.school_id), into(n);
      if (n == 0)
        errors["school_id"] = "Cet établissement n’est pas dans l’annuaire : cherchez-le par son nom ou son UAI.";
    }
    if (head->capacity != 0 && r.places > head->capacity && !errors.count(places_field(r)))
      errors[places_field(r)] = "Cet événement compte " + std::to_string(head->capacity) +
                                " places : une réservation ne peut pas en demander " + std::to_string(r.places) + ".";
    if (!errors.empty()) {
      out.status = WriteResult::Status::invalid;
      out.errors = errors;
      return out;
    }
    int taken = places_taken(sql, event_id);
    bool fits = head->capacity == 0 || taken + r.places <= head->capacity;
    long long now = now_unix();
    r.event_id = event_id;
    r.status = fits ? "booked" : "waitlisted";
    r.token = new_private_token();
    r.code = new_code(sql, event_id);
    r.confirmed_at = 0;
    r.created_at = r.updated_at = now;
    long long school = r.school_id;
    soci::indicator school_i = null_if_zero(school);
    sql << "INSERT INTO event_registrations (event_id, kind, status, places, token, code, contact_name, email, phone, "
           "school_id, organisation, class_level, girls, boys, adults, people, category, needs, created_at, "
           "updated_at) VALUES (:e, :k, :st, :pl, :tok, :code, :n, :em, :ph, :s, :o, :lv, :g, :b, :a, :p, :cat, "
           ":needs, :c, :u) RETURNING id",
        use(event_id), use(r.kind), use(r.status), use(r.places), use(r.token), use(r.code), use(r.contact_name),
        use(r.email), use(r.phone), use(school, school_i), use(r.organisation), use(r.class_level), use(r.girls),
        use(r.boys), use(r.adults), use(r.people), use(r.category), use(r.needs), use(now), use(now), into(r.id);
    auto stored = registration_where(sql, "WHERE r.id = " + std::to_string(r.id), {});
    out.registration = stored ? *stored : r;
    if (auto e = load_event(sql, 0, event_id)) out.event = *e;
    return out;
  });
}

std::optional<RegistrationView> registration_by_token(Store& s, const std::string& token) {
  if (token.empty()) return std::nullopt;
  return s.read([&](soci::session& sql) -> std::optional<RegistrationView> {
    auto r = registration_where(sql, "WHERE r.token = :p9", {token});
    if (!r) return std::nullopt;
    auto e = load_event(sql, 0, r->event_id);
    if (!e) return std::nullopt;
    return RegistrationView{*r, *e};
  });
}

WriteResult confirm_registration(Store& s, const std::string& token) {
  return s.write([&](soci::session& sql) {
    auto r = registration_where(sql, "WHERE r.token = :p10", {token});
    if (!r) return failed(WriteResult::Status::not_found);
    if (r->status == "cancelled")
      return failed(WriteResult::Status::conflict,
                    {{"status", "Cette inscription est annulée : inscrivez-vous de nouveau si des places restent."}});
    if (r->confirmed_at == 0) {
      long long now = now_unix();
      sql << "UPDATE event_registrations SET confirmed_at = :c, updated_at = :u WHERE id = :id", use(now), use(now),
          use(r->id);
    }
    return done(r->id);
  });
}

WriteResult update_registration(Store& s, const std::string& token, const domain::Registration& in,
                                std::vector<domain::Registration>* promoted) {
  return s.write([&](soci::session& sql) {
    auto probe = registration_where(sql, "WHERE r.token = :p11", {token});
    if (!probe) return failed(WriteResult::Status::not_found);
    auto head = lock_event(sql, 0, probe->event_id);
    auto before = registration_where(sql, "WHERE r.id = " + std::to_string(probe->id), {});
    if (!head || !before) return failed(WriteResult::Status::not_found);
    if (before->status == "cancelled")
      return failed(WriteResult::Status::conflict, {{"status", "Cette inscription est annulée."}});
    std::string today = today_paris();
    if (head->status == "cancelled" || head->status == "done" || head->ends_on < today)
      return failed(WriteResult::Status::conflict, {{"status", closed_message(*head, today)}});
    if (before->anonymised) return failed(WriteResult::Status::conflict, {{"status", "Cette inscription est close."}});
    domain::Registration r = in;
    r.kind = before->kind;
    domain::normalise(r);
    r.places = domain::places_of(r);
    domain::Errors errors = domain::validate(r);
    if (r.school_id != 0) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM schools WHERE id = :s", use(r.school_id), into(n);
      if (n == 0)
        errors["school_id"] = "Cet établissement n’est pas dans l’annuaire : cherchez-le par son nom ou son UAI.";
    }
    if (before->status == "booked" && head->capacity != 0 && r.places > before->places && errors.empty()) {
      int left = head->capacity - places_taken(sql, before->event_id) + before->places;
      if (r.places > left)
        errors[places_field(r)] = "Il ne reste que " + std::to_string(left) + (left > 1 ? " places" : " place") +
                                  " pour votre réservation : réduisez les nombres.";
    }
    if (before->status == "waitlisted" && head->capacity != 0 && r.places > head->capacity && errors.empty())
      errors[places_field(r)] = "Cet événement compte " + std::to_string(head->capacity) + " places.";
    if (!errors.empty()) return failed(WriteResult::Status::invalid, errors);
    long long now = now_unix();
    long long school = r.school_id;
    soci::indicator school_i = null_if_zero(school);
    sql << "UPDATE event_registrations SET places = :pl, contact_name = :n, email = :em, phone = :ph, school_id = :s, "
           "organisation = :o, class_level = :lv, girls = :g, boys = :b, adults = :a, people = :p, category = :cat, "
           "needs = :needs, updated_at = :u WHERE id = :id",
        use(r.places), use(r.contact_name), use(r.email), use(r.phone), use(school, school_i), use(r.organisation),
        use(r.class_level), use(r.girls), use(r.boys), use(r.adults), use(r.people), use(r.category), use(r.needs),
        use(now), use(before->id);
    auto moved = promote_waitlist(sql, before->event_id, *head, now);
    if (promoted) *promoted = std::move(moved);
    return done(before->id);
  });
}

namespace {

WriteResult cancel_locked(soci::session& sql, const domain::Registration& r, const Head& head,
                          const std::string& reason, std::vector<domain::Registration>* promoted) {
  if (r.status == "cancelled")
    return failed(WriteResult::Status::conflict, {{"status", "Cette inscription est déjà annulée."}});
  std::string why = domain::trim(reason);
  if (why.size() > 1000) why.resize(1000);
  long long now = now_unix();
  sql << "UPDATE event_registrations SET status = 'cancelled', cancel_reason = :r, updated_at = :u WHERE id = :id",
      use(why), use(now), use(r.id);
  auto moved = promote_waitlist(sql, r.event_id, head, now);
  if (promoted) *promoted = std::move(moved);
  return done(r.id);
}

}  // namespace

WriteResult cancel_registration(Store& s, const std::string& token, const std::string& reason,
                                std::vector<domain::Registration>* promoted) {
  return s.write([&](soci::session& sql) {
    auto probe = registration_where(sql, "WHERE r.token = :p12", {token});
    if (!probe) return failed(WriteResult::Status::not_found);
    auto head = lock_event(sql, 0, probe->event_id);
    auto r = registration_where(sql, "WHERE r.id = " + std::to_string(probe->id), {});
    if (!head || !r) return failed(WriteResult::Status::not_found);
    return cancel_locked(sql, *r, *head, reason, promoted);
  });
}

WriteResult cancel_registration_by_organiser(Store& s, long long territory_id, long long registration_id,
                                             const std::string& reason, const Author& by,
                                             std::vector<domain::Registration>* promoted) {
  return s.write([&](soci::session& sql) {
    auto probe = registration_where(sql, "WHERE r.id = " + std::to_string(registration_id), {});
    if (!probe || territory_id == 0) return failed(WriteResult::Status::not_found);
    auto head = lock_event(sql, territory_id, probe->event_id);
    if (!head) return failed(WriteResult::Status::not_found);
    auto r = registration_where(sql, "WHERE r.id = " + std::to_string(registration_id), {});
    if (!r) return failed(WriteResult::Status::not_found);
    WriteResult w = cancel_locked(sql, *r, *head, reason, promoted);
    if (w.ok())
      audit(sql, territory_id, by.user_id, by.label, "cancel_registration", "event", r->event_id,
            "inscription n° " + std::to_string(r->id));
    return w;
  });
}

std::vector<domain::Registration> registrations_of(Store& s, long long territory_id, long long event_id) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM events WHERE id = :e AND territory_id = :t", use(event_id), use(territory_id), into(n);
    if (n == 0) return std::vector<domain::Registration>{};
    return select_registrations(sql,
                                "WHERE r.event_id = " + std::to_string(event_id) +
                                    " ORDER BY CASE r.status WHEN 'booked' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, "
                                    "r.id",
                                {});
  });
}

// ---- attendance ---------------------------------------------------------------------------------------------

WriteResult record_attendance(Store& s, long long territory_id, long long event_id,
                              const std::vector<AttendanceMark>& marks, const Author& by, bool validate) {
  WriteResult w = s.write([&](soci::session& sql) {
    auto head = lock_event(sql, territory_id, event_id);
    if (!head || territory_id == 0) return failed(WriteResult::Status::not_found);
    if (head->status == "draft" || head->status == "cancelled")
      return failed(WriteResult::Status::conflict,
                    {{"status", "Les présences se notent pour un événement publié, clos ou terminé."}});
    domain::Errors errors;
    std::vector<std::pair<domain::Registration, AttendanceMark>> valid;
    for (const auto& m : marks) {
      auto r = registration_where(
          sql, "WHERE r.id = " + std::to_string(m.registration_id) + " AND r.event_id = " + std::to_string(event_id),
          {});
      std::string prefix = "r" + std::to_string(m.registration_id) + "_";
      if (!r || r->status == "cancelled") {
        if (m.attended) errors[prefix + "attended"] = "Cette inscription n’est pas (ou plus) valable pour l’événement.";
        continue;
      }
      if (m.attended)
        for (const auto& [field, msg] : count_errors(m, r->kind)) errors[prefix + field] = msg;
      valid.emplace_back(*r, m);
    }
    // Nothing of the sheet is written unless all of it is right.
    if (!errors.empty()) return failed(WriteResult::Status::invalid, errors);
    long long now = now_unix();
    for (const auto& [r, m] : valid) apply_mark(sql, r, m, now);
    auto e = load_event(sql, territory_id, event_id);
    WriteResult synced = sync_action(sql, *e, by, validate);
    if (!synced.ok()) return synced;
    audit(sql, territory_id, by.user_id, by.label, "attendance", "event", event_id, e->title);
    return done(synced.id);
  });
  return w;
}

WriteResult check_in(Store& s, const std::string& checkin_token, const std::string& code_in,
                     const AttendanceMark& counts, std::string_view today) {
  std::string code;
  for (char c : domain::trim(code_in))
    if (c != ' ' && c != '-') code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s.write([&](soci::session& sql) {
    long long event_id = 0;
    sql << "SELECT id FROM events WHERE checkin_token = :t", use(checkin_token), into(event_id);
    if (!sql.got_data()) return failed(WriteResult::Status::not_found);
    auto head = lock_event(sql, 0, event_id);
    if (!head || !domain::event_is_public(head->status)) return failed(WriteResult::Status::not_found);
    if (head->status == "cancelled")
      return failed(WriteResult::Status::conflict, {{"code", "Cet événement est annulé."}});
    if (today < head->starts_on || today > head->ends_on)
      return failed(WriteResult::Status::conflict, {{"code", "L’accueil de cet événement se fait le jour même (" +
                                                                 domain::format_day_fr(head->starts_on) + ")."}});
    auto r = registration_where(sql, "WHERE r.event_id = " + std::to_string(event_id) + " AND r.code = :p13", {code});
    if (!r)
      return failed(WriteResult::Status::not_found,
                    {{"code",
                      "Ce code ne correspond à aucune inscription à cet événement : vérifiez-le dans "
                      "l’e-mail de confirmation."}});
    if (r->status == "cancelled")
      return failed(WriteResult::Status::conflict, {{"code",
                                                     "Cette inscription a été annulée : adressez-vous à "
                                                     "l’accueil."}});
    if (r->status == "waitlisted")
      return failed(WriteResult::Status::conflict, {{"code",
                                                     "Cette inscription est sur liste d’attente : "
                                                     "adressez-vous à l’accueil."}});
    AttendanceMark m = counts;
    m.attended = true;
    m.registration_id = r->id;
    domain::Errors errors = count_errors(m, r->kind);
    if (!errors.empty()) return failed(WriteResult::Status::invalid, errors);
    long long now = now_unix();
    apply_mark(sql, *r, m, now);
    auto e = load_event(sql, 0, event_id);
    WriteResult synced = sync_action(sql, *e, Author{0, "accueil de l’événement"}, false);
    if (!synced.ok()) return synced;
    return done(r->id);
  });
}

// ---- scheduled work -----------------------------------------------------------------------------------------

std::vector<RegistrationView> take_due_reminders(Store& s, std::string_view day) {
  return s.write([&](soci::session& sql) {
    auto regs = select_registrations(sql,
                                     "JOIN events e ON e.id = r.event_id WHERE e.starts_on = :p14 AND e.status IN "
                                     "('published', 'closed') AND r.status = 'booked' AND r.confirmed_at > 0 AND "
                                     "r.reminded_at = 0 AND r.anonymised = 0 ORDER BY r.id",
                                     {std::string(day)});
    long long now = now_unix();
    for (const auto& r : regs)
      sql << "UPDATE event_registrations SET reminded_at = :n WHERE id = :id", use(now), use(r.id);
    return with_events(sql, regs);
  });
}

ExpiryOutcome expire_unconfirmed(Store& s, long long now, long long max_age_seconds) {
  return s.write([&](soci::session& sql) {
    ExpiryOutcome out;
    long long before = now - max_age_seconds;
    std::vector<long long> event_ids;
    for_each_row(sql,
                 "SELECT DISTINCT r.event_id FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE "
                 "r.status IN ('booked', 'waitlisted') AND r.confirmed_at = 0 AND r.created_at < " +
                     std::to_string(before) + " AND e.status IN ('published', 'closed') ORDER BY r.event_id",
                 {}, [&](const soci::row& r) { event_ids.push_back(col_ll(r, 0)); });
    for (long long id : event_ids) {
      auto head = lock_event(sql, 0, id);
      if (!head) continue;
      auto lapsed = select_registrations(sql,
                                         "WHERE r.event_id = " + std::to_string(id) +
                                             " AND r.status IN ('booked', 'waitlisted') AND r.confirmed_at = 0 AND "
                                             "r.created_at < " +
                                             std::to_string(before) + " ORDER BY r.id",
                                         {});
      for (auto& r : lapsed) {
        sql << "UPDATE event_registrations SET status = 'cancelled', cancel_reason = 'non confirmée', updated_at = "
               ":u WHERE id = :id",
            use(now), use(r.id);
        r.status = "cancelled";
        r.cancel_reason = "non confirmée";
      }
      auto promoted = promote_waitlist(sql, id, *head, now);
      for (auto& v : with_events(sql, lapsed)) out.lapsed.push_back(std::move(v));
      for (auto& v : with_events(sql, promoted)) out.promoted.push_back(std::move(v));
    }
    return out;
  });
}

long long anonymise_registrations(Store& s, std::string_view before_day) {
  return s.write([&](soci::session& sql) {
    std::string day(before_day);
    long long n = 0;
    sql << "SELECT COUNT(*) FROM event_registrations WHERE anonymised = 0 AND event_id IN (SELECT id FROM events "
           "WHERE ends_on < :d)",
        use(day), into(n);
    long long now = now_unix();
    sql << "UPDATE event_registrations SET contact_name = '', email = '', phone = '', needs = '', anonymised = 1, "
           "updated_at = :u WHERE anonymised = 0 AND event_id IN (SELECT id FROM events WHERE ends_on < :d)",
        use(now), use(day);
    return n;
  });
}

}  // namespace passerelles::store
