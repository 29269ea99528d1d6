// Companies' offers (internships, apprenticeships, jobs) and the applications made or referred to them (issue 7):
// kinds and statuses with their French labels, the applications' state machine, and validation with French
// messages. Pure code; the store keeps the workflow (store/opportunities.hpp). docs/opportunities.md.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/directory.hpp"
#include "domain/validation.hpp"

namespace passerelles::domain {

// stage_3e | stage_seconde | stage_sup | apprenticeship | job
const std::vector<Choice>& offer_kinds();
std::string_view offer_kind_label(std::string_view kind);  // "" when unknown
// draft | published | closed | expired
const std::vector<Choice>& offer_statuses();
std::string_view offer_status_label(std::string_view status);
// Why a company closes an offer: filled | withdrawn.
const std::vector<Choice>& offer_close_reasons();

// sent | seen | interview | accepted | declined | expired | withdrawn, and completed: an accepted application whose
// internship was done or whose contract started (stored as status accepted with completed = 1; see
// application_state).
const std::vector<Choice>& application_statuses();
std::string_view application_status_label(std::string_view status);
// F | M | X: « Fille / femme », « Garçon / homme », « Autre ou non dit ».
const std::vector<Choice>& candidate_sexes();

// The state an application is in for the state machine: its status, or "completed" when accepted and completed.
std::string application_state(std::string_view status, bool completed);
// Whether an application may go from state `from` to state `to` (both from application_statuses()):
//   sent -> seen | interview | accepted | declined;   seen -> interview | accepted | declined;
//   interview -> interview (a new date) | accepted | declined;
//   sent | seen | interview -> expired (no decision 45 days after sent_at) | withdrawn (by the referrer);
//   accepted -> completed. Nothing leaves declined, expired, withdrawn or completed.
bool allowed(std::string_view from, std::string_view to);
// The French message of a refused transition (409): « Cette candidature est déjà acceptée : … ».
std::string transition_refused_fr(std::string_view from, std::string_view to);
// Undecided: sent, seen or interview (reminders and expiry apply).
bool application_undecided(std::string_view status);

constexpr int kApplicationReminder1Days = 7;
constexpr int kApplicationReminder2Days = 14;
constexpr int kApplicationExpiryDays = 45;
constexpr int kMaxOfferPlaces = 50;
constexpr int kOfferDefaultExpiryDays = 60;
constexpr std::size_t kMaxOfferTitle = 200;
constexpr std::size_t kMaxOfferDescription = 5000;
constexpr std::size_t kMaxOfferText = 1000;  // address, accessibility
constexpr std::size_t kMaxApplicationMessage = 2000;
constexpr std::size_t kMaxDeclineReason = 1000;

struct Offer {
  long long id = 0;
  long long territory_id = 0;
  long long organisation_id = 0;
  std::string organisation_name;  // read only
  std::string kind;
  std::string title, description;
  std::string domain;  // a collective domain code, '' = none
  std::string rome_code;
  int places = 1;
  std::string starts_on, ends_on;  // 'YYYY-MM-DD'
  std::string commune_insee;
  std::string commune_name;  // read only
  std::string address, accessibility, contact_email;
  std::string status = "draft";
  std::string expires_on;
  long long created_by = 0;
  std::string publisher_email;  // read only: created_by's e-mail
  long long created_at = 0, updated_at = 0;
  int accepted = 0;  // read only: accepted applications (places taken)
  int places_left() const { return places > accepted ? places - accepted : 0; }
};

struct OfferApplication {
  long long id = 0;
  long long offer_id = 0;
  long long territory_id = 0;
  std::string status = "sent";
  long long referred_by = 0;
  long long referrer_organisation_id = 0;
  std::string first_name, last_name, email, phone;
  std::string sex = "F";
  bool minor = false;
  long long school_id = 0;
  std::string school_name;  // read only
  std::string class_level, message;
  std::string interview_on, decline_reason;
  long long sent_at = 0, seen_at = 0, interview_at = 0, decided_at = 0;
  long long reminded_7_at = 0, reminded_14_at = 0;
  bool completed = false;
  long long completed_at = 0, erased_at = 0;
  long long created_at = 0, updated_at = 0;
  // Read only: the offer, its company (company_email: the offer's contact_email, else its publisher's), the
  // referrer.
  std::string offer_title, offer_kind;
  long long organisation_id = 0;
  std::string organisation_name, company_email;
  std::string referrer_name, referrer_email, referrer_organisation_name;
  std::string state() const { return application_state(status, completed); }
};

// Trims; lower-cases e-mails; an empty expires_on becomes starts_on (when it is still ahead of `today`) or today
// + kOfferDefaultExpiryDays.
void normalise(Offer& o, std::string_view today);
void normalise(OfferApplication& a);
// French messages keyed by field: organisation_id, kind, title, description, domain, places (1..kMaxOfferPlaces),
// starts_on / ends_on (real days, ends_on not before starts_on), address, accessibility, contact_email,
// expires_on (required, a real day, not before `today` — only checked when `check_expiry_past`, so that editing
// an expired offer's other fields is not blocked by a date the company did not touch).
Errors validate(const Offer& o, std::string_view today, bool check_expiry_past = true);
// first_name, last_name (required), email / phone (optional, valid when given), sex (F/M/X), class_level (a known
// level when given), message (length).
Errors validate(const OfferApplication& a);

}  // namespace passerelles::domain
