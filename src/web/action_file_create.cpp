// POST /actions/{id}/preuves (multipart): attaches a photo or an attendance sheet, checked by its content
// (JPEG, PNG, WebP, PDF) and its size; a refused file is not stored and the page says why.
#include "http/multipart.hpp"
#include "store/actions.hpp"
#include "store/files.hpp"
#include "web/action_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response action_file_create(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto a = store::action_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!a) return c.not_found();
  if (!can_change(c, *a) && !c.actor->can_edit_directory()) return c.forbidden();
  auto parts = http::parse_multipart(c.req.header("content-type"), c.req.body);
  const http::Part* file = nullptr;
  std::string kind = "photo";
  if (parts) {
    for (const auto& p : *parts) {
      if (p.name == "file" && !p.filename.empty()) file = &p;
      if (p.name == "kind" && p.filename.empty()) kind = p.data;
    }
  }
  if (kind != "photo" && kind != "attendance") kind = "photo";
  if (!file || file->data.empty())
    return c.page("error", "Pièce non ajoutée",
                  Data("message", Data("Choisissez un fichier (photo ou feuille d’émargement) avant d’envoyer.")), 422);
  auto stored = store::store_file(c.app.store, c.territory_id(), file->filename, file->data,
                                  {"image/jpeg", "image/png", "image/webp", "application/pdf"}, "file", author_of(c));
  if (!stored.errors.empty())
    return c.page("error", "Pièce non ajoutée", Data("message", Data(stored.errors.begin()->second)), 422);
  store::attach_action_file(c.app.store, c.territory_id(), a->id, stored.id, kind);
  return http::Response::redirect("/actions/" + std::to_string(a->id) + "?msg=piece-ajoutee");
}

}  // namespace passerelles::web
