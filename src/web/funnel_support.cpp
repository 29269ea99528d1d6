// The dashboard's funnel section and the company hires pages' shared parts (see the header).
#include "web/funnel_support.hpp"

#include "domain/plan.hpp"
#include "domain/text.hpp"
#include "report/charts.hpp"
#include "report/indicators_export.hpp"
#include "store/accounts.hpp"
#include "store/funnel.hpp"
#include "web/form_support.hpp"
#include "web/indicator_support.hpp"

namespace passerelles::web {

namespace {

using domain::Role;

const FieldLabels& hires_labels() {
  static const FieldLabels v = {{"organisation_id", "Entreprise"},
                                {"year", "Année"},
                                {"hires", "Embauches"},
                                {"hires_women", "Dont femmes"},
                                {"apprentices", "Dont apprentis"},
                                {"apprentices_women", "Dont apprenties"}};
  return v;
}

// A whole number typed in the form (spaces allowed: « 1 200 »); nullopt when it is not one. Empty reads as
// `empty_value` when given.
std::optional<long long> whole_number(const std::string& raw, std::optional<long long> empty_value) {
  std::string s;
  for (char ch : raw)
    if (ch != ' ') s += ch;
  s = domain::trim(s);
  if (s.empty()) return empty_value;
  if (s.size() > 9) return std::nullopt;
  long long v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

std::string number_value(long long v) {
  return v < 0 ? std::string() : std::to_string(v);
}

}  // namespace

std::string funnel_html(Ctx& c, const store::Indicators& ind) {
  auto f = store::funnel(c.app.store, ind);
  Data d;
  d.set("intro", report::funnel_intro());
  d.set("svg", report::funnel_svg(f));
  d.set("period", period_label_fr(ind.from_month, ind.to_month));
  List lines;
  for (const auto& l : domain::funnel_table(f)) {
    Data r;
    r.set("code", l.code);
    r.set("label", l.label);
    r.set("girls", report::funnel_count_text(l, l.girls));
    r.set("boys", report::funnel_count_text(l, l.boys));
    r.set("total", report::funnel_count_text(l, l.total));
    r.set("girls_share", report::funnel_share_text(l, l.girls_share));
    r.set("conversion", l.step ? report::funnel_share_text(l, l.conversion) : std::string());
    r.set("girls_conversion", l.step ? report::funnel_share_text(l, l.girls_conversion) : std::string());
    lines.push_back(r);
  }
  d.set("lines", lines);
  d.set("can_report", hires_reporter(c).has_value());
  return c.app.templates.render("dashboard_funnel", d);
}

std::optional<HiresReporter> hires_reporter(const Ctx& c) {
  if (!c.actor || c.territory_id() == 0) return std::nullopt;
  const auto& u = c.actor->user;
  if (u.role == Role::coordinator) return HiresReporter{c.territory_id(), 0};
  if (u.role == Role::company_contact && u.organisation_id > 0)
    return HiresReporter{c.territory_id(), u.organisation_id};
  return std::nullopt;
}

domain::CompanyHires hires_from_form(const http::Request& r, const HiresReporter& who, domain::CompanyHires h,
                                     domain::Errors& errors) {
  h.territory_id = who.territory_id;
  if (who.company_id > 0) {
    h.organisation_id = who.company_id;
  } else {
    h.organisation_id = parse_id(r.form("organisation_id"));
    if (h.organisation_id < 0) h.organisation_id = 0;
  }
  auto year = whole_number(r.form("year"), std::nullopt);
  h.year = year ? static_cast<int>(*year) : -1;
  if (!year) errors["year"] = "Indiquez l’année sur quatre chiffres, par exemple 2025.";
  auto number = [&](const char* field, long long& into, std::optional<long long> empty_value) {
    auto v = whole_number(r.form(field), empty_value);
    into = v ? *v : -1;
    if (!v) errors[field] = "Indiquez un nombre entier (0 si aucun).";
  };
  number("hires", h.hires, std::nullopt);
  number("hires_women", h.hires_women, std::nullopt);
  number("apprentices", h.apprentices, 0);
  number("apprentices_women", h.apprentices_women, 0);
  return h;
}

http::Response hires_page(Ctx& c, const HiresReporter& who, const domain::CompanyHires& h, const domain::Errors& e,
                          int status) {
  Data d;
  bool coordinator = who.company_id == 0;
  d.set("coordinator", coordinator);
  if (!coordinator)
    if (auto o = store::org_by_id(c.app.store, who.territory_id, who.company_id)) d.set("company", o->name);
  List reports;
  for (const auto& r : store::hires_reports(c.app.store, who.territory_id, who.company_id)) {
    Data row;
    row.set("year", std::to_string(r.year));
    row.set("company", r.organisation_name);
    row.set("hires", report::format_count(r.hires));
    row.set("hires_women", report::format_count(r.hires_women));
    row.set("apprentices", report::format_count(r.apprentices));
    row.set("apprentices_women", report::format_count(r.apprentices_women));
    row.set("reported", domain::format_day_fr(domain::paris_day(r.reported_at)));
    row.set("edit_url", "/entreprise/embauches/" + std::to_string(r.id) + "/modifier");
    row.set("edit_label", "Modifier " + std::to_string(r.year) + (coordinator ? " — " + r.organisation_name : ""));
    reports.push_back(row);
  }
  d.set("saved", c.req.query("msg") == "enregistre");
  d.set("has_reports", !reports.empty());
  d.set("reports", reports);

  bool editing = h.id > 0;
  d.set("editing", editing);
  d.set("form_heading",
        editing ? "Modifier les embauches de " + number_value(h.year) : "Déclarer les embauches d’une année");
  d.set("action", editing ? "/entreprise/embauches/" + std::to_string(h.id) + "/modifier" : "/entreprise/embauches");
  d.set("submit", editing ? "Enregistrer les modifications" : "Enregistrer");
  if (coordinator) {
    List companies;
    for (const auto& o : store::organisation_names(c.app.store, who.territory_id, "company")) {
      Data opt;
      opt.set("id", std::to_string(o.id));
      opt.set("name", o.name);
      opt.set("selected", o.id == h.organisation_id);
      companies.push_back(opt);
    }
    d.set("has_companies", !companies.empty());
    d.set("companies", companies);
    set_error(d, e, "organisation_id");
  }
  d.set("year", field(number_value(h.year), e, "year"));
  d.set("hires", field(number_value(h.hires), e, "hires"));
  d.set("hires_women", field(number_value(h.hires_women), e, "hires_women"));
  d.set("apprentices", field(number_value(h.apprentices), e, "apprentices"));
  d.set("apprentices_women", field(number_value(h.apprentices_women), e, "apprentices_women"));
  d.set("max_year", std::to_string(current_year()));
  set_error_summary(d, e, "hires-", hires_labels());
  return c.page("hires_index", "Embauches déclarées", d, status);
}

int current_year() {
  return std::stoi(domain::paris_day(store::now_unix()).substr(0, 4));
}

}  // namespace passerelles::web
