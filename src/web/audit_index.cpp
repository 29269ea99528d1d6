// GET /journal: the audit log of the territory I coordinate, newest first, 50 entries a page (an admin first
// picks a territory).
#include <charconv>

#include "domain/time_fr.hpp"
#include "http/message.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {

constexpr int kPerPage = 50;

std::string action_label(const std::string& action, const std::string& entity) {
  static const std::map<std::string, std::string> actions = {{"create", "Création"},
                                                             {"update", "Modification"},
                                                             {"delete", "Suppression"},
                                                             {"merge", "Fusion"},
                                                             {"import", "Import"},
                                                             {"login", "Connexion"},
                                                             {"deactivate", "Désactivation"},
                                                             {"password_change", "Changement de mot de passe"},
                                                             {"password_reset", "Nouveau mot de passe par lien e-mail"},
                                                             {"validate", "Validation"},
                                                             {"reject", "Refus"},
                                                             {"reopen", "Remise en attente"},
                                                             {"attach", "Ajout d’une pièce"},
                                                             {"phase", "Changement de phase"},
                                                             {"themes", "Thèmes"},
                                                             {"public", "Visibilité publique"}};
  static const std::map<std::string, std::string> entities = {{"user", "compte"},
                                                              {"api_token", "jeton d’API"},
                                                              {"territory", "territoire"},
                                                              {"organisation", "organisation"},
                                                              {"person", "personne"},
                                                              {"school", "établissement"},
                                                              {"action", "action"},
                                                              {"initiative", "initiative"},
                                                              {"partnership", "partenariat"},
                                                              {"funding", "financement"},
                                                              {"file", "fichier"},
                                                              {"questionnaire", "questionnaire"},
                                                              {"survey_link", "lien de questionnaire"},
                                                              {"survey_answer", "réponse libre"},
                                                              {"survey_quote", "citation"}};
  auto a = actions.find(action);
  auto e = entities.find(entity);
  std::string label = a == actions.end() ? action : a->second;
  if (action == "login" || action.rfind("password_", 0) == 0) return label;
  return label + " — " + (e == entities.end() ? entity : e->second);
}

int page_number(const std::string& s) {
  int n = 1;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || p != s.data() + s.size() || n < 1 || n > 100000) return 1;
  return n;
}

}  // namespace

http::Response audit_index(Ctx& c) {
  auto territory = managed_territory(c);
  if (!territory) return territory_choice_page(c, "journal", "Journal des modifications");
  int page = page_number(c.req.query("page"));
  auto entries = store::audit_entries(c.app.store, territory->id, kPerPage + 1, (page - 1) * kPerPage);
  bool more = entries.size() > static_cast<std::size_t>(kPerPage);
  if (more) entries.pop_back();
  List rows;
  for (const auto& e : entries) {
    Data row;
    row.set("at", domain::format_datetime_fr(e.at));
    row.set("who", e.user_label);
    row.set("what", action_label(e.action, e.entity));
    row.set("detail", e.detail);
    rows.push_back(row);
  }
  std::string base = "/journal?";
  if (c.actor->is_admin()) base += "territoire=" + http::url_encode(territory->slug) + "&";
  Data d;
  d.set("territory_name", territory->name);
  d.set("entries", rows);
  d.set("empty", rows.empty());
  d.set("page", std::to_string(page));
  if (page > 1) d.set("prev_url", base + "page=" + std::to_string(page - 1));
  if (more) d.set("next_url", base + "page=" + std::to_string(page + 1));
  d.set("paginated", page > 1 || more);
  return c.page("journal", "Journal des modifications", d);
}

}  // namespace passerelles::web
