// GET /portraits: the public gallery of every territory — filters (domain, diploma level, territory, employer,
// campaign) and the French full-text search in a GET form, 24 cards a page, and the code of the embeddable frame.
// A bad filter value is dropped and said next to its field. The body has no per-user value: it is kept per query
// until a portrait changes (web/gallery_support.hpp gallery_version).
#include <algorithm>
#include <memory>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "web/directory_support.hpp"
#include "web/gallery_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr int kPerPage = 24;

// The options of a <select> (form_support.hpp choice_list) from codes and labels held by the caller.
List options(const std::vector<std::pair<std::string, std::string>>& code_labels, const std::string& selected) {
  std::vector<domain::Choice> choices;
  choices.reserve(code_labels.size());
  for (const auto& [code, label] : code_labels) choices.push_back({code, label});
  return choice_list(choices, selected);
}

std::string count_label(long long total, bool filtered) {
  if (total == 0)
    return filtered ? "Aucun portrait ne correspond à cette recherche." : "Aucun portrait publié pour le moment.";
  std::string n = domain::format_count(total);
  if (filtered) return n + (total > 1 ? " portraits correspondent" : " portrait correspond") + " à cette recherche.";
  return n + (total > 1 ? " portraits publiés." : " portrait publié.");
}

std::string render_gallery(Ctx& c, const GalleryQuery& g) {
  auto& s = c.app.store;
  const auto& f = g.filter;
  Data d;
  for (const auto& [param, message] : g.errors) d.set(param + "_error", message);
  set_text(d, "f_q", f.query);

  std::vector<std::pair<std::string, std::string>> domains, levels, territories, employers, campaigns;
  for (const auto& x : domain::collective_domains()) domains.emplace_back(x.code, x.label);
  for (int n = 3; n <= 8; ++n) levels.emplace_back(std::to_string(n), std::string(domain::diploma_level_label_fr(n)));
  territories = store::public_territories(s);
  for (const auto& e : store::public_employers(s)) employers.emplace_back(e, e);
  if (!f.employer.empty() && std::none_of(employers.begin(), employers.end(), [&](const auto& e) {
        return domain::fold(e.first) == domain::fold(f.employer);
      }))
    employers.emplace_back(f.employer, f.employer);  // a link from elsewhere: kept, shown as chosen
  for (const auto& x : store::public_campaigns(s))
    campaigns.emplace_back(std::to_string(x.id), x.year && x.name.find(std::to_string(x.year)) == std::string::npos
                                                     ? x.name + " (" + std::to_string(x.year) + ")"
                                                     : x.name);
  std::string employer_selected = f.employer;
  for (const auto& e : employers)
    if (domain::fold(e.first) == domain::fold(f.employer)) employer_selected = e.first;
  d.set("domain_options", options(domains, f.domain));
  d.set("level_options", options(levels, f.diploma_level ? std::to_string(f.diploma_level) : ""));
  d.set("territory_options", options(territories, f.territory_slug));
  d.set("employer_options", options(employers, employer_selected));
  d.set("campaign_options", options(campaigns, f.campaign_id ? std::to_string(f.campaign_id) : ""));

  auto found = store::gallery(s, f);
  List cards = portrait_cards(s, found.rows, false);
  d.set("cards", cards);
  d.set("has_cards", !found.rows.empty());
  bool filtered = !query_string(g.params).empty();
  d.set("filtered", filtered);
  d.set("count_label", count_label(found.total, filtered));
  set_pagination(c, d, found.page, found.pages(), [&](long long n) {
    auto p = g.params;
    p.emplace_back("page", std::to_string(n));
    return "/portraits" + query_string(p);
  });

  std::vector<std::pair<std::string, std::string>> embed = {
      {"territoire", f.territory_slug}, {"domaine", f.domain}, {"limite", "6"}};
  std::string src = c.app.cfg.base_url() + "/portraits/integrer" + query_string(embed);
  for (auto at = src.find('&'); at != std::string::npos; at = src.find('&', at + 1)) src.replace(at, 1, "&amp;");
  d.set("embed_snippet", "<iframe src=\"" + src +
                             "\" title=\"Portraits de femmes de l’industrie\" width=\"100%\" height=\"640\" "
                             "loading=\"lazy\"></iframe>");
  return c.app.templates.render("gallery_index", d);
}

}  // namespace

http::Response portrait_public_index(Ctx& c) {
  GalleryQuery g = gallery_query(c.app.store, c.req, kPageParams, kPerPage);
  // Only clean queries are kept: a dropped value's message belongs to the query that had it.
  const bool cacheable = g.errors.empty();
  const std::string key = query_string(g.params) + "#" + std::to_string(g.filter.page);
  const long long version = gallery_version(c.app);
  std::shared_ptr<const std::string> body;
  if (cacheable)
    if (auto hit = c.app.gallery_pages.get(key, version)) body = *hit;
  if (!body) {
    body = std::make_shared<const std::string>(render_gallery(c, g));
    if (cacheable) c.app.gallery_pages.put(key, version, body);
  }
  return c.page_html(*body, "Portraits");
}

}  // namespace passerelles::web
