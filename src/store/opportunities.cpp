// SQL for offers and applications: publication and closing of offers, applications with the places they take, the
// state machine's writes, the lists of each side, reminders and expiries. Audit entries carry ids only (never a
// candidate's name: the privacy purge must leave nothing of a person).
#include "store/opportunities.hpp"

#include <algorithm>

#include "domain/plan.hpp"
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

constexpr long long kDay = 86400;

const char* const kOfferColumns =
    "SELECT o.id, o.territory_id, o.organisation_id, org.name, o.kind, o.title, o.description, o.domain, "
    "o.rome_code, o.places, o.starts_on, o.ends_on, o.commune_insee, COALESCE(c.name, ''), o.address, "
    "o.accessibility, o.contact_email, o.status, o.expires_on, COALESCE(o.created_by, 0), COALESCE(u.email, ''), "
    "o.created_at, o.updated_at, (SELECT COUNT(*) FROM offer_applications x WHERE x.offer_id = o.id AND "
    "x.status = 'accepted') "
    "FROM offers o JOIN organisations org ON org.id = o.organisation_id "
    "LEFT JOIN communes c ON c.insee = o.commune_insee LEFT JOIN users u ON u.id = o.created_by ";

domain::Offer offer_from_row(const soci::row& r) {
  domain::Offer o;
  std::size_t i = 0;
  o.id = col_ll(r, i++);
  o.territory_id = col_ll(r, i++);
  o.organisation_id = col_ll(r, i++);
  o.organisation_name = col_str(r, i++);
  o.kind = col_str(r, i++);
  o.title = col_str(r, i++);
  o.description = col_str(r, i++);
  o.domain = col_str(r, i++);
  o.rome_code = col_str(r, i++);
  o.places = col_int(r, i++);
  o.starts_on = col_str(r, i++);
  o.ends_on = col_str(r, i++);
  o.commune_insee = col_str(r, i++);
  o.commune_name = col_str(r, i++);
  o.address = col_str(r, i++);
  o.accessibility = col_str(r, i++);
  o.contact_email = col_str(r, i++);
  o.status = col_str(r, i++);
  o.expires_on = col_str(r, i++);
  o.created_by = col_ll(r, i++);
  o.publisher_email = col_str(r, i++);
  o.created_at = col_ll(r, i++);
  o.updated_at = col_ll(r, i++);
  o.accepted = col_int(r, i++);
  return o;
}

const char* const kApplicationColumns =
    "SELECT a.id, a.offer_id, a.territory_id, a.status, COALESCE(a.referred_by, 0), "
    "COALESCE(a.referrer_organisation_id, 0), a.first_name, a.last_name, a.email, a.phone, a.sex, a.minor, "
    "COALESCE(a.school_id, 0), COALESCE(s.name, ''), a.class_level, a.message, a.interview_on, a.decline_reason, "
    "a.sent_at, a.seen_at, a.interview_at, a.decided_at, a.reminded_7_at, a.reminded_14_at, a.completed, "
    "a.completed_at, a.erased_at, a.created_at, a.updated_at, o.title, o.kind, o.organisation_id, org.name, "
    "CASE WHEN o.contact_email <> '' THEN o.contact_email ELSE COALESCE(pu.email, '') END, "
    "COALESCE(ru.display_name, ''), COALESCE(ru.email, ''), COALESCE(ro.name, '') "
    "FROM offer_applications a JOIN offers o ON o.id = a.offer_id "
    "JOIN organisations org ON org.id = o.organisation_id LEFT JOIN schools s ON s.id = a.school_id "
    "LEFT JOIN users pu ON pu.id = o.created_by LEFT JOIN users ru ON ru.id = a.referred_by "
    "LEFT JOIN organisations ro ON ro.id = a.referrer_organisation_id ";

domain::OfferApplication application_from_row(const soci::row& r) {
  domain::OfferApplication a;
  std::size_t i = 0;
  a.id = col_ll(r, i++);
  a.offer_id = col_ll(r, i++);
  a.territory_id = col_ll(r, i++);
  a.status = col_str(r, i++);
  a.referred_by = col_ll(r, i++);
  a.referrer_organisation_id = col_ll(r, i++);
  a.first_name = col_str(r, i++);
  a.last_name = col_str(r, i++);
  a.email = col_str(r, i++);
  a.phone = col_str(r, i++);
  a.sex = col_str(r, i++);
  a.minor = col_int(r, i++) != 0;
  a.school_id = col_ll(r, i++);
  a.school_name = col_str(r, i++);
  a.class_level = col_str(r, i++);
  a.message = col_str(r, i++);
  a.interview_on = col_str(r, i++);
  a.decline_reason = col_str(r, i++);
  a.sent_at = col_ll(r, i++);
  a.seen_at = col_ll(r, i++);
  a.interview_at = col_ll(r, i++);
  a.decided_at = col_ll(r, i++);
  a.reminded_7_at = col_ll(r, i++);
  a.reminded_14_at = col_ll(r, i++);
  a.completed = col_int(r, i++) != 0;
  a.completed_at = col_ll(r, i++);
  a.erased_at = col_ll(r, i++);
  a.created_at = col_ll(r, i++);
  a.updated_at = col_ll(r, i++);
  a.offer_title = col_str(r, i++);
  a.offer_kind = col_str(r, i++);
  a.organisation_id = col_ll(r, i++);
  a.organisation_name = col_str(r, i++);
  a.company_email = col_str(r, i++);
  a.referrer_name = col_str(r, i++);
  a.referrer_email = col_str(r, i++);
  a.referrer_organisation_name = col_str(r, i++);
  return a;
}

std::vector<domain::Offer> select_offers(soci::session& sql, const std::string& where_and_order) {
  std::vector<domain::Offer> out;
  for_each_row(sql, std::string(kOfferColumns) + where_and_order, {},
               [&](const soci::row& r) { out.push_back(offer_from_row(r)); });
  return out;
}

std::vector<domain::OfferApplication> select_applications(soci::session& sql, const std::string& where_and_order) {
  std::vector<domain::OfferApplication> out;
  for_each_row(sql, std::string(kApplicationColumns) + where_and_order, {},
               [&](const soci::row& r) { out.push_back(application_from_row(r)); });
  return out;
}

std::optional<domain::Offer> offer_in(soci::session& sql, long long territory_id, long long id) {
  auto v = select_offers(
      sql, "WHERE o.territory_id = " + std::to_string(territory_id) + " AND o.id = " + std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<domain::OfferApplication> application_in(soci::session& sql, long long territory_id, long long id) {
  auto v = select_applications(
      sql, "WHERE a.territory_id = " + std::to_string(territory_id) + " AND a.id = " + std::to_string(id));
  if (v.empty()) return std::nullopt;
  return v.front();
}

// Locks the row (PostgreSQL; SQLite writers are serialised) before a check-then-write; false when absent.
bool lock_row(soci::session& sql, const char* table, long long territory_id, long long id) {
  long long found = 0;
  sql << std::string("SELECT id FROM ") + table + " WHERE territory_id = :t AND id = :id" + for_update(sql),
      use(territory_id), use(id), into(found);
  return sql.got_data();
}

std::string offer_status_of(const std::string& wanted) {
  return wanted == "published" ? "published" : "draft";
}

// The words of `query` all appear, folded, in `text`.
bool has_all_words(const std::string& text, const std::string& query) {
  std::string folded = domain::fold(text);
  for (const auto& w : domain::split_list(domain::fold(query), ' '))
    if (!w.empty() && folded.find(w) == std::string::npos) return false;
  return true;
}

template <class T>
Page<T> page_of(std::vector<T> all, int page, int per_page) {
  Page<T> p;
  p.per_page = std::clamp(per_page, 1, kMaxPerPage);
  p.total = static_cast<long long>(all.size());
  p.page = std::clamp<long long>(page, 1, p.pages());
  auto from = std::min(all.size(), static_cast<std::size_t>((p.page - 1) * p.per_page));
  auto to = std::min(all.size(), from + static_cast<std::size_t>(p.per_page));
  p.rows.assign(std::make_move_iterator(all.begin() + from), std::make_move_iterator(all.begin() + to));
  return p;
}

}  // namespace

// ---- offers -------------------------------------------------------------------------------------------------

WriteResult insert_offer(Store& s, const domain::Offer& o, const Author& by, long long now) {
  return s.write([&](soci::session& sql) {
    if (o.organisation_id == 0 || !in_territory(sql, "organisations", o.territory_id, o.organisation_id))
      return failed(WriteResult::Status::invalid,
                    {{"organisation_id", "Choisissez une entreprise de l’annuaire du territoire."}});
    std::string status = offer_status_of(o.status);
    long long id = 0;
    soci::indicator by_i = null_if_zero(by.user_id);
    sql << "INSERT INTO offers (territory_id, organisation_id, kind, title, description, domain, rome_code, places, "
           "starts_on, ends_on, commune_insee, address, accessibility, contact_email, status, expires_on, "
           "created_by, created_at, updated_at) VALUES (:t, :org, :k, :ti, :de, :dom, :rome, :pl, :st, :en, :co, "
           ":ad, :ac, :ce, :status, :ex, :by, :now, :now2) RETURNING id",
        use(o.territory_id), use(o.organisation_id), use(o.kind), use(o.title), use(o.description), use(o.domain),
        use(o.rome_code), use(o.places), use(o.starts_on), use(o.ends_on), use(o.commune_insee), use(o.address),
        use(o.accessibility), use(o.contact_email), use(status), use(o.expires_on), use(by.user_id, by_i), use(now),
        use(now), into(id);
    audit(sql, o.territory_id, by.user_id, by.label, "create", "offer", id, o.title + " (" + status + ")");
    return done(id);
  });
}

WriteResult update_offer(Store& s, const domain::Offer& o, const Author& by, long long now) {
  return s.write([&](soci::session& sql) {
    if (!lock_row(sql, "offers", o.territory_id, o.id)) return failed(WriteResult::Status::not_found);
    auto old = offer_in(sql, o.territory_id, o.id);
    if (old->status == "closed")
      return failed(WriteResult::Status::conflict,
                    {{"status", "Cette offre est clôturée : elle ne peut plus être modifiée."}});
    if (o.organisation_id == 0 || !in_territory(sql, "organisations", o.territory_id, o.organisation_id))
      return failed(WriteResult::Status::invalid,
                    {{"organisation_id", "Choisissez une entreprise de l’annuaire du territoire."}});
    std::string status = offer_status_of(o.status);
    sql << "UPDATE offers SET organisation_id = :org, kind = :k, title = :ti, description = :de, domain = :dom, "
           "rome_code = :rome, places = :pl, starts_on = :st, ends_on = :en, commune_insee = :co, address = :ad, "
           "accessibility = :ac, contact_email = :ce, status = :status, expires_on = :ex, updated_at = :now "
           "WHERE id = :id",
        use(o.organisation_id), use(o.kind), use(o.title), use(o.description), use(o.domain), use(o.rome_code),
        use(o.places), use(o.starts_on), use(o.ends_on), use(o.commune_insee), use(o.address), use(o.accessibility),
        use(o.contact_email), use(status), use(o.expires_on), use(now), use(o.id);
    audit(sql, o.territory_id, by.user_id, by.label, "update", "offer", o.id, o.title + " (" + status + ")");
    return done(o.id);
  });
}

WriteResult close_offer(Store& s, long long territory_id, long long id, const std::string& reason, const Author& by,
                        long long now) {
  return s.write([&](soci::session& sql) {
    if (!lock_row(sql, "offers", territory_id, id)) return failed(WriteResult::Status::not_found);
    auto old = offer_in(sql, territory_id, id);
    if (old->status == "closed")
      return failed(WriteResult::Status::conflict, {{"status", "Cette offre est déjà clôturée."}});
    sql << "UPDATE offers SET status = 'closed', updated_at = :now WHERE id = :id", use(now), use(id);
    std::string why = reason == "filled" ? "filled" : "withdrawn";
    audit(sql, territory_id, by.user_id, by.label, "close", "offer", id, old->title + " (" + why + ")");
    return done(id);
  });
}

std::optional<domain::Offer> offer_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return offer_in(sql, territory_id, id); });
}

Page<domain::Offer> offers_matching(Store& s, const OfferFilter& f) {
  auto all = s.read([&](soci::session& sql) {
    return select_offers(
        sql, "WHERE o.territory_id = " + std::to_string(f.territory_id) + " ORDER BY o.created_at DESC, o.id DESC");
  });
  std::vector<domain::Offer> kept;
  for (auto& o : all) {
    bool own = f.own_organisation != 0 && o.organisation_id == f.own_organisation;
    bool open = o.status == "published" && (f.today.empty() || o.expires_on >= f.today);
    if (!f.every_status && !own && !open) continue;
    if (f.organisation_id && o.organisation_id != f.organisation_id) continue;
    if (!f.kind.empty() && o.kind != f.kind) continue;
    if (!f.domain.empty() && o.domain != f.domain) continue;
    if (!f.status.empty() && o.status != f.status) continue;
    if (!f.query.empty() &&
        !has_all_words(o.title + " " + o.organisation_name + " " + o.commune_name + " " + o.commune_insee, f.query))
      continue;
    kept.push_back(std::move(o));
  }
  return page_of(std::move(kept), f.page, f.per_page);
}

long long expire_offers(Store& s, const std::string& today, long long now) {
  return s.write([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM offers WHERE status = 'published' AND expires_on < :d", use(today), into(n);
    if (n > 0)
      sql << "UPDATE offers SET status = 'expired', updated_at = :now WHERE status = 'published' AND expires_on < :d",
          use(now), use(today);
    return n;
  });
}

// ---- applications -------------------------------------------------------------------------------------------

WriteResult insert_application(Store& s, const domain::OfferApplication& a, const Author& by, const std::string& today,
                               long long now) {
  return s.write([&](soci::session& sql) {
    if (!lock_row(sql, "offers", a.territory_id, a.offer_id)) return failed(WriteResult::Status::not_found);
    auto offer = offer_in(sql, a.territory_id, a.offer_id);
    if (offer->status != "published" || offer->expires_on < today) {
      if (offer->status == "draft")
        return failed(WriteResult::Status::conflict, {{"offer", "Cette offre n’est pas encore publiée."}});
      std::string why = offer->status == "closed" ? "clôturée" : "expirée";
      return failed(WriteResult::Status::conflict,
                    {{"offer", "Cette offre ne reçoit plus de candidatures : elle est " + why + "."}});
    }
    if (offer->places_left() == 0)
      return failed(WriteResult::Status::conflict,
                    {{"offer", "Toutes les places de cette offre sont prises : la candidature n’a pas été envoyée."}});
    if (a.school_id != 0) {
      long long found = 0;
      sql << "SELECT id FROM schools WHERE id = :id", use(a.school_id), into(found);
      if (!sql.got_data())
        return failed(WriteResult::Status::invalid,
                      {{"school_id", "Choisissez l’établissement dans la liste proposée."}});
    }
    int minor = a.minor ? 1 : 0;
    long long id = 0;
    soci::indicator by_i = null_if_zero(a.referred_by), ro_i = null_if_zero(a.referrer_organisation_id),
                    school_i = null_if_zero(a.school_id);
    sql << "INSERT INTO offer_applications (offer_id, territory_id, status, referred_by, referrer_organisation_id, "
           "first_name, last_name, email, phone, sex, minor, school_id, class_level, message, sent_at, created_at, "
           "updated_at) VALUES (:o, :t, 'sent', :by, :ro, :fn, :ln, :em, :ph, :sx, :mi, :sc, :cl, :me, :now, :now2, "
           ":now3) RETURNING id",
        use(a.offer_id), use(a.territory_id), use(a.referred_by, by_i), use(a.referrer_organisation_id, ro_i),
        use(a.first_name), use(a.last_name), use(a.email), use(a.phone), use(a.sex), use(minor),
        use(a.school_id, school_i), use(a.class_level), use(a.message), use(now), use(now), use(now), into(id);
    audit(sql, a.territory_id, by.user_id, by.label, "create", "offer_application", id,
          "offer " + std::to_string(a.offer_id));
    return done(id);
  });
}

std::optional<domain::OfferApplication> offer_application_by_id(Store& s, long long territory_id, long long id) {
  return s.read([&](soci::session& sql) { return application_in(sql, territory_id, id); });
}

WriteResult change_application(Store& s, long long territory_id, long long id, const ApplicationChange& change,
                               const Author& by, long long now) {
  return s.write([&](soci::session& sql) {
    if (!lock_row(sql, "offer_applications", territory_id, id)) return failed(WriteResult::Status::not_found);
    auto a = application_in(sql, territory_id, id);
    std::string from = a->state();
    const std::string& to = change.to;
    if (!domain::allowed(from, to))
      return failed(WriteResult::Status::conflict, {{"status", domain::transition_refused_fr(from, to)}});
    std::string day = domain::trim(change.interview_on), reason = domain::trim(change.decline_reason);
    if (to == "interview" && !domain::valid_day(day))
      return failed(WriteResult::Status::invalid,
                    {{"interview_on", "Indiquez le jour de l’entretien (choisissez-le dans le calendrier)."}});
    if (to == "declined") {
      if (reason.empty())
        return failed(WriteResult::Status::invalid,
                      {{"decline_reason", "Indiquez la raison du refus : elle aide la personne à rebondir."}});
      if (domain::utf8_length(reason) > domain::kMaxDeclineReason)
        return failed(WriteResult::Status::invalid,
                      {{"decline_reason", "Ce texte est trop long : " + std::to_string(domain::kMaxDeclineReason) +
                                              " caractères au plus."}});
    }
    if (to == "accepted") {
      lock_row(sql, "offers", territory_id, a->offer_id);
      auto offer = offer_in(sql, territory_id, a->offer_id);
      if (offer->places_left() == 0)
        return failed(WriteResult::Status::conflict,
                      {{"status",
                        "Toutes les places de cette offre sont déjà prises : augmentez le nombre de "
                        "places de l’offre avant d’accepter une autre candidature."}});
    }
    if (to == "seen") {
      sql << "UPDATE offer_applications SET status = 'seen', seen_at = :now, updated_at = :u WHERE id = :id", use(now),
          use(now), use(id);
    } else if (to == "interview") {
      sql << "UPDATE offer_applications SET status = 'interview', interview_on = :d, interview_at = :now, "
             "seen_at = CASE WHEN seen_at = 0 THEN :now2 ELSE seen_at END, updated_at = :u WHERE id = :id",
          use(day), use(now), use(now), use(now), use(id);
    } else if (to == "completed") {
      sql << "UPDATE offer_applications SET completed = 1, completed_at = :now, updated_at = :u WHERE id = :id",
          use(now), use(now), use(id);
    } else {  // accepted | declined | withdrawn | expired: a decision
      std::string why = to == "declined" ? reason : a->decline_reason;
      sql << "UPDATE offer_applications SET status = :s, decided_at = :now, decline_reason = :r, "
             "seen_at = CASE WHEN seen_at = 0 AND :s2 <> 'withdrawn' AND :s3 <> 'expired' THEN :now2 ELSE seen_at END, "
             "updated_at = :u WHERE id = :id",
          use(to), use(now), use(why), use(to), use(to), use(now), use(now), use(id);
    }
    audit(sql, territory_id, by.user_id, by.label, "update", "offer_application", id, from + " -> " + to);
    return done(id);
  });
}

bool mark_application_seen(Store& s, long long territory_id, long long id, const Author& by, long long now) {
  auto a = offer_application_by_id(s, territory_id, id);
  if (!a || a->status != "sent") return false;
  return change_application(s, territory_id, id, {"seen", "", ""}, by, now).ok();
}

Page<domain::OfferApplication> applications_matching(Store& s, const ApplicationFilter& f) {
  std::string where = "WHERE a.territory_id = " + std::to_string(f.territory_id);
  if (f.referred_by) where += " AND a.referred_by = " + std::to_string(f.referred_by);
  if (f.organisation_id) where += " AND o.organisation_id = " + std::to_string(f.organisation_id);
  if (f.offer_id) where += " AND a.offer_id = " + std::to_string(f.offer_id);
  auto all = s.read(
      [&](soci::session& sql) { return select_applications(sql, where + " ORDER BY a.sent_at DESC, a.id DESC"); });
  if (!f.state.empty())
    all.erase(std::remove_if(all.begin(), all.end(), [&](const auto& a) { return a.state() != f.state; }), all.end());
  return page_of(std::move(all), f.page, f.per_page);
}

// ---- scheduled ----------------------------------------------------------------------------------------------

std::vector<domain::OfferApplication> take_application_reminders(Store& s, int days, long long now) {
  bool first = days == domain::kApplicationReminder1Days;
  long long from =
      now - static_cast<long long>(first ? domain::kApplicationReminder2Days : domain::kApplicationExpiryDays) * kDay;
  long long to = now - static_cast<long long>(days) * kDay;
  const char* column = first ? "reminded_7_at" : "reminded_14_at";
  return s.write([&](soci::session& sql) {
    auto due = select_applications(sql, std::string("WHERE a.status IN ('sent', 'seen', 'interview') AND a.") + column +
                                            " = 0 AND a.sent_at > " + std::to_string(from) + " AND a.sent_at <= " +
                                            std::to_string(to) + " ORDER BY a.id" + for_update(sql, "a"));
    for (const auto& a : due)
      sql << std::string("UPDATE offer_applications SET ") + column + " = :now WHERE id = :id", use(now), use(a.id);
    return due;
  });
}

std::vector<domain::OfferApplication> expire_applications(Store& s, long long now) {
  long long before = now - static_cast<long long>(domain::kApplicationExpiryDays) * kDay;
  return s.write([&](soci::session& sql) {
    auto due = select_applications(sql, "WHERE a.status IN ('sent', 'seen', 'interview') AND a.sent_at <= " +
                                            std::to_string(before) + " ORDER BY a.id" + for_update(sql, "a"));
    for (auto& a : due) {
      sql << "UPDATE offer_applications SET status = 'expired', decided_at = :now, updated_at = :u WHERE id = :id",
          use(now), use(now), use(a.id);
      audit(sql, a.territory_id, 0, "Passerelles", "update", "offer_application", a.id, a.status + " -> expired");
      a.status = "expired";
      a.decided_at = now;
    }
    return due;
  });
}

}  // namespace passerelles::store
