// POST /actions/{id}/valider, /rejeter (with a reason) and /rouvrir: the coordinator's decision. Only validated
// actions count in the indicators (docs/counting.md).
#include "domain/text.hpp"
#include "store/actions.hpp"
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

http::Response change_status(Ctx& c, const std::string& status, const std::string& msg) {
  if (!c.territory_id()) return directory_without_territory(c);
  long long id = c.req.param_id("id");
  // Another territory's id is absent before anything else is checked.
  if (!store::action_by_id(c.app.store, c.territory_id(), id)) return c.not_found();
  std::string reason = domain::trim(c.req.form("reason"));
  if (status == "rejected" && (reason.empty() || domain::utf8_length(reason) > 500 || !domain::valid_utf8(reason)))
    return c.bad_request(
        "Indiquez en quelques mots pourquoi l’action est refusée (500 caractères au plus) : "
        "l’ambassadrice verra ce motif.");
  auto r = store::set_action_status(c.app.store, c.territory_id(), id, status, reason, author_of(c));
  if (r.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!r.ok()) {
    std::string why = r.errors.empty() ? std::string("Ce changement n’est pas possible dans l’état actuel de l’action.")
                                       : r.errors.begin()->second;
    return c.page("error", "Changement impossible", Data("message", Data(why)), 409);
  }
  std::string back = c.req.form("back");
  if (back == "liste") return http::Response::redirect("/actions?statut=declared&msg=" + msg);
  return http::Response::redirect("/actions/" + std::to_string(id) + "?msg=" + msg);
}

}  // namespace

http::Response action_validate(Ctx& c) {
  return change_status(c, "validated", "action-validee");
}
http::Response action_reject(Ctx& c) {
  return change_status(c, "rejected", "action-refusee");
}
http::Response action_reopen(Ctx& c) {
  return change_status(c, "declared", "action-rouverte");
}

}  // namespace passerelles::web
