// GET /interventions: the territory's requests by status (filter, words, 25 per page; unconfirmed ones hidden), the
// « Lancer l’appariement » button and the proposals of the last run to review.
#include "domain/collective.hpp"
#include "store/requests.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/matching_support.hpp"

namespace passerelles::web {

namespace {
const std::vector<domain::Choice>& status_choices() {
  static const std::vector<domain::Choice> v = {{"open", "Ouvertes"},
                                                {"attente", "En liste d’attente"},
                                                {"confirmed", "Confirmées"},
                                                {"done", "Réalisées"},
                                                {"cancelled", "Annulées"}};
  return v;
}
}  // namespace

http::Response matching_index(Ctx& c) {
  if (!is_matching_editor(c)) return directory_without_territory(c);
  std::string q_error, status = c.req.query("statut");
  if (!domain::is_choice(status_choices(), status)) status.clear();
  store::RequestFilter f;
  f.territory_id = c.territory_id();
  f.query = search_query(c.req, q_error);
  f.status = status == "attente" ? "open" : status;
  f.shortage_only = status == "attente";
  f.page = std::max(1, parse_int(c.req.query("page"), 1));
  auto found = store::requests_matching(c.app.store, f);

  Data d;
  List rows;
  for (const auto& r : found.rows) rows.push_back(request_row_data(r));
  d.set("rows", rows);
  d.set("has_rows", !found.rows.empty());
  d.set("count_label", found.total == 0   ? std::string("Aucune demande ne correspond.")
                       : found.total == 1 ? std::string("1 demande")
                                          : std::to_string(found.total) + " demandes");
  d.set("statuses", choice_list(status_choices(), status));
  d.set("q", f.query);
  set_text(d, "q_error", q_error);

  List proposals;
  for (const auto& p : store::proposals_of(c.app.store, c.territory_id())) proposals.push_back(proposal_data(p));
  d.set("has_proposals", !proposals.empty());
  d.set("proposals", proposals);

  std::string notice = matching_notice(c.req.query("etat"));
  if (c.req.query("etat") == "appariement") {
    int n = parse_int(c.req.query("propositions"), 0), left = parse_int(c.req.query("manque"), 0);
    notice = "Appariement terminé : " + std::to_string(n) + (n > 1 ? " propositions" : " proposition") + ", " +
             std::to_string(left) + (left > 1 ? " places non pourvues." : " place non pourvue.");
  }
  set_text(d, "notice", notice);
  long long pages = found.pages();
  set_pagination(c, d, f.page, pages, [&](long long n) {
    return "/interventions?q=" + http::url_encode(f.query) + "&statut=" + status +
           "&page=" + std::to_string(std::min(n, pages));
  });
  return c.page("matching_index", "Interventions", d, q_error.empty() ? 200 : 400);
}

}  // namespace passerelles::web
