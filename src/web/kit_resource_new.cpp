// GET /collectif/kit/ressources/nouvelle: the form to share a resource (a link or a file, with tags).
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_resource_new(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  KitResourceForm f;
  f.kind = "document";
  return kit_resource_form(c, f, {}, 200);
}

}  // namespace passerelles::web
