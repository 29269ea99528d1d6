// Dashboard blocks: key figures, charts beside their data tables, maps and the STI2D context (see the header).
#include "web/dashboard_support.hpp"

#include <algorithm>
#include <array>

#include "domain/action.hpp"
#include "report/charts.hpp"
#include "report/gender.hpp"
#include "web/indicator_support.hpp"

namespace passerelles::web {

namespace {

using report::format_count;
using report::format_share;

// Bar charts are narrower than the others: their text stays legible when a phone shrinks them.
constexpr int kBarWidth = 480;

// A chart and the table of the same data (templates/dashboard_chart.html).
struct ChartBlock {
  std::string id;       // prefix of the block's HTML ids
  std::string heading;  // the section heading, also the SVG's title
  std::string intro;    // one sentence under the heading (optional)
  std::string svg;
  std::string caption;
  std::vector<std::string> columns;  // the first names the row headers
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;
  std::string empty;  // shown instead of the table when there is no row
};

std::string render_chart(Ctx& c, const ChartBlock& b) {
  Data d;
  d.set("id", b.id);
  d.set("heading", b.heading);
  if (!b.intro.empty()) d.set("intro", b.intro);
  d.set("svg", b.svg);
  d.set("caption", b.caption);
  List cols;
  for (std::size_t i = 1; i < b.columns.size(); ++i) cols.push_back(Data(b.columns[i]));
  d.set("first_column", b.columns.empty() ? std::string() : b.columns[0]);
  d.set("columns", cols);
  List rows;
  for (const auto& [label, cells] : b.rows) {
    Data r;
    r.set("label", label);
    List cl;
    for (const auto& v : cells) cl.push_back(Data(v));
    r.set("cells", cl);
    rows.push_back(r);
  }
  d.set("rows", rows);
  d.set("has_rows", !b.rows.empty());
  d.set("empty", b.empty.empty() ? std::string("Aucune donnée pour ces filtres.") : b.empty);
  return c.app.templates.render("dashboard_chart", d);
}

std::size_t audience_index(std::string_view code) {
  const auto& cats = domain::audience_categories();
  for (std::size_t i = 0; i < cats.size(); ++i)
    if (cats[i].code == code) return i;
  return 0;
}

long long girls_of(const store::Totals& t) {
  return t.audience[audience_index("girls")];
}
long long boys_of(const store::Totals& t) {
  return t.audience[audience_index("boys")];
}

std::string share_text(std::optional<double> s) {
  return s ? format_share(*s) : std::string("—");
}

// Cells of a Totals row: actions, people, girls, share of girls, boys.
std::vector<std::string> totals_cells(const store::Totals& t) {
  return {format_count(t.actions), format_count(t.people), format_count(girls_of(t)), share_text(t.girls_share()),
          format_count(boys_of(t))};
}
const std::vector<std::string> kTotalsColumns = {"Actions", "Personnes sensibilisées", "Filles", "Part des filles",
                                                 "Garçons"};

// "janv. 2025" for '2025-01' (chart labels; tables use month_label_fr).
std::string short_month(const std::string& m) {
  static const std::array<const char*, 12> names = {"janv.", "févr.", "mars",  "avr.", "mai",  "juin",
                                                    "juil.", "août",  "sept.", "oct.", "nov.", "déc."};
  if (!domain::is_iso_month(m)) return m;
  return std::string(names[static_cast<std::size_t>(std::stoi(m.substr(5, 2)) - 1)]) + " " + m.substr(0, 4);
}

std::string department_label(Ctx& c, const std::string& code) {
  std::string name = report::department_name(c.app.cfg.data_dir, code);
  std::string shown = code.size() == 3 && code[0] == '0' ? code.substr(1) : code;
  return name.empty() ? shown : name + " (" + shown + ")";
}

// A figure with its target: value, and when a target exists the progress bar's values and their text.
Data figure(const std::string& code, const std::string& label, const std::string& value, const std::string& detail,
            const store::Indicators& ind) {
  Data f;
  f.set("code", code);
  f.set("label", label);
  f.set("value", value);
  if (!detail.empty()) f.set("detail", detail);
  for (const auto& t : ind.targets) {
    if (t.indicator != code || t.target <= 0) continue;
    double pct = static_cast<double>(t.actual) / static_cast<double>(t.target);
    Data target;
    target.set("max", std::to_string(t.target));
    target.set("value", std::to_string(std::min(t.actual, t.target)));
    target.set("text", format_share(pct) + " de l’objectif (" + format_count(t.actual) + " sur " +
                           format_count(t.target) + ")" + (t.actual >= t.target ? " : objectif atteint." : "."));
    f.set("target", target);
  }
  return f;
}

// What names a breakdown chart: ids, heading (also the SVG's title), table caption, first column.
struct ChartNames {
  std::string id, heading, caption, first_column;
};

// Horizontal bars of `measure` for each row, with the totals table.
std::string bars_of_rows(Ctx& c, const ChartNames& n, const std::vector<store::Row>& rows,
                         long long store::Totals::*measure) {
  ChartBlock b;
  b.id = n.id;
  b.heading = n.heading;
  std::vector<report::Bar> bars;
  for (const auto& r : rows) {
    bars.push_back({r.label, static_cast<double>(r.totals.*measure), ""});
    b.rows.emplace_back(r.label, totals_cells(r.totals));
  }
  b.svg = report::bar_chart_svg(b.heading, bars, kBarWidth);
  b.caption = n.caption;
  b.columns = {n.first_column};
  b.columns.insert(b.columns.end(), kTotalsColumns.begin(), kTotalsColumns.end());
  return render_chart(c, b);
}

}  // namespace

List key_figures_data(const store::Indicators& ind) {
  const auto& t = ind.total;
  List l;
  std::string people_detail;
  if (!ind.filter.audience.empty())
    people_detail = "Public : " + std::string(domain::audience_label(ind.filter.audience)) + " uniquement.";
  l.push_back(figure("people_reached", "Personnes sensibilisées", format_count(t.people), people_detail, ind));
  l.push_back(figure("girls", "Filles", format_count(girls_of(t)), "", ind));
  std::optional<double> share = t.girls_share();
  l.push_back(figure("girls_share", "Part des filles", share_text(share),
                     share ? "parmi les " + format_count(girls_of(t) + boys_of(t)) + " élèves comptés."
                           : "Aucun élève compté sur la période.",
                     ind));
  l.push_back(figure("boys", "Garçons", format_count(boys_of(t)), "", ind));
  l.push_back(figure("actions", "Actions", format_count(t.actions), "validées sur la période.", ind));
  std::string schools_detail;
  if (auto s = ind.schools_share())
    schools_detail =
        format_share(*s) + " des " + format_count(ind.territory_schools) +
        (ind.filter.territory_id > 0 ? " établissements de l’annuaire dans les départements du territoire."
                                     : " établissements de l’annuaire dans les départements des territoires.");
  l.push_back(
      figure("schools_reached", "Établissements touchés", format_count(ind.schools_reached), schools_detail, ind));
  return l;
}

std::string month_chart_html(Ctx& c, const store::Indicators& ind) {
  ChartBlock b;
  b.id = "tdb-mois";
  b.heading = "Personnes sensibilisées par mois";
  std::vector<report::Bar> bars;
  for (const auto& r : ind.by_month) {
    bars.push_back({short_month(r.key), static_cast<double>(r.totals.people), ""});
    b.rows.emplace_back(month_label_fr(r.key), totals_cells(r.totals));
  }
  b.svg = report::column_chart_svg(b.heading, bars);
  b.caption = "Actions et personnes sensibilisées par mois";
  b.columns = {"Mois"};
  b.columns.insert(b.columns.end(), kTotalsColumns.begin(), kTotalsColumns.end());
  return render_chart(c, b);
}

std::string audience_chart_html(Ctx& c, const store::Indicators& ind) {
  ChartBlock b;
  b.id = "tdb-public";
  b.heading = "Personnes sensibilisées par public";
  std::vector<report::Bar> bars;
  for (const auto& r : ind.by_audience) {
    bars.push_back({r.label, static_cast<double>(r.totals.people), ""});
    b.rows.push_back({r.label, {format_count(r.totals.people)}});
  }
  b.svg = report::bar_chart_svg(b.heading, bars, kBarWidth);
  b.caption = "Personnes sensibilisées par public";
  b.columns = {"Public", "Personnes sensibilisées"};
  return render_chart(c, b);
}

std::string initiative_chart_html(Ctx& c, const store::Indicators& ind) {
  if (ind.by_initiative.empty()) return "";
  return bars_of_rows(c,
                      {"tdb-initiative", "Personnes sensibilisées par initiative",
                       "Actions et personnes sensibilisées par initiative du plan d’action", "Initiative"},
                      ind.by_initiative, &store::Totals::people);
}

std::string kind_chart_html(Ctx& c, const store::Indicators& ind) {
  return bars_of_rows(
      c, {"tdb-type", "Actions par type", "Actions et personnes sensibilisées par type d’action", "Type d’action"},
      ind.by_kind, &store::Totals::actions);
}

std::string departments_map_html(Ctx& c, const store::Indicators& ind, const std::vector<std::string>& highlight) {
  ChartBlock b;
  b.id = "tdb-departements";
  b.heading = "Personnes sensibilisées par département";
  b.intro = highlight.empty() ? "Chaque action compte dans le département de son premier établissement, ou de sa "
                                "commune."
                              : "Les départements du territoire ont un contour épais. Chaque action compte dans le "
                                "département de son premier établissement, ou de sa commune.";
  std::vector<report::AreaValue> values;
  std::vector<const store::Row*> rows;
  for (const auto& r : ind.by_department) rows.push_back(&r);
  std::sort(rows.begin(), rows.end(), [](const store::Row* a, const store::Row* b) {
    return a->totals.people != b->totals.people ? a->totals.people > b->totals.people : a->key < b->key;
  });
  for (const auto* r : rows) {
    values.push_back({r->key, static_cast<double>(r->totals.people)});
    b.rows.emplace_back(department_label(c, r->key), totals_cells(r->totals));
  }
  b.svg = report::departments_map_svg(c.app.cfg.data_dir, b.heading, values, highlight);
  b.caption = "Actions et personnes sensibilisées par département";
  b.columns = {"Département"};
  b.columns.insert(b.columns.end(), kTotalsColumns.begin(), kTotalsColumns.end());
  return render_chart(c, b);
}

std::string schools_map_html(Ctx& c, const store::Indicators& ind, const std::vector<std::string>& departments) {
  ChartBlock b;
  b.id = "tdb-etablissements";
  b.heading = "Établissements touchés";
  b.intro =
      "Un point par établissement touché par une action validée de la période ; sa taille croît avec le "
      "nombre d’actions.";
  std::vector<report::Point> points;
  std::vector<const store::ReachedSchool*> schools;
  for (const auto& s : ind.schools) schools.push_back(&s);
  std::sort(schools.begin(), schools.end(), [](const auto* a, const auto* b) {
    return a->actions != b->actions ? a->actions > b->actions : a->name < b->name;
  });
  long long without_place = 0;
  for (const auto* s : schools) {
    if (s->lat && s->lon)
      points.push_back({s->name, *s->lat, *s->lon, static_cast<double>(s->actions)});
    else
      ++without_place;
    b.rows.emplace_back(s->name, std::vector<std::string>{s->commune, department_label(c, s->department),
                                                          s->priority_education.empty() ? "—" : s->priority_education,
                                                          format_count(s->actions)});
  }
  if (without_place > 0)
    b.intro += " " + format_count(without_place) +
               (without_place > 1 ? " établissements n’ont pas de coordonnées : ils sont seulement dans le tableau."
                                  : " établissement n’a pas de coordonnées : il est seulement dans le tableau.");
  b.svg = report::points_map_svg(c.app.cfg.data_dir, b.heading, departments, points);
  b.caption = "Établissements touchés et nombre d’actions";
  b.columns = {"Établissement", "Commune", "Département", "Éducation prioritaire", "Actions"};
  b.empty = "Aucun établissement touché sur la période.";
  return render_chart(c, b);
}

List territory_rows_data(const store::Indicators& ind, const std::string& query_without_territory) {
  List rows;
  for (const auto& r : ind.by_territory) {
    Data d;
    d.set("slug", r.key);
    d.set("name", r.label);
    auto cells = totals_cells(r.totals);
    d.set("actions", cells[0]);
    d.set("people", cells[1]);
    d.set("girls", cells[2]);
    d.set("girls_share", cells[3]);
    d.set("boys", cells[4]);
    d.set("url", "/tableau-de-bord?territoire=" + http::url_encode(r.key) + "&" + query_without_territory);
    rows.push_back(d);
  }
  return rows;
}

std::optional<Data> sti2d_data(Ctx& c, const domain::Territory& t) {
  std::string academy = report::territory_academy(c.app.store, t);
  if (academy.empty()) return std::nullopt;
  auto s = report::sti2d_girls_share(c.app.cfg.data_dir, academy);
  if (!s) return std::nullopt;
  Data d;
  d.set("academy", academy);
  d.set("year", std::to_string(s->year) + "-" + std::to_string(s->year + 1));
  d.set("share", format_share(s->share));
  d.set("girls", format_count(s->girls));
  d.set("pupils", format_count(s->pupils));
  if (s->national_year) {
    d.set("national_share", format_share(s->national_share));
    d.set("national_girls", format_count(s->national_girls));
    d.set("national_pupils", format_count(s->national_pupils));
  }
  return d;
}

}  // namespace passerelles::web
