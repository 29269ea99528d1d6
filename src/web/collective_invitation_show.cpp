// GET /collectif/invitation/{token}: accepting an invitation — the safeguarding charter and the choice of a
// password; an unknown, used or expired link says so (404).
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_invitation_show(Ctx& c) {
  auto a = store::ambassador_by_invite(c.app.store, c.req.params["token"]);
  return invitation_page(c, a ? &*a : nullptr, c.req.params["token"], {}, a ? 200 : 404);
}

}  // namespace passerelles::web
