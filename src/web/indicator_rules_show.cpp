// GET /regles-de-comptage: how the indicators are counted, in French — the same text as the annex of the funder
// report (report/counting_rules.hpp).
#include "report/counting_rules.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response indicator_rules_show(Ctx& c) {
  List rules;
  for (const auto& r : report::counting_rules()) {
    List paragraphs;
    for (const auto& p : r.paragraphs) paragraphs.push_back(Data("text", p));
    Data rule;
    rule.set("title", r.title);
    if (!r.anchor.empty()) rule.set("anchor", r.anchor);
    rule.set("paragraphs", paragraphs);
    rules.push_back(rule);
  }
  Data d;
  d.set("rules", rules);
  return c.page("counting_rules", "Règles de comptage", d);
}

}  // namespace passerelles::web
