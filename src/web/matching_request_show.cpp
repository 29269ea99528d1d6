// GET /interventions/demandes/{id}: one request for the coordinator — everything the teacher gave, its ambassadors
// with their statuses, and cancelling it with notice.
#include "domain/collective.hpp"
#include "domain/event.hpp"
#include "domain/text.hpp"
#include "store/assignments.hpp"
#include "store/requests.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

http::Response matching_request_show(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  auto r = store::request_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!r || r->status == "unconfirmed") return c.not_found();
  return matching_request_page(c, *r, c.req.query("etat") == "annulee" ? matching_notice("annulee") : "", "", 200);
}

}  // namespace passerelles::web
