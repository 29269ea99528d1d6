// GET /offres: the territory's published offers still open (filters: kind, domain, words of the title, company or
// commune); a company contact also sees her organisation's drafts and closed offers, the coordinator every offer.
#include <algorithm>

#include "domain/collective.hpp"
#include "domain/text.hpp"
#include "http/message.hpp"
#include "store/opportunities.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/opportunity_support.hpp"

namespace passerelles::web {

http::Response offer_index(Ctx& c) {
  if (!c.territory_id())
    return opportunity_forbidden(c,
                                 "Les offres appartiennent à un territoire : connectez-vous "
                                 "avec un compte de territoire.");
  store::OfferFilter f;
  f.territory_id = c.territory_id();
  f.today = today_paris();
  f.every_status = is_coordinator(c);
  if (c.actor->user.role == domain::Role::company_contact) f.own_organisation = c.actor->user.organisation_id;
  f.kind = c.req.query("type");
  if (domain::offer_kind_label(f.kind).empty()) f.kind.clear();
  f.domain = c.req.query("domaine");
  if (!domain::is_choice(domain::collective_domains(), f.domain)) f.domain.clear();
  std::string q = domain::trim(c.req.query("q"));
  if (q.size() > 200 || !domain::valid_utf8(q)) q.clear();
  f.query = q;
  f.page = std::max(1, parse_int(c.req.query("page"), 1));
  auto page = store::offers_matching(c.app.store, f);
  Data d;
  List offers;
  for (const auto& o : page.rows) {
    Data row = offer_data(o);
    row.set("not_published", o.status != "published");
    offers.push_back(row);
  }
  d.set("has_offers", !offers.empty());
  d.set("offers", offers);
  d.set("count", std::to_string(page.total) + (page.total > 1 ? " offres" : " offre"));
  d.set("kinds", choice_list(domain::offer_kinds(), f.kind));
  d.set("domains", choice_list(domain::collective_domains(), f.domain));
  set_text(d, "q", q);
  set_pagination(c, d, page.page, page.pages(), [&](long long n) {
    return "/offres?type=" + http::url_encode(f.kind) + "&domaine=" + http::url_encode(f.domain) +
           "&q=" + http::url_encode(q) + "&page=" + std::to_string(n);
  });
  d.set("may_publish", may_publish_offers(c));
  d.set("may_refer", may_refer(c));
  if (c.req.query("msg") == "cloturee") d.set("notice", std::string("L’offre est clôturée."));
  return c.page("offer_list", "Offres de stage, d’alternance et d’emploi", d);
}

}  // namespace passerelles::web
