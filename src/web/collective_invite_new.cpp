// GET /collectif/membres/inviter: the invitation form (name, e-mail, optionally job and domain).
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_invite_new(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  return invite_page(c, {}, {}, 200);
}

}  // namespace passerelles::web
