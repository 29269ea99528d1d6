// Internal networks: a women's network inside a company, a group inside a school. Members are ambassadors (one
// may belong to several); a network has a public page and its own actions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/directory.hpp"
#include "store/store.hpp"

namespace passerelles::store {

struct Network {
  long long id = 0;
  long long territory_id = 0;
  long long organisation_id = 0;
  std::string organisation_name;  // read only
  std::string slug, name, description;
  bool is_public = true;
  int members = 0;             // read only
  int actions = 0;             // read only: its validated actions
  long long people = 0;        // read only: people reached by them (docs/counting.md: follow-up sessions add nobody)
  std::string territory_name;  // read only
};
struct NetworkMember {
  long long ambassador_id = 0;
  std::string name;         // full name (members' view)
  std::string public_name;  // first name and initial when she consents to "name", "" otherwise
  std::string job_title;
  std::string role;  // member | lead
};

// invalid (organisation) when the organisation is not of the territory; slug from the name, made unique.
WriteResult insert_network(Store& s, const Network& n, const Author& by);
WriteResult update_network(Store& s, const Network& n, const Author& by);
bool delete_network(Store& s, long long territory_id, long long id, const Author& by);
std::optional<Network> network_by_id(Store& s, long long territory_id, long long id);
std::optional<Network> network_by_slug_public(Store& s, const std::string& slug);  // public ones only
std::vector<Network> networks_of(Store& s, long long territory_id);
std::vector<Network> networks_of_ambassador(Store& s, long long territory_id, long long ambassador_id);
std::vector<NetworkMember> network_members(Store& s, long long territory_id, long long network_id);
// not_found when the network or the ambassador (active) is not of the territory.
WriteResult add_network_member(Store& s, long long territory_id, long long network_id, long long ambassador_id,
                               const std::string& role, const Author& by);
bool remove_network_member(Store& s, long long territory_id, long long network_id, long long ambassador_id,
                           const Author& by);
// Links one of the territory's actions; not_found otherwise.
WriteResult add_network_action(Store& s, long long territory_id, long long network_id, long long action_id,
                               const Author& by);
bool remove_network_action(Store& s, long long territory_id, long long network_id, long long action_id,
                           const Author& by);
struct NetworkAction {
  long long id = 0;
  std::string starts_on, kind, title, status;
  long long people = 0;
};
// Newest first; people: what the action counts (0 unless validated and the first session of its group).
std::vector<NetworkAction> network_actions(Store& s, long long territory_id, long long network_id);

}  // namespace passerelles::store
