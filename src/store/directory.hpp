// The territory's directory: organisations and people. Every query is confined to one territory: a record of
// another territory reads as absent and cannot be changed, deleted or merged.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

// Who makes a change, as written in the audit log.
struct Author {
  long long user_id = 0;
  std::string label;  // e-mail or display name
};

// Outcome of a directory write. not_found: no such record in this territory. conflict: another record already
// holds a value that must be unique (errors say which field). invalid: the record points at something that is
// not in the territory (errors say which field).
struct WriteResult {
  enum class Status { ok, not_found, conflict, invalid };
  Status status = Status::ok;
  long long id = 0;
  domain::Errors errors;
  bool ok() const { return status == Status::ok; }
};

// Search and pagination. query: words that must all appear, ignoring case and accents, in the name, commune,
// codes or e-mail. kind: an organisation kind, or for people a role. Pages are 1-based.
struct DirectoryFilter {
  std::string query;
  std::string kind;
  long long organisation_id = 0;  // people only; 0 = any
  int page = 1;
  int per_page = 25;
};

template <class T>
struct Page {
  std::vector<T> rows;
  long long total = 0;
  int page = 1;
  int per_page = 25;
  long long pages() const { return total == 0 ? 1 : (total + per_page - 1) / per_page; }
};

constexpr int kMaxPerPage = 100;

// ---- organisations ------------------------------------------------------------------------------------------

// Inserts into o.territory_id; conflict when another organisation of the territory has the same UAI or SIRET.
WriteResult insert_organisation(Store& s, const domain::Organisation& o, const Author& by);
// Updates the editable fields of (o.territory_id, o.id); not_found for another territory's id.
WriteResult update_organisation(Store& s, const domain::Organisation& o, const Author& by);
// Deletes; its people stay, without organisation. False when absent from the territory.
bool delete_organisation(Store& s, long long territory_id, long long id, const Author& by);
std::optional<domain::Organisation> org_by_id(Store& s, long long territory_id, long long id);
// Ordered by folded name. A query that is not valid UTF-8 matches nothing.
Page<domain::Organisation> organisations_matching(Store& s, long long territory_id, const DirectoryFilter& f);
// Every organisation of the territory (id and name only), for choosing one in a form; only those of `kind`
// ('company', …) when it is not empty.
std::vector<domain::Organisation> organisation_names(Store& s, long long territory_id, const std::string& kind = "");
// Merges `duplicate_id` into `keep_id` in one transaction: the duplicate's people move to the kept
// organisation, its values fill the kept one's empty fields (domain::absorb), then it is deleted.
// not_found when either is absent from the territory; conflict when both ids are the same.
WriteResult merge_organisations(Store& s, long long territory_id, long long keep_id, long long duplicate_id,
                                const Author& by);

// ---- people -------------------------------------------------------------------------------------------------

// invalid when p.organisation_id is not an organisation of the territory; conflict when another person of the
// territory has the same e-mail.
WriteResult insert_person(Store& s, const domain::Person& p, const Author& by);
WriteResult update_person(Store& s, const domain::Person& p, const Author& by);
bool delete_person(Store& s, long long territory_id, long long id, const Author& by);
std::optional<domain::Person> person_by_id(Store& s, long long territory_id, long long id);
Page<domain::Person> people_matching(Store& s, long long territory_id, const DirectoryFilter& f);
// Ordered by last then first name; empty for another territory's organisation.
std::vector<domain::Person> people_of_organisation(Store& s, long long territory_id, long long organisation_id);
// Same contract as merge_organisations.
WriteResult merge_people(Store& s, long long territory_id, long long keep_id, long long duplicate_id, const Author& by);

}  // namespace passerelles::store
