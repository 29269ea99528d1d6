// POST /actions/{id}/enquetes: attaches a questionnaire to an action behind a short link and a QR code. Without a
// questionnaire chosen, the territory's pupils' before/after questionnaire (copied from the template when it has
// none). An existing link for the same questionnaire is simply shown.
#include "store/actions.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

http::Response survey_link_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!can_run_surveys(c)) return c.forbidden();
  long long action_id = c.req.param_id("id");
  if (!store::action_by_id(c.app.store, c.territory_id(), action_id)) return c.not_found();
  long long q = parse_id(c.req.form("questionnaire_id"));
  if (q < 0) return c.bad_request("Choisissez un questionnaire de la liste.");
  if (q == 0) q = store::default_perception_questionnaire(c.app.store, c.territory_id(), author_of(c));
  auto saved = store::create_survey_link(c.app.store, c.territory_id(), action_id, q, author_of(c));
  if (saved.status == store::WriteResult::Status::conflict)
    return http::Response::redirect("/enquetes/" + std::to_string(saved.id));
  if (!saved.ok()) return c.bad_request("Ce questionnaire n’existe pas dans votre territoire.");
  return http::Response::redirect("/enquetes/" + std::to_string(saved.id) + "?msg=enquete-creee");
}

}  // namespace passerelles::web
