// The teacher's request pages: form values, the school lookup, the form and private pages.
#include "web/request_support.hpp"

#include <algorithm>
#include <cctype>

#include "domain/collective.hpp"
#include "domain/event.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "store/requests.hpp"
#include "store/schools.hpp"
#include "web/event_public_support.hpp"
#include "web/form_support.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

namespace {

// The error summary's links, in the order of the form.
FieldLabels request_labels() {
  return {{"school", "Établissement"}, {"contact_name", "Nom"},
          {"email", "E-mail"},         {"phone", "Téléphone"},
          {"role", "Fonction"},        {"kind", "Ce que vous souhaitez", "kind-talk"},
          {"class_levels", "Niveaux"}, {"girls", "Filles"},
          {"boys", "Garçons"},         {"needed", "Intervenantes", "needed-1"},
          {"dates", "Dates"},          {"domains", "Domaines"},
          {"jobs", "Métiers"},         {"accessibility", "Accessibilité"},
          {"language", "Langue"},      {"message", "Message"}};
}

// The school typed in the form, looked up as the datalist proposes it.
void resolve_school(Ctx& c, const RequestForm& f, domain::InterventionRequest& r, domain::Errors& errors) {
  auto departments = request_departments(c, f.territory);
  TypedSchool ts = lookup_typed_school(c, f.school, departments);
  switch (ts.kind) {
    case TypedSchool::Kind::empty: return;  // domain::validate asks for it
    case TypedSchool::Kind::invalid:
      errors["school"] = "Le nom d’établissement saisi est invalide ou trop long (300 caractères au plus).";
      return;
    case TypedSchool::Kind::uai:
      if (ts.school && std::find(departments.begin(), departments.end(), ts.school->department) != departments.end()) {
        r.school_id = ts.school->id;
        return;
      }
      errors["school"] = "L’établissement " + ts.uai +
                         " n’est pas dans l’annuaire des territoires de Passerelles : vérifiez le code UAI, ou "
                         "écrivez le nom de l’établissement et sa commune.";
      return;
    case TypedSchool::Kind::words: break;
  }
  if (ts.found.total == 1) {
    r.school_id = ts.found.rows.front().id;
  } else if (ts.found.total == 0) {
    errors["school"] = "Aucun établissement des territoires de Passerelles ne correspond à « " + ts.text +
                       " » : essayez son nom, sa commune ou son code UAI.";
  } else {
    errors["school"] = std::to_string(ts.found.total) + " établissements correspondent à « " + ts.text +
                       " » : choisissez-le dans la liste proposée ou précisez, par exemple « " +
                       school_option_label(ts.found.rows.front()) + " ».";
  }
}

// "mardi 8 décembre 2026" for each day.
List day_list(const std::vector<std::string>& days) {
  List out;
  for (const auto& d : days) {
    Data item;
    item.set("iso", d);
    std::string text = domain::day_with_weekday_fr(d);
    item.set("text", text.empty() ? d : text);
    out.push_back(item);
  }
  return out;
}

std::string school_text(const domain::InterventionRequest& r) {
  if (r.school_name.empty()) return "Établissement retiré de l’annuaire";
  return r.school_name + (r.school_commune.empty() ? "" : " (" + r.school_commune + ")");
}

// The form's fields: {value, error} per field, choices with the typed ones marked.
void set_request_fields(Data& d, const RequestForm& f, const domain::Errors& e) {
  for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"school", &f.school},
                                    {"contact_name", &f.contact_name},
                                    {"email", &f.email},
                                    {"phone", &f.phone},
                                    {"role", &f.role},
                                    {"girls", &f.girls},
                                    {"boys", &f.boys},
                                    {"dates", &f.dates},
                                    {"jobs", &f.jobs},
                                    {"accessibility", &f.accessibility},
                                    {"message", &f.message}})
    d.set(name, field(*value, e, name));
  List kinds;
  for (const auto& k : domain::request_kinds()) {
    Data item;
    item.set("code", std::string(k.code));
    item.set("label", std::string(k.label));
    item.set("checked", f.kind == k.code);
    kinds.push_back(item);
  }
  d.set("kinds", kinds);
  set_error(d, e, "kind");
  d.set("levels", checkbox_list(domain::class_levels(), f.class_levels));
  set_error(d, e, "class_levels");
  d.set("domain_choices", checkbox_list(domain::collective_domains(), f.domains));
  set_error(d, e, "domains");
  d.set("needed_one", f.needed != "2");
  d.set("needed_two", f.needed == "2");
  set_error(d, e, "needed");
  d.set("languages", choice_list(domain::request_languages(), f.language));
  set_error(d, e, "language");
  set_text(d, "territory", f.territory);
}

// One sentence per status, for the private page.
std::string status_sentence(const domain::InterventionRequest& r) {
  if (r.status == "unconfirmed")
    return "Votre demande n’est pas encore confirmée : cliquez sur « Confirmer ma demande » pour qu’elle soit "
           "transmise à la coordination.";
  if (r.status == "open")
    return r.shortage_reason.empty()
               ? "La coordination cherche des ambassadrices disponibles à vos dates. Vous recevrez un e-mail dès que "
                 "l’intervention sera fixée."
               : "Pour l’instant, personne n’est disponible (" + r.shortage_reason +
                     ") : votre demande reste en liste d’attente et sera reprise à chaque nouvelle recherche.";
  if (r.status == "confirmed")
    return "L’intervention est fixée au " + domain::day_with_weekday_fr(r.day) +
           ". Vous avez reçu les détails et une invitation pour votre agenda par e-mail.";
  if (r.status == "done") return "L’intervention a eu lieu le " + domain::day_with_weekday_fr(r.day) + ". Merci !";
  return "Cette demande est annulée.";
}

}  // namespace

RequestForm request_form_of(const http::Request& r) {
  RequestForm f;
  f.territory = r.form("territoire");
  f.school = r.form("school");
  f.contact_name = r.form("contact_name");
  f.email = r.form("email");
  f.phone = r.form("phone");
  f.role = r.form("role");
  f.kind = r.form("kind");
  f.girls = r.form("girls");
  f.boys = r.form("boys");
  f.needed = r.form("needed");
  f.dates = r.form("dates");
  f.jobs = r.form("jobs");
  f.accessibility = r.form("accessibility");
  f.language = r.form("language");
  f.message = r.form("message");
  f.class_levels = r.form_all("class_levels");
  f.domains = r.form_all("domains");
  return f;
}

RequestForm request_form_of(const domain::InterventionRequest& r) {
  RequestForm f;
  if (!r.school_uai.empty())
    f.school = r.school_uai + " — " + r.school_name + (r.school_commune.empty() ? "" : " (" + r.school_commune + ")");
  f.contact_name = r.contact_name;
  f.email = r.email;
  f.phone = r.phone;
  f.role = r.role;
  f.kind = r.kind;
  f.girls = std::to_string(r.girls);
  f.boys = std::to_string(r.boys);
  f.needed = std::to_string(r.needed);
  f.dates = domain::request_dates_text(r.days);
  f.jobs = r.jobs;
  f.accessibility = r.accessibility;
  f.language = r.language;
  f.message = r.message;
  f.class_levels = r.class_levels;
  f.domains = r.domains;
  return f;
}

std::vector<std::string> request_departments(Ctx& c, const std::string& slug) {
  if (!slug.empty() && slug.size() <= 100)
    if (auto t = store::territory_by_slug(c.app.store, slug)) return t->departments;
  std::vector<std::string> out;
  for (const auto& t : store::all_territories(c.app.store))
    for (const auto& d : t.departments)
      if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  return out;
}

domain::InterventionRequest request_of(Ctx& c, const RequestForm& f, domain::Errors& errors) {
  domain::InterventionRequest r;
  r.contact_name = f.contact_name;
  r.email = f.email;
  r.phone = f.phone;
  r.role = f.role;
  r.kind = f.kind;
  r.girls = form_count(f.girls);
  r.boys = form_count(f.boys);
  r.needed = f.needed == "2" ? 2 : f.needed.empty() || f.needed == "1" ? 1 : 0;
  r.dates_text = f.dates;
  r.jobs = f.jobs;
  r.accessibility = f.accessibility;
  r.language = f.language;
  r.message = f.message;
  r.class_levels = f.class_levels;
  r.domains = f.domains;
  resolve_school(c, f, r, errors);
  return r;
}

domain::Errors request_form_errors(const domain::Errors& e) {
  domain::Errors out;
  for (const auto& [name, message] : e) out.emplace(name == "school_id" ? "school" : name, message);
  return out;
}

domain::InterventionRequest request_checked(Ctx& c, const RequestForm& f, domain::Errors& errors) {
  domain::Errors found;
  domain::InterventionRequest r = request_of(c, f, found);
  domain::normalise(r);
  for (const auto& [field, message] : domain::validate(r, plan_today()))
    if (!(field == "school_id" && found.count("school"))) found.emplace(field, message);
  errors = request_form_errors(found);
  return r;
}

void set_request_facts(Data& d, const domain::InterventionRequest& r) {
  d.set("kind_label", std::string(domain::request_kind_label(r.kind)));
  d.set("school", school_text(r));
  set_text(d, "school_priority", r.school_priority);
  d.set("levels", domain::labels_of_codes(r.class_levels, domain::class_levels()));
  d.set("pupils", std::to_string(r.girls) + (r.girls > 1 ? " filles, " : " fille, ") + std::to_string(r.boys) +
                      (r.boys > 1 ? " garçons" : " garçon"));
  d.set("needed", std::string(r.needed == 2 ? "Deux intervenantes (un binôme)" : "Une intervenante"));
  d.set("days", day_list(r.days));
  set_text(d, "domains", domain::labels_of_codes(r.domains, domain::collective_domains()));
  set_text(d, "jobs", r.jobs);
  set_text(d, "accessibility", r.accessibility);
  if (!r.language.empty())
    d.set("language", std::string(domain::choice_label(domain::request_languages(), r.language)));
  set_text(d, "message", r.message);
  set_text(d, "contact", domain::join({r.contact_name, r.role, r.email, r.phone}, ", "));
  set_text(d, "cancel_reason", r.cancel_reason);
}

http::Response request_new_page(Ctx& c, const RequestForm& f, const domain::Errors& errors, int status,
                                const std::string& notice) {
  Data d;
  set_request_fields(d, f, errors);
  set_text(d, "notice", notice);
  set_error_summary(d, errors, "req-", request_labels(), "La demande n’a pas été envoyée");
  return c.page("request_new", "Demander une intervention", d, status);
}

http::Response request_edit_page(Ctx& c, const domain::InterventionRequest& r, const RequestForm& f,
                                 const domain::Errors& errors, int status) {
  Data d;
  d.set("token", r.token);
  set_request_fields(d, f, errors);
  domain::Errors field_errors = errors;
  if (auto it = errors.find("status"); it != errors.end()) d.set("notice_error", it->second);
  field_errors.erase("status");
  set_error_summary(d, field_errors, "req-", request_labels(), "La modification n’a pas été enregistrée");
  return request_private(c.page("request_edit", "Modifier ma demande", d, status));
}

http::Response request_private_page(Ctx& c, const domain::InterventionRequest& r, const domain::Errors& errors,
                                    int status, const std::string& state, bool confirm) {
  Data d;
  d.set("token", r.token);
  d.set("status_label", std::string(domain::request_status_label(r.status)));
  d.set("status_sentence", status_sentence(r));
  set_request_facts(d, r);
  d.set("cancelled", r.status == "cancelled");
  bool fixed = r.status == "confirmed" || r.status == "done";
  if (fixed) {
    set_text(d, "day", domain::day_with_weekday_fr(r.day));
    List people;
    for (const auto& a : store::request_ambassadors(c.app.store, r.id)) {
      Data p;
      p.set("first_name", a.first_name);
      set_text(p, "job", a.job_title);
      people.push_back(p);
    }
    d.set("has_ambassadors", !people.empty());
    d.set("ambassadors", people);
  }
  bool live = !r.anonymised && r.status != "cancelled" && r.status != "done";
  d.set("can_confirm", live && r.status == "unconfirmed");
  d.set("confirm_first", confirm && r.status == "unconfirmed");
  d.set("can_edit", live && (r.status == "unconfirmed" || r.status == "open"));
  d.set("can_cancel", live);
  if (state == "confirmee")
    d.set("notice", std::string("Demande confirmée. Merci ! La coordination de votre territoire la reçoit."));
  if (state == "modifiee") d.set("notice", std::string("Demande modifiée."));
  if (state == "annulee") d.set("notice", std::string("Demande annulée."));
  if (auto it = errors.find("status"); it != errors.end()) d.set("notice_error", it->second);
  return request_private(c.page("request_show", "Ma demande d’intervention", d, status));
}

http::Response request_private(http::Response r) {
  return private_response(std::move(r));
}

}  // namespace passerelles::web
