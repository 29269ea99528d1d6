// POST /collectif/portraits/{id}/statut (statut=published|unpublished|draft): a coordinator publishes (her
// validation; refused with the reason without consent to « job »), unpublishes at once, or sends a request back
// to draft.
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response portrait_status_update(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::portrait_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return c.not_found();
  std::string status = c.req.form("statut");
  if (status != "published" && status != "unpublished" && status != "draft")
    return c.bad_request("Changement de statut inconnu : rien n’a été modifié.");
  auto r = store::set_portrait_status(c.app.store, c.territory_id(), p->id, status, author_of(c));
  if (r.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!r.ok()) {
    PortraitNotices notices;
    notices.status_error = r.errors.empty() ? "Ce changement de statut n’est pas possible." : r.errors.begin()->second;
    return portrait_form_page(c, *p, typed_of(*p), {}, status_of(r), notices);
  }
  std::string state = status == "published" ? "publie" : status == "unpublished" ? "depublie" : "brouillon";
  return http::Response::redirect("/collectif/portraits/" + std::to_string(p->id) + "/modifier?etat=" + state);
}

}  // namespace passerelles::web
