// GET /plan/partenariats/{id}/convention: the signed convention as a download, with the content type decided
// at upload from its bytes.
#include "store/files.hpp"
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response plan_partnership_document(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto p = store::partnership_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!p || !p->document_file_id) return c.not_found();
  auto file = store::file_by_id(c.app.store, c.territory_id(), p->document_file_id);
  if (!file) return c.not_found();
  http::Response r;
  r.content_type = file->content_type;
  r.body = std::move(file->content);
  r.compressible = false;
  r.header("Content-Disposition", attachment_disposition(file->name));
  r.header("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace passerelles::web
