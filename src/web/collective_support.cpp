// Collective member pages' helpers: roles, the profile form, display values, e-mails, sessions and notices.
#include "web/collective_support.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "http/crypto.hpp"
#include "mail/collective_mail.hpp"
#include "store/accounts.hpp"
#include "store/rome.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

constexpr std::size_t kMinPathRows = 4;
constexpr std::size_t kMaxPathRows = 12;

// The five weekdays of the availability grid, with their slot code prefix.
const std::vector<std::pair<std::string, std::string>>& weekdays() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"mon", "Lundi"}, {"tue", "Mardi"}, {"wed", "Mercredi"}, {"thu", "Jeudi"}, {"fri", "Vendredi"}};
  return v;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The values of a group of checkboxes, once each (unknown codes are kept: validation names the field).
std::vector<std::string> codes_of(const http::Request& r, const char* name) {
  std::vector<std::string> out;
  for (const auto& v : r.form_all(name))
    if (!contains(out, v)) out.push_back(v);
  return out;
}

// "2027-02-15, 2027-03-01" or one per line -> the days, sorted, once each.
std::vector<std::string> split_days(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t = domain::trim(cur);
    if (!t.empty() && !contains(out, t)) out.push_back(t);
    cur.clear();
  };
  for (char ch : text) {
    if (ch == ',' || ch == ';' || ch == '\n' || ch == '\r' || ch == ' ' || ch == '\t')
      flush();
    else
      cur += ch;
  }
  flush();
  std::sort(out.begin(), out.end());
  return out;
}

// A number typed in a form: "" -> `empty`; anything else that is not a whole number -> -1 (validation says why).
int typed_number(const std::string& typed, int empty) {
  std::string t = domain::trim(typed);
  if (t.empty()) return empty;
  return parse_int(t, -1);
}

// The ROME title the job title names exactly (case and accents ignored), when there is one.
void resolve_rome(Ctx& c, domain::Ambassador& a) {
  auto t = store::rome_title_exact(c.app.store, a.job_title);
  a.rome_code = t ? t->code : "";
  a.rome_ogr = t ? t->ogr : "";
}

// The commune typed: a code (INSEE or postal) or « 25056 — Besançon » through the store, else a name that only one
// commune bears.
void resolve_commune(Ctx& c, domain::Ambassador& a, const std::string& typed, domain::Errors& errors) {
  a.home_commune_insee.clear();
  a.home_commune_name.clear();
  std::string t = domain::trim(typed);
  if (t.empty()) return;
  bool ambiguous = false;
  auto found = store::commune_from_input(c.app.store, t, ambiguous);
  if (!found && !ambiguous && domain::valid_utf8(t)) {
    std::vector<store::CommuneChoice> same;
    for (auto& m : store::communes_matching(c.app.store, t, 20))
      if (domain::fold(m.name) == domain::fold(t)) same.push_back(m);
    if (same.size() == 1) found = same.front();
    ambiguous = same.size() > 1;
  }
  if (found) {
    a.home_commune_insee = found->insee;
    a.home_commune_name = found->name;
  } else if (ambiguous) {
    errors["home_commune"] =
        "Plusieurs communes correspondent : choisissez la vôtre dans la liste, ou tapez son code "
        "INSEE (exemple : 25056 pour Besançon).";
  } else {
    errors["home_commune"] =
        "Commune introuvable : tapez son nom ou son code postal, puis choisissez-la dans la liste "
        "(exemple : 25000 ou « 25056 — Besançon »).";
  }
}

FieldLabels profile_labels(std::size_t path_rows) {
  FieldLabels v = {{"first_name", "Prénom"},
                   {"last_name", "Nom"},
                   {"email", "Adresse e-mail"},
                   {"phone", "Téléphone"},
                   {"job_title", "Métier"},
                   {"domain", "Domaine"},
                   {"employer", "Employeur", "employer"},
                   {"employer_name", "Employeur, école ou laboratoire"},
                   {"path", "Parcours de formation", "path"}};
  for (std::size_t i = 1; i <= path_rows; ++i) {
    std::string n = std::to_string(i);
    v.push_back({"path_" + n + "_diploma", "Étape " + n + " : diplôme"});
    v.push_back({"path_" + n + "_level", "Étape " + n + " : niveau"});
    v.push_back({"path_" + n + "_year", "Étape " + n + " : année"});
    v.push_back({"path_" + n + "_school", "Étape " + n + " : établissement"});
  }
  FieldLabels rest = {{"languages", "Langues", "languages"},
                      {"home_commune", "Commune de domicile"},
                      {"max_km", "Distance maximale"},
                      {"weekly", "Demi-journées disponibles", "weekly"},
                      {"days_off", "Dates d’absence"},
                      {"max_per_month", "Interventions par mois"},
                      {"offers", "Ce que je propose", "offers"},
                      {"consents", "Publication", "consents"},
                      {"motivation", "Motivation"}};
  v.insert(v.end(), rest.begin(), rest.end());
  return v;
}

List level_options(const std::string& typed) {
  List out;
  for (int level = 3; level <= 8; ++level) {
    Data o;
    o.set("value", std::to_string(level));
    o.set("label", std::string(domain::diploma_level_label_fr(level)));
    o.set("selected", typed == std::to_string(level));
    out.push_back(o);
  }
  return out;
}

List path_rows(const ProfileTyped& typed, const domain::Errors& e) {
  std::size_t rows = std::clamp(typed.path.size() + 1, kMinPathRows, kMaxPathRows);
  List out;
  for (std::size_t i = 0; i < rows; ++i) {
    ProfileTyped::Step st = i < typed.path.size() ? typed.path[i] : ProfileTyped::Step{};
    std::string n = std::to_string(i + 1), k = "path_" + n + "_";
    Data row;
    row.set("n", n);
    row.set("diploma", field(st.diploma, e, k + "diploma"));
    row.set("levels", level_options(st.level));
    row.set("level", field(st.level, e, k + "level"));
    row.set("year", field(st.year, e, k + "year"));
    row.set("school", field(st.school, e, k + "school"));
    out.push_back(row);
  }
  return out;
}

List weekly_rows(const std::vector<std::string>& checked) {
  List out;
  for (const auto& [code, day] : weekdays()) {
    Data row;
    row.set("day", day);
    for (const char* half : {"am", "pm"}) {
      std::string slot = code + "-" + half;
      Data cell;
      cell.set("code", slot);
      cell.set("label", std::string(domain::choice_label(domain::weekly_slots(), slot)));
      cell.set("checked", contains(checked, slot));
      row.set(half, cell);
    }
    out.push_back(row);
  }
  return out;
}

}  // namespace

bool is_collective_editor(const Ctx& c) {
  return c.actor && c.actor->can_edit_directory() && c.territory_id() != 0;
}

std::optional<domain::Ambassador> my_membership(Ctx& c) {
  if (!c.actor || c.actor->user.role != domain::Role::ambassador) return std::nullopt;
  auto a = store::ambassador_of_user(c.app.store, c.actor->user.id);
  if (!a || a->status != "active" || a->territory_id != c.territory_id()) return std::nullopt;
  return a;
}

http::Response not_a_member(Ctx& c) {
  return c.page("error", "Accès refusé",
                Data("message", Data("Cette page est réservée aux membres du collectif. Si vous êtes ambassadrice, "
                                     "demandez à votre coordinatrice de vous inviter : le lien reçu par e-mail relie "
                                     "votre compte au collectif.")),
                403);
}

ProfileTyped profile_from_form(Ctx& c, domain::Ambassador& a, bool email_editable, domain::Errors& errors) {
  const http::Request& r = c.req;
  ProfileTyped typed;
  a.first_name = domain::trim(r.form("first_name"));
  a.last_name = domain::trim(r.form("last_name"));
  if (email_editable) a.email = domain::trim(r.form("email"));
  a.phone = domain::trim(r.form("phone"));
  a.job_title = domain::trim(r.form("job_title"));
  resolve_rome(c, a);
  a.domain = r.form("domain");
  long long org = parse_id(r.form("employer_organisation_id"));
  if (org < 0) errors["employer"] = "Choisissez une organisation de la liste.";
  a.employer_organisation_id = std::max(0LL, org);
  a.employer_name = a.employer_organisation_id ? "" : domain::trim(r.form("employer_name"));
  a.languages = codes_of(r, "languages");
  typed.commune = r.form("home_commune");
  resolve_commune(c, a, typed.commune, errors);
  typed.max_km = r.form("max_km");
  a.max_km = typed_number(typed.max_km, 0);
  a.weekly = codes_of(r, "weekly");
  typed.days_off = r.form("days_off");
  a.days_off = split_days(typed.days_off);
  typed.max_per_month = r.form("max_per_month");
  a.max_per_month = typed_number(typed.max_per_month, 0);
  a.offers = codes_of(r, "offers");
  a.consents = codes_of(r, "consents");
  a.digest = r.form("digest") == "1";
  a.path.clear();
  for (std::size_t i = 1; i <= kMaxPathRows; ++i) {
    std::string k = "path_" + std::to_string(i) + "_";
    ProfileTyped::Step st{domain::trim(r.form(k + "diploma")), domain::trim(r.form(k + "level")),
                          domain::trim(r.form(k + "year")), domain::trim(r.form(k + "school"))};
    if ((st.diploma + st.level + st.year + st.school).empty()) continue;
    typed.path.push_back(st);
    a.path.push_back({st.diploma, typed_number(st.level, 0), typed_number(st.year, 0), st.school});
  }
  return typed;
}

ProfileTyped typed_of(const domain::Ambassador& a) {
  ProfileTyped t;
  t.max_km = std::to_string(a.max_km);
  t.max_per_month = std::to_string(a.max_per_month);
  t.days_off = domain::join(a.days_off, ", ");
  if (!a.home_commune_insee.empty())
    t.commune = a.home_commune_insee + (a.home_commune_name.empty() ? "" : " — " + a.home_commune_name);
  for (const auto& st : a.path)
    t.path.push_back(
        {st.diploma, st.level ? std::to_string(st.level) : "", st.year ? std::to_string(st.year) : "", st.school});
  return t;
}

http::Response profile_page(Ctx& c, const domain::Ambassador& a, const ProfileTyped& typed, const domain::Errors& e,
                            int status, bool mine, const std::string& notice) {
  Data d;
  std::string heading = mine ? "Mon profil d’ambassadrice" : "Modifier le profil de " + a.full_name();
  d.set("heading", heading);
  d.set("mine", mine);
  d.set("action", mine ? "/collectif/mon-profil" : "/collectif/membres/" + std::to_string(a.id) + "/modifier");
  d.set("cancel_url", mine ? "/collectif" : "/collectif/membres/" + std::to_string(a.id));
  set_text(d, "notice", notice);
  d.set("email_editable", !mine && a.user_id == 0);
  d.set("email_value", a.email);
  for (const auto& [k, v] : {std::pair<const char*, const std::string*>{"first_name", &a.first_name},
                             {"last_name", &a.last_name},
                             {"phone", &a.phone},
                             {"job_title", &a.job_title},
                             {"employer_name", &a.employer_name}})
    d.set(k, field(*v, e, k));
  d.set("email", field(a.email, e, "email"));
  set_text(d, "rome_code", a.rome_code);
  d.set("domains", choice_list(domain::collective_domains(), a.domain));
  d.set("domain", field(a.domain, e, "domain"));
  List orgs;
  for (const auto& o : store::organisation_names(c.app.store, a.territory_id)) {
    Data item;
    item.set("id", std::to_string(o.id));
    item.set("name", o.name);
    item.set("selected", o.id == a.employer_organisation_id);
    orgs.push_back(item);
  }
  d.set("organisations", orgs);
  d.set("has_organisations", !orgs.empty());
  set_error(d, e, "employer");
  d.set("path_rows", path_rows(typed, e));
  set_error(d, e, "path");
  d.set("languages", checkbox_list(domain::languages(), a.languages));
  set_error(d, e, "languages");
  d.set("home_commune", field(typed.commune, e, "home_commune"));
  d.set("max_km", field(typed.max_km, e, "max_km"));
  d.set("weekly_rows", weekly_rows(a.weekly));
  set_error(d, e, "weekly");
  d.set("days_off", field(typed.days_off, e, "days_off"));
  d.set("max_per_month", field(typed.max_per_month, e, "max_per_month"));
  d.set("offers", checkbox_list(domain::ambassador_offers(), a.offers));
  set_error(d, e, "offers");
  d.set("consents", checkbox_list(domain::consent_fields(), a.consents));
  set_error(d, e, "consents");
  d.set("digest", a.digest);
  set_text(d, "charter_accepted", a.charter_accepted_at ? domain::format_datetime_fr(a.charter_accepted_at) : "");
  if (!mine) set_text(d, "motivation", a.motivation);
  set_error_summary(d, e, "profil-", profile_labels(typed.path.size()));
  return c.page("collective_profile_form", heading, d, status);
}

std::string commune_option_label(const store::CommuneChoice& m) {
  return m.insee + " — " + m.name + (m.postal_code.empty() ? "" : " (" + m.postal_code + ")");
}

http::Response invite_page(Ctx& c, const domain::Ambassador& a, const domain::Errors& e, int status) {
  Data d;
  d.set("first_name", field(a.first_name, e, "first_name"));
  d.set("last_name", field(a.last_name, e, "last_name"));
  d.set("email", field(a.email, e, "email"));
  d.set("job_title", field(a.job_title, e, "job_title"));
  d.set("domain", field(a.domain, e, "domain"));
  d.set("domains", choice_list(domain::collective_domains(), a.domain));
  set_error_summary(d, e, "invite-",
                    {{"first_name", "Prénom"},
                     {"last_name", "Nom"},
                     {"email", "Adresse e-mail"},
                     {"job_title", "Métier"},
                     {"domain", "Domaine"}},
                    "L’invitation n’a pas été envoyée");
  return c.page("collective_invite", "Inviter une ambassadrice", d, status);
}

http::Response application_page(Ctx& c, const domain::Ambassador& a, const std::string& territory_slug,
                                const domain::Errors& e, int status, const std::string& notice) {
  Data d;
  List territories;
  for (const auto& t : store::all_territories(c.app.store)) {
    Data item;
    item.set("slug", t.slug);
    item.set("name", t.name);
    item.set("selected", t.slug == territory_slug);
    territories.push_back(item);
  }
  d.set("territories", territories);
  d.set("territoire", field(territory_slug, e, "territoire"));
  for (const auto& [k, v] : {std::pair<const char*, const std::string*>{"first_name", &a.first_name},
                             {"last_name", &a.last_name},
                             {"email", &a.email},
                             {"job_title", &a.job_title},
                             {"domain", &a.domain},
                             {"motivation", &a.motivation}})
    d.set(k, field(*v, e, k));
  d.set("domains", choice_list(domain::collective_domains(), a.domain));
  set_text(d, "notice", notice);
  d.set("sent", c.req.method == "GET" && c.req.query("etat") == "envoyee");
  set_error_summary(d, e, "join-",
                    {{"territoire", "Territoire"},
                     {"first_name", "Prénom"},
                     {"last_name", "Nom"},
                     {"email", "Adresse e-mail"},
                     {"job_title", "Métier"},
                     {"domain", "Domaine"},
                     {"motivation", "Motivation"}},
                    "La candidature n’a pas été envoyée");
  return c.page("collective_join", "Rejoindre le collectif", d, status);
}

http::Response invitation_page(Ctx& c, const domain::Ambassador* a, const std::string& token, const domain::Errors& e,
                               int status) {
  Data d;
  d.set("valid", a != nullptr);
  if (a) {
    d.set("first_name", a->first_name);
    auto t = store::territory_by_id(c.app.store, a->territory_id);
    d.set("territory", t ? t->name : std::string());
    d.set("email", a->email);
    d.set("has_account", store::user_by_email(c.app.store, a->email).has_value());
    d.set("action", "/collectif/invitation/" + http::url_encode(token));
  }
  d.set("errors", errors_data(e));
  set_error_summary(d, e, "",
                    {{"charter", "Charte", "charter"},
                     {"password", "Mot de passe"},
                     {"password_confirm", "Confirmation du mot de passe"},
                     {"email", "Adresse e-mail", "charter"}},
                    "Vous n’avez pas encore rejoint le collectif");
  return secret_page(c.page("collective_invitation", a ? "Rejoindre le collectif" : "Invitation expirée", d, status));
}

http::Response leave_page(Ctx& c, const domain::Ambassador& me, const std::string& error, int status) {
  Data d;
  d.set("email", field("", error.empty() ? domain::Errors{} : domain::Errors{{"email", error}}, "email"));
  d.set("my_email", me.email);
  return c.page("collective_leave", "Quitter le collectif", d, status);
}

std::string member_status_label(const std::string& status) {
  static const std::map<std::string, std::string> labels = {{"applicant", "candidate"},
                                                            {"invited", "invitée"},
                                                            {"active", "active"},
                                                            {"left", "partie"},
                                                            {"declined", "candidature refusée"}};
  auto it = labels.find(status);
  return it == labels.end() ? status : it->second;
}

Data member_data(const domain::Ambassador& a) {
  Data d;
  d.set("id", std::to_string(a.id));
  d.set("name", a.full_name().empty() ? std::string("(sans nom)") : a.full_name());
  d.set("email", a.email);
  d.set("status", a.status);
  d.set("status_label", member_status_label(a.status));
  d.set("is_applicant", a.status == "applicant");
  d.set("is_invited", a.status == "invited");
  d.set("is_active", a.status == "active");
  set_text(d, "phone", a.phone);
  set_text(d, "job_title", a.job_title);
  set_text(d, "rome_code", a.rome_code);
  set_text(d, "domain_label", std::string(domain::choice_label(domain::collective_domains(), a.domain)));
  set_text(d, "employer", a.employer_name);
  set_text(d, "commune", a.home_commune_name.empty() ? a.home_commune_insee : a.home_commune_name);
  d.set("max_km", std::to_string(a.max_km));
  d.set("max_per_month", std::to_string(a.max_per_month));
  set_text(d, "motivation", a.motivation);
  set_text(d, "joined", a.joined_at ? domain::format_day_fr(domain::paris_day(a.joined_at)) : "");
  set_text(d, "applied", domain::format_day_fr(domain::paris_day(a.created_at)));
  set_text(d, "charter_accepted", a.charter_accepted_at ? domain::format_datetime_fr(a.charter_accepted_at) : "");
  auto labels = [](const std::vector<domain::Choice>& list, const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    for (const auto& code : codes) out.emplace_back(domain::choice_label(list, code));
    return domain::join(out, ", ");
  };
  set_text(d, "languages", labels(domain::languages(), a.languages));
  set_text(d, "weekly", labels(domain::weekly_slots(), a.weekly));
  set_text(d, "offers", labels(domain::ambassador_offers(), a.offers));
  set_text(d, "consents", labels(domain::consent_fields(), a.consents));
  std::vector<std::string> days;
  for (const auto& day : a.days_off) days.push_back(domain::format_day_fr(day));
  set_text(d, "days_off", domain::join(days, ", "));
  List steps;
  for (const auto& st : a.path) {
    Data s;
    s.set("diploma", st.diploma);
    set_text(s, "level", std::string(domain::diploma_level_label_fr(st.level)));
    set_text(s, "year", st.year ? std::to_string(st.year) : "");
    set_text(s, "school", st.school);
    steps.push_back(s);
  }
  d.set("path", steps);
  d.set("has_path", !steps.empty());
  d.set("digest", a.digest);
  return d;
}

bool send_invitation(Ctx& c, const domain::Ambassador& a, const std::string& token) {
  auto t = store::territory_by_id(c.app.store, a.territory_id);
  std::string err =
      c.app.mailer.send(mail::invitation_message(a, t ? t->name : std::string(), token, c.app.cfg.base_url()));
  if (err.empty()) return true;
  spdlog::error("collective invitation for member {} not sent (request {}): {}", a.id, c.req.request_id, err);
  return false;
}

int notify_coordinators(Ctx& c, const domain::Territory& t, const domain::Ambassador& applicant) {
  int sent = 0;
  for (const auto& u : store::users_in_territory(c.app.store, t.id)) {
    if (u.role != domain::Role::coordinator || !u.active) continue;
    std::string err = c.app.mailer.send(mail::application_message(u.email, applicant, t.name, c.app.cfg.base_url()));
    if (err.empty())
      ++sent;
    else
      spdlog::error("application notice for member {} not sent (request {}): {}", applicant.id, c.req.request_id, err);
  }
  return sent;
}

void open_session(Ctx& c, long long user_id, http::Response& r) {
  std::string token = http::random_token(32);
  store::insert_session(c.app.store, http::token_hash(token), user_id, http::random_token(32));
  r.header("Set-Cookie", http::set_cookie(c.app.session_cookie, token, -1, c.app.secure_cookies));
}

std::string collective_notice(const std::string& state) {
  static const std::map<std::string, std::string> m = {
      {"bienvenue",
       "Bienvenue dans le collectif ! Complétez maintenant votre profil : il n’est visible que de la "
       "coordination, sauf les champs que vous acceptez de publier."},
      {"enregistre", "Profil enregistré."},
      {"invitation-envoyee", "Invitation envoyée par e-mail : le lien est valable 14 jours."},
      {"invitation-sans-mail",
       "Invitation créée, mais l’e-mail n’a pas pu être envoyé : réessayez plus tard avec "
       "« Renvoyer l’invitation »."},
      {"candidature-refusee", "Candidature refusée : ses données ont été effacées."},
      {"effacee",
       "Membre effacée : ses données personnelles et ses portraits ont été supprimés ; ses actions "
       "restent, anonymes."},
      {"envoyee",
       "Merci ! Votre candidature a été transmise à la coordination du territoire, qui vous répondra "
       "par e-mail."},
  };
  auto it = m.find(state);
  return it == m.end() ? "" : it->second;
}

http::Response unknown_unsubscribe_link(Ctx& c) {
  return secret_page(c.page("error", "Lien inconnu",
                            Data("message", Data("Ce lien de désabonnement n’est pas (ou plus) valable.")), 404));
}

http::Response secret_page(http::Response r) {
  r.header("Referrer-Policy", "no-referrer");
  r.header("X-Robots-Tag", "noindex");
  return r;
}

}  // namespace passerelles::web
