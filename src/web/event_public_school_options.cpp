// GET /evenements/{id}/etablissements?school=…: <option> elements for the school datalist of the booking form
// (htmx), the schools of the event's territory matching the words typed, as "UAI — name (commune)".
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/schools.hpp"
#include "web/event_public_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response event_public_school_options(Ctx& c) {
  auto e = store::event_by_id(c.app.store, 0, c.req.param_id("id"));
  if (!e || !domain::event_is_public(e->status)) return c.not_found();
  std::string q = domain::trim(c.req.query("school"));
  std::string html;
  auto t = store::territory_by_id(c.app.store, e->territory_id);
  if (t && domain::valid_utf8(q) && domain::utf8_length(q) >= 2 && domain::utf8_length(q) <= 200) {
    store::SchoolFilter f;
    f.departments = t->departments;
    f.query = q;
    f.per_page = 12;
    List options;
    for (const auto& s : store::schools_matching(c.app.store, f).rows) {
      Data o;
      o.set("value", school_option_label(s));
      options.push_back(o);
    }
    html = c.app.templates.render("action_school_options", Data("options", options));
  }
  http::Response r = http::Response::html(html);
  r.header("Cache-Control", "public, max-age=300");
  return r;
}

}  // namespace passerelles::web
