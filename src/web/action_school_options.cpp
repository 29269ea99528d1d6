// GET /actions/etablissements?school=…: <option> elements for the school datalist of the action form (htmx),
// the territory's schools matching the words typed, as "UAI — name (commune)".
#include "domain/text.hpp"
#include "store/schools.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response action_school_options(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  std::string q = domain::trim(c.req.query("school"));
  std::string html;
  if (domain::valid_utf8(q) && domain::utf8_length(q) >= 2 && domain::utf8_length(q) <= 200) {
    store::SchoolFilter f;
    f.departments = c.actor->territory.departments;
    f.query = q;
    f.per_page = 12;
    Data d;
    List options;
    for (const auto& s : store::schools_matching(c.app.store, f).rows) {
      Data o;
      o.set("value", s.uai + " — " + s.name + (s.commune_name.empty() ? "" : " (" + s.commune_name + ")"));
      options.push_back(o);
    }
    d.set("options", options);
    html = c.app.templates.render("action_school_options", d);
  }
  http::Response r = http::Response::html(html);
  r.header("Cache-Control", "private, max-age=60");
  return r;
}

}  // namespace passerelles::web
