// GET /parrainage: the territory's mentoring programmes (coordinator), newest first, with the link to create one.
#include "domain/plan.hpp"
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_index(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  List rows;
  for (const auto& p : store::programmes_of(c.app.store, c.territory_id())) {
    Data d;
    d.set("id", std::to_string(p.id));
    d.set("name", p.name);
    d.set("audience_label", std::string(domain::choice_label(domain::mentoring::audiences(), p.audience)));
    d.set("status_label", std::string(domain::choice_label(domain::mentoring::programme_statuses(), p.status)));
    d.set("period", "du " + domain::format_day_fr(p.starts_on) + " au " + domain::format_day_fr(p.ends_on));
    rows.push_back(d);
  }
  Data d;
  d.set("rows", rows);
  d.set("has_rows", !rows.empty());
  if (c.req.query("msg") == "cree") d.set("notice", std::string("Programme créé."));
  return c.page("mentoring_index", "Parrainage", d);
}

}  // namespace passerelles::web
