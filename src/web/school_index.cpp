// GET /annuaire/etablissements: the schools of the territory's départements from the official directory,
// searched as you type (htmx gets the results partial), filtered by kind, 50 per page.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/school_support.hpp"

namespace passerelles::web {

namespace {

using Html = std::shared_ptr<const std::string>;

// Cache keys: each field prefixed by its length, so that no two filters (the query is free text) share a key.
void add_field(std::string& key, std::string_view field) {
  key += std::to_string(field.size());
  key += ':';
  key += field;
}

std::string results_key(const store::SchoolFilter& f) {
  std::string key;
  add_field(key, std::to_string(f.departments.size()));
  for (const auto& d : f.departments) add_field(key, d);
  add_field(key, f.query);
  add_field(key, f.kind);
  add_field(key, f.commune_insee);
  add_field(key, std::to_string(f.page));
  return key;
}

// The results block (count, table, pagination) for a filter; cached until the directory changes.
Html results_html(Ctx& c, const store::SchoolFilter& f, const std::string& key, long long version) {
  if (auto hit = c.app.school_results.get(key, version)) return *hit;
  auto found = store::schools_matching(c.app.store, f);
  long long pages = found.total == 0 ? 1 : (found.total + f.per_page - 1) / f.per_page;

  Data d;
  List rows;
  for (const auto& s : found.rows) rows.push_back(school_data(s));
  d.set("rows", rows);
  d.set("has_rows", !found.rows.empty());
  d.set("count_label", found.total == 0
                           ? std::string("Aucun établissement ne correspond.")
                           : std::to_string(found.total) + (found.total > 1 ? " établissements" : " établissement"));
  std::string base = "/annuaire/etablissements?q=" + http::url_encode(f.query) + "&type=" + http::url_encode(f.kind);
  set_pagination(c, d, f.page, pages, [&](long long n) { return base + "&page=" + std::to_string(n); });
  auto html = std::make_shared<const std::string>(c.app.templates.render("school_results", d));
  c.app.school_results.put(key, version, html);
  return html;
}

}  // namespace

http::Response school_index(Ctx& c) {
  store::SchoolFilter f = school_filter(c);
  std::string key = results_key(f);
  long long version = c.app.current_schools_version();
  Html results = results_html(c, f, key, version);
  if (c.req.is_htmx()) {
    http::Response r = http::Response::html(*results);
    r.header("Vary", "HX-Request, Accept-Encoding");
    return r;
  }
  // The page body depends on the filter and the scope only (no per-user value in school_list.html), so it is
  // cached like the results and wrapped in the layout for each request.
  std::string scope = c.actor->is_admin() ? std::string("toute la France") : c.actor->territory.name;
  std::string page_key;
  add_field(page_key, scope);
  page_key += key;
  if (auto hit = c.app.school_pages.get(page_key, version)) return c.page_html(**hit, "Établissements");
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
  d.set("scope", scope);
  d.set("results", *results);
  auto body = std::make_shared<const std::string>(c.app.templates.render("school_list", d));
  c.app.school_pages.put(page_key, version, body);
  return c.page_html(*body, "Établissements");
}

}  // namespace passerelles::web
