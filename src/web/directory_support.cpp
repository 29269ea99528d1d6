// Directory page helpers: territory guard, filters, pagination, form parsing and form/merge pages.
#include "web/directory_support.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace passerelles::web {

namespace {

constexpr int kPerPage = 25;
constexpr std::size_t kMergeCandidates = 20;
constexpr std::size_t kMaxQuery = 200;

const FieldLabels& organisation_labels() {
  static const FieldLabels v = {{"kind", "Type d’organisation"},
                                {"name", "Nom"},
                                {"uai", "Code UAI"},
                                {"siret", "SIRET"},
                                {"address", "Adresse"},
                                {"commune_insee", "Code INSEE de la commune"},
                                {"email", "Adresse e-mail"},
                                {"phone", "Téléphone"},
                                {"website", "Site web"},
                                {"notes", "Notes"}};
  return v;
}

const FieldLabels& person_labels() {
  static const FieldLabels v = {{"first_name", "Prénom"},  {"last_name", "Nom"}, {"organisation_id", "Organisation"},
                                {"job_title", "Fonction"}, {"roles", "Rôles"},   {"email", "Adresse e-mail"},
                                {"phone", "Téléphone"},    {"notes", "Notes"}};
  return v;
}

std::string list_url(const std::string& path, const std::string& kind_param, const store::DirectoryFilter& f,
                     long long page) {
  std::string url = path + "?";
  if (!f.query.empty()) url += "q=" + http::url_encode(f.query) + "&";
  if (!f.kind.empty()) url += kind_param + "=" + http::url_encode(f.kind) + "&";
  return url + "page=" + std::to_string(page);
}

// The word most likely to find a duplicate: the longest of the name.
std::string longest_word(const std::string& name) {
  std::string best;
  for (const auto& w : domain::split_list(name, ' '))
    if (domain::utf8_length(w) > domain::utf8_length(best)) best = w;
  return best;
}

// q from the merge page's query string, with the same checks as the lists.
std::string merge_query(Ctx& c, const std::string& fallback, std::string& q_error) {
  std::string q = c.req.query_all("q").empty() ? fallback : domain::trim(c.req.query("q"));
  if (!domain::valid_utf8(q) || domain::utf8_length(q) > kMaxQuery) {
    q_error = "La recherche contient des caractères invalides ou est trop longue.";
    q.clear();
  }
  return q;
}

}  // namespace

http::Response directory_without_territory(Ctx& c) {
  return c.page("dir_no_territory", "Annuaire", Data(), 403);
}

store::Author author_of(const Ctx& c) {
  if (!c.actor) return {};
  return {c.actor->user.id, c.actor->user.email};
}

std::string search_query(const http::Request& r, std::string& q_error) {
  std::string q = domain::trim(r.query("q"));
  if (domain::valid_utf8(q) && domain::utf8_length(q) <= kMaxQuery) return q;
  q_error = "La recherche contient des caractères invalides ou est trop longue (200 caractères au plus).";
  return "";
}

store::DirectoryFilter directory_filter(const http::Request& r, const std::string& kind_param, std::string& q_error) {
  store::DirectoryFilter f;
  f.query = search_query(r, q_error);
  f.kind = r.query(kind_param);
  bool known = kind_param == "role" ? !domain::person_role_label(f.kind).empty()
                                    : !domain::organisation_kind_label(f.kind).empty();
  if (!known) f.kind.clear();
  f.page = std::max(1, parse_int(r.query("page"), 1));
  f.per_page = kPerPage;
  return f;
}

void set_results_data(Ctx& c, Data& d, const std::string& path, const std::string& kind_param,
                      const store::DirectoryFilter& f, long long total, long long pages, const std::string& noun,
                      const std::string& nouns) {
  bool filtered = !f.query.empty() || !f.kind.empty();
  std::string count = total == 0
                          ? (filtered ? "Aucun résultat pour cette recherche." : "L’annuaire est vide pour l’instant.")
                      : total == 1 ? "1 " + noun
                                   : std::to_string(total) + " " + nouns;
  d.set("count_label", count);
  d.set("filtered", filtered);
  // A page past the last one links back to the last one.
  set_pagination(c, d, f.page, pages, [&](long long n) { return list_url(path, kind_param, f, std::min(n, pages)); });
}

void set_pagination(Ctx& c, Data& d, long long page, long long pages,
                    const std::function<std::string(long long)>& url_of) {
  d.set("page", std::to_string(page));
  d.set("pages", std::to_string(pages));
  Data p;
  p.set("paginated", pages > 1);
  p.set("page", std::to_string(page));
  p.set("pages", std::to_string(pages));
  if (page > 1) p.set("prev_url", url_of(page - 1));
  if (page < pages) p.set("next_url", url_of(page + 1));
  d.set("pagination", c.app.templates.render("dir_pagination", p));
}

int status_of(const store::WriteResult& r) {
  switch (r.status) {
    case store::WriteResult::Status::not_found: return 404;
    case store::WriteResult::Status::conflict: return 409;
    case store::WriteResult::Status::invalid: return 422;
    case store::WriteResult::Status::ok: break;
  }
  return 200;
}

// ---- organisations ------------------------------------------------------------------------------------------

domain::Organisation organisation_from_form(const http::Request& r, domain::Organisation o) {
  o.kind = r.form("kind");
  o.name = r.form("name");
  o.uai = r.form("uai");
  o.siret = r.form("siret");
  o.address = r.form("address");
  o.commune_insee = r.form("commune_insee");
  o.email = r.form("email");
  o.phone = r.form("phone");
  o.website = r.form("website");
  o.notes = r.form("notes");
  return o;
}

http::Response organisation_form(Ctx& c, const domain::Organisation& o, const domain::Errors& e, int status) {
  Data d;
  bool creating = o.id == 0;
  std::string heading = creating ? "Nouvelle organisation" : "Modifier une organisation";
  d.set("heading", heading);
  d.set("action", creating ? "/annuaire/organisations/nouvelle"
                           : "/annuaire/organisations/" + std::to_string(o.id) + "/modifier");
  d.set("submit", creating ? "Créer la fiche" : "Enregistrer les modifications");
  d.set("cancel_url", creating ? "/annuaire/organisations" : "/annuaire/organisations/" + std::to_string(o.id));
  d.set("kinds", choice_list(domain::organisation_kinds(), o.kind));
  d.set("kind", field(o.kind, e, "kind"));
  d.set("name", field(o.name, e, "name"));
  d.set("uai", field(o.uai, e, "uai"));
  d.set("siret", field(o.siret, e, "siret"));
  d.set("address", field(o.address, e, "address"));
  d.set("commune_insee", field(o.commune_insee, e, "commune_insee"));
  d.set("email", field(o.email, e, "email"));
  d.set("phone", field(o.phone, e, "phone"));
  d.set("website", field(o.website, e, "website"));
  d.set("notes", field(o.notes, e, "notes"));
  set_error_summary(d, e, "org-", organisation_labels());
  return c.page("org_form", heading, d, status);
}

Data organisation_data(const domain::Organisation& o) {
  Data d;
  d.set("id", std::to_string(o.id));
  d.set("name", o.name);
  d.set("kind_label", std::string(domain::organisation_kind_label(o.kind)));
  set_text(d, "uai", o.uai);
  set_text(d, "siret", o.siret);
  set_text(d, "address", o.address);
  set_text(d, "commune_insee", o.commune_insee);
  set_text(d, "commune", o.commune_name.empty() ? o.commune_insee : o.commune_name);
  set_text(d, "email", o.email);
  set_text(d, "phone", o.phone);
  set_text(d, "website", o.website);
  set_text(d, "notes", o.notes);
  d.set("has_details",
        !(o.uai + o.siret + o.address + o.commune_insee + o.email + o.phone + o.website + o.notes).empty());
  return d;
}

http::Response organisation_merge_page(Ctx& c, const domain::Organisation& keep, const std::string& error, int status) {
  Data d;
  std::string q_error;
  store::DirectoryFilter f;
  f.query = merge_query(c, longest_word(keep.name), q_error);
  f.per_page = static_cast<int>(kMergeCandidates) + 1;
  auto found = store::organisations_matching(c.app.store, c.territory_id(), f);
  List candidates;
  for (const auto& o : found.rows) {
    if (o.id == keep.id || candidates.size() == kMergeCandidates) continue;
    Data item = organisation_data(o);
    std::string detail = std::string(domain::organisation_kind_label(o.kind));
    if (!o.commune_name.empty()) detail += ", " + o.commune_name;
    if (!o.uai.empty()) detail += ", UAI " + o.uai;
    if (!o.siret.empty()) detail += ", SIRET " + o.siret;
    item.set("detail", detail);
    candidates.push_back(item);
  }
  d.set("has_candidates", !candidates.empty());
  d.set("candidates", candidates);
  d.set("org", organisation_data(keep));
  d.set("q", f.query);
  set_text(d, "q_error", q_error);
  set_text(d, "error", error);
  return c.page("org_merge", "Fusionner un doublon", d, q_error.empty() ? status : 400);
}

// ---- people -------------------------------------------------------------------------------------------------

domain::Person person_from_form(const http::Request& r, domain::Person p) {
  p.first_name = r.form("first_name");
  p.last_name = r.form("last_name");
  p.organisation_id = parse_id(r.form("organisation_id"));
  p.job_title = r.form("job_title");
  p.roles = r.form_all("roles");
  p.email = r.form("email");
  p.phone = r.form("phone");
  p.notes = r.form("notes");
  return p;
}

http::Response person_form(Ctx& c, const domain::Person& p, const domain::Errors& e, int status) {
  Data d;
  bool creating = p.id == 0;
  std::string heading = creating ? "Nouvelle personne" : "Modifier une personne";
  d.set("heading", heading);
  d.set("action",
        creating ? "/annuaire/personnes/nouvelle" : "/annuaire/personnes/" + std::to_string(p.id) + "/modifier");
  d.set("submit", creating ? "Créer la fiche" : "Enregistrer les modifications");
  d.set("cancel_url", creating ? "/annuaire/personnes" : "/annuaire/personnes/" + std::to_string(p.id));
  List organisations;
  for (const auto& o : store::organisation_names(c.app.store, c.territory_id())) {
    Data item;
    item.set("id", std::to_string(o.id));
    item.set("name", o.name);
    item.set("selected", o.id == p.organisation_id);
    organisations.push_back(item);
  }
  d.set("organisations", organisations);
  d.set("roles", checkbox_list(domain::person_roles(), p.roles));
  set_error(d, e, "roles");
  d.set("first_name", field(p.first_name, e, "first_name"));
  d.set("last_name", field(p.last_name, e, "last_name"));
  d.set("organisation_id", field("", e, "organisation_id"));
  d.set("job_title", field(p.job_title, e, "job_title"));
  d.set("email", field(p.email, e, "email"));
  d.set("phone", field(p.phone, e, "phone"));
  d.set("notes", field(p.notes, e, "notes"));
  set_error_summary(d, e, "person-", person_labels());
  return c.page("person_form", heading, d, status);
}

Data person_data(const domain::Person& p) {
  Data d;
  d.set("id", std::to_string(p.id));
  d.set("name", domain::full_name(p));
  if (p.organisation_id > 0) {
    d.set("organisation_id", std::to_string(p.organisation_id));
    d.set("organisation_name", p.organisation_name);
  }
  set_text(d, "job_title", p.job_title);
  set_text(d, "email", p.email);
  set_text(d, "phone", p.phone);
  set_text(d, "notes", p.notes);
  std::string roles;
  for (const auto& r : p.roles) roles += (roles.empty() ? "" : ", ") + std::string(domain::person_role_label(r));
  set_text(d, "roles_label", roles);
  d.set("has_roles", !p.roles.empty());
  d.set("has_details", !(p.email + p.phone + p.notes).empty() || !p.roles.empty());
  d.set("has_subtitle", !p.job_title.empty() || p.organisation_id > 0);
  return d;
}

http::Response person_merge_page(Ctx& c, const domain::Person& keep, const std::string& error, int status) {
  Data d;
  std::string q_error;
  store::DirectoryFilter f;
  f.query = merge_query(c, keep.last_name, q_error);
  f.per_page = static_cast<int>(kMergeCandidates) + 1;
  auto found = store::people_matching(c.app.store, c.territory_id(), f);
  List candidates;
  for (const auto& p : found.rows) {
    if (p.id == keep.id || candidates.size() == kMergeCandidates) continue;
    Data item = person_data(p);
    std::string detail = p.organisation_name.empty() ? "sans organisation" : p.organisation_name;
    if (!p.email.empty()) detail += ", " + p.email;
    item.set("detail", detail);
    candidates.push_back(item);
  }
  d.set("has_candidates", !candidates.empty());
  d.set("candidates", candidates);
  d.set("person", person_data(keep));
  d.set("q", f.query);
  set_text(d, "q_error", q_error);
  set_text(d, "error", error);
  return c.page("person_merge", "Fusionner un doublon", d, q_error.empty() ? status : 400);
}

}  // namespace passerelles::web
