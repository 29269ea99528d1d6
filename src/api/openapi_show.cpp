// GET /api/v1/openapi.json: the OpenAPI 3.0 description of the JSON API (api/openapi.json, embedded).
#include "embedded.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response openapi_show(Ctx& c) {
  auto doc = embedded_file("api/openapi.json");
  if (!doc) return c.not_found();
  http::Response r = http::Response::json(std::string(*doc));
  r.header("Cache-Control", "public, max-age=3600");
  r.header("Access-Control-Allow-Origin", "*");  // public, so that API explorers on other sites can read it
  return r;
}

}  // namespace passerelles::web
