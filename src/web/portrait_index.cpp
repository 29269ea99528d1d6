// GET /collectif/portraits: every portrait of my territory, those waiting for validation first; filters by status
// (statut=brouillon|a-valider|publie|depublie), campaign (campagne=ID) and words (q: names, job, employer).
#include "domain/time_fr.hpp"
#include "store/portraits.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

namespace {

constexpr int kPerPage = 25;

Data row_of(const domain::Portrait& p) {
  Data d;
  d.set("id", std::to_string(p.id));
  d.set("name", p.first_name + (p.last_name.empty() ? "" : " " + p.last_name));
  d.set("job_title", p.job_title);
  set_text(d, "campaign", p.campaign_name);
  d.set("status", p.status);
  d.set("status_label", portrait_status_label(p.status));
  d.set("photo", p.has_photo ? "oui" : "non");
  d.set("updated", domain::format_datetime_fr(p.updated_at));
  return d;
}

}  // namespace

http::Response portrait_index(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  std::string q_error;
  store::PortraitFilter f;
  f.territory_id = c.territory_id();
  f.published_only = false;
  f.status = portrait_status_from_param(c.req.query("statut"));
  long long campaign = parse_id(c.req.query("campagne"));
  f.campaign_id = campaign > 0 ? campaign : 0;
  f.query = search_query(c.req, q_error);
  f.page = std::max(1, parse_int(c.req.query("page"), 1));
  f.per_page = kPerPage;
  auto found = store::portraits_matching(c.app.store, f);

  Data d;
  List rows;
  for (const auto& p : found.rows) rows.push_back(row_of(p));
  d.set("rows", rows);
  d.set("has_rows", !found.rows.empty());
  d.set("total", std::to_string(found.total));
  bool filtered = !f.status.empty() || f.campaign_id || !f.query.empty();
  d.set("filtered", filtered);
  // « À valider » first: the requests waiting for a coordinator, above the list, while nothing is filtered.
  if (!filtered && f.page == 1) {
    store::PortraitFilter waiting = f;
    waiting.status = "submitted";
    waiting.per_page = store::kMaxPerPage;
    List pending;
    for (const auto& p : store::portraits_matching(c.app.store, waiting).rows) pending.push_back(row_of(p));
    d.set("has_pending", !pending.empty());
    d.set("pending", pending);
  }
  List statuses;
  for (const char* code : {"draft", "submitted", "published", "unpublished"}) {
    Data o;
    o.set("code", portrait_status_param(code));
    o.set("label", portrait_status_label(code));
    o.set("selected", f.status == code);
    statuses.push_back(o);
  }
  d.set("statuses", statuses);
  List campaigns;
  for (const auto& k : store::campaigns_of(c.app.store, c.territory_id())) {
    Data o;
    o.set("id", std::to_string(k.id));
    o.set("name", k.name);
    o.set("selected", k.id == f.campaign_id);
    campaigns.push_back(o);
  }
  d.set("campaigns", campaigns);
  d.set("q", f.query);
  set_text(d, "q_error", q_error);
  set_text(d, "notice", portrait_notice(c.req.query("etat")));
  set_pagination(c, d, found.page, found.pages(), [&](long long n) {
    std::string url = "/collectif/portraits?";
    if (!f.status.empty()) url += "statut=" + portrait_status_param(f.status) + "&";
    if (f.campaign_id) url += "campagne=" + std::to_string(f.campaign_id) + "&";
    if (!f.query.empty()) url += "q=" + http::url_encode(f.query) + "&";
    return url + "page=" + std::to_string(std::min(n, found.pages()));
  });
  return c.page("portrait_edit_list", "Portraits", d);
}

}  // namespace passerelles::web
