// GET /a-propos: what Passerelles is, how personal data is handled, and the sources and licences of the data.
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response about_show(Ctx& c) {
  return c.page("about", "À propos et sources", Data());
}

}  // namespace passerelles::web
