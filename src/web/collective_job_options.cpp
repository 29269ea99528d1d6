// GET /collectif/metiers?q=…: <option> elements for the job title datalists (htmx), the ROME job titles matching
// the words typed (q, or the field's own name job_title). Public: the application form uses it.
#include "domain/text.hpp"
#include "store/rome.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_job_options(Ctx& c) {
  std::string q = domain::trim(c.req.query("q").empty() ? c.req.query("job_title") : c.req.query("q"));
  std::string html;
  if (domain::valid_utf8(q) && domain::utf8_length(q) >= 2 && domain::utf8_length(q) <= 200) {
    List options;
    for (const auto& t : store::rome_titles_matching(c.app.store, q, 15)) options.push_back(Data("value", t.title));
    html = c.app.templates.render("action_school_options", Data("options", options));
  }
  http::Response r = http::Response::html(html);
  r.header("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace passerelles::web
