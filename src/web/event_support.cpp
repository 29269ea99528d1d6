// Organisers' event pages helpers: permissions, the event form, display values, e-mails and the check-in link.
#include "web/event_support.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "mail/event_mail.hpp"
#include "report/qr.hpp"
#include "store/accounts.hpp"
#include "store/actions.hpp"
#include "store/directory.hpp"
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/event_public_support.hpp"
#include "web/form_support.hpp"
#include "web/plan_support.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

namespace {

constexpr int kMaxTypedNumber = 1000000;

// A whole number typed in a form: "" -> 0 (no limit, no minimum); spaces ignored. False when it is not one.
bool whole_number(const std::string& raw, int& out) {
  std::string s = domain::trim(raw);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  out = 0;
  if (s.empty()) return true;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v > kMaxTypedNumber || v < -kMaxTypedNumber) return false;
  out = v;
  return true;
}

// In the order of the form.
const FieldLabels& event_labels() {
  static const FieldLabels v = {{"kind", "Type d’événement"},
                                {"title", "Titre"},
                                {"description", "Description"},
                                {"starts_on", "Jour de début"},
                                {"start_time", "Heure de début"},
                                {"ends_on", "Jour de fin"},
                                {"end_time", "Heure de fin"},
                                {"place", "Lieu"},
                                {"address", "Adresse"},
                                {"commune_insee", "Code INSEE de la commune"},
                                {"online_url", "Lien de l’événement en ligne"},
                                {"audiences", "Public"},
                                {"capacity", "Nombre de places"},
                                {"min_age", "Âge minimum"},
                                {"accessibility", "Accessibilité"},
                                {"safety_rules", "Consignes de sécurité"},
                                {"organisation_id", "Organisation d’accueil"},
                                {"initiative_id", "Initiative du plan d’action"},
                                {"ambassadors", "Ambassadrices présentes"},
                                {"ambassador_ids", "Ambassadrices présentes", "ambassadors"},
                                {"status", "Publication"}};
  return v;
}

// The value a number input shows: what was typed when the form comes back, else the stored number (0 = empty).
std::string number_value(const Ctx& c, const std::string& name, int stored) {
  if (c.req.method == "POST") return c.req.form(name);
  return stored == 0 ? std::string() : std::to_string(stored);
}

std::string plural(long long n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 || n == -1 || n == 0 ? one : many);
}

}  // namespace

bool can_organise(const Ctx& c) {
  if (!c.actor || !c.territory_id()) return false;
  auto r = c.actor->user.role;
  return r == domain::Role::admin || r == domain::Role::coordinator || r == domain::Role::school_contact ||
         r == domain::Role::company_contact;
}

bool organises_all(const Ctx& c) {
  return c.actor && c.territory_id() && c.actor->can_edit_directory();
}

std::vector<std::pair<long long, std::string>> own_organisations(Ctx& c) {
  if (!can_organise(c) || organises_all(c)) return {};
  return store::organisations_of_user(c.app.store, c.territory_id(), c.actor->user.id);
}

int send_mails(Ctx& c, const std::vector<mail::Message>& messages) {
  int sent = 0;
  for (const auto& m : messages) {
    if (m.to.empty()) continue;  // an anonymised registration
    std::string err = c.app.mailer.send(m);
    if (err.empty())
      ++sent;
    else
      spdlog::error("event e-mail \"{}\" not sent (request {}): {}", m.subject, c.req.request_id, err);
  }
  return sent;
}

std::vector<mail::Message> promoted_mails(Ctx& c, const domain::Event& e,
                                          const std::vector<domain::Registration>& promoted) {
  std::vector<mail::Message> out;
  out.reserve(promoted.size());
  for (const auto& r : promoted) out.push_back(mail::promoted_message(e, r, c.app.cfg.base_url()));
  return out;
}

std::optional<domain::Event> event_to_manage(Ctx& c, http::Response& refusal) {
  if (!c.territory_id()) {
    refusal = directory_without_territory(c);
    return std::nullopt;
  }
  if (!can_organise(c)) {
    refusal = c.forbidden();
    return std::nullopt;
  }
  auto e = store::event_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!e) {
    refusal = c.not_found();
    return std::nullopt;
  }
  if (!organises_all(c)) {
    auto own = own_organisations(c);
    bool mine = e->organisation_id != 0 &&
                std::any_of(own.begin(), own.end(), [&](const auto& o) { return o.first == e->organisation_id; });
    if (!mine) {
      refusal = c.forbidden();
      return std::nullopt;
    }
  }
  return e;
}

domain::Event event_from_form(const http::Request& r, domain::Event e, domain::Errors& errors) {
  e.kind = r.form("kind");
  e.title = r.form("title");
  e.description = r.form("description");
  e.starts_on = domain::trim(r.form("starts_on"));
  e.start_time = domain::trim(r.form("start_time"));
  e.ends_on = domain::trim(r.form("ends_on"));
  e.end_time = domain::trim(r.form("end_time"));
  e.place = r.form("place");
  e.address = r.form("address");
  e.commune_insee = domain::trim(r.form("commune_insee"));
  e.online_url = domain::trim(r.form("online_url"));
  e.audiences = r.form_all("audiences");
  e.accessibility = r.form("accessibility");
  e.safety_rules = r.form("safety_rules");
  if (!whole_number(r.form("capacity"), e.capacity))
    errors["capacity"] = "Indiquez un nombre entier de places, ou laissez vide pour ne pas limiter.";
  if (!whole_number(r.form("min_age"), e.min_age))
    errors["min_age"] = "Indiquez un âge en années (un nombre entier), ou laissez vide.";
  long long org = parse_id(r.form("organisation_id"));
  if (org < 0) errors["organisation_id"] = "Choisissez une organisation de la liste.";
  e.organisation_id = std::max(0LL, org);
  long long initiative = parse_id(r.form("initiative_id"));
  if (initiative < 0) errors["initiative_id"] = "Choisissez une initiative de la liste.";
  e.initiative_id = std::max(0LL, initiative);
  e.ambassador_ids.clear();
  for (const auto& v : r.form_all("ambassadors")) {
    long long id = parse_id(v);
    if (id <= 0) {
      errors["ambassadors"] = "Choisissez les ambassadrices dans la liste.";
      continue;
    }
    if (std::find(e.ambassador_ids.begin(), e.ambassador_ids.end(), id) == e.ambassador_ids.end())
      e.ambassador_ids.push_back(id);
  }
  return e;
}

void check_host(Ctx& c, const domain::Event& e, domain::Errors& errors) {
  if (organises_all(c)) return;
  auto own = own_organisations(c);
  bool mine = std::any_of(own.begin(), own.end(), [&](const auto& o) { return o.first == e.organisation_id; });
  if (e.organisation_id == 0)
    errors["organisation_id"] = "Choisissez l’organisation qui accueille l’événement.";
  else if (!mine)
    errors["organisation_id"] = "Vous ne pouvez organiser que les événements de vos propres organisations.";
}

http::Response event_form(Ctx& c, const domain::Event& e, const domain::Errors& errors, int status) {
  Data d;
  bool is_new = e.id == 0;
  std::string id = std::to_string(e.id);
  std::string heading = is_new ? "Nouvel événement" : "Modifier l’événement";
  d.set("heading", heading);
  d.set("is_new", is_new);
  d.set("action", is_new ? std::string("/evenements/nouveau") : "/evenements/" + id + "/modifier");
  d.set("cancel_url", is_new ? std::string("/evenements/gerer") : "/evenements/" + id + "/gestion");
  d.set("submit", is_new ? "Créer l’événement" : "Enregistrer les modifications");
  set_error_summary(d, errors, "event-", event_labels(), "L’événement n’a pas été enregistré");

  d.set("kinds", choice_list(domain::event_kinds(), e.kind));
  for (const char* name : {"kind", "organisation_id", "initiative_id", "status"}) d.set(name, field("", errors, name));
  const std::vector<std::pair<const char*, const std::string*>> texts = {{"title", &e.title},
                                                                         {"description", &e.description},
                                                                         {"starts_on", &e.starts_on},
                                                                         {"start_time", &e.start_time},
                                                                         {"ends_on", &e.ends_on},
                                                                         {"end_time", &e.end_time},
                                                                         {"place", &e.place},
                                                                         {"address", &e.address},
                                                                         {"commune_insee", &e.commune_insee},
                                                                         {"online_url", &e.online_url},
                                                                         {"accessibility", &e.accessibility},
                                                                         {"safety_rules", &e.safety_rules}};
  for (const auto& [name, value] : texts) d.set(name, field(*value, errors, name));
  d.set("capacity", field(number_value(c, "capacity", e.capacity), errors, "capacity"));
  d.set("min_age", field(number_value(c, "min_age", e.min_age), errors, "min_age"));
  d.set("audiences", checkbox_list(domain::event_audiences(), e.audiences));
  set_error(d, errors, "audiences");
  if (errors.count("ambassador_ids")) d.set("ambassadors_error", errors.at("ambassador_ids"));
  set_error(d, errors, "ambassadors");
  d.set("publish", c.req.method == "POST" ? c.req.form("publish") == "1" : false);
  d.set("today", plan_today());

  long long t = c.territory_id();
  bool all = organises_all(c);
  std::vector<std::pair<long long, std::string>> hosts;
  if (all) {
    for (const auto& o : store::organisation_names(c.app.store, t)) hosts.emplace_back(o.id, o.name);
  } else {
    hosts = own_organisations(c);
  }
  List organisations;
  for (const auto& [oid, name] : hosts) {
    Data item;
    item.set("id", std::to_string(oid));
    item.set("name", name);
    item.set("selected", oid == e.organisation_id || (!all && hosts.size() == 1));
    organisations.push_back(item);
  }
  d.set("organisations", organisations);
  d.set("host_optional", all);
  d.set("host_required", !all);

  set_initiative_options(c, d, t, e.initiative_id);

  List ambassadors;
  for (const auto& [aid, name] : store::ambassadors_of(c.app.store, t)) {
    Data item;
    item.set("id", std::to_string(aid));
    item.set("name", name);
    item.set("checked", std::find(e.ambassador_ids.begin(), e.ambassador_ids.end(), aid) != e.ambassador_ids.end());
    ambassadors.push_back(item);
  }
  d.set("ambassadors", ambassadors);
  d.set("has_ambassadors", !ambassadors.empty());
  return c.page("event_form", heading, d, status);
}

Data event_data(const domain::Event& e) {
  Data d;
  d.set("id", std::to_string(e.id));
  d.set("title", e.title);
  d.set("kind_label", std::string(domain::event_kind_label(e.kind)));
  d.set("status", e.status);
  d.set("status_label", std::string(domain::event_status_label(e.status)));
  d.set("is_draft", e.status == "draft");
  d.set("is_cancelled", e.status == "cancelled");
  d.set("is_public", domain::event_is_public(e.status));
  d.set("when", event_when_fr(e));
  d.set("starts_on", e.starts_on);
  set_text(d, "description", e.description);
  set_text(d, "place", e.place);
  set_text(d, "address", e.address);
  set_text(d, "commune", e.commune_name.empty() ? e.commune_insee : e.commune_name);
  set_text(d, "online_url", e.online_url);
  set_text(d, "accessibility", e.accessibility);
  set_text(d, "safety_rules", e.safety_rules);
  set_text(d, "cancel_reason", e.cancel_reason);
  set_text(d, "host", e.organisation_name);
  set_text(d, "initiative", e.initiative_name);
  set_text(d, "ambassadors", domain::join(e.ambassador_names, ", "));
  std::vector<std::string> audiences;
  for (const auto& a : e.audiences) audiences.emplace_back(domain::event_audience_label(a));
  set_text(d, "audiences", domain::join(audiences, ", "));
  if (e.min_age > 0) d.set("min_age", std::to_string(e.min_age) + " ans");
  d.set("places_taken", std::to_string(e.places_taken));
  d.set("waitlisted", std::to_string(e.waitlisted));
  d.set("has_waitlist", e.waitlisted > 0);
  d.set("places", e.capacity == 0 ? plural(e.places_taken, "place prise", "places prises") + " (sans limite)"
                                  : std::to_string(e.places_taken) + " / " + std::to_string(e.capacity) + " places");
  d.set("places_left", e.capacity == 0 ? std::string("sans limite") : std::to_string(e.places_left()));
  d.set("full", e.capacity != 0 && e.places_left() == 0);
  if (e.action_id) d.set("action_id", std::to_string(e.action_id));
  return d;
}

namespace {

// The label of the button that moves an event to `to`.
std::string transition_label(const std::string& from, const std::string& to) {
  if (to == "published") return from == "draft" ? "Publier" : "Rouvrir les inscriptions";
  if (to == "closed") return from == "done" ? "Rouvrir la feuille de présence" : "Clore les inscriptions";
  if (to == "done") return "Marquer comme terminé";
  return std::string(domain::event_status_label(to));
}

}  // namespace

http::Response event_manage_page(Ctx& c, const domain::Event& e, const domain::Errors& errors, int status) {
  Data d;
  d.set("event", event_data(e));
  set_text(d, "notice", event_notice(c));
  List transitions;
  for (const auto& s : domain::event_statuses()) {
    std::string to(s.code);
    if (to == "cancelled" || !domain::event_transition_allowed(e.status, to)) continue;
    Data t;
    t.set("code", to);
    t.set("label", transition_label(e.status, to));
    transitions.push_back(t);
  }
  d.set("transitions", transitions);
  d.set("has_transitions", !transitions.empty());
  bool can_cancel = domain::event_transition_allowed(e.status, "cancelled");
  d.set("can_cancel", can_cancel);

  auto registrations = store::registrations_of(c.app.store, c.territory_id(), e.id);
  List rows;
  long long active = 0;
  for (const auto& r : registrations) {
    Data row = registration_data(r);
    bool open = r.status == "booked" || r.status == "waitlisted";
    active += open ? 1 : 0;
    row.set("can_cancel", open);
    rows.push_back(row);
  }
  d.set("registrations", rows);
  d.set("has_registrations", !rows.empty());
  d.set("active", plural(active, "inscription en cours", "inscriptions en cours"));
  d.set("cancel_button",
        active == 0 ? std::string("Annuler l’événement")
                    : "Annuler l’événement et prévenir " + plural(active, "personne inscrite", "personnes inscrites"));
  d.set("cancel_form_reason", field(c.req.method == "POST" ? c.req.form("reason") : "", errors, "cancel_reason"));
  set_text(d, "status_error", errors.count("status") ? errors.at("status") : "");
  d.set("cancel_open", errors.count("cancel_reason") > 0);
  d.set("can_delete", e.status == "draft" && registrations.empty());
  d.set("has_attendance", e.status == "published" || e.status == "closed" || e.status == "done");
  d.set("checkin_url", checkin_url(c, e.checkin_token));
  return c.page("event_manage", e.title, d, status);
}

http::Response attendance_page(Ctx& c, const domain::Event& e, const domain::Errors& errors, int status) {
  Data d;
  d.set("event", event_data(e));
  set_text(d, "notice", event_notice(c));
  bool open = e.status == "published" || e.status == "closed" || e.status == "done";
  d.set("open", open);
  bool posted = c.req.method == "POST";
  List rows;
  for (const auto& r : store::registrations_of(c.app.store, c.territory_id(), e.id)) {
    if (r.status != "booked") continue;
    Data row = registration_data(r);
    std::string id = std::to_string(r.id);
    bool recorded = e.action_id != 0;
    row.set("present", posted ? c.req.form("present_" + id) == "1" : r.attended);
    List counts;
    auto count = [&](const std::string& name, const std::string& label, int booked, int came) {
      std::string key = name;
      key.append("_").append(id);
      Data f = field(posted ? c.req.form(key) : std::to_string(recorded && r.attended ? came : booked), errors, key);
      f.set("name", key);
      f.set("label", label);
      counts.push_back(f);
    };
    if (r.kind == "class") {
      count("girls", "Filles", r.girls, r.attended_girls);
      count("boys", "Garçons", r.boys, r.attended_boys);
      count("adults", "Adultes accompagnateurs", r.adults, r.attended_adults);
    } else if (r.kind == "prescriber") {
      count("people", "Personnes accompagnées", r.people, r.attended_people);
    }
    row.set("count_inputs", counts);
    row.set("has_counts", !counts.empty());
    rows.push_back(row);
  }
  d.set("rows", rows);
  d.set("has_rows", !rows.empty());
  List other_errors;
  for (const auto& [key, message] : errors) {
    bool beside_a_field = false;  // shown next to its count input
    for (const char* prefix : {"girls_", "boys_", "adults_", "people_"})
      beside_a_field = beside_a_field || key.rfind(prefix, 0) == 0;
    if (beside_a_field) continue;
    Data item;
    item.set("message", message);
    other_errors.push_back(item);
  }
  d.set("has_errors", !errors.empty());
  d.set("other_errors", other_errors);

  // What the attendance became: the action, and its survey link to show the group (or the button that makes one).
  if (e.action_id) {
    if (auto a = store::action_by_id(c.app.store, c.territory_id(), e.action_id)) {
      Data act;
      act.set("id", std::to_string(a->id));
      act.set("status_label", std::string(domain::action_status_label(a->status)));
      act.set("validated", a->status == "validated");
      act.set("people", std::to_string(a->audience.total()));
      d.set("action", act);
      auto links = store::survey_links_of_action(c.app.store, c.territory_id(), a->id);
      auto live = std::find_if(links.begin(), links.end(), [](const auto& l) { return l.phase != "closed"; });
      if (live != links.end()) {
        Data survey;
        std::string url = survey_short_url(c, live->token);
        survey.set("id", std::to_string(live->id));
        survey.set("url", url);
        survey.set("title", live->questionnaire_title);
        survey.set("qr_svg", report::qr_svg(url, "QR code du questionnaire : " + url, 6));
        d.set("survey", survey);
      } else if (!links.empty()) {
        d.set("closed_survey_id", std::to_string(links.front().id));
      } else {
        d.set("can_create_survey", can_run_surveys(c));
      }
    }
  }
  return c.page("event_attendance", "Présences — " + e.title, d, status);
}

bool read_count(const http::Request& r, const std::string& name, int& out) {
  std::string s = domain::trim(r.form(name));
  out = 0;
  if (s.empty()) return true;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out >= 0 && out <= kMaxAttendance;
}

http::Response checkin_page(Ctx& c, const domain::Event& e, const domain::Errors& errors, int status) {
  Data d;
  d.set("event", event_data(e));
  d.set("token", e.checkin_token);
  bool posted = c.req.method == "POST";
  d.set("code", field(posted ? c.req.form("code") : "", errors, "code"));
  for (const char* name : {"girls", "boys", "adults", "people"})
    d.set(name, field(posted ? c.req.form(name) : "", errors, name));
  set_error(d, errors, "counts");
  set_error_summary(d, errors, "checkin-",
                    {{"code", "Code de l’inscription"},
                     {"counts", "Personnes venues"},
                     {"girls", "Filles"},
                     {"boys", "Garçons"},
                     {"adults", "Adultes accompagnateurs"},
                     {"people", "Personnes"},
                     {"event", "Événement", "code"}},
                    "Le pointage n’a pas été enregistré");
  return c.page("checkin_form", "Pointage — " + e.title, d, status);
}

std::string registration_counts(const domain::Registration& r) {
  if (r.kind == "class") {
    std::string out = plural(r.girls, "fille", "filles") + ", " + plural(r.boys, "garçon", "garçons");
    if (r.adults) out += ", " + plural(r.adults, "adulte", "adultes");
    return out;
  }
  if (r.kind == "prescriber")
    return "elle-même et " + plural(r.people, "personne accompagnée", "personnes accompagnées");
  return plural(r.people == 0 ? 1 : r.people, "personne", "personnes");
}

Data registration_data(const domain::Registration& r) {
  Data d;
  d.set("id", std::to_string(r.id));
  d.set("kind_label", std::string(domain::choice_label(domain::registration_kinds(), r.kind)));
  d.set("is_class", r.kind == "class");
  d.set("is_prescriber", r.kind == "prescriber");
  d.set("is_adult", r.kind == "adult");
  d.set("contact_name", r.anonymised ? std::string("(coordonnées effacées)") : r.contact_name);
  set_text(d, "email", r.email);
  set_text(d, "phone", r.phone);
  std::string where = r.school_name.empty() ? r.organisation : r.school_name;
  set_text(d, "where", where);
  set_text(d, "class_level", std::string(domain::class_level_label(r.class_level)));
  set_text(d, "category", std::string(domain::audience_label(r.category)));
  set_text(d, "needs", r.needs);
  d.set("counts", registration_counts(r));
  d.set("places", std::to_string(r.places));
  d.set("status", r.status);
  d.set("status_label", std::string(domain::registration_status_label(r.status)));
  d.set("is_booked", r.status == "booked");
  d.set("is_cancelled", r.status == "cancelled");
  d.set("confirmed", r.confirmed());
  d.set("confirmed_label", r.confirmed() ? "oui" : "non");
  d.set("attended", r.attended);
  set_text(d, "cancel_reason", r.cancel_reason);
  d.set("code", r.code);
  return d;
}

std::string checkin_url(const Ctx& c, const std::string& token) {
  return c.app.cfg.base_url() + "/p/" + token;
}

std::string event_notice(const Ctx& c) {
  std::string msg = c.req.query("msg");
  auto count = [&](const char* name) {
    int n = parse_int(c.req.query(name), 0);
    return std::max(0, n);
  };
  if (msg == "evenement-cree") return "Événement créé.";
  if (msg == "evenement-publie") return "Événement créé et publié : il paraît dans le calendrier public.";
  if (msg == "evenement-enregistre") {
    int n = count("promues");
    return n == 0 ? "Modifications enregistrées."
                  : "Modifications enregistrées. " +
                        plural(n, "inscription de la liste d’attente a obtenu ses places et a été prévenue",
                               "inscriptions de la liste d’attente ont obtenu leurs places et ont été prévenues") +
                        " par e-mail.";
  }
  if (msg == "statut") return "Statut de l’événement changé.";
  if (msg == "evenement-annule") {
    int told = count("informes");
    return "Événement annulé. " +
           (told == 0 ? std::string("Aucune personne inscrite n’était à prévenir.")
                      : plural(told, "personne inscrite a été prévenue", "personnes inscrites ont été prévenues") +
                            " par e-mail.");
  }
  if (msg == "inscription-annulee") {
    int n = count("promues");
    std::string out = "Inscription annulée ; la personne inscrite a été prévenue par e-mail.";
    if (n > 0)
      out += " " +
             plural(n, "inscription de la liste d’attente a obtenu ses places",
                    "inscriptions de la liste d’attente ont obtenu leurs places") +
             ".";
    return out;
  }
  if (msg == "presences") return "Présences enregistrées : elles comptent dans l’action de l’événement.";
  if (msg == "evenement-supprime") return "Brouillon supprimé.";
  return "";
}

}  // namespace passerelles::web
