// GET /citations: the quotes of my territory, newest first, with their public state; editors publish, withdraw
// and delete them.
#include "domain/plan.hpp"
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {
constexpr int kMaxQuotes = 500;
}

http::Response quote_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  List quotes;
  for (const auto& q : store::quotes_of(c.app.store, c.territory_id(), false, kMaxQuotes)) {
    Data item;
    item.set("id", std::to_string(q.id));
    item.set("text", q.text);
    item.set("attribution", q.attribution);
    item.set("day", domain::format_day_fr(q.day));
    item.set("is_public", q.is_public);
    quotes.push_back(item);
  }
  Data d;
  d.set("has_quotes", !quotes.empty());
  d.set("quotes", quotes);
  return c.page("quote_list", "Citations choisies", d);
}

}  // namespace passerelles::web
