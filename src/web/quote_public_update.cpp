// POST /citations/{id}/public: publishes a quote (public=1) or withdraws it from the public site (public=0).
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response quote_public_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  std::string value = c.req.form("public");
  if (value != "0" && value != "1") return c.bad_request("Choisissez de publier la citation ou de la retirer.");
  long long id = c.req.param_id("id");
  auto saved = store::set_quote_public(c.app.store, c.territory_id(), id, value == "1", author_of(c));
  if (!saved.ok()) return c.not_found();
  return http::Response::redirect(std::string("/citations?msg=") +
                                  (value == "1" ? "citation-publiee" : "citation-retiree") + "#citation-" +
                                  std::to_string(id));
}

}  // namespace passerelles::web
