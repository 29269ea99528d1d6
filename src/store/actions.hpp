// Actions of a territory: create, edit, validate, reject, delete — each in one transaction that also keeps the
// aggregates (action_agg, action_agg_month, school_reach) right. Every query is confined to one territory.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/action.hpp"
#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct ActionFilter {
  std::string status;  // "" = all
  std::string kind;    // "" = all
  long long initiative_id = 0;
  long long declared_by = 0;     // an ambassador's own actions; 0 = anyone's
  long long ambassador_id = 0;   // actions she took part in; 0 = any
  std::string from_day, to_day;  // inclusive, 'YYYY-MM-DD'; "" = open
  std::string query;             // words in the title, place or school names
  int page = 1;
  int per_page = 25;
};

// Inserts into a.territory_id. invalid (with field errors) when an id does not belong to the territory:
// initiative_id, same_group_as, organisations, ambassadors (users of the territory), schools (must be in the
// territory's départements). The department is derived. A same_group_as pointing at a follow-up is resolved to
// that group's first action.
WriteResult insert_action(Store& s, const domain::Action& a, const Author& by);
// Updates everything but status, declared_by and validation fields; a validated action stays validated and
// the aggregates move with it.
WriteResult update_action(Store& s, const domain::Action& a, const Author& by);
// declared -> validated (or rejected with a reason); validated -> declared (reopen). not_found, or conflict for
// a transition that is not allowed.
WriteResult set_action_status(Store& s, long long territory_id, long long id, const std::string& status,
                              const std::string& reason, const Author& by);
// Deletes the action and its links; its follow-ups become first sessions of their group. False when absent.
bool delete_action(Store& s, long long territory_id, long long id, const Author& by);
std::optional<domain::Action> action_by_id(Store& s, long long territory_id, long long id);
// Newest first.
Page<domain::Action> actions_matching(Store& s, long long territory_id, const ActionFilter& f);
// Candidates for "same group as": validated or declared actions of the territory reaching one of these
// schools (or any, when none given), newest first, at most 50.
std::vector<domain::Action> group_candidates(Store& s, long long territory_id,
                                             const std::vector<long long>& school_ids);

// Ambassadors of the territory (role ambassador, active), for choosing who took part: id and display name.
std::vector<std::pair<long long, std::string>> ambassadors_of(Store& s, long long territory_id);

// Evidence (photos, attendance sheets) attached to an action: kind photo | attendance.
bool attach_action_file(Store& s, long long territory_id, long long action_id, long long file_id,
                        const std::string& kind);
// The evidence of an action (metadata only, no content), oldest first (implemented in store/action_files.cpp).
struct ActionFile {
  long long file_id = 0;
  std::string kind;  // photo | attendance
  std::string name, content_type;
  long long size = 0;
};
std::vector<ActionFile> action_files(Store& s, long long territory_id, long long action_id);

}  // namespace passerelles::store
