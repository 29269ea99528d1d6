// GET /confidentialite: a coordinator answers a person's privacy request — she searches the person by name or
// e-mail among mentees' applications and applications to offers, then exports (JSON) or erases what is found; the
// register of requests answered and purges run is listed below. An admin first picks a territory.
#include "domain/privacy.hpp"
#include "domain/time_fr.hpp"
#include "web/account_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/privacy_support.hpp"

namespace passerelles::web {

namespace {

constexpr int kRegisterRows = 100;

}  // namespace

http::Response privacy_index(Ctx& c) {
  auto territory = privacy_territory(c);
  if (!territory) return territory_choice_page(c, "privacy_index", "Confidentialité");
  std::string q_error;
  std::string q = search_query(c.req, q_error);
  Data d;
  d.set("territory_name", territory->name);
  if (c.actor->is_admin()) d.set("territory_slug", territory->slug);
  d.set("months", std::to_string(c.app.cfg.int_option("minor_data_months")));
  d.set("q", q);
  if (!q_error.empty()) d.set("q_error", q_error);
  if (!q.empty()) {
    List rows;
    for (const auto& r : store::privacy_search(c.app.store, territory->id, q))
      rows.push_back(privacy_record_data(c, *territory, r));
    d.set("searched", true);
    d.set("found", !rows.empty());
    d.set("records", rows);
  }
  if (c.req.query("etat") == "effacee") d.set("flash", "Les données personnelles ont été effacées.");
  List log;
  for (const auto& e : store::privacy_log_entries(c.app.store, territory->id, kRegisterRows)) {
    Data row;
    row.set("at", domain::format_datetime_fr(e.done_at));
    row.set("kind", std::string(domain::privacy_kind_label(e.kind)));
    row.set("subject", std::string(domain::privacy_subject_label(e.subject)) + " n° " + std::to_string(e.subject_id));
    row.set("rows", std::to_string(e.rows_changed));
    row.set("who", e.done_by.empty() ? (e.kind == "purge" ? "Tâche programmée" : "Compte supprimé") : e.done_by);
    log.push_back(row);
  }
  d.set("register", log);
  d.set("register_empty", log.empty());
  return c.page("privacy_index", "Confidentialité", d);
}

}  // namespace passerelles::web
