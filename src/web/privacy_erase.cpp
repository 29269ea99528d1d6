// POST /confidentialite/{subject}/{id}/effacer: erases a person's record at her request. Without confirmer=oui the
// confirmation page is shown again; with it, her personal data is erased (the counts keep the anonymous row), the
// register notes it, and the coordinator goes back to /confidentialite.
#include "store/accounts.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/privacy_support.hpp"

namespace passerelles::web {

http::Response privacy_erase(Ctx& c) {
  auto territory = privacy_territory(c);
  if (!territory) return c.not_found();
  auto r = store::privacy_record(c.app.store, territory->id, c.req.params["subject"], c.req.param_id("id"));
  if (!r || r->erased_at != 0) return c.not_found();
  if (c.req.form("confirmer") != "oui") return privacy_erase_page(c, *territory, *r);
  auto done = store::erase_person(c.app.store, territory->id, r->subject, r->id, author_of(c), store::now_unix());
  if (!done.ok()) return c.not_found();  // erased meanwhile
  std::string scope = privacy_scope(c, *territory);
  return http::Response::redirect("/confidentialite" + (scope.empty() ? "?" : scope + "&") + "etat=effacee");
}

}  // namespace passerelles::web
