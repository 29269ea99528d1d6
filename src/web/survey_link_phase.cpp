// POST /enquetes/{id}/etape: switches what a link collects (pre → post at the end of the action, closed…).
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

http::Response survey_link_phase(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!can_run_surveys(c)) return c.forbidden();
  long long id = c.req.param_id("id");
  auto saved = store::set_survey_link_phase(c.app.store, c.territory_id(), id, c.req.form("phase"), author_of(c));
  if (saved.status == store::WriteResult::Status::not_found) return c.not_found();
  if (!saved.ok()) return c.bad_request(saved.errors.count("phase") ? saved.errors.at("phase") : "Étape inconnue.");
  return http::Response::redirect("/enquetes/" + std::to_string(id) + "?msg=etape");
}

}  // namespace passerelles::web
