// Public event pages and private registration pages: French display values, the booking form by kind, the pages
// forms re-render, e-mails and the headers of private, calendar and embeddable responses.
#include "web/event_public_support.hpp"

#include <algorithm>
#include <cctype>

#include "domain/action.hpp"
#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "http/server.hpp"
#include "store/accounts.hpp"
#include "store/schools.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

// "mardi 14 avril 2026"; the day itself when it is not a valid day.
std::string long_day(const std::string& day) {
  std::string text = domain::day_with_weekday_fr(day);
  return text.empty() ? day : text;
}

std::string joined_labels(const std::vector<std::string>& codes) {
  std::vector<std::string> labels;
  for (const auto& code : codes) {
    std::string_view l = domain::event_audience_label(code);
    labels.emplace_back(l.empty() ? std::string_view(code) : l);
  }
  return domain::join(labels, ", ");
}

std::string choice_label_of(const std::vector<domain::Choice>& choices, const std::string& code) {
  for (const auto& ch : choices)
    if (ch.code == code) return std::string(ch.label);
  return code;
}

// The school typed in a class booking, looked up as the datalist proposes it (see registration_of).
void resolve_school(Ctx& c, const domain::Event& e, const std::string& typed, domain::Registration& r,
                    domain::Errors& errors) {
  std::vector<std::string> departments;
  if (auto t = store::territory_by_id(c.app.store, e.territory_id)) departments = t->departments;
  TypedSchool ts = lookup_typed_school(c, typed, departments);
  switch (ts.kind) {
    case TypedSchool::Kind::empty: return;  // domain::validate asks for it
    case TypedSchool::Kind::invalid:
      errors["school"] = "Le nom d’établissement saisi est invalide ou trop long (300 caractères au plus).";
      return;
    case TypedSchool::Kind::uai:
      if (ts.school) {
        r.school_id = ts.school->id;
        return;
      }
      errors["school"] = "Le code UAI " + ts.uai +
                         " n’est pas dans l’annuaire : écrivez plutôt le nom de l’établissement "
                         "et sa commune.";
      return;
    case TypedSchool::Kind::words: break;
  }
  if (ts.found.total == 1) {
    r.school_id = ts.found.rows.front().id;
  } else if (ts.found.total == 0) {
    r.organisation = ts.text;  // a school outside the directory, named as typed
  } else {
    errors["school"] = std::to_string(ts.found.total) + " établissements correspondent à « " + ts.text +
                       " » : choisissez-le dans la liste proposée ou précisez, par exemple « " +
                       school_option_label(ts.found.rows.front()) + " ».";
  }
}

// The error summary's links, in the order of the form.
FieldLabels booking_labels(bool with_kind) {
  FieldLabels l;
  if (with_kind) l.emplace_back("kind", "Qui inscrivez-vous", "kind-class");
  l.insert(l.end(), {{"school", "Établissement"},
                     {"class_level", "Niveau"},
                     {"girls", "Filles"},
                     {"boys", "Garçons"},
                     {"adults", "Adultes accompagnateurs"},
                     {"adult_category", "Je suis"},
                     {"structure", "Structure"},
                     {"people", "Personnes accompagnées"},
                     {"prescriber_category", "Ces personnes sont"},
                     {"contact_name", "Nom"},
                     {"email", "E-mail"},
                     {"phone", "Téléphone"},
                     {"needs", "Besoins"}});
  return l;
}

// The fields of the booking and change forms: {value, error} per field, choices with the typed one marked.
void set_form_fields(Data& d, const BookingForm& f, const domain::Errors& e) {
  d.set("school", field(f.school, e, "school"));
  d.set("girls", field(f.girls, e, "girls"));
  d.set("boys", field(f.boys, e, "boys"));
  d.set("adults", field(f.adults, e, "adults"));
  d.set("structure", field(f.structure, e, "structure"));
  d.set("people", field(f.people, e, "people"));
  d.set("contact_name", field(f.contact_name, e, "contact_name"));
  d.set("email", field(f.email, e, "email"));
  d.set("phone", field(f.phone, e, "phone"));
  d.set("needs", field(f.needs, e, "needs"));
  d.set("class_level", field(f.class_level, e, "class_level"));
  d.set("adult_category", field(f.adult_category, e, "adult_category"));
  d.set("prescriber_category", field(f.prescriber_category, e, "prescriber_category"));
  d.set("levels", choice_list(domain::class_levels(), f.class_level));
  d.set("adult_categories", choice_list(domain::registration_categories(), f.adult_category));
  d.set("prescriber_categories", choice_list(domain::registration_categories(), f.prescriber_category));
}

// Why an event takes no booking, for its page.
std::string closed_reason(const domain::Event& e, const std::string& today) {
  if (e.status == "cancelled") return "Cet événement est annulé : il ne prend plus d’inscription.";
  if (e.status == "published" && e.ends_on < today) return "Cet événement est passé.";
  if (e.status == "closed") return "Les inscriptions à cet événement sont closes.";
  return "Cet événement est passé : il ne prend plus d’inscription.";
}

// "une classe de 4e du Collège X : 12 filles, 10 garçons et 2 adultes accompagnateurs" and the like.
std::string who_fr(const domain::Registration& r) {
  auto plural = [](int n, const char* one, const char* many) { return std::to_string(n) + " " + (n > 1 ? many : one); };
  if (r.kind == "class") {
    std::string level(domain::class_level_label(r.class_level));
    std::string school = r.school_name.empty() ? r.organisation : r.school_name;
    return "Une classe" + (level.empty() ? "" : " (" + level + ")") + (school.empty() ? "" : ", " + school) + " : " +
           plural(r.girls, "fille", "filles") + ", " + plural(r.boys, "garçon", "garçons") + " et " +
           plural(r.adults, "adulte accompagnateur", "adultes accompagnateurs");
  }
  if (r.kind == "prescriber") {
    std::string cat = choice_label_of(domain::registration_categories(), r.category);
    return "Vous, et " + plural(r.people, "personne accompagnée", "personnes accompagnées") +
           (r.organisation.empty() ? "" : " (" + r.organisation + ")") + (cat.empty() ? "" : " — " + cat);
  }
  std::string cat = choice_label_of(domain::registration_categories(), r.category);
  return "Vous-même" + (cat.empty() ? "" : " (" + cat + ")");
}

}  // namespace

int form_count(const std::string& typed) {
  std::string s = domain::trim(typed);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s.empty() ? 0 : parse_int(s, -1);
}

std::string school_option_label(const domain::School& s) {
  return s.uai + " — " + s.name + (s.commune_name.empty() ? "" : " (" + s.commune_name + ")");
}

http::Response school_options_response(Ctx& c, const std::vector<std::string>& departments, const std::string& typed) {
  std::string q = domain::trim(typed);
  std::string html;
  if (!departments.empty() && domain::valid_utf8(q) && domain::utf8_length(q) >= 2 && domain::utf8_length(q) <= 200) {
    store::SchoolFilter f;
    f.departments = departments;
    f.query = q;
    f.per_page = 12;
    List options;
    for (const auto& s : store::schools_matching(c.app.store, f).rows) {
      Data o;
      o.set("value", school_option_label(s));
      options.push_back(o);
    }
    html = c.app.templates.render("action_school_options", Data("options", options));
  }
  http::Response r = http::Response::html(html);
  r.header("Cache-Control", "public, max-age=300");
  return r;
}

TypedSchool lookup_typed_school(Ctx& c, const std::string& typed, const std::vector<std::string>& departments) {
  TypedSchool ts;
  ts.text = domain::trim(typed);
  if (ts.text.empty()) return ts;
  if (!domain::valid_utf8(ts.text) || domain::utf8_length(ts.text) > 300) {
    ts.kind = TypedSchool::Kind::invalid;
    return ts;
  }
  std::string first = ts.text.substr(0, std::min<std::size_t>(8, ts.text.size()));
  std::transform(first.begin(), first.end(), first.begin(), [](unsigned char ch) { return std::toupper(ch); });
  if (first.size() == 8 && domain::is_valid_uai(first) && (ts.text.size() == 8 || ts.text[8] == ' ')) {
    ts.kind = TypedSchool::Kind::uai;
    ts.uai = first;
    ts.school = store::school_by_uai(c.app.store, first);
    return ts;
  }
  ts.kind = TypedSchool::Kind::words;
  if (departments.empty()) return ts;
  store::SchoolFilter f;
  f.departments = departments;
  f.query = ts.text;
  f.per_page = 5;
  ts.found = store::schools_matching(c.app.store, f);
  return ts;
}

std::string event_when_fr(const domain::Event& e) {
  std::string start = long_day(e.starts_on);
  std::string ends = e.ends_on.empty() ? e.starts_on : e.ends_on;
  if (ends == e.starts_on) {
    if (e.start_time.empty()) return start;
    if (e.end_time.empty()) return start + " à " + domain::hour_of_day_fr(e.start_time);
    return start + ", " + domain::hour_of_day_fr(e.start_time) + " – " + domain::hour_of_day_fr(e.end_time);
  }
  return "du " + start + (e.start_time.empty() ? "" : ", " + domain::hour_of_day_fr(e.start_time)) + ", au " +
         long_day(ends) + (e.end_time.empty() ? "" : ", " + domain::hour_of_day_fr(e.end_time));
}

std::string event_where_fr(const domain::Event& e) {
  if (e.online()) return "En ligne";
  std::vector<std::string> parts;
  if (!e.place.empty()) parts.push_back(e.place);
  if (!e.commune_name.empty()) parts.push_back(e.commune_name);
  return parts.empty() ? std::string("Lieu à préciser") : domain::join(parts, ", ");
}

std::string places_left_fr(const domain::Event& e) {
  int left = e.places_left();
  if (left < 0) return "";
  if (left == 0) return "Complet — liste d’attente";
  if (left == 1) return "1 place restante";
  return domain::format_count(left) + " places restantes";
}

Data event_card_data(const domain::Event& e) {
  Data d;
  d.set("id", std::to_string(e.id));
  d.set("title", e.title);
  d.set("kind_label", std::string(domain::event_kind_label(e.kind)));
  d.set("when", event_when_fr(e));
  d.set("where", event_where_fr(e));
  d.set("starts_on", e.starts_on);
  set_text(d, "territory", e.territory_name);
  d.set("cancelled", e.status == "cancelled");
  if (e.status == "published") set_text(d, "places", places_left_fr(e));
  if (e.status == "closed") d.set("places", std::string("Inscriptions closes"));
  return d;
}

BookingForm booking_form_of(const http::Request& r) {
  BookingForm f;
  f.kind = r.form("kind");
  f.school = r.form("school");
  f.class_level = r.form("class_level");
  f.girls = r.form("girls");
  f.boys = r.form("boys");
  f.adults = r.form("adults");
  f.adult_category = r.form("adult_category");
  f.structure = r.form("structure");
  f.people = r.form("people");
  f.prescriber_category = r.form("prescriber_category");
  f.contact_name = r.form("contact_name");
  f.email = r.form("email");
  f.phone = r.form("phone");
  f.needs = r.form("needs");
  return f;
}

BookingForm booking_form_of(const domain::Registration& r) {
  BookingForm f;
  f.kind = r.kind;
  f.school = r.school_name.empty() ? r.organisation : r.school_name;
  f.class_level = r.class_level;
  f.girls = std::to_string(r.girls);
  f.boys = std::to_string(r.boys);
  f.adults = std::to_string(r.adults);
  if (r.kind == "adult") f.adult_category = r.category;
  if (r.kind == "prescriber") {
    f.structure = r.organisation;
    f.people = std::to_string(r.people);
    f.prescriber_category = r.category;
  }
  f.contact_name = r.contact_name;
  f.email = r.email;
  f.phone = r.phone;
  f.needs = r.needs;
  return f;
}

domain::Registration registration_of(Ctx& c, const domain::Event& e, const BookingForm& f, domain::Errors& errors) {
  domain::Registration r;
  r.event_id = e.id;
  r.kind = f.kind;
  r.contact_name = f.contact_name;
  r.email = f.email;
  r.phone = f.phone;
  r.needs = f.needs;
  if (f.kind == "class") {
    r.class_level = f.class_level;
    r.girls = form_count(f.girls);
    r.boys = form_count(f.boys);
    r.adults = form_count(f.adults);
    resolve_school(c, e, f.school, r, errors);
  } else if (f.kind == "adult") {
    r.category = f.adult_category;
  } else if (f.kind == "prescriber") {
    r.organisation = f.structure;
    r.people = form_count(f.people);
    r.category = f.prescriber_category;
  }
  return r;
}

domain::Errors form_errors(const domain::Errors& e, const std::string& kind) {
  domain::Errors out;
  for (const auto& [name, message] : e) {
    std::string to = name;
    if (name == "school_id" || (name == "organisation" && kind == "class")) to = "school";
    if (name == "organisation" && kind == "prescriber") to = "structure";
    if (name == "category") to = kind == "prescriber" ? "prescriber_category" : "adult_category";
    out.emplace(to, message);  // the first message of a field wins
  }
  return out;
}

BookingForm default_booking_form(const domain::Event& e) {
  BookingForm f;
  auto has = [&](const char* code) {
    return std::find(e.audiences.begin(), e.audiences.end(), code) != e.audiences.end();
  };
  if (has("college") || has("lycee") || has("voie_pro"))
    f.kind = "class";
  else if (has("prescripteurs") && e.audiences.size() == 1)
    f.kind = "prescriber";
  else
    f.kind = "adult";
  return f;
}

http::Response event_page(Ctx& c, const domain::Event& e, const BookingForm& typed, const domain::Errors& errors,
                          int status, const std::string& notice) {
  std::string today = plan_today();
  Data d = event_card_data(e);
  set_text(d, "cancel_reason", e.cancel_reason);
  set_text(d, "address", e.online() ? std::string() : e.address);
  set_text(d, "host", e.organisation_name);
  set_text(d, "audiences", joined_labels(e.audiences));
  if (e.min_age > 0) d.set("min_age", std::to_string(e.min_age));
  set_text(d, "ambassadors", domain::join(e.ambassador_names, ", "));
  set_text(d, "description", e.description);
  set_text(d, "accessibility", e.accessibility);
  set_text(d, "safety_rules", e.safety_rules);
  set_text(d, "initiative", e.initiative_name);
  std::string places = places_left_fr(e);
  d.set("places_text", places.empty() ? std::string("Pas de limite de places") : places);
  d.set("online", e.online());
  set_text(d, "notice", notice);

  bool open = domain::event_open_for_booking(e.status, e.ends_on, today);
  d.set("booking_open", open);
  if (!open) d.set("closed_reason", closed_reason(e, today));
  if (open) {
    List kinds;
    for (const auto& k : domain::registration_kinds()) {
      Data item;
      item.set("code", std::string(k.code));
      item.set("label", std::string(k.label));
      item.set("checked", typed.kind == k.code);
      kinds.push_back(item);
    }
    d.set("kinds", kinds);
    d.set("kind", field(typed.kind, errors, "kind"));
    set_form_fields(d, typed, errors);
    set_error_summary(d, errors, "reg-", booking_labels(true), "L’inscription n’a pas été enregistrée");
    if (auto it = errors.find("event"); it != errors.end()) d.set("event_error", it->second);
  }
  return c.page("event_show", e.title, d, status);
}

http::Response registration_page(Ctx& c, const store::RegistrationView& v, const BookingForm* typed,
                                 const domain::Errors& errors, int status, const std::string& state) {
  const auto& r = v.registration;
  const auto& e = v.event;
  std::string today = plan_today();
  Data d;
  d.set("token", r.token);
  d.set("event", event_card_data(e));
  d.set("event_cancelled", e.status == "cancelled");
  set_text(d, "event_cancel_reason", e.cancel_reason);
  d.set("status_label", std::string(domain::registration_status_label(r.status)));
  d.set("booked", r.status == "booked");
  d.set("waitlisted", r.status == "waitlisted");
  d.set("cancelled", r.status == "cancelled");
  set_text(d, "cancel_reason", r.cancel_reason);
  d.set("confirmed", r.confirmed());
  d.set("held_places", r.places == 1 ? std::string("1 place") : std::to_string(r.places) + " places");
  d.set("held_sentence", r.places == 1 ? std::string("1 place vous est réservée.")
                                       : std::to_string(r.places) + " places vous sont réservées.");
  d.set("code", r.code);
  d.set("who", who_fr(r));
  d.set("shown_contact", r.contact_name);
  d.set("shown_email", r.email);
  set_text(d, "shown_phone", r.phone);
  set_text(d, "shown_needs", r.needs);
  if (r.status == "booked" && e.online()) d.set("online_url", e.online_url);
  d.set("private_url", c.app.cfg.base_url() + "/inscriptions/" + r.token);

  bool just_booked = state == "nouvelle" || state == "nouvelle-sans-mail";
  d.set("just_booked", just_booked && r.status != "cancelled");
  d.set("mail_failed", state == "nouvelle-sans-mail");
  if (state == "confirmee") d.set("notice", std::string("Inscription confirmée. Merci !"));
  if (state == "modifiee") d.set("notice", std::string("Inscription modifiée."));
  if (state == "annulee") d.set("notice", std::string("Inscription annulée. Un e-mail vous le confirme."));
  if (auto it = errors.find("event"); it != errors.end()) d.set("notice_error", it->second);
  if (auto it = errors.find("status"); it != errors.end()) d.set("notice_error", it->second);

  bool live = r.status != "cancelled" && e.status != "cancelled" && e.ends_on >= today;
  // Mail working: the e-mailed link confirms; right after booking the page only says so.
  d.set("can_confirm", live && !r.confirmed() && state != "nouvelle");
  d.set("can_change", live);
  d.set("is_class", r.kind == "class");
  d.set("is_prescriber", r.kind == "prescriber");
  BookingForm shown = typed ? *typed : booking_form_of(r);
  set_form_fields(d, shown, errors);
  d.set("change_open", typed != nullptr);
  domain::Errors field_errors = errors;  // "status" and "event" are said above the page, not in the form's summary
  field_errors.erase("status");
  field_errors.erase("event");
  set_error_summary(d, field_errors, "reg-", booking_labels(false), "La modification n’a pas été enregistrée");
  auto res = c.page("registration_show", "Mon inscription — " + e.title, d, status);
  return private_response(std::move(res));
}

domain::Errors refusal_errors(domain::Errors e, const std::string& fallback) {
  static const char* const shown[] = {"girls", "boys",  "adults", "people", "contact_name",
                                      "email", "phone", "needs",  "status", "event"};
  for (const char* name : shown)
    if (e.count(name)) return e;
  e["status"] = e.empty() ? fallback : e.begin()->second;
  return e;
}

http::Response private_response(http::Response r) {
  r.header("Referrer-Policy", "no-referrer");
  r.header("X-Robots-Tag", "noindex, nofollow");
  return r;
}

http::Response ics_response(std::string body, const std::string& filename, bool public_feed) {
  http::Response r = http::Response::text(std::move(body));
  r.content_type = "text/calendar; charset=utf-8";
  r.header("Content-Disposition", "inline; filename=\"" + filename + "\"");
  if (public_feed) r.header("Cache-Control", "public, max-age=300");
  return r;
}

std::string embeddable_csp() {
  http::Response defaults;
  http::add_security_headers(defaults);
  for (const auto& [name, value] : defaults.headers) {
    if (name != "Content-Security-Policy") continue;
    std::string csp = value;
    const std::string none = "frame-ancestors 'none'";
    if (auto at = csp.find(none); at != std::string::npos) csp.replace(at, none.size(), "frame-ancestors *");
    return csp;
  }
  return "frame-ancestors *";
}

}  // namespace passerelles::web
