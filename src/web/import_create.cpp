// POST /import: reads the uploaded CSV with the same importer as `passerelles import schools` and shows its
// summary: inserted, updated, unchanged, skipped, and each rejected line with its reason.
#include <sstream>

#include "http/multipart.hpp"
#include "store/accounts.hpp"
#include "store/school_import.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response import_create(Ctx& c) {
  auto form_error = [&](const std::string& message, int status) {
    Data d;
    d.set("file_error", message);
    return c.page("import", "Importer l’annuaire des établissements", d, status);
  };
  auto parts = http::parse_multipart(c.req.header("content-type"), c.req.body);
  if (!parts) return form_error("Envoyez le fichier avec le formulaire ci-dessous.", 415);
  const http::Part* file = nullptr;
  for (const auto& p : *parts)
    if (p.name == "fichier" && !p.filename.empty()) file = &p;
  if (!file || file->data.empty()) return form_error("Choisissez un fichier CSV à importer.", 422);

  std::istringstream in(file->data);
  auto summary = store::import_schools(c.app.store, in, {}, file->filename);
  if (!summary.ok()) return form_error(summary.error, 422);
  ++c.app.schools_local_changes;
  c.app.store.write([&](soci::session& sql) {
    store::audit(sql, c.territory_id(), c.actor->user.id, c.actor->user.email, "import", "schools", 0,
                 file->filename + " : " + std::to_string(summary.inserted) + " ajoutés, " +
                     std::to_string(summary.updated) + " mis à jour, " + std::to_string(summary.rejected.size()) +
                     " rejetés");
  });
  Data d;
  Data s;
  s.set("file", file->filename);
  s.set("rows", std::to_string(summary.rows));
  s.set("inserted", std::to_string(summary.inserted));
  s.set("updated", std::to_string(summary.updated));
  s.set("unchanged", std::to_string(summary.unchanged));
  s.set("skipped", std::to_string(summary.skipped));
  s.set("rejected_count", std::to_string(summary.rejected.size()));
  List rejected;
  for (const auto& r : summary.rejected) {
    Data item;
    item.set("line", std::to_string(r.line));
    item.set("reason", r.reason);
    rejected.push_back(item);
  }
  s.set("rejected", rejected);
  s.set("has_rejected", !rejected.empty());
  d.set("summary", s);
  return c.page("import", "Import terminé", d);
}

}  // namespace passerelles::web
