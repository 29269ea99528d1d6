// GET /demandes/etablissements?school=… (or ?q=…; &territoire=slug): <option> elements for the school datalist of
// the request form (htmx), the schools of the territories' départements matching the words typed, as
// "UAI — name (commune)".
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

http::Response request_public_school_options(Ctx& c) {
  return school_options_response(c, request_departments(c, c.req.query("territoire")),
                                 c.req.query("q").empty() ? c.req.query("school") : c.req.query("q"));
}

}  // namespace passerelles::web
