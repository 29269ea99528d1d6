// Action pages helpers: permissions, form parsing (schools resolved among the territory's), form and display data.
#include "web/action_support.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "store/directory.hpp"
#include "store/plan.hpp"
#include "store/schools.hpp"
#include "web/form_support.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

namespace {

constexpr int kSchoolInputs = 3;
constexpr int kClassInputs = 3;

// A whole number typed in a form: "" -> 0; anything else that is not a number -> -1 (validation says why).
int parse_count(const std::string& raw) {
  std::string s = domain::trim(raw);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  if (s.empty()) return 0;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : -1;
}

// A positive id, else 0.
long long parse_positive(const std::string& s) {
  return std::max(0LL, parse_id(s));
}

// "12 mars 2025" from "2025-03-12"; the input itself when it is not a day.
std::string day_fr(const std::string& iso) {
  std::string day = domain::format_day_fr(iso);
  return day.empty() ? iso : day;
}

// "UAI — name (commune)": what the datalist proposes and the form shows for a chosen school.
std::string school_label(const domain::School& s) {
  return s.uai + " — " + s.name + (s.commune_name.empty() ? "" : " (" + s.commune_name + ")");
}

// One school typed in the form, among the territory's: a leading UAI wins; else the words of a name must
// designate exactly one school. Returns the id, or 0 with a French message in `error`.
long long resolve_school(Ctx& c, const std::string& typed, std::string& error) {
  std::string text = domain::trim(typed);
  const auto& depts = c.actor->territory.departments;
  std::string first = text.substr(0, std::min<std::size_t>(8, text.size()));
  std::transform(first.begin(), first.end(), first.begin(), ::toupper);
  if (first.size() == 8 && domain::is_valid_uai(first)) {
    auto s = store::school_by_uai(c.app.store, first);
    if (s && std::find(depts.begin(), depts.end(), s->department) != depts.end()) return s->id;
    error = "L’établissement " + first + " n’est pas dans l’annuaire des établissements du territoire.";
    return 0;
  }
  if (!domain::valid_utf8(text) || domain::utf8_length(text) > 200) {
    error = "Le nom d’établissement saisi est invalide ou trop long.";
    return 0;
  }
  store::SchoolFilter f;
  f.departments = depts;
  f.query = text;
  f.per_page = 5;
  auto found = store::schools_matching(c.app.store, f);
  if (found.total == 1) return found.rows.front().id;
  if (found.total == 0) {
    error = "Aucun établissement du territoire ne correspond à « " + text +
            " ». Saisissez le code UAI ou une partie du nom et de la commune.";
  } else {
    error = std::to_string(found.total) + " établissements correspondent à « " + text +
            " » : précisez, par exemple « " + school_label(found.rows.front()) + " ».";
  }
  return 0;
}

// In the order of the form: the four quick fields, the audience categories, then the optional ones.
const FieldLabels& action_labels() {
  static const FieldLabels v = [] {
    FieldLabels l = {
        {"kind", "Type d’action"}, {"starts_on", "Date"}, {"duration_minutes", "Durée"}, {"schools", "Établissement"}};
    for (const auto& c : domain::audience_categories()) l.push_back({std::string(c.code), std::string(c.label)});
    l.insert(l.end(), {{"classes", "Classes"},
                       {"initiative_id", "Initiative"},
                       {"ambassadors", "Ambassadrices"},
                       {"organisations", "Organisations"},
                       {"same_group_as", "Même groupe"},
                       {"title", "Titre"},
                       {"place", "Lieu"},
                       {"commune_insee", "Commune"},
                       {"highlight", "Moment marquant"},
                       {"notes", "Notes"}});
    return l;
  }();
  return v;
}

}  // namespace

std::string today_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool can_declare(const Ctx& c) {
  if (!c.actor || !c.territory_id()) return false;
  auto r = c.actor->user.role;
  return r == domain::Role::ambassador || r == domain::Role::coordinator;
}

bool can_change(const Ctx& c, const domain::Action& a) {
  if (!c.actor || !c.territory_id() || a.territory_id != c.territory_id()) return false;
  if (c.actor->can_edit_directory()) return true;
  return c.actor->user.role == domain::Role::ambassador && a.declared_by == c.actor->user.id && !a.validated();
}

domain::Action action_from_form(Ctx& c, domain::Action a, domain::Errors& errors) {
  const auto& r = c.req;
  a.kind = r.form("kind");
  a.starts_on = domain::trim(r.form("starts_on"));
  a.title = r.form("title");
  a.place = r.form("place");
  a.highlight = r.form("highlight");
  a.notes = r.form("notes");
  a.commune_insee = domain::trim(r.form("commune_insee"));
  int minutes = parse_count(r.form("duration_minutes"));
  a.duration_minutes = minutes;
  const auto& cats = domain::audience_categories();
  for (std::size_t i = 0; i < cats.size(); ++i) a.audience[i] = parse_count(r.form(std::string(cats[i].code)));

  // Schools: each non-empty input resolved; duplicates dropped.
  a.school_ids.clear();
  std::string school_error;
  for (const auto& typed : r.form_all("school")) {
    if (domain::trim(typed).empty()) continue;
    std::string err;
    long long id = resolve_school(c, typed, err);
    if (id == 0) {
      if (school_error.empty()) school_error = err;
      continue;
    }
    if (std::find(a.school_ids.begin(), a.school_ids.end(), id) == a.school_ids.end()) a.school_ids.push_back(id);
  }
  if (!school_error.empty()) errors["schools"] = school_error;

  // Classes: level + track pairs.
  a.classes.clear();
  auto levels = r.form_all("class_level");
  auto tracks = r.form_all("class_track");
  for (std::size_t i = 0; i < levels.size(); ++i) {
    std::string track = i < tracks.size() ? domain::trim(tracks[i]) : std::string();
    if (levels[i].empty() && track.empty()) continue;
    a.classes.push_back({levels[i], track});
  }

  a.initiative_id = parse_positive(r.form("initiative_id"));
  if (!r.form("initiative_id").empty() && a.initiative_id == 0) errors["initiative_id"] = "Initiative inconnue.";
  a.same_group_as = parse_positive(r.form("same_group_as"));
  if (!r.form("same_group_as").empty() && a.same_group_as == 0) errors["same_group_as"] = "Action inconnue.";

  a.ambassador_ids.clear();
  for (const auto& v : r.form_all("ambassador")) {
    long long id = parse_positive(v);
    if (id == 0) {
      errors["ambassadors"] = "Ambassadrice inconnue.";
      continue;
    }
    if (std::find(a.ambassador_ids.begin(), a.ambassador_ids.end(), id) == a.ambassador_ids.end())
      a.ambassador_ids.push_back(id);
  }

  a.organisations.clear();
  for (auto [name, role] : {std::pair<const char*, const char*>{"org_host", "company"},
                            {"org_partner", "partner"},
                            {"org_other", "other"}}) {
    std::string v = r.form(name);
    if (v.empty()) continue;
    long long id = parse_positive(v);
    if (id == 0) {
      errors["organisations"] = "Organisation inconnue.";
      continue;
    }
    bool dup = std::any_of(a.organisations.begin(), a.organisations.end(),
                           [&](const domain::ActionOrg& o) { return o.organisation_id == id; });
    if (!dup) a.organisations.push_back({id, role, {}});
  }
  return a;
}

http::Response action_form(Ctx& c, const domain::Action& a, const domain::Errors& e, int status) {
  Data d;
  bool is_new = a.id == 0;
  d.set("heading", is_new ? "Déclarer une action" : "Modifier l’action");
  d.set("submit", is_new ? "Déclarer l’action" : "Enregistrer");
  d.set("action", is_new ? std::string("/actions/nouvelle") : "/actions/" + std::to_string(a.id) + "/modifier");
  d.set("cancel_url", is_new ? std::string("/actions") : "/actions/" + std::to_string(a.id));
  d.set("is_new", is_new);
  d.set("today", today_iso());

  set_error_summary(d, e, "action-", action_labels(), "L’action n’a pas été enregistrée");

  d.set("kinds", choice_list(domain::action_kinds(), a.kind));
  for (const char* name : {"kind", "starts_on", "title", "place", "commune_insee", "highlight", "notes", "schools",
                           "classes", "initiative_id", "same_group_as"})
    d.set(name, field("", e, name));
  for (const char* name : {"ambassadors", "organisations"}) set_error(d, e, name);
  d.set("starts_on", field(a.starts_on, e, "starts_on"));
  d.set("title", field(a.title, e, "title"));
  d.set("place", field(a.place, e, "place"));
  d.set("commune_insee", field(a.commune_insee, e, "commune_insee"));
  d.set("highlight", field(a.highlight, e, "highlight"));
  d.set("notes", field(a.notes, e, "notes"));
  d.set("duration_minutes",
        field(a.duration_minutes > 0 ? std::to_string(a.duration_minutes) : std::string(), e, "duration_minutes"));

  // Audience: filles and garçons first (the quick path), the others folded.
  List main_audience, other_audience;
  const auto& cats = domain::audience_categories();
  bool others_open = false;
  for (std::size_t i = 0; i < cats.size(); ++i) {
    std::string code(cats[i].code);
    Data f = field(a.audience[i] != 0 ? std::to_string(a.audience[i]) : std::string(), e, code);
    f.set("name", code);
    f.set("label", std::string(cats[i].label));
    if (i < 2) {
      main_audience.push_back(f);
    } else {
      if (a.audience[i] != 0 || e.count(code)) others_open = true;
      other_audience.push_back(f);
    }
  }
  d.set("main_audience", main_audience);
  d.set("other_audience", other_audience);
  d.set("others_open", others_open);

  // Schools: the chosen ones as "UAI — name", then empty inputs up to kSchoolInputs.
  List first_school, more_schools;
  std::vector<std::string> typed = c.req.method == "POST" ? c.req.form_all("school") : std::vector<std::string>{};
  std::vector<std::string> values;
  if (!typed.empty()) {
    for (const auto& t : typed)
      if (!domain::trim(t).empty()) values.push_back(domain::trim(t));
  } else {
    for (long long id : a.school_ids)
      if (auto s = store::school_by_id(c.app.store, id)) values.push_back(school_label(*s));
  }
  int n = std::max<int>(kSchoolInputs, static_cast<int>(values.size()));
  for (int i = 0; i < n; ++i) {
    Data s;
    s.set("index", std::to_string(i + 1));
    if (i < static_cast<int>(values.size())) s.set("value", values[i]);
    (i == 0 ? first_school : more_schools).push_back(s);
  }
  d.set("first_school", first_school);
  d.set("more_schools", more_schools);
  d.set("more_schools_open", values.size() > 1);

  List classes;
  int nc = std::max<int>(kClassInputs, static_cast<int>(a.classes.size()));
  for (int i = 0; i < nc; ++i) {
    Data row;
    row.set("index", std::to_string(i + 1));
    std::string level = i < static_cast<int>(a.classes.size()) ? a.classes[i].level : std::string();
    if (i < static_cast<int>(a.classes.size())) set_text(row, "track", a.classes[i].track);
    row.set("levels", choice_list(domain::class_levels(), level));
    classes.push_back(row);
  }
  d.set("class_inputs", classes);
  d.set("classes_open", !a.classes.empty() || e.count("classes"));

  long long t = c.territory_id();
  set_initiative_options(c, d, t, a.initiative_id);

  List ambassadors;
  std::vector<long long> chosen = a.ambassador_ids;
  if (is_new && chosen.empty() && c.req.method != "POST" && c.actor->user.role == domain::Role::ambassador)
    chosen.push_back(c.actor->user.id);
  for (const auto& [id, name] : store::ambassadors_of(c.app.store, t)) {
    Data item;
    item.set("id", std::to_string(id));
    item.set("name", name);
    item.set("checked", std::find(chosen.begin(), chosen.end(), id) != chosen.end());
    ambassadors.push_back(item);
  }
  d.set("ambassadors", ambassadors);
  d.set("has_ambassadors", !ambassadors.empty());

  auto orgs = store::organisation_names(c.app.store, t);
  for (auto [name, role] : {std::pair<const char*, const char*>{"org_host", "company"},
                            {"org_partner", "partner"},
                            {"org_other", "other"}}) {
    long long selected = 0;
    for (const auto& o : a.organisations)
      if (o.role == role || (std::string(role) == "company" && o.role == "lab")) selected = o.organisation_id;
    List options;
    for (const auto& o : orgs) {
      Data item;
      item.set("id", std::to_string(o.id));
      item.set("name", o.name);
      item.set("selected", o.id == selected);
      options.push_back(item);
    }
    d.set(name, options);
  }
  d.set("has_organisations", !orgs.empty());
  d.set("orgs_open", !a.organisations.empty() || e.count("organisations"));

  List groups;
  for (const auto& g : store::group_candidates(c.app.store, t, a.school_ids)) {
    if (g.id == a.id) continue;
    Data item;
    item.set("id", std::to_string(g.id));
    std::string where = g.school_names.empty() ? g.place : g.school_names.front();
    item.set("label", day_fr(g.starts_on) + " — " + std::string(domain::action_kind_label(g.kind)) +
                          (where.empty() ? "" : " — " + where) + " (n° " + std::to_string(g.id) + ")");
    item.set("selected", g.id == a.same_group_as);
    groups.push_back(item);
  }
  d.set("groups", groups);
  d.set("has_groups", !groups.empty());
  d.set("group_open", a.same_group_as != 0 || e.count("same_group_as"));
  return c.page("action_form", is_new ? "Déclarer une action" : "Modifier l’action", d, status);
}

Data action_data(const domain::Action& a) {
  Data d;
  d.set("id", std::to_string(a.id));
  d.set("kind_label", std::string(domain::action_kind_label(a.kind)));
  d.set("status", a.status);
  d.set("status_label", std::string(domain::action_status_label(a.status)));
  d.set("is_declared", a.status == "declared");
  d.set("is_validated", a.status == "validated");
  d.set("is_rejected", a.status == "rejected");
  d.set("day", day_fr(a.starts_on));
  d.set("starts_on", a.starts_on);
  set_text(d, "title", a.title);
  set_text(d, "place", a.place);
  set_text(d, "highlight", a.highlight);
  set_text(d, "notes", a.notes);
  set_text(d, "rejection_reason", a.rejection_reason);
  set_text(d, "initiative", a.initiative_name);
  set_text(d, "declared_by", a.declared_by_name);
  if (a.duration_minutes > 0) {
    int h = a.duration_minutes / 60, m = a.duration_minutes % 60;
    d.set("duration", (h ? std::to_string(h) + " h" : std::string()) +
                          (m ? (h ? " " : "") + std::to_string(m) + " min" : std::string()));
  }
  set_text(d, "schools", domain::join(a.school_names, ", "));
  set_text(d, "ambassadors", domain::join(a.ambassador_names, ", "));
  List orgs;
  for (const auto& o : a.organisations) {
    Data item;
    item.set("name", o.name);
    item.set("role", o.role == "partner"   ? "partenaire co-organisateur"
                     : o.role == "school"  ? "établissement"
                     : o.role == "lab"     ? "laboratoire"
                     : o.role == "company" ? "entreprise ou laboratoire d’accueil"
                                           : "autre");
    orgs.push_back(item);
  }
  d.set("organisations", orgs);
  d.set("has_organisations", !a.organisations.empty());
  List classes;
  for (const auto& cl : a.classes) {
    Data item;
    item.set("level", std::string(domain::class_level_label(cl.level)));
    set_text(item, "track", cl.track);
    classes.push_back(item);
  }
  d.set("classes", classes);
  d.set("has_classes", !a.classes.empty());
  List audience;
  const auto& cats = domain::audience_categories();
  for (std::size_t i = 0; i < cats.size(); ++i) {
    if (a.audience[i] == 0) continue;
    Data item;
    item.set("label", std::string(cats[i].label));
    item.set("count", std::to_string(a.audience[i]));
    audience.push_back(item);
  }
  d.set("audience", audience);
  d.set("audience_total", std::to_string(a.audience.total()));
  d.set("girls", std::to_string(a.audience[0]));
  d.set("boys", std::to_string(a.audience[1]));
  if (a.same_group_as) d.set("same_group_as", std::to_string(a.same_group_as));
  return d;
}

}  // namespace passerelles::web
