// GET /import: the coordinator's upload form for the official school directory (CSV export).
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response import_new(Ctx& c) {
  return c.page("import", "Importer l’annuaire des établissements", Data());
}

}  // namespace passerelles::web
