// GET /questionnaires: the territory's questionnaires and the built-in templates an editor can copy.
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/questionnaire_support.hpp"

namespace passerelles::web {

http::Response questionnaire_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  List mine;
  for (const auto& q : store::questionnaires_of(c.app.store, c.territory_id())) mine.push_back(questionnaire_data(q));
  List templates;
  for (const auto& t : domain::questionnaire_templates()) {
    Data item = questionnaire_data(t);
    item.set("code", t.template_code);
    templates.push_back(item);
  }
  Data d;
  d.set("territory_name", c.actor->territory.name);
  d.set("has_questionnaires", !mine.empty());
  d.set("questionnaires", mine);
  d.set("templates", templates);
  return c.page("questionnaire_list", "Questionnaires", d);
}

}  // namespace passerelles::web
