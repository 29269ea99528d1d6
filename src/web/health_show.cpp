// GET /healthz: 200 when the database answers, 503 otherwise (for load balancers and monitoring).
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response health_show(Ctx& c) {
  if (!c.app.store.ping()) return http::Response::json(R"({"status":"error","database":"unreachable"})", 503);
  return http::Response::json(R"({"status":"ok","database":"ok"})");
}

}  // namespace passerelles::web
