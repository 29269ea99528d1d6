// /api/v1/people: list, create, read, replace and delete the people of the caller's territory, with the same
// validation and store calls as the pages. Errors: {"error", "fields"} with 400, 404, 409, 415, 422.
#include "api/directory_json.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

// GET /api/v1/people?q=&role=&organisation_id=&page=&per_page=
http::Response people_api_index(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  http::Response error;
  auto f = api_filter(c.req, "role", error);
  if (!f) return error;
  return api_json(to_json(store::people_matching(c.app.store, c.territory_id(), *f)));
}

// POST /api/v1/people: 201 with the stored record and its Location.
http::Response people_api_create(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  http::Response error;
  auto body = json_object_body(c.req, error);
  if (!body) return error;
  domain::Person p;
  domain::Errors type_errors;
  person_from_json(*body, p, type_errors);
  if (!type_errors.empty()) return api_errors(400, "Types de valeurs invalides.", type_errors);
  p.territory_id = c.territory_id();
  domain::normalise(p);
  if (auto e = domain::validate(p); !e.empty()) return api_errors(422, "Données invalides.", e);
  auto saved = store::insert_person(c.app.store, p, author_of(c));
  if (!saved.ok()) return api_errors(status_of(saved), "La fiche n’a pas été enregistrée.", saved.errors);
  auto back = store::person_by_id(c.app.store, c.territory_id(), saved.id);
  if (!back) return api_errors(404, "Personne introuvable.");  // deleted meanwhile
  auto r = api_json(to_json(*back), 201);
  r.header("Location", "/api/v1/people/" + std::to_string(saved.id));
  return r;
}

// GET /api/v1/people/{id}
http::Response people_api_show(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  auto p = store::person_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p) return api_errors(404, "Personne introuvable.");
  return api_json(to_json(*p));
}

// PUT /api/v1/people/{id}: every input field is replaced (absent fields become empty).
http::Response people_api_update(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  auto stored = store::person_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!stored) return api_errors(404, "Personne introuvable.");
  http::Response error;
  auto body = json_object_body(c.req, error);
  if (!body) return error;
  domain::Person p = *stored;
  domain::Errors type_errors;
  person_from_json(*body, p, type_errors);
  if (!type_errors.empty()) return api_errors(400, "Types de valeurs invalides.", type_errors);
  domain::normalise(p);
  if (auto e = domain::validate(p); !e.empty()) return api_errors(422, "Données invalides.", e);
  auto saved = store::update_person(c.app.store, p, author_of(c));
  if (!saved.ok()) return api_errors(status_of(saved), "La fiche n’a pas été enregistrée.", saved.errors);
  auto back = store::person_by_id(c.app.store, c.territory_id(), p.id);
  if (!back) return api_errors(404, "Personne introuvable.");  // deleted meanwhile
  return api_json(to_json(*back));
}

// DELETE /api/v1/people/{id}: 204.
http::Response people_api_delete(Ctx& c) {
  if (!c.territory_id()) return api_without_territory();
  if (!store::delete_person(c.app.store, c.territory_id(), c.req.param_id("id"), author_of(c)))
    return api_errors(404, "Personne introuvable.");
  return http::Response::json("", 204);
}

}  // namespace passerelles::web
