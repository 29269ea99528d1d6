// GET /collectif/membres: the territory's members, invitations and applications, filtered by status, domain and
// words (name, e-mail, job, employer), 25 per page.
#include "domain/text.hpp"
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {
const std::vector<domain::Choice>& status_choices() {
  static const std::vector<domain::Choice> v = {
      {"active", "Actives"}, {"invited", "Invitées"}, {"applicant", "Candidatures à examiner"}};
  return v;
}
}  // namespace

http::Response collective_member_index(Ctx& c) {
  if (!is_collective_editor(c)) return directory_without_territory(c);
  std::string q_error;
  store::AmbassadorFilter f;
  f.territory_id = c.territory_id();
  f.query = search_query(c.req, q_error);
  f.status = domain::is_choice(status_choices(), c.req.query("statut")) ? c.req.query("statut") : "";
  f.domain = domain::is_choice(domain::collective_domains(), c.req.query("domaine")) ? c.req.query("domaine") : "";
  f.page = std::max(1, parse_int(c.req.query("page"), 1));
  auto found = store::ambassadors_matching(c.app.store, f);

  Data d;
  List rows;
  for (const auto& a : found.rows) rows.push_back(member_data(a));
  d.set("rows", rows);
  d.set("has_rows", !found.rows.empty());
  d.set("count_label", found.total == 0   ? std::string("Aucune membre ne correspond.")
                       : found.total == 1 ? std::string("1 personne")
                                          : std::to_string(found.total) + " personnes");
  d.set("statuses", choice_list(status_choices(), f.status));
  d.set("domains", choice_list(domain::collective_domains(), f.domain));
  d.set("q", f.query);
  set_text(d, "q_error", q_error);
  set_text(d, "notice", collective_notice(c.req.query("etat")));
  long long pages = found.pages();
  set_pagination(c, d, f.page, pages, [&](long long n) {
    return "/collectif/membres?q=" + http::url_encode(f.query) + "&statut=" + f.status + "&domaine=" + f.domain +
           "&page=" + std::to_string(std::min(n, pages));
  });
  return c.page("collective_members", "Membres du collectif", d, q_error.empty() ? 200 : 400);
}

}  // namespace passerelles::web
