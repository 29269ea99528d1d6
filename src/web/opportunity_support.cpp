// Shared by the offer and application pages (see the header).
#include "web/opportunity_support.hpp"

#include <algorithm>

#include "domain/action.hpp"
#include "domain/collective.hpp"
#include "domain/event.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "store/accounts.hpp"
#include "store/ambassadors.hpp"
#include "store/opportunities.hpp"
#include "web/collective_support.hpp"
#include "web/event_public_support.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

using domain::Role;

namespace {

Role role_of(const Ctx& c) {
  return c.actor ? c.actor->user.role : Role::viewer;
}

bool referred_it(const Ctx& c, const domain::OfferApplication& a) {
  return c.actor && a.referred_by != 0 && a.referred_by == c.actor->user.id;
}

// The territory's organisations that may publish offers (every kind but schools and prescribers), as options.
List organisation_options(Ctx& c, long long selected) {
  List out;
  for (const auto& o : store::organisation_names(c.app.store, c.territory_id())) {
    Data d;
    d.set("code", std::to_string(o.id));
    d.set("label", o.name);
    d.set("selected", o.id == selected);
    out.push_back(d);
  }
  return out;
}

}  // namespace

bool is_coordinator(const Ctx& c) {
  return c.actor && c.territory_id() != 0 && role_of(c) == Role::coordinator;
}

bool acts_for_company(const Ctx& c, long long organisation_id) {
  return c.actor && c.territory_id() != 0 && role_of(c) == Role::company_contact && organisation_id != 0 &&
         c.actor->user.organisation_id == organisation_id;
}

bool may_publish_offers(const Ctx& c) {
  return is_coordinator(c) ||
         (c.actor && c.territory_id() != 0 && role_of(c) == Role::company_contact && c.actor->user.organisation_id);
}

bool may_manage_offer(const Ctx& c, const domain::Offer& o) {
  return is_coordinator(c) || acts_for_company(c, o.organisation_id);
}

bool may_see_offer(const Ctx& c, const domain::Offer& o, const std::string& today) {
  if (!c.actor || c.territory_id() == 0) return false;
  return (o.status == "published" && o.expires_on >= today) || may_manage_offer(c, o);
}

bool may_refer(const Ctx& c) {
  Role r = role_of(c);
  return c.actor && c.territory_id() != 0 &&
         (r == Role::school_contact || r == Role::prescriber || r == Role::coordinator);
}

bool may_see_application(const Ctx& c, const domain::OfferApplication& a) {
  return is_coordinator(c) || acts_for_company(c, a.organisation_id) || referred_it(c, a);
}

std::vector<std::string> transitions_for(const Ctx& c, const domain::OfferApplication& a) {
  bool company = is_coordinator(c) || acts_for_company(c, a.organisation_id);
  bool referrer = is_coordinator(c) || referred_it(c, a);
  std::vector<std::string> out;
  std::string from = a.state();
  auto add = [&](bool who, const char* to) {
    if (who && domain::allowed(from, to)) out.emplace_back(to);
  };
  add(company, "interview");
  add(company, "accepted");
  add(company, "declined");
  add(referrer, "withdrawn");
  add(company || referrer, "completed");
  return out;
}

http::Response opportunity_forbidden(Ctx& c, const std::string& why) {
  return c.page("error", "Accès refusé", Data("message", Data(why)), 403);
}

std::string today_paris() {
  return domain::paris_day(store::now_unix());
}

// ---- offers -------------------------------------------------------------------------------------------------

domain::Offer offer_from_form(Ctx& c, domain::Offer base, std::string& commune_typed, std::string& commune_error) {
  const auto& r = c.req;
  domain::Offer o = std::move(base);
  if (is_coordinator(c)) o.organisation_id = std::max(0LL, parse_id(r.form("organisation_id")));
  o.kind = r.form("kind");
  o.title = r.form("title");
  o.description = r.form("description");
  o.domain = r.form("domain");
  o.places = parse_int(domain::trim(r.form("places")), -1);
  o.starts_on = r.form("starts_on");
  o.ends_on = r.form("ends_on");
  o.address = r.form("address");
  o.accessibility = r.form("accessibility");
  o.contact_email = r.form("contact_email");
  o.expires_on = r.form("expires_on");
  o.status = r.form("status") == "published" ? "published" : "draft";
  commune_typed = domain::trim(r.form("commune"));
  commune_error.clear();
  o.commune_insee.clear();
  if (!commune_typed.empty()) {
    bool ambiguous = false;
    if (commune_typed.size() > 200) {
      commune_error = "Ce texte est trop long : 200 caractères au plus.";
    } else if (auto m = store::commune_from_input(c.app.store, commune_typed, ambiguous)) {
      o.commune_insee = m->insee;
      commune_typed = commune_option_label(*m);
    } else {
      commune_error = ambiguous ? "Ce code postal couvre plusieurs communes : choisissez la commune dans la liste."
                                : "Commune introuvable : tapez son nom ou son code postal, puis choisissez-la dans "
                                  "la liste.";
    }
  }
  return o;
}

http::Response offer_form(Ctx& c, const domain::Offer& o, const std::string& commune_typed, const domain::Errors& e,
                          int status) {
  Data d;
  bool editing = o.id != 0;
  std::string heading = editing ? "Modifier l’offre" : "Publier une offre";
  d.set("heading", heading);
  d.set("action", editing ? "/offres/" + std::to_string(o.id) + "/modifier" : "/offres/nouvelle");
  if (editing) d.set("offer_id", std::to_string(o.id));
  if (is_coordinator(c)) {
    d.set("choose_organisation", true);
    d.set("organisations", organisation_options(c, o.organisation_id));
    set_error(d, e, "organisation_id");
  } else {
    set_text(d, "organisation_name", o.organisation_name);
  }
  d.set("kinds", choice_list(domain::offer_kinds(), o.kind));
  d.set("domains", choice_list(domain::collective_domains(), o.domain));
  d.set("kind", field(o.kind, e, "kind"));
  d.set("title", field(o.title, e, "title"));
  d.set("description", field(o.description, e, "description"));
  d.set("domain", field(o.domain, e, "domain"));
  d.set("places", field(o.places > 0 ? std::to_string(o.places) : c.req.form("places"), e, "places"));
  d.set("starts_on", field(o.starts_on, e, "starts_on"));
  d.set("ends_on", field(o.ends_on, e, "ends_on"));
  d.set("commune", field(commune_typed, e, "commune"));
  d.set("address", field(o.address, e, "address"));
  d.set("accessibility", field(o.accessibility, e, "accessibility"));
  d.set("contact_email", field(o.contact_email, e, "contact_email"));
  d.set("expires_on", field(o.expires_on, e, "expires_on"));
  d.set("published", o.status == "published");
  d.set("max_places", std::to_string(domain::kMaxOfferPlaces));
  if (e.count("status")) d.set("status_error", e.at("status"));
  set_error_summary(d, e, "offre-",
                    {{"organisation_id", "Entreprise"},
                     {"kind", "Type d’offre"},
                     {"title", "Titre"},
                     {"description", "Description"},
                     {"domain", "Domaine"},
                     {"places", "Places"},
                     {"starts_on", "Début"},
                     {"ends_on", "Fin"},
                     {"commune", "Commune"},
                     {"address", "Adresse"},
                     {"accessibility", "Accessibilité"},
                     {"contact_email", "E-mail de contact"},
                     {"expires_on", "Candidatures jusqu’au"}});
  return c.page("offer_form", heading, d, status);
}

Data offer_data(const domain::Offer& o) {
  Data d;
  d.set("id", std::to_string(o.id));
  d.set("title", o.title);
  d.set("kind_label", std::string(domain::offer_kind_label(o.kind)));
  d.set("status", o.status);
  d.set("status_label", std::string(domain::offer_status_label(o.status)));
  d.set("is_published", o.status == "published");
  d.set("organisation_name", o.organisation_name);
  set_text(d, "description", o.description);
  set_text(d, "domain_label", std::string(domain::choice_label(domain::collective_domains(), o.domain)));
  d.set("places", std::to_string(o.places));
  int left = o.places_left();
  d.set("places_left", left == 0 ? std::string("Complet")
                                 : std::to_string(left) + (left == 1 ? " place restante" : " places restantes"));
  d.set("full", left == 0);
  std::string when = domain::format_day_fr(o.starts_on);
  if (!o.ends_on.empty() && o.ends_on != o.starts_on)
    when = "du " + domain::format_day_fr(o.starts_on) + " au " + domain::format_day_fr(o.ends_on);
  else if (!when.empty())
    when = "à partir du " + when;
  set_text(d, "when", when);
  set_text(d, "commune", o.commune_name);
  set_text(d, "address", o.address);
  set_text(d, "accessibility", o.accessibility);
  set_text(d, "contact_email", o.contact_email);
  d.set("expires_on", domain::format_day_fr(o.expires_on));
  return d;
}

// ---- applications -------------------------------------------------------------------------------------------

ApplicationForm application_from_form(Ctx& c, domain::Errors& errors) {
  const auto& r = c.req;
  ApplicationForm f;
  auto& a = f.application;
  a.first_name = r.form("first_name");
  a.last_name = r.form("last_name");
  a.email = r.form("email");
  a.phone = r.form("phone");
  a.sex = r.form("sex");
  f.minor = r.form("minor");
  a.minor = f.minor == "1";
  a.class_level = r.form("class_level");
  a.message = r.form("message");
  f.school = domain::trim(r.form("school"));
  domain::normalise(a);
  if (f.minor != "1" && f.minor != "0") errors["minor"] = "Indiquez si la personne est mineure.";
  if (f.school.empty()) return f;
  TypedSchool ts = lookup_typed_school(c, f.school, c.actor->territory.departments);
  switch (ts.kind) {
    case TypedSchool::Kind::empty: return f;
    case TypedSchool::Kind::invalid:
      errors["school"] = "Le nom d’établissement saisi est invalide ou trop long (300 caractères au plus).";
      return f;
    case TypedSchool::Kind::uai:
      if (ts.school) {
        a.school_id = ts.school->id;
        return f;
      }
      errors["school"] = "Aucun établissement n’a le code UAI " + ts.uai + " : vérifiez-le, ou écrivez son nom.";
      return f;
    case TypedSchool::Kind::words: break;
  }
  if (ts.found.total == 1)
    a.school_id = ts.found.rows.front().id;
  else if (ts.found.total == 0)
    errors["school"] = "Aucun établissement du territoire ne correspond à « " + ts.text +
                       " » : essayez son nom, sa commune ou son code UAI.";
  else
    errors["school"] = std::to_string(ts.found.total) + " établissements correspondent à « " + ts.text +
                       " » : choisissez-le dans la liste proposée.";
  return f;
}

http::Response application_form(Ctx& c, const domain::Offer& o, const ApplicationForm& f, const domain::Errors& e,
                                int status) {
  Data d = offer_data(o);
  const auto& a = f.application;
  d.set("offer", offer_data(o));
  d.set("territory_slug", c.actor->territory.slug);
  d.set("first_name", field(a.first_name, e, "first_name"));
  d.set("last_name", field(a.last_name, e, "last_name"));
  d.set("email", field(a.email, e, "email"));
  d.set("phone", field(a.phone, e, "phone"));
  d.set("sex", field(a.sex, e, "sex"));
  d.set("sexes", choice_list(domain::candidate_sexes(), a.sex));
  d.set("minor_yes", f.minor == "1");
  d.set("minor_no", f.minor == "0");
  set_error(d, e, "minor");
  d.set("school", field(f.school, e, "school"));
  d.set("class_level", field(a.class_level, e, "class_level"));
  d.set("class_levels", choice_list(domain::class_levels(), a.class_level));
  d.set("message", field(a.message, e, "message"));
  if (e.count("offer")) d.set("offer_error", e.at("offer"));
  set_error_summary(d, e, "cand-",
                    {{"first_name", "Prénom"},
                     {"last_name", "Nom"},
                     {"email", "E-mail"},
                     {"phone", "Téléphone"},
                     {"sex", "Sexe"},
                     {"minor", "Mineure ou mineur", "minor-1"},
                     {"school", "Établissement"},
                     {"class_level", "Classe"},
                     {"message", "Message"}},
                    e.count("offer") ? e.at("offer") : "La candidature n’a pas été envoyée");
  return c.page("application_form", "Candidater : " + o.title, d, status);
}

Data application_data(const domain::OfferApplication& a) {
  Data d;
  std::string state = a.state();
  d.set("id", std::to_string(a.id));
  d.set("offer_id", std::to_string(a.offer_id));
  d.set("offer_title", a.offer_title);
  d.set("offer_kind", std::string(domain::offer_kind_label(a.offer_kind)));
  d.set("organisation_name", a.organisation_name);
  d.set("name", a.erased_at ? std::string("Données effacées") : a.first_name + " " + a.last_name);
  d.set("state", state);
  d.set("state_label", std::string(domain::application_status_label(state)));
  d.set("sex_label", std::string(domain::choice_label(domain::candidate_sexes(), a.sex)));
  d.set("minor", a.minor);
  set_text(d, "email", a.email);
  set_text(d, "phone", a.phone);
  set_text(d, "school_name", a.school_name);
  set_text(d, "class_level", std::string(domain::class_level_label(a.class_level)));
  set_text(d, "message", a.message);
  set_text(d, "referrer", a.referrer_name.empty() ? a.referrer_email : a.referrer_name);
  set_text(d, "referrer_organisation", a.referrer_organisation_name);
  d.set("sent_on", domain::format_day_fr(domain::paris_day(a.sent_at)));
  List history;
  auto step = [&](long long at, const std::string& what) {
    if (at == 0) return;
    Data h;
    h.set("at", domain::format_datetime_fr(at));
    h.set("what", what);
    history.push_back(h);
  };
  step(a.sent_at, "Candidature envoyée");
  step(a.reminded_7_at, "Rappel envoyé à l’entreprise (7 jours)");
  step(a.reminded_14_at, "Rappel envoyé à l’entreprise (14 jours)");
  step(a.seen_at, "Vue par l’entreprise");
  step(a.interview_at, "Entretien fixé au " + domain::day_with_weekday_fr(a.interview_on));
  if (a.decided_at) {
    std::string what(domain::application_status_label(a.status));
    if (a.status == "declined" && !a.decline_reason.empty()) what += " : " + a.decline_reason;
    step(a.decided_at, what);
  }
  step(a.completed_at, "Stage réalisé ou contrat commencé");
  d.set("history", history);
  return d;
}

http::Response application_page(Ctx& c, const domain::OfferApplication& a, const domain::Errors& errors, int status) {
  Data d = application_data(a);
  d.set("application", application_data(a));
  auto can = transitions_for(c, a);
  auto has = [&](const char* to) { return std::find(can.begin(), can.end(), to) != can.end(); };
  d.set("can_interview", has("interview"));
  d.set("can_accept", has("accepted"));
  d.set("can_decline", has("declined"));
  d.set("can_withdraw", has("withdrawn"));
  d.set("can_complete", has("completed"));
  d.set("has_actions", !can.empty());
  d.set("interview_on",
        field(a.interview_on.empty() ? c.req.form("interview_on") : a.interview_on, errors, "interview_on"));
  d.set("decline_reason", field(c.req.form("decline_reason"), errors, "decline_reason"));
  if (errors.count("status")) d.set("status_error", errors.at("status"));
  if (c.req.query("msg") == "envoyee")
    d.set("notice", std::string("Candidature envoyée : l’entreprise est prévenue par e-mail."));
  else if (c.req.query("msg") == "enregistre")
    d.set("notice", std::string("C’est enregistré : la personne qui a présenté la candidature est prévenue."));
  return c.page("application_show", "Candidature — " + a.offer_title, d, status);
}

}  // namespace passerelles::web
