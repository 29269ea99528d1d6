// School intervention requests (a teacher asks for a testimony in class, a visit, a forum stand or mentoring) and
// the ambassadors put on them. Pure code: lists, validation, statuses, and the French explanation of a proposal.
// The matching engine itself is domain/matching.hpp; the store keeps the workflow (store/requests.hpp,
// store/matching.hpp, store/assignments.hpp). docs/matching.md.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/action.hpp"
#include "domain/validation.hpp"

namespace passerelles::domain {

// talk (témoignage en classe) | visit_company | visit_lab | forum | mentoring
const std::vector<Choice>& request_kinds();
std::string_view request_kind_label(std::string_view kind);  // "" when unknown
// The action kind a reported intervention is counted under (talk -> temoignage_classe, visit_company ->
// visite_entreprise, visit_lab -> visite_laboratoire, forum -> forum_salon, mentoring -> atelier).
std::string_view action_kind_of_request(std::string_view kind);

// unconfirmed | open | confirmed | done | cancelled (migration 0006 explains each)
const std::vector<Choice>& request_statuses();
std::string_view request_status_label(std::string_view status);
// proposed | invited | accepted | declined | cancelled | reported
const std::vector<Choice>& assignment_statuses();
std::string_view assignment_status_label(std::string_view status);

// Languages a request may ask for besides French: en | de | es | it | ar | pt ('' = French).
const std::vector<Choice>& request_languages();

constexpr int kMaxRequestDays = 60;        // days stored for one request (windows included)
constexpr int kMaxRequestWindowDays = 92;  // a window longer than this is refused
constexpr int kMaxClassPupils = 400;
constexpr int kRequestConfirmHours = 48;  // an unconfirmed request lapses after this

struct InterventionRequest {
  long long id = 0;
  long long territory_id = 0;
  std::string territory_slug, territory_name;  // read only
  std::string status;                          // set by the store
  std::string token;                           // private link, made by the store
  long long confirmed_at = 0;
  long long school_id = 0;
  std::string school_name, school_uai, school_commune;  // read only (directory)
  std::string school_priority;                          // read only: '', 'REP', 'REP+'
  std::string contact_name, email, phone, role;
  std::string kind = "talk";
  std::vector<std::string> class_levels;
  int girls = 0, boys = 0;
  int needed = 1;  // 1 or 2
  std::vector<std::string> domains;
  std::string jobs;
  std::string accessibility;
  std::string language;
  std::string message;
  // What she typed for dates: days 'YYYY-MM-DD' and windows 'YYYY-MM-DD..YYYY-MM-DD', one per line or separated by
  // commas (the form's text). `days` is what the store keeps: every listed day, every weekday (Mon–Fri) of each
  // window, sorted, unique, at most kMaxRequestDays.
  std::string dates_text;
  std::vector<std::string> days;
  std::string day;  // fixed once confirmed
  std::string shortage_reason;
  long long shortage_since = 0;
  std::string cancel_reason, cancelled_by;
  long long action_id = 0;
  bool anonymised = false;
  long long created_at = 0, updated_at = 0;
  bool confirmed() const { return confirmed_at != 0; }
};

// Trims, lower-cases the e-mail, sorts and de-duplicates lists, and expands dates_text into days (days that do
// not parse are left for validate() to report).
void normalise(InterventionRequest& r);
// French messages keyed by form field: school_id (required), contact_name, email, phone (when given), kind,
// class_levels (known codes, at least one), girls / boys (whole numbers 0–kMaxClassPupils, at least one pupil),
// needed (1 or 2), domains (known codes), language, dates (each item a real day or window, not in the past of
// `today`, not more than a year ahead, a window at most kMaxRequestWindowDays long, at least one day, at most
// kMaxRequestDays days), jobs / accessibility / message (lengths).
Errors validate(const InterventionRequest& r, std::string_view today);
// Expands the dates text: {days, error} where error is '' or a French message naming the bad item.
struct DatesParse {
  std::vector<std::string> days;
  std::string error;
};
DatesParse parse_request_dates(std::string_view text);
// The days written back as the form's text (the edit form): runs of consecutive weekdays (Friday to Monday counts
// as consecutive) become windows 'A..B', other days stay alone, separated by ", "; parse_request_dates of the
// result gives the days back.
std::string request_dates_text(const std::vector<std::string>& days);

// The French labels of codes of `choices`, separated by ", " (an unknown code is shown as it is):
// {"3e", "4e"} of class_levels() -> "3e, 4e".
std::string labels_of_codes(const std::vector<std::string>& codes, const std::vector<Choice>& choices);

// The explanation of a proposal, in French: « 12 km, maintenance industrielle, 1re intervention ce trimestre »;
// adds « établissement jamais atteint » and « éducation prioritaire (REP+) » when they apply, and « déjà venue
// dans cet établissement » for a repeat. domain_label '' when no shared domain (then « hors domaine demandé »
// when the request named domains). load: her interventions this term before this one.
std::string proposal_why(double km, std::string_view domain_label, bool request_named_domains, int load,
                         bool never_reached, std::string_view priority, bool repeat_school);

}  // namespace passerelles::domain
