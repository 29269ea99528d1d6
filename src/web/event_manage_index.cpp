// GET /evenements/gerer: the events I organise (drafts included), soonest first, with their status, places taken
// and waiting list, filtered by status; a coordinator sees every event of the territory, a contact those hosted
// by her organisations.
#include <algorithm>

#include "store/events.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr int kPerPage = 25;

}  // namespace

http::Response event_manage_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  if (!can_organise(c)) return c.forbidden();
  store::EventFilter f;
  f.territory_id = c.territory_id();
  f.public_only = false;
  f.status = c.req.query("statut");
  if (domain::event_status_label(f.status).empty()) f.status.clear();
  f.page = std::max(1, parse_int(c.req.query("page"), 1));
  f.per_page = kPerPage;
  bool all = organises_all(c);
  for (const auto& [id, name] : own_organisations(c)) f.organisation_ids.push_back(id);
  // A contact without an organisation of hers in the directory organises nothing (an empty list means "any").
  bool nothing = !all && f.organisation_ids.empty();
  store::Page<domain::Event> found;
  if (!nothing) found = store::events_matching(c.app.store, f);

  Data d;
  d.set("statuses", choice_list(domain::event_statuses(), f.status));
  d.set("no_organisation", nothing);
  d.set("can_create", !nothing);
  List rows;
  for (const auto& e : found.rows) rows.push_back(event_data(e));
  d.set("rows", rows);
  d.set("has_rows", !rows.empty());
  d.set("count_label", found.total == 0   ? std::string("Aucun événement.")
                       : found.total == 1 ? std::string("1 événement")
                                          : std::to_string(found.total) + " événements");
  long long pages = std::max(1LL, found.pages());
  set_pagination(c, d, std::min<long long>(f.page, pages), pages, [&](long long n) {
    return "/evenements/gerer?" + (f.status.empty() ? std::string() : "statut=" + f.status + "&") +
           "page=" + std::to_string(std::min(n, pages));
  });
  return c.page("event_manage_list", "Mes événements", d);
}

}  // namespace passerelles::web
