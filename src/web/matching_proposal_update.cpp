// POST /interventions/propositions/{id}/changer: puts the chosen candidate (ambassador and day) on the proposal.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_proposal_update(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  auto p = proposal_of(c, c.req.param_id("id"));
  if (!p) return c.not_found();
  std::string choice = c.req.form("candidate");
  auto colon = choice.find(':');
  long long ambassador_id = colon == std::string::npos ? -1 : parse_id(choice.substr(0, colon));
  std::string day = colon == std::string::npos ? "" : choice.substr(colon + 1);
  if (ambassador_id <= 0 || day.empty())
    return proposal_change_page(c, *p, "Choisissez une ambassadrice dans la liste.", 422);
  auto r =
      store::replace_proposal(c.app.store, c.territory_id(), p->id, ambassador_id, day, matching_today(), author_of(c));
  if (r.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!r.ok()) {
    auto it = r.errors.find("ambassador_id");
    return proposal_change_page(c, *p, it != r.errors.end() ? it->second : "Ce choix n’est pas possible.", 422);
  }
  return http::Response::redirect("/interventions?etat=changee");
}

}  // namespace passerelles::web
