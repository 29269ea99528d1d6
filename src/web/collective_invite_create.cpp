// POST /collectif/membres/inviter: records the invitation and e-mails its personal link (valid 14 days); errors
// next to the fields (422), an active member's e-mail (409).
#include "domain/text.hpp"
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_invite_create(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  domain::Ambassador a;
  a.territory_id = c.territory_id();
  a.first_name = domain::trim(c.req.form("first_name"));
  a.last_name = domain::trim(c.req.form("last_name"));
  a.email = domain::trim(c.req.form("email"));
  a.job_title = domain::trim(c.req.form("job_title"));
  a.domain = c.req.form("domain");
  auto errors = domain::validate_application(a);
  if (a.job_title.empty()) errors.erase("job_title");  // optional here: she completes her profile herself
  if (!errors.empty()) return invite_page(c, a, errors, 422);
  auto invited = store::invite_ambassador(c.app.store, c.territory_id(), a, author_of(c));
  if (!invited.result.ok()) return invite_page(c, a, invited.result.errors, status_of(invited.result));
  auto stored = store::ambassador_by_id(c.app.store, c.territory_id(), invited.ambassador_id);
  bool sent = stored && send_invitation(c, *stored, invited.token);
  return http::Response::redirect("/collectif/membres/" + std::to_string(invited.ambassador_id) +
                                  (sent ? "?etat=invitation-envoyee" : "?etat=invitation-sans-mail"));
}

}  // namespace passerelles::web
