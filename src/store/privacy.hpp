// Privacy of mentees and candidates (issue 7): a person's records found by name or e-mail, exported as JSON, erased
// on request; the scheduled purge of minors' personal data minor_data_months after their programme or offer ends;
// and the register of all three (privacy_log), which says what was done and never whose data.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// Who a privacy request is about, as written in addresses: "mentee" (a mentee's application, mentee_applications)
// or "candidate" (an application to an offer, offer_applications).
bool valid_privacy_subject(std::string_view subject);

// One record found for a person.
struct PrivacyRecord {
  std::string subject;  // mentee | candidate
  long long id = 0;
  std::string first_name, last_name, email;
  std::string context;  // the programme's name, or « offer title — company »
  std::string status;   // the application's status code
  bool minor = false;
  long long created_at = 0;
  long long erased_at = 0;  // 0 = not erased
};

// The territory's records not yet erased where every word of `query` (case and accents ignored) appears in the first
// or last name or an e-mail: a mentee's own, her guardian's or her voucher's; a candidate's own. Mentees first,
// newest first; at most `limit`. A query without any word finds nothing.
std::vector<PrivacyRecord> privacy_search(Store& s, long long territory_id, const std::string& query, int limit = 50);

// One record of the territory (erased or not); nullopt when absent or in another territory.
std::optional<PrivacyRecord> privacy_record(Store& s, long long territory_id, const std::string& subject, long long id);

// Everything stored about the person of one record, as JSON: a mentee's application (every column but her secret
// links, with the programme, school and commune named), her pairs (the mentor's first name only), their meetings,
// messages and feedback; a candidate's application with its offer and company. Writes an `export` entry in the
// register. nullopt when the record is not in the territory. An erased record's export holds nothing personal.
std::optional<nlohmann::json> export_person(Store& s, long long territory_id, const std::string& subject, long long id,
                                            const Author& by, long long now);

// Erases the personal data of one record on request and writes an `erasure` entry in the register (rows_changed:
// rows changed in every table). A mentee: first name « Effacée », the other personal columns blanked (last name,
// birth month, e-mail, phone, school and class, commune, motivation, voucher, guardian, outcome text, reason for
// withdrawing), her secret links replaced by fresh random values nobody knows, the messages of her pairs deleted,
// their meetings' summaries, feedback comments, explanation and end reason blanked; what the counts need stays
// (status, sex, minor, under 15, programme, outcome code, dates). A candidate: name « Effacée », e-mail, phone,
// school and class, message, interview day and reason for declining blanked; status, sex, minor, offer and dates
// stay. Entries of the audit log about the record lose their detail. not_found: not in the territory, or already
// erased.
WriteResult erase_person(Store& s, long long territory_id, const std::string& subject, long long id, const Author& by,
                         long long now);

struct PurgeReport {
  long long programmes = 0;  // programmes purged
  long long mentees = 0;     // minor mentees erased
  long long offers = 0;      // offers whose minor candidates were erased
  long long candidates = 0;  // minor candidates erased
};

// The scheduled purge on `today` ('YYYY-MM-DD'), `months` = minor_data_months: every programme not yet purged whose
// ends_on + months is before today gets its minor mentees erased (as erase_person) and purged_at = now; every minor
// candidate not yet erased of an offer whose end (ends_on, or expires_on without one) + months is before today is
// erased. One `purge` entry in the register per programme or offer (done_by NULL). A second run changes nothing.
PurgeReport purge_minors_data(Store& s, const std::string& today, int months, long long now);

struct PrivacyLogEntry {
  long long id = 0;
  std::string kind, subject;
  long long subject_id = 0;
  long long rows_changed = 0;
  std::string done_by;  // the account's name or e-mail; "" for the scheduled purge or a deleted account
  long long done_at = 0;
};

// The territory's register, newest first.
std::vector<PrivacyLogEntry> privacy_log_entries(Store& s, long long territory_id, int limit, int offset = 0);

}  // namespace passerelles::store
