// GET /annuaire/etablissements: the schools of the territory's départements from the official directory,
// searched as you type (htmx gets the results partial), filtered by kind, 50 per page.
#include "web/handlers.hpp"
#include "web/school_support.hpp"

namespace passerelles::web {

namespace {

// The results block (count, table, pagination) for a filter; cached until the directory changes.
std::string results_html(Ctx& c, const store::SchoolFilter& f) {
  std::string key;
  for (const auto& d : f.departments) key += d + ",";
  key += "|" + f.query + "|" + f.kind + "|" + f.commune_insee + "|" + std::to_string(f.page);
  long long version = c.app.current_schools_version();
  if (auto hit = c.app.school_results.get(key, version)) return *hit;
  auto found = store::schools_matching(c.app.store, f);
  long long pages = found.total == 0 ? 1 : (found.total + f.per_page - 1) / f.per_page;

  Data d;
  List rows;
  for (const auto& s : found.rows) rows.push_back(school_data(s));
  d.set("rows", rows);
  d.set("has_rows", !found.rows.empty());
  d.set("count_label", found.total == 0 ? std::string("Aucun établissement ne correspond.")
                                        : std::to_string(found.total) + (found.total > 1 ? " établissements" : " établissement"));
  d.set("page", std::to_string(f.page));
  d.set("pages", std::to_string(pages));
  std::string base = "/annuaire/etablissements?q=" + http::url_encode(f.query) + "&type=" + http::url_encode(f.kind);
  Data pag;
  pag.set("paginated", pages > 1);
  pag.set("page", std::to_string(f.page));
  pag.set("pages", std::to_string(pages));
  if (f.page > 1) pag.set("prev_url", base + "&page=" + std::to_string(f.page - 1));
  if (f.page < pages) pag.set("next_url", base + "&page=" + std::to_string(f.page + 1));
  d.set("pagination", c.app.templates.render("dir_pagination", pag));
  std::string html = c.app.templates.render("school_results", d);
  c.app.school_results.put(key, version, html);
  return html;
}

}  // namespace

http::Response school_index(Ctx& c) {
  store::SchoolFilter f = school_filter(c);
  std::string results = results_html(c, f);
  if (c.req.is_htmx()) {
    http::Response r = http::Response::html(results);
    r.header("Vary", "HX-Request, Accept-Encoding");
    return r;
  }
  Data d;

  List kinds;
  for (const auto& k : domain::school_kinds()) {
    Data item;
    item.set("code", k);
    item.set("label", domain::school_kind_label(k));
    item.set("selected", f.kind == k);
    kinds.push_back(item);
  }
  d.set("kinds", kinds);
  d.set("q", f.query);
  d.set("scope", c.actor->is_admin() ? std::string("toute la France") : c.actor->territory.name);
  d.set("results", results);
  return c.page("school_list", "Établissements", d);
}

}  // namespace passerelles::web
