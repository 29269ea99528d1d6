// GET /collectif/communes?q=…: <option> elements for the home commune datalist of the profile form (htmx), as
// « 25056 — Besançon (25000) », the communes whose name, INSEE code or postal code match what was typed (q, or the
// field's own name: home_commune on the profile form, commune on the portrait form).
#include "domain/text.hpp"
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_commune_options(Ctx& c) {
  std::string q = c.req.query("q");
  for (const char* field : {"home_commune", "commune"})
    if (q.empty()) q = c.req.query(field);
  q = domain::trim(q);
  List options;
  for (const auto& m : store::communes_matching(c.app.store, q, 12))
    options.push_back(Data("value", commune_option_label(m)));
  http::Response r = http::Response::html(c.app.templates.render("action_school_options", Data("options", options)));
  r.header("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace passerelles::web
