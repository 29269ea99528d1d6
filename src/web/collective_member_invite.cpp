// POST /collectif/membres/{id}/inviter: turns an application into an invitation, or sends an invitation again (a
// new link; the previous one stops working), and e-mails the link.
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_member_invite(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  auto a = store::ambassador_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a || (a->status != "applicant" && a->status != "invited")) return c.not_found();
  auto invited = store::invite_ambassador(c.app.store, c.territory_id(), *a, author_of(c));
  if (!invited.result.ok()) return c.not_found();
  bool sent = send_invitation(c, *a, invited.token);
  return http::Response::redirect("/collectif/membres/" + std::to_string(a->id) +
                                  (sent ? "?etat=invitation-envoyee" : "?etat=invitation-sans-mail"));
}

}  // namespace passerelles::web
