// Companies' offers and the applications to them (issue 7): publication, edits and closing of offers; applications
// made or referred by school contacts, prescribers and coordinators, their state machine (domain/opportunity.hpp),
// the lists each side sees, and the scheduled reminders and expiries. Every query is confined to one territory.
// Functions that change a row take `now` (Unix seconds) and `today` ('YYYY-MM-DD', Paris) so tests drive the clock.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/opportunity.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// ---- offers -------------------------------------------------------------------------------------------------

// Inserts into o.territory_id (status draft or published, as given; anything else is draft). invalid (field
// organisation_id) when the organisation is not in the territory. The caller has validated o.
WriteResult insert_offer(Store& s, const domain::Offer& o, const Author& by, long long now);
// Updates the editable fields and the status (draft | published) of (o.territory_id, o.id). not_found for another
// territory's offer; conflict when the offer is closed; invalid when organisation_id is not in the territory.
// An expired offer given a new expires_on may be published again.
WriteResult update_offer(Store& s, const domain::Offer& o, const Author& by, long long now);
// Closes (reason filled | withdrawn, kept in the audit log). conflict when already closed.
WriteResult close_offer(Store& s, long long territory_id, long long id, const std::string& reason, const Author& by,
                        long long now);
// The offer with its organisation, commune, publisher's e-mail and accepted count; nullopt outside the territory.
std::optional<domain::Offer> offer_by_id(Store& s, long long territory_id, long long id);

struct OfferFilter {
  long long territory_id = 0;
  std::string today;               // published offers expiring before today are not listed
  bool every_status = false;       // a coordinator: drafts, closed and expired offers too
  long long own_organisation = 0;  // a company contact: her organisation's offers in every status too
  long long organisation_id = 0;   // only this organisation's offers (0 = any)
  std::string kind, domain;        // '' = any
  std::string status;              // '' = any shown
  std::string query;               // words that must all appear in the title, organisation or commune (folded)
  int page = 1;
  int per_page = 25;
};
// Newest first (created_at, id).
Page<domain::Offer> offers_matching(Store& s, const OfferFilter& f);

// Scheduled: published offers whose expires_on is before `today` become expired; returns how many.
long long expire_offers(Store& s, const std::string& today, long long now);

// ---- applications -------------------------------------------------------------------------------------------

// A new application to offer a.offer_id of a.territory_id, status sent, sent_at now, referred_by / its
// organisation from a. not_found when the offer is not in the territory; conflict (field offer) when the offer is
// not published, has expired (expires_on before today) or has no place left (accepted applications = places).
// The caller has validated a. invalid (school_id) when the school is unknown.
WriteResult insert_application(Store& s, const domain::OfferApplication& a, const Author& by, const std::string& today,
                               long long now);
// The application with its offer, company and referrer (read-only fields filled); nullopt outside the territory.
std::optional<domain::OfferApplication> offer_application_by_id(Store& s, long long territory_id, long long id);

// What a transition carries: the interview day (to interview), the reason (to declined).
struct ApplicationChange {
  std::string to;  // seen | interview | accepted | declined | withdrawn | completed
  std::string interview_on;
  std::string decline_reason;
};
// Moves the application (locked) along the state machine. not_found outside the territory; conflict (field
// status, transition_refused_fr) when domain::allowed refuses, or (field status) when accepting would exceed the
// offer's places; invalid (field interview_on) for a missing or unreal day, (field decline_reason) for a missing
// or too long reason. Sets seen_at, interview_at, decided_at, completed / completed_at.
WriteResult change_application(Store& s, long long territory_id, long long id, const ApplicationChange& change,
                               const Author& by, long long now);
// sent -> seen, when the company first opens it; false (nothing changes) in any other status.
bool mark_application_seen(Store& s, long long territory_id, long long id, const Author& by, long long now);

struct ApplicationFilter {
  long long territory_id = 0;
  long long referred_by = 0;      // a referrer: those she referred (0 = any)
  long long organisation_id = 0;  // a company: those received by its offers (0 = any)
  long long offer_id = 0;         // 0 = any
  std::string state;              // an application state ('' = any)
  int page = 1;
  int per_page = 25;
};
// Newest first (sent_at, id).
Page<domain::OfferApplication> applications_matching(Store& s, const ApplicationFilter& f);

// ---- scheduled ----------------------------------------------------------------------------------------------

// Undecided applications due for the 7-day reminder (sent_at at least 7 days and under 14 days before now,
// reminded_7_at 0) or the 14-day one (at least 14 days, under 45, reminded_14_at 0); each is marked in the same
// transaction, so a reminder is taken once. An application that reaches 14 days without its 7-day reminder gets
// only the 14-day one.
std::vector<domain::OfferApplication> take_application_reminders(Store& s, int days, long long now);
// Undecided applications sent at least 45 days before now become expired (decided_at now); returned for the
// e-mails.
std::vector<domain::OfferApplication> expire_applications(Store& s, long long now);

}  // namespace passerelles::store
