// GET /collectif/kit/pages/nouvelle: the empty form of a new kit page.
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_page_new(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  return kit_page_form(c, {}, {}, 200);
}

}  // namespace passerelles::web
