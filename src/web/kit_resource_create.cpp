// POST /collectif/kit/ressources/nouvelle (multipart): a link or an uploaded file (PDF or image, checked by its
// content; slides are shared as a PDF export), with a kind, a description and tags. The file is stored only when
// every other field is right; errors come back next to the fields (422).
#include "domain/kit.hpp"
#include "domain/text.hpp"
#include "http/multipart.hpp"
#include "store/files.hpp"
#include "store/kit.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/kit_support.hpp"

namespace passerelles::web {

http::Response kit_resource_create(Ctx& c) {
  if (auto refused = kit_refusal(c)) return *refused;
  KitResourceForm f{domain::trim(c.req.form("title")), c.req.form("kind"), domain::trim(c.req.form("url")),
                    domain::trim(c.req.form("description")), domain::trim(c.req.form("tags"))};
  const http::Part* file = nullptr;
  auto parts = http::parse_multipart(c.req.header("content-type"), c.req.body);
  if (parts)
    for (const auto& p : *parts)
      if (p.name == "file" && !p.filename.empty() && !p.data.empty()) file = &p;
  auto errors = domain::validate_kit_resource(f.title, f.kind, f.url, f.description, f.tags);
  if (!file && f.url.empty() && !errors.count("url"))
    errors["url"] = "Donnez un lien, ou choisissez un fichier à partager.";
  if (!errors.empty()) return kit_resource_form(c, f, errors, 422);

  store::KitResource r;
  r.territory_id = c.territory_id();
  r.title = f.title;
  r.kind = f.kind;
  r.url = f.url;
  r.description = f.description;
  r.tags = domain::parse_tags(f.tags);
  if (file) {
    auto stored = store::store_file(c.app.store, c.territory_id(), file->filename, file->data,
                                    {"application/pdf", "image/jpeg", "image/png", "image/webp"}, "file", author_of(c));
    if (!stored.errors.empty()) return kit_resource_form(c, f, stored.errors, 422);
    r.file_id = stored.id;
  }
  auto saved = store::insert_kit_resource(c.app.store, r, kit_author(c));
  if (!saved.ok()) return kit_resource_form(c, f, saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/kit?msg=ressource-ajoutee#ressources");
}

}  // namespace passerelles::web
