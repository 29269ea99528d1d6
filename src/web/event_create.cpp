// POST /evenements/nouveau: validates and creates the event in my territory, as a draft or published at once
// ("Publier maintenant"); on error the form comes back with what was typed and a message next to each field.
#include "store/events.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!can_organise(c)) return c.forbidden();
  domain::Errors errors;
  domain::Event e = event_from_form(c.req, {}, errors);
  e.territory_id = c.territory_id();
  e.created_by = c.actor->user.id;
  e.status = c.req.form("publish") == "1" ? "published" : "draft";
  domain::normalise(e);
  domain::merge_into(errors, domain::validate(e, plan_today(), true));
  check_host(c, e, errors);
  if (!errors.empty()) return event_form(c, e, errors, 422);
  auto saved = store::insert_event(c.app.store, e, author_of(c));
  if (!saved.ok()) return event_form(c, e, saved.errors, status_of(saved));
  std::string msg = e.status == "published" ? "evenement-publie" : "evenement-cree";
  return http::Response::redirect("/evenements/" + std::to_string(saved.id) + "/gestion?msg=" + msg);
}

}  // namespace passerelles::web
