// Shared by the coordinator's matching pages: display values, invitations sent after a review, the weights form.
#include "web/matching_support.hpp"

#include <spdlog/spdlog.h>

#include <cmath>
#include <cstdio>

#include "domain/action.hpp"
#include "domain/collective.hpp"
#include "domain/event.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "mail/intervention_mail.hpp"
#include "store/accounts.hpp"
#include "store/assignments.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

bool is_matching_editor(const Ctx& c) {
  return c.actor && c.actor->can_edit_directory() && c.territory_id() != 0;
}

std::string matching_today() {
  return domain::paris_day(store::now_unix());
}

std::string km_text(double km) {
  char buf[32];
  if (km < 10)
    std::snprintf(buf, sizeof buf, "%.1f km", km);
  else
    std::snprintf(buf, sizeof buf, "%.0f km", std::round(km));
  std::string s(buf);
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

Data proposal_data(const store::Proposal& p) {
  Data d;
  d.set("id", std::to_string(p.id));
  d.set("request_id", std::to_string(p.request_id));
  d.set("school", p.school_name + (p.school_commune.empty() ? "" : " (" + p.school_commune + ")"));
  d.set("kind", std::string(domain::request_kind_label(p.request_kind)));
  d.set("day", domain::day_with_weekday_fr(p.day));
  d.set("day_code", p.day);
  d.set("ambassador_id", std::to_string(p.ambassador_id));
  d.set("ambassador", p.ambassador_name);
  set_text(d, "job", p.ambassador_job);
  d.set("why", p.why);
  d.set("cost", std::to_string(p.cost));
  d.set("km", km_text(p.distance_km));
  return d;
}

Data request_row_data(const domain::InterventionRequest& r) {
  Data d;
  d.set("id", std::to_string(r.id));
  d.set("school", r.school_name.empty()
                      ? std::string("Établissement inconnu")
                      : r.school_name + (r.school_commune.empty() ? "" : " (" + r.school_commune + ")"));
  set_text(d, "priority", r.school_priority);
  d.set("kind", std::string(domain::request_kind_label(r.kind)));
  d.set("status", std::string(domain::request_status_label(r.status)));
  std::vector<std::string> days;
  for (const auto& day : r.days) days.push_back(domain::format_day_fr(day));
  if (days.size() > 3) {
    days.resize(3);
    days.push_back("…");
  }
  d.set("days", r.day.empty() ? domain::join(days, ", ") : domain::day_with_weekday_fr(r.day));
  d.set("needed", std::to_string(r.needed));
  set_text(d, "shortage", r.shortage_reason);
  return d;
}

int send_invitations(Ctx& c, const std::vector<long long>& assignment_ids) {
  int sent = 0;
  for (long long id : assignment_ids) {
    auto a = store::assignment_by_id(c.app.store, c.territory_id(), id);
    if (!a) continue;
    std::string err = c.app.mailer.send(mail::assignment_invitation_message(*a, c.app.cfg.base_url()));
    if (err.empty())
      ++sent;
    else
      spdlog::error("invitation for assignment {} not sent (request {}): {}", id, c.req.request_id, err);
  }
  return sent;
}

namespace {

std::string number_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  std::string s(buf);
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

double number_of(const std::string& text, const std::string& name, domain::Errors& errors) {
  std::string t = domain::trim(text);
  for (auto& ch : t)
    if (ch == ',') ch = '.';
  std::size_t used = 0;
  double v = 0;
  try {
    v = std::stod(t, &used);
  } catch (...) {
    used = 0;
  }
  if (t.empty() || used != t.size() || !std::isfinite(v)) {
    errors[name] = "Indiquez un nombre (par exemple 1,3 ou 150).";
    return -1;
  }
  return v;
}

struct WeightField {
  const char* name;
  const char* label;
  const char* help;
  std::string WeightsForm::*value;
};
const std::vector<WeightField>& weight_fields() {
  static const std::vector<WeightField> v = {
      {"road_factor", "Facteur routier",
       "La distance à vol d’oiseau est multipliée par ce facteur pour estimer la route (entre 1 et 3 ; 1,3 en "
       "général).",
       &WeightsForm::road_factor},
      {"per_km", "Coût par kilomètre",
       "Ce que coûte chaque kilomètre de route : plus il est élevé, plus on préfère "
       "les ambassadrices proches.",
       &WeightsForm::per_km},
      {"domain_mismatch", "Domaine différent",
       "Ajouté quand l’ambassadrice ne travaille dans aucun des domaines demandés par l’enseignante.",
       &WeightsForm::domain_mismatch},
      {"load_step", "Charge",
       "Chaque intervention déjà faite ce trimestre rend la suivante plus coûteuse : le travail est mieux réparti.",
       &WeightsForm::load_step},
      {"repeat_school", "Même établissement",
       "Ajouté quand l’ambassadrice est déjà venue dans cet établissement : les élèves rencontrent d’autres "
       "femmes.",
       &WeightsForm::repeat_school},
      {"never_reached_bonus", "Établissement jamais atteint",
       "Retiré du coût quand l’établissement n’a encore jamais reçu d’action : il passe en priorité.",
       &WeightsForm::never_reached_bonus},
      {"priority_bonus", "Éducation prioritaire", "Retiré du coût pour les établissements REP et REP+.",
       &WeightsForm::priority_bonus},
  };
  return v;
}

}  // namespace

WeightsForm weights_form_of(const domain::matching::Weights& w) {
  return {number_text(w.road_factor),   number_text(w.per_km),        number_text(w.domain_mismatch),
          number_text(w.load_step),     number_text(w.repeat_school), number_text(w.never_reached_bonus),
          number_text(w.priority_bonus)};
}

domain::matching::Weights weights_of(const WeightsForm& f, domain::Errors& errors) {
  domain::matching::Weights w;
  w.road_factor = number_of(f.road_factor, "road_factor", errors);
  w.per_km = number_of(f.per_km, "per_km", errors);
  w.domain_mismatch = number_of(f.domain_mismatch, "domain_mismatch", errors);
  w.load_step = number_of(f.load_step, "load_step", errors);
  w.repeat_school = number_of(f.repeat_school, "repeat_school", errors);
  w.never_reached_bonus = number_of(f.never_reached_bonus, "never_reached_bonus", errors);
  w.priority_bonus = number_of(f.priority_bonus, "priority_bonus", errors);
  return w;
}

http::Response weights_page(Ctx& c, const WeightsForm& f, const domain::Errors& errors, int status,
                            const std::string& notice) {
  Data d;
  List fields;
  FieldLabels labels;
  for (const auto& wf : weight_fields()) {
    Data x;
    x.set("name", std::string(wf.name));
    x.set("label", std::string(wf.label));
    x.set("help", std::string(wf.help));
    x.set("value", f.*(wf.value));
    if (auto it = errors.find(wf.name); it != errors.end()) x.set("error", it->second);
    fields.push_back(x);
    labels.emplace_back(wf.name, wf.label);
  }
  d.set("fields", fields);
  set_error_summary(d, errors, "poids-", labels, "Les pondérations n’ont pas été enregistrées");
  set_text(d, "notice", notice);
  return c.page("matching_weights", "Pondérations de l’appariement", d, status);
}

std::optional<store::Proposal> proposal_of(Ctx& c, long long id) {
  for (auto& p : store::proposals_of(c.app.store, c.territory_id()))
    if (p.id == id) return p;
  return std::nullopt;
}

http::Response proposal_change_page(Ctx& c, const store::Proposal& p, const std::string& error, int status) {
  Data d = proposal_data(p);
  List candidates;
  for (const auto& x : store::candidates_for(c.app.store, c.territory_id(), p.request_id, matching_today())) {
    Data y = proposal_data(x);
    y.set("value", std::to_string(x.ambassador_id) + ":" + x.day);
    candidates.push_back(y);
  }
  d.set("has_candidates", !candidates.empty());
  d.set("candidates", candidates);
  set_text(d, "error", error);
  return c.page("matching_change", "Changer une proposition", d, status);
}

namespace {
std::string labels_of(const std::vector<std::string>& codes, const std::vector<domain::Choice>& choices) {
  std::vector<std::string> out;
  for (const auto& c : codes) out.push_back(std::string(domain::choice_label(choices, c)));
  return domain::join(out, ", ");
}
}  // namespace

http::Response matching_request_page(Ctx& c, const domain::InterventionRequest& r, const std::string& notice,
                                     const std::string& error, int status, const std::string& reason) {
  Data d = request_row_data(r);
  set_text(d, "uai", r.school_uai);
  d.set("levels", labels_of(r.class_levels, domain::class_levels()));
  d.set("pupils", std::to_string(r.girls) + " filles, " + std::to_string(r.boys) + " garçons");
  d.set("needed_label", std::string(r.needed == 2 ? "Deux intervenantes (un binôme)" : "Une intervenante"));
  List days;
  for (const auto& day : r.days) days.push_back(Data(domain::day_with_weekday_fr(day)));
  d.set("all_days", days);
  set_text(d, "domains", labels_of(r.domains, domain::collective_domains()));
  set_text(d, "jobs", r.jobs);
  set_text(d, "accessibility", r.accessibility);
  if (!r.language.empty())
    d.set("language", std::string(domain::choice_label(domain::request_languages(), r.language)));
  set_text(d, "message", r.message);
  if (!r.anonymised) set_text(d, "contact", domain::join({r.contact_name, r.role, r.email, r.phone}, " · "));
  set_text(d, "cancel_reason", r.cancel_reason);
  List rows;
  for (const auto& a : store::assignments_of_request(c.app.store, c.territory_id(), r.id)) {
    Data x;
    x.set("ambassador", a.ambassador_name);
    x.set("day", domain::day_with_weekday_fr(a.day));
    x.set("status", std::string(domain::assignment_status_label(a.status)));
    std::string detail = a.status == "declined" ? a.decline_reason : a.status == "cancelled" ? a.cancel_reason : a.why;
    set_text(x, "detail", detail);
    rows.push_back(x);
  }
  d.set("has_assignments", !rows.empty());
  d.set("assignments", rows);
  d.set("can_cancel", r.status == "open" || r.status == "confirmed");
  d.set("reason", reason);
  set_text(d, "error", error);
  set_text(d, "notice", notice);
  return c.page("matching_request", "Demande d’intervention", d, status);
}

std::string matching_notice(const std::string& state) {
  if (state == "acceptees") return "Propositions acceptées : les ambassadrices sont invitées par e-mail.";
  if (state == "aucune") return "Aucune proposition à accepter.";
  if (state == "changee") return "Proposition changée.";
  if (state == "retiree") return "Proposition retirée.";
  if (state == "annulee") return "Demande annulée : l’enseignante et les ambassadrices sont prévenues.";
  return "";
}

}  // namespace passerelles::web
