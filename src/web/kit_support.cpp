// Kit and network page helpers: access, forms, the network's page, the diff (see the header).
#include "web/kit_support.hpp"

#include <algorithm>
#include <map>

#include "domain/action.hpp"
#include "domain/kit.hpp"
#include "domain/line_diff.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "store/actions.hpp"
#include "store/ambassadors.hpp"
#include "store/directory.hpp"
#include "store/files.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

// Unchanged lines shown around a change; longer unchanged runs are folded.
constexpr std::size_t kDiffContext = 2;
// Recent actions offered for linking to a network.
constexpr int kActionChoices = 60;

const FieldLabels& page_labels() {
  static const FieldLabels v = {{"title", "Titre"}, {"body", "Texte"}, {"summary", "Résumé de la modification"}};
  return v;
}

const FieldLabels& resource_labels() {
  static const FieldLabels v = {
      {"title", "Titre"},   {"kind", "Type"}, {"url", "Lien"}, {"file", "Fichier"}, {"description", "Description"},
      {"tags", "Mots-clés"}};
  return v;
}

const FieldLabels& network_labels() {
  static const FieldLabels v = {
      {"name", "Nom du réseau"}, {"organisation_id", "Organisation"}, {"description", "Présentation"}};
  return v;
}

std::string plural(long long n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n > 1 ? many : one);
}

}  // namespace

std::optional<http::Response> kit_refusal(Ctx& c) {
  if (!c.actor) return c.forbidden();
  auto role = c.actor->user.role;
  bool member = role == domain::Role::ambassador || role == domain::Role::coordinator || role == domain::Role::admin;
  if (!member) return c.forbidden();
  if (!c.territory_id()) {
    Data d;
    d.set("title", std::string("Collectif"));
    d.set("message", std::string("Le kit de discours et les réseaux appartiennent à chaque territoire. Votre compte "
                                 "n’est rattaché à aucun territoire : connectez-vous avec un compte de coordination du "
                                 "territoire concerné."));
    return c.page("error", "Collectif", d, 403);
  }
  return std::nullopt;
}

bool kit_editor(const Ctx& c) {
  return c.actor && c.actor->can_edit_directory();
}

store::Author kit_author(const Ctx& c) {
  if (!c.actor) return {};
  const auto& u = c.actor->user;
  return {u.id, u.display_name.empty() ? u.email : u.display_name};
}

std::string kit_notice(const Ctx& c) {
  static const std::map<std::string, std::string> m = {
      {"page-creee", "Page créée : elle est maintenant dans le kit de tout le collectif."},
      {"page-enregistree", "Modifications enregistrées : une nouvelle version de la page est dans l’historique."},
      {"page-inchangee", "Rien n’a changé dans le texte : aucune nouvelle version n’a été créée."},
      {"ressource-ajoutee", "Ressource partagée avec le collectif."},
      {"ressource-supprimee", "Ressource supprimée."},
      {"reseau-cree", "Réseau créé : ajoutez maintenant ses membres."},
      {"reseau-enregistre", "Modifications enregistrées."},
      {"reseau-supprime", "Réseau supprimé."},
      {"membre-ajoute", "Membre ajoutée au réseau."},
      {"membre-retiree", "Membre retirée du réseau."},
      {"action-liee", "Action rattachée au réseau."},
      {"action-retiree", "Action détachée du réseau."},
      {"rejoint", "Vous avez rejoint ce réseau."},
      {"quitte", "Vous avez quitté ce réseau."},
  };
  auto it = m.find(c.req.query("msg"));
  return it == m.end() ? std::string() : it->second;
}

std::string on_day_at(long long t) {
  std::string s = domain::format_datetime_fr(t);  // "12/03/2026 14:05"
  auto space = s.find(' ');
  return space == std::string::npos ? "le " + s : "le " + s.substr(0, space) + " à " + s.substr(space + 1);
}

// ---- pages ---------------------------------------------------------------------------------------------------

std::optional<store::KitPage> kit_page_to_show(Ctx& c, http::Response& refusal) {
  if (auto r = kit_refusal(c)) {
    refusal = *r;
    return std::nullopt;
  }
  auto p = store::kit_page(c.app.store, c.territory_id(), c.req.params["slug"]);
  if (!p) refusal = c.not_found();
  return p;
}

KitPageForm kit_page_form_from(const http::Request& r) {
  KitPageForm f;
  f.title = domain::trim(r.form("title"));
  f.body = r.form("body");
  // Browsers send text areas with CRLF line ends: kept as typed would make every line differ from a stored LF.
  f.body.erase(std::remove(f.body.begin(), f.body.end(), '\r'), f.body.end());
  f.summary = domain::trim(r.form("summary"));
  f.base_revision = std::max(0, parse_int(r.form("base_revision"), 0));
  return f;
}

http::Response kit_page_form(Ctx& c, const KitPageForm& f, const domain::Errors& e, int status,
                             const std::optional<store::KitPage>& current) {
  Data d;
  bool creating = f.slug.empty();
  std::string heading = creating ? "Nouvelle page du kit" : "Modifier « " + f.title + " »";
  if (!creating && current) heading = "Modifier « " + current->title + " »";
  d.set("heading", heading);
  d.set("action", creating ? "/collectif/kit/pages/nouvelle" : "/collectif/kit/pages/" + f.slug + "/modifier");
  d.set("cancel_url", creating ? "/collectif/kit" : "/collectif/kit/pages/" + f.slug);
  d.set("submit", creating ? "Créer la page" : "Enregistrer une nouvelle version");
  d.set("editing", !creating);
  // After a conflict she saves over the version now current, having seen it and what her text changes in it.
  d.set("base_revision", std::to_string(current ? current->revision : f.base_revision));
  d.set("title", field(f.title, e, "title"));
  d.set("body", field(f.body, e, "body"));
  d.set("summary", field(f.summary, e, "summary"));
  if (current && e.count("body")) {
    Data conflict;
    conflict.set("revision", std::to_string(current->revision));
    conflict.set("by", current->updated_by_label);
    conflict.set("when", on_day_at(current->updated_at));
    conflict.set("current_body", current->body);
    set_diff(conflict, current->body, f.body);
    d.set("conflict", conflict);
  }
  set_error_summary(
      d, e, "kit-", page_labels(),
      e.count("body") && current ? "Votre version n’a pas été enregistrée" : "Le formulaire n’a pas été enregistré");
  return c.page("kit_page_form", heading, d, status);
}

void set_diff(Data& d, const std::string& before, const std::string& after) {
  auto diff = domain::line_diff(before, after);
  std::vector<bool> shown(diff.size(), false);
  bool changes = false;
  for (std::size_t i = 0; i < diff.size(); ++i) {
    if (diff[i].op == domain::DiffLine::Op::same) continue;
    changes = true;
    std::size_t from = i >= kDiffContext ? i - kDiffContext : 0;
    for (std::size_t j = from; j <= i + kDiffContext && j < diff.size(); ++j) shown[j] = true;
  }
  List lines;
  for (std::size_t i = 0; i < diff.size();) {
    if (!shown[i]) {
      std::size_t j = i;
      while (j < diff.size() && !shown[j]) ++j;
      Data skip;
      skip.set("skip", plural(static_cast<long long>(j - i), "ligne inchangée", "lignes inchangées"));
      lines.push_back(skip);
      i = j;
      continue;
    }
    const auto& l = diff[i++];
    Data line;
    set_text(line, "text", l.text);
    line.set("empty", l.text.empty());
    line.set("added", l.op == domain::DiffLine::Op::added);
    line.set("removed", l.op == domain::DiffLine::Op::removed);
    line.set("same", l.op == domain::DiffLine::Op::same);
    lines.push_back(line);
  }
  d.set("diff_lines", lines);
  d.set("has_changes", changes);
}

// ---- resources -----------------------------------------------------------------------------------------------

http::Response kit_resource_form(Ctx& c, const KitResourceForm& f, const domain::Errors& e, int status) {
  Data d;
  d.set("title", field(f.title, e, "title"));
  d.set("kinds", choice_list(domain::kit_resource_kinds(), f.kind));
  set_error(d, e, "kind");
  d.set("url", field(f.url, e, "url"));
  d.set("file", field("", e, "file"));
  d.set("description", field(f.description, e, "description"));
  d.set("tags", field(f.tags, e, "tags"));
  List known;
  for (const auto& [tag, n] : store::kit_tags(c.app.store, c.territory_id())) known.push_back(Data("tag", tag));
  d.set("known_tags", known);
  d.set("max_mb", std::to_string(store::kMaxFileBytes / (1024 * 1024)));
  set_error_summary(d, e, "ressource-", resource_labels());
  return c.page("kit_resource_form", "Partager une ressource", d, status);
}

// ---- networks ------------------------------------------------------------------------------------------------

long long my_ambassador_id(Ctx& c) {
  if (!c.actor || c.actor->user.role != domain::Role::ambassador) return 0;
  auto a = store::ambassador_of_user(c.app.store, c.actor->user.id);
  if (!a || a->territory_id != c.territory_id() || a->status != "active") return 0;
  return a->id;
}

bool manages_network(Ctx& c, long long network_id) {
  if (kit_editor(c)) return true;
  long long me = my_ambassador_id(c);
  if (!me) return false;
  auto members = store::network_members(c.app.store, c.territory_id(), network_id);
  return std::any_of(members.begin(), members.end(),
                     [&](const store::NetworkMember& m) { return m.ambassador_id == me && m.role == "lead"; });
}

std::optional<store::Network> network_to_show(Ctx& c, http::Response& refusal) {
  if (auto r = kit_refusal(c)) {
    refusal = *r;
    return std::nullopt;
  }
  auto n = store::network_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!n) refusal = c.not_found();
  return n;
}

store::Network network_from_form(const http::Request& r, store::Network base, domain::Errors& e) {
  base.name = domain::trim(r.form("name"));
  base.description = domain::trim(r.form("description"));
  base.is_public = r.form("is_public") == "1";
  long long org = parse_id(r.form("organisation_id"));
  if (org < 0)
    e["organisation_id"] = "Choisissez une organisation de la liste.";
  else
    base.organisation_id = org;
  return base;
}

http::Response network_form(Ctx& c, const store::Network& n, const domain::Errors& e, int status) {
  Data d;
  bool creating = n.id == 0;
  std::string heading = creating ? "Nouveau réseau" : "Modifier « " + n.name + " »";
  std::string base = "/collectif/reseaux/" + std::to_string(n.id);
  d.set("heading", heading);
  d.set("action", creating ? "/collectif/reseaux/nouveau" : base + "/modifier");
  d.set("cancel_url", creating ? "/collectif/reseaux" : base);
  d.set("submit", creating ? "Créer le réseau" : "Enregistrer les modifications");
  d.set("name", field(n.name, e, "name"));
  d.set("description", field(n.description, e, "description"));
  d.set("organisation_id", field("", e, "organisation_id"));
  d.set("is_public", n.is_public);
  List organisations;
  for (const auto& o : store::organisation_names(c.app.store, c.territory_id())) {
    Data item;
    item.set("id", std::to_string(o.id));
    item.set("name", o.name);
    item.set("selected", o.id == n.organisation_id);
    organisations.push_back(item);
  }
  d.set("organisations", organisations);
  set_error_summary(d, e, "reseau-", network_labels());
  return c.page("network_form", heading, d, status);
}

http::Response network_page(Ctx& c, const store::Network& n, const domain::Errors& errors, int status) {
  Data d;
  std::string id = std::to_string(n.id);
  d.set("id", id);
  d.set("name", n.name);
  set_text(d, "organisation", n.organisation_name);
  set_text(d, "description", n.description);
  d.set("is_public", n.is_public);
  d.set("slug", n.slug);
  d.set("members_label", plural(n.members, "membre", "membres"));
  d.set("actions_label", plural(n.actions, "action validée", "actions validées"));
  d.set("people_label", plural(n.people, "personne sensibilisée", "personnes sensibilisées"));
  set_text(d, "notice", kit_notice(c));
  bool manages = manages_network(c, n.id);
  d.set("manages", manages);
  d.set("editor", kit_editor(c));

  long long me = my_ambassador_id(c);
  auto members = store::network_members(c.app.store, c.territory_id(), n.id);
  bool member = false;
  List rows;
  for (const auto& m : members) {
    member = member || m.ambassador_id == me;
    Data row;
    row.set("ambassador_id", std::to_string(m.ambassador_id));
    row.set("name", m.name);
    set_text(row, "job_title", m.job_title);
    row.set("role_label", std::string(m.role == "lead" ? "Animatrice" : "Membre"));
    row.set("is_me", m.ambassador_id == me);
    rows.push_back(row);
  }
  d.set("members", rows);
  d.set("has_members", !members.empty());
  d.set("can_join", me != 0 && !member && n.is_public);
  d.set("can_leave", me != 0 && member);

  auto actions = store::network_actions(c.app.store, c.territory_id(), n.id);
  List action_rows;
  std::vector<long long> linked;
  for (const auto& a : actions) {
    linked.push_back(a.id);
    Data row;
    row.set("action_id", std::to_string(a.id));
    row.set("day", domain::format_day_fr(a.starts_on));
    row.set("title", a.title.empty() ? std::string(domain::action_kind_label(a.kind)) : a.title);
    row.set("kind_label", std::string(domain::action_kind_label(a.kind)));
    row.set("status_label", std::string(domain::action_status_label(a.status)));
    row.set("people", std::to_string(a.people));
    action_rows.push_back(row);
  }
  d.set("actions", action_rows);
  d.set("has_actions", !actions.empty());

  if (manages) {
    // Active members of the territory not yet in the network.
    List candidates;
    store::AmbassadorFilter f;
    f.territory_id = c.territory_id();
    f.status = "active";
    f.per_page = store::kMaxPerPage;
    for (f.page = 1; f.page <= 20; ++f.page) {
      auto page = store::ambassadors_matching(c.app.store, f);
      for (const auto& a : page.rows) {
        if (std::any_of(members.begin(), members.end(),
                        [&](const store::NetworkMember& m) { return m.ambassador_id == a.id; }))
          continue;
        Data item;
        item.set("id", std::to_string(a.id));
        item.set("name", a.full_name() + (a.job_title.empty() ? "" : " — " + a.job_title));
        candidates.push_back(item);
      }
      if (f.page >= page.pages()) break;
    }
    d.set("has_candidates", !candidates.empty());
    d.set("candidates", candidates);
    store::ActionFilter af;
    af.per_page = kActionChoices;
    List choices;
    for (const auto& a : store::actions_matching(c.app.store, c.territory_id(), af).rows) {
      if (a.status == "rejected" || std::find(linked.begin(), linked.end(), a.id) != linked.end()) continue;
      Data item;
      item.set("id", std::to_string(a.id));
      item.set("label", domain::format_day_fr(a.starts_on) + " — " +
                            (a.title.empty() ? std::string(domain::action_kind_label(a.kind)) : a.title) + " (" +
                            std::string(domain::action_status_label(a.status)) + ")");
      choices.push_back(item);
    }
    d.set("has_action_choices", !choices.empty());
    d.set("action_choices", choices);
  }
  d.set("member_error", field("", errors, "ambassador_id"));
  d.set("role_error", field("", errors, "role"));
  d.set("action_error", field("", errors, "action_id"));
  return c.page("network_show", n.name, d, status);
}

}  // namespace passerelles::web
