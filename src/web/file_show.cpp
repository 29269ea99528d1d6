// GET /fichiers/{id}: an uploaded file of my territory, as an attachment with the type decided at upload.
#include "store/files.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response file_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto f = store::file_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!f) return c.not_found();
  http::Response r;
  r.status = 200;
  r.body = f->content;
  r.content_type = f->content_type;
  r.compressible = f->content_type == "application/pdf";
  r.header("Content-Disposition", "attachment; filename=\"" + f->name + "\"");
  r.header("X-Content-Type-Options", "nosniff");
  r.header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace passerelles::web
