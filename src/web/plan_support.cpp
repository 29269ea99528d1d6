// Action plan page helpers: form parsing, forms with errors next to each field, the convention upload, display.
#include "web/plan_support.hpp"

#include <algorithm>
#include <charconv>

#include "domain/text.hpp"
#include "http/multipart.hpp"
#include "store/accounts.hpp"
#include "store/directory.hpp"
#include "store/files.hpp"
#include "store/plan.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"

namespace passerelles::web {

namespace {

constexpr int kBlankTargetRows = 3;

// Form fields' ids start with "plan-".
const std::string kIdPrefix = "plan-";

// A whole number typed in a form (spaces allowed between digits); -1 when it is not one.
long long parse_whole(const std::string& text) {
  std::string digits;
  for (char ch : domain::trim(text))
    if (ch != ' ') digits += ch;
  long long v = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return !digits.empty() && ec == std::errc() && p == digits.data() + digits.size() && v >= 0 ? v : -1;
}

// Ids from repeated form values; anything that is not a positive id is kept as -1 for the store to refuse.
std::vector<long long> ids_of(const std::vector<std::string>& values) {
  std::vector<long long> out;
  for (const auto& v : values)
    if (long long id = parse_id(v); id != 0) out.push_back(id);
  return out;
}

template <class T>
bool has(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Organisations of the territory as choices: selected (a select) or checked (checkboxes).
List organisation_choices(Ctx& c, const std::vector<long long>& chosen) {
  List out;
  for (const auto& o : store::organisation_names(c.app.store, c.territory_id())) {
    Data item;
    item.set("id", std::to_string(o.id));
    item.set("name", o.name);
    item.set("chosen", has(chosen, o.id));
    out.push_back(item);
  }
  return out;
}

// "1er janvier 2026 – 30 juin 2027", "à partir du 1er janvier 2026", "" when no day is known.
std::string period_fr(const std::string& from, const std::string& to) {
  if (!from.empty() && !to.empty()) return "du " + domain::format_day_fr(from) + " au " + domain::format_day_fr(to);
  if (!from.empty()) return "à partir du " + domain::format_day_fr(from);
  if (!to.empty()) return "jusqu’au " + domain::format_day_fr(to);
  return "";
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "« " : ", « ") + n + " »";
  return out;
}

// In the order of the form; the errors of the target rows ("target-N") come last, each linking to its row's year.
const FieldLabels& initiative_labels() {
  static const FieldLabels v = [] {
    FieldLabels l = {{"axis", "Axe"},
                     {"name", "Nom de l’initiative"},
                     {"objective", "Objectif"},
                     {"audiences", "Publics visés"},
                     {"lead_organisation_id", "Organisation pilote"},
                     {"partner_ids", "Organisations partenaires"},
                     {"targets", "Objectifs chiffrés"}};
    for (std::size_t n = 0; n <= domain::kMaxTargetRows; ++n)
      l.push_back({"target-" + std::to_string(n), "Objectif chiffré, ligne " + std::to_string(n + 1),
                   "target-" + std::to_string(n) + "-year"});
    return l;
  }();
  return v;
}

const FieldLabels& partnership_labels() {
  static const FieldLabels v = {{"title", "Intitulé de la convention"},
                                {"organisation_id", "Organisation partenaire"},
                                {"status", "État"},
                                {"starts_on", "Date de début"},
                                {"ends_on", "Date de fin"},
                                {"document", "Convention signée (PDF)"},
                                {"notes", "Notes"}};
  return v;
}

const FieldLabels& funding_labels() {
  static const FieldLabels v = {{"funder", "Financeur"},
                                {"funder_organisation_id", "Fiche du financeur dans l’annuaire"},
                                {"amount", "Montant"},
                                {"starts_on", "Date de début"},
                                {"ends_on", "Date de fin"},
                                {"purpose", "Ce que la subvention finance"},
                                {"initiative_ids", "Initiatives financées"}};
  return v;
}

}  // namespace

std::string plan_today() {
  return domain::paris_day(store::now_unix());
}

// ---- initiatives --------------------------------------------------------------------------------------------

InitiativeInput initiative_from_form(const http::Request& r, domain::Initiative i) {
  InitiativeInput in;
  i.axis = r.form("axis");
  i.name = r.form("name");
  i.objective = r.form("objective");
  i.audiences = r.form_all("audiences");
  i.lead_organisation_id = parse_id(r.form("lead_organisation_id"));
  i.partner_ids = ids_of(r.form_all("partner_ids"));
  i.targets.clear();
  auto years = r.form_all("target_year"), indicators = r.form_all("target_indicator"),
       targets = r.form_all("target_value");
  std::size_t rows = std::max({years.size(), indicators.size(), targets.size()});
  auto at = [](const std::vector<std::string>& v, std::size_t n) { return n < v.size() ? v[n] : std::string(); };
  for (std::size_t n = 0; n < rows && in.rows.size() <= domain::kMaxTargetRows; ++n) {
    TargetRow row{domain::trim(at(years, n)), domain::trim(at(indicators, n)), domain::trim(at(targets, n))};
    if (row.indicator.empty() && row.target.empty()) continue;
    long long year = row.year.size() <= 4 ? parse_whole(row.year) : -1;
    i.targets.push_back({static_cast<int>(year), row.indicator, parse_whole(row.target)});
    in.rows.push_back(std::move(row));
  }
  in.initiative = std::move(i);
  return in;
}

InitiativeInput initiative_input(const domain::Initiative& i) {
  InitiativeInput in{i, {}};
  for (const auto& t : i.targets) in.rows.push_back({std::to_string(t.year), t.indicator, std::to_string(t.target)});
  return in;
}

http::Response initiative_form(Ctx& c, const InitiativeInput& in, const domain::Errors& e, int status) {
  const domain::Initiative& i = in.initiative;
  Data d;
  bool creating = i.id == 0;
  std::string heading = creating ? "Nouvelle initiative" : "Modifier l’initiative";
  std::string base = "/plan/initiatives/" + std::to_string(i.id);
  d.set("heading", heading);
  d.set("action", creating ? "/plan/initiatives/nouvelle" : base + "/modifier");
  d.set("submit", creating ? "Créer l’initiative" : "Enregistrer les modifications");
  d.set("cancel_url", creating ? "/plan" : base);
  d.set("axis", field(i.axis, e, "axis"));
  d.set("name", field(i.name, e, "name"));
  d.set("objective", field(i.objective, e, "objective"));
  List axes;
  std::vector<std::string> seen;
  for (const auto& other : store::initiatives_of(c.app.store, c.territory_id()))
    if (!other.axis.empty() && !has(seen, other.axis)) {
      seen.push_back(other.axis);
      axes.push_back(Data("axis", other.axis));
    }
  d.set("axes", axes);
  d.set("audiences", checkbox_list(domain::target_audiences(), i.audiences));
  List leads = organisation_choices(c, {i.lead_organisation_id});
  List partners = organisation_choices(c, i.partner_ids);
  d.set("has_organisations", !leads.empty());
  d.set("leads", leads);
  d.set("partners", partners);
  for (const char* key : {"audiences", "lead_organisation_id", "partner_ids", "targets"}) set_error(d, e, key);

  int year = std::stoi(plan_today().substr(0, 4));
  std::vector<TargetRow> rows = in.rows;
  for (int n = 0; n < kBlankTargetRows; ++n) rows.push_back({std::to_string(year), "", ""});
  List row_list;
  for (std::size_t n = 0; n < rows.size(); ++n) {
    Data row;
    row.set("n", std::to_string(n));
    row.set("line", std::to_string(n + 1));
    row.set("year", rows[n].year);
    row.set("target", rows[n].target);
    row.set("indicators", choice_list(domain::target_indicators(), rows[n].indicator));
    if (auto it = e.find("target-" + std::to_string(n)); it != e.end() && n < in.rows.size())
      row.set("error", it->second);
    row_list.push_back(row);
  }
  d.set("rows", row_list);
  set_error_summary(d, e, kIdPrefix, initiative_labels());
  return c.page("plan_initiative_form", heading, d, status);
}

Data initiative_data(const domain::Initiative& i, int year) {
  Data d;
  d.set("id", std::to_string(i.id));
  d.set("name", i.name);
  set_text(d, "axis", i.axis);
  set_text(d, "objective", i.objective);
  std::string audiences;
  for (const auto& a : i.audiences)
    audiences += (audiences.empty() ? "" : ", ") + std::string(domain::target_audience_label(a));
  set_text(d, "audiences_label", audiences);
  set_text(d, "lead_name", i.lead_organisation_name);
  if (i.lead_organisation_id) d.set("lead_id", std::to_string(i.lead_organisation_id));
  List partners;
  for (std::size_t n = 0; n < i.partner_ids.size(); ++n) {
    Data p;
    p.set("id", std::to_string(i.partner_ids[n]));
    p.set("name", i.partner_names[n]);
    partners.push_back(p);
  }
  d.set("partners", partners);
  d.set("has_partners", !partners.empty());
  set_text(d, "partners_label", domain::join(i.partner_names, ", "));
  List all, this_year;
  for (const auto& t : i.targets) {
    Data item;
    item.set("year", std::to_string(t.year));
    item.set("label", std::string(domain::target_indicator_label(t.indicator)));
    item.set("target", domain::format_count(t.target));
    all.push_back(item);
    if (t.year == year) this_year.push_back(item);
  }
  d.set("targets", all);
  d.set("has_targets", !all.empty());
  d.set("this_year_targets", this_year);
  d.set("has_this_year_targets", !this_year.empty());
  d.set("year", std::to_string(year));
  return d;
}

// ---- partnerships -------------------------------------------------------------------------------------------

domain::Partnership partnership_from_form(const http::Request& r, domain::Partnership p) {
  p.title = r.form("title");
  p.organisation_id = parse_id(r.form("organisation_id"));
  p.status = r.form("status");
  p.starts_on = r.form("starts_on");
  p.ends_on = r.form("ends_on");
  p.notes = r.form("notes");
  if (r.form("remove_document") == "1") p.document_file_id = 0;
  return p;
}

std::optional<http::Response> check_partnership_and_store_convention(Ctx& c, domain::Partnership& p) {
  domain::normalise(p);
  std::optional<http::Part> upload;
  if (auto parts = http::parse_multipart(c.req.header("content-type"), c.req.body))
    for (auto& part : *parts)
      if (part.name == "document" && !part.filename.empty()) upload = std::move(part);
  auto errors = domain::validate(p);
  if (p.organisation_id != 0 && !store::org_by_id(c.app.store, c.territory_id(), p.organisation_id))
    errors["organisation_id"] = "Cette organisation n’existe pas dans l’annuaire du territoire.";
  if (!errors.empty()) return partnership_form(c, p, errors, 422, upload.has_value());
  if (!upload) return std::nullopt;
  auto file = store::store_file(c.app.store, c.territory_id(), upload->filename, upload->data, {"application/pdf"},
                                "document", author_of(c));
  if (!file.errors.empty()) return partnership_form(c, p, file.errors, 422);
  p.document_file_id = file.id;
  return std::nullopt;
}

http::Response partnership_form(Ctx& c, const domain::Partnership& p, const domain::Errors& errors, int status,
                                bool file_was_sent) {
  domain::Errors e = errors;
  if (file_was_sent && !e.count("document"))
    e["document"] = "Le fichier n’a pas été enregistré : choisissez-le à nouveau après avoir corrigé le formulaire.";
  Data d;
  bool creating = p.id == 0;
  std::string heading = creating ? "Nouveau partenariat" : "Modifier le partenariat";
  std::string base = "/plan/partenariats/" + std::to_string(p.id);
  d.set("heading", heading);
  d.set("action", creating ? "/plan/partenariats/nouveau" : base + "/modifier");
  d.set("submit", creating ? "Créer le partenariat" : "Enregistrer les modifications");
  d.set("cancel_url", creating ? "/plan" : base);
  d.set("title", field(p.title, e, "title"));
  d.set("starts_on", field(p.starts_on, e, "starts_on"));
  d.set("ends_on", field(p.ends_on, e, "ends_on"));
  d.set("notes", field(p.notes, e, "notes"));
  d.set("status", field("", e, "status"));
  d.set("organisation_id", field("", e, "organisation_id"));
  d.set("document", field("", e, "document"));
  d.set("organisations", organisation_choices(c, {p.organisation_id}));
  d.set("statuses", choice_list(domain::partnership_statuses(), p.status));
  if (p.document_file_id) {
    d.set("current_document", p.document_name.empty() ? std::string("convention.pdf") : p.document_name);
    d.set("document_url", base + "/convention");
  }
  set_error_summary(d, e, kIdPrefix, partnership_labels());
  return c.page("plan_partnership_form", heading, d, status);
}

Data partnership_data(const domain::Partnership& p) {
  Data d;
  d.set("id", std::to_string(p.id));
  d.set("title", p.title);
  set_text(d, "organisation_name", p.organisation_name);
  if (p.organisation_id) d.set("organisation_id", std::to_string(p.organisation_id));
  d.set("status_label", std::string(domain::partnership_status_label(p.status)));
  d.set("status", p.status);
  set_text(d, "period", period_fr(p.starts_on, p.ends_on));
  set_text(d, "notes", p.notes);
  if (p.document_file_id) {
    d.set("document_url", "/plan/partenariats/" + std::to_string(p.id) + "/convention");
    d.set("document_name", p.document_name.empty() ? std::string("convention.pdf") : p.document_name);
  }
  return d;
}

std::string attachment_disposition(const std::string& name) {
  std::string ascii;
  for (unsigned char ch : name)
    ascii += ch < 0x20 || ch >= 0x7F || ch == '"' || ch == '\\' ? '_' : static_cast<char>(ch);
  if (ascii.empty()) ascii = "document";
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::url_encode(name.empty() ? ascii : name);
}

// ---- funding ------------------------------------------------------------------------------------------------

domain::Funding funding_from_form(const http::Request& r, domain::Funding f, std::string& amount,
                                  domain::Errors& errors) {
  f.funder = r.form("funder");
  f.funder_organisation_id = parse_id(r.form("funder_organisation_id"));
  f.starts_on = r.form("starts_on");
  f.ends_on = r.form("ends_on");
  f.purpose = r.form("purpose");
  f.initiative_ids = ids_of(r.form_all("initiative_ids"));
  amount = r.form("amount");
  if (!domain::valid_utf8(amount) || domain::utf8_length(amount) > 40)
    errors["amount"] = "Indiquez le montant en euros, par exemple 12 500,50 €.";
  else if (domain::trim(amount).empty())
    errors["amount"] = "Indiquez le montant de la subvention en euros.";
  else if (!domain::parse_euros(amount, f.amount_cents))
    errors["amount"] = "Ce montant n’est pas lisible : écrivez un nombre positif en euros, par exemple 12 500,50 €.";
  return f;
}

http::Response funding_form(Ctx& c, const domain::Funding& f, const std::string& amount, const domain::Errors& e,
                            int status) {
  Data d;
  bool creating = f.id == 0;
  std::string heading = creating ? "Nouveau financement" : "Modifier le financement";
  d.set("heading", heading);
  d.set("id", std::to_string(f.id));
  d.set("editing", !creating);
  d.set("action", creating ? "/plan/financements/nouveau" : "/plan/financements/" + std::to_string(f.id) + "/modifier");
  d.set("submit", creating ? "Créer le financement" : "Enregistrer les modifications");
  d.set("funder", field(f.funder, e, "funder"));
  d.set("amount", field(amount, e, "amount"));
  d.set("starts_on", field(f.starts_on, e, "starts_on"));
  d.set("ends_on", field(f.ends_on, e, "ends_on"));
  d.set("purpose", field(f.purpose, e, "purpose"));
  d.set("funder_organisation_id", field("", e, "funder_organisation_id"));
  d.set("organisations", organisation_choices(c, {f.funder_organisation_id}));
  List initiatives;
  for (const auto& i : store::initiatives_of(c.app.store, c.territory_id())) {
    Data item;
    item.set("id", std::to_string(i.id));
    item.set("name", i.name);
    item.set("checked", has(f.initiative_ids, i.id));
    initiatives.push_back(item);
  }
  d.set("has_initiatives", !initiatives.empty());
  d.set("initiatives", initiatives);
  set_error(d, e, "initiative_ids");
  if (!creating) d.set("label", f.funder);
  set_error_summary(d, e, kIdPrefix, funding_labels());
  return c.page("plan_funding_form", heading, d, status);
}

Data funding_data(const domain::Funding& f) {
  Data d;
  d.set("id", std::to_string(f.id));
  d.set("funder", f.funder);
  d.set("amount", domain::format_euros(f.amount_cents));
  d.set("period", period_fr(f.starts_on, f.ends_on));
  set_text(d, "purpose", f.purpose);
  set_text(d, "initiatives_label", quoted_list(f.initiative_names));
  List initiatives;
  for (std::size_t n = 0; n < f.initiative_ids.size(); ++n) {
    Data i;
    i.set("id", std::to_string(f.initiative_ids[n]));
    i.set("name", f.initiative_names[n]);
    initiatives.push_back(i);
  }
  d.set("initiatives", initiatives);
  d.set("has_initiatives", !initiatives.empty());
  return d;
}

void set_initiative_options(Ctx& c, Data& d, long long territory_id, long long selected) {
  List initiatives;
  for (const auto& i : store::initiatives_of(c.app.store, territory_id)) {
    Data item;
    item.set("id", std::to_string(i.id));
    item.set("label", i.axis.empty() ? i.name : i.axis + " — " + i.name);
    item.set("selected", i.id == selected);
    initiatives.push_back(item);
  }
  d.set("initiatives", initiatives);
  d.set("has_initiatives", !initiatives.empty());
}

}  // namespace passerelles::web
