// /api/v1/organisations: list, create, read, replace and delete the organisations of the caller's territory,
// with the same validation and store calls as the pages. Errors: {"error", "fields"} with 400, 404, 409, 415, 422.
#include "api/directory_json.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

// GET /api/v1/organisations?q=&kind=&page=&per_page=
http::Response organisations_api_index(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  http::Response error;
  auto f = api_filter(c.req, "kind", error);
  if (!f) return error;
  return api_json(to_json(store::organisations_matching(c.app.store, c.territory_id(), *f)));
}

// POST /api/v1/organisations: 201 with the stored record and its Location.
http::Response organisations_api_create(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  http::Response error;
  auto body = json_object_body(c.req, error);
  if (!body) return error;
  domain::Organisation o;
  domain::Errors type_errors;
  organisation_from_json(*body, o, type_errors);
  if (!type_errors.empty()) return api_errors(400, "Types de valeurs invalides.", type_errors);
  o.territory_id = c.territory_id();
  domain::normalise(o);
  if (auto e = domain::validate(o); !e.empty()) return api_errors(422, "Données invalides.", e);
  auto saved = store::insert_organisation(c.app.store, o, author_of(c));
  if (!saved.ok()) return api_errors(status_of(saved), "La fiche n’a pas été enregistrée.", saved.errors);
  auto back = store::org_by_id(c.app.store, c.territory_id(), saved.id);
  if (!back) return api_errors(404, "Organisation introuvable.");  // deleted meanwhile
  auto r = api_json(to_json(*back), 201);
  r.header("Location", "/api/v1/organisations/" + std::to_string(saved.id));
  return r;
}

// GET /api/v1/organisations/{id}
http::Response organisations_api_show(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  auto o = store::org_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!o) return api_errors(404, "Organisation introuvable.");
  return api_json(to_json(*o));
}

// PUT /api/v1/organisations/{id}: every input field is replaced (absent fields become empty).
http::Response organisations_api_update(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  auto stored = store::org_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return api_errors(404, "Organisation introuvable.");
  http::Response error;
  auto body = json_object_body(c.req, error);
  if (!body) return error;
  domain::Organisation o = *stored;
  domain::Errors type_errors;
  organisation_from_json(*body, o, type_errors);
  if (!type_errors.empty()) return api_errors(400, "Types de valeurs invalides.", type_errors);
  domain::normalise(o);
  if (auto e = domain::validate(o); !e.empty()) return api_errors(422, "Données invalides.", e);
  auto saved = store::update_organisation(c.app.store, o, author_of(c));
  if (!saved.ok()) return api_errors(status_of(saved), "La fiche n’a pas été enregistrée.", saved.errors);
  auto back = store::org_by_id(c.app.store, c.territory_id(), o.id);
  if (!back) return api_errors(404, "Organisation introuvable.");  // deleted meanwhile
  return api_json(to_json(*back));
}

// DELETE /api/v1/organisations/{id}: 204; its people stay, without organisation.
http::Response organisations_api_delete(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  if (!store::delete_organisation(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c)))
    return api_errors(404, "Organisation introuvable.");
  return http::Response::json("", 204);
}

}  // namespace passerelles::web
