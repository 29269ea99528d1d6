// The funder report as an A4 PDF: cairo draws the pages, pango sets the text (DejaVu Sans) and librsvg renders
// the same SVG charts and maps as the dashboard. Flow layout: a cursor moves down the page and a block that
// does not fit starts a new page.
#include <cairo-pdf.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "domain/action.hpp"
#include "domain/plan.hpp"
#include "domain/survey_stats.hpp"
#include "report/charts.hpp"
#include "report/counting_rules.hpp"
#include "report/indicators_export.hpp"

namespace passerelles::report {

namespace {

constexpr double kPageWidth = 595.276, kPageHeight = 841.890;  // A4 in points
constexpr double kMargin = 50, kTop = 56, kBottom = 780, kWidth = kPageWidth - 2 * kMargin;
constexpr const char* kFont = "DejaVu Sans";

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.10, 0.10, 0.12}, kMuted{0.33, 0.35, 0.40}, kAccent{0.11, 0.30, 0.55},
    kHeaderFill{0.90, 0.93, 0.96}, kRule{0.80, 0.82, 0.86};

enum class Align { left, right };

struct Column {
  std::string title;
  double width;  // points
  Align align = Align::right;
};

class PdfWriter {
 public:
  explicit PdfWriter(const std::string& title) {
    surface_ = cairo_pdf_surface_create_for_stream(&PdfWriter::append, &bytes_, kPageWidth, kPageHeight);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, "Passerelles");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Passerelles " PASSERELLES_VERSION);
    cr_ = cairo_create(surface_);
    layout_ = pango_cairo_create_layout(cr_);
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  }
  ~PdfWriter() {
    g_object_unref(layout_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  void set_footer(std::string footer) { footer_ = std::move(footer); }
  double y() const { return y_; }
  void move_to(double y) { y_ = y; }
  void space(double h) { y_ += h; }

  // Height of `text` set in `width` points.
  double measure(const std::string& text, double size, bool bold, double width) {
    set(text, size, bold, false, width, Align::left);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout_, &w, &h);
    return h;
  }

  // Draws `text` at (x, y) without moving the cursor; returns its height.
  double draw(double x, double y, const std::string& text, double size, bool bold, double width,
              Align align = Align::left, Rgb color = kInk, bool italic = false, bool one_line = false) {
    set(text, size, bold, italic, width, align);
    if (one_line) pango_layout_set_ellipsize(layout_, PANGO_ELLIPSIZE_END);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout_, &w, &h);
    cairo_set_source_rgb(cr_, color.r, color.g, color.b);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout_);
    return h;
  }

  // A paragraph across the text width, split over pages line by line when long.
  void paragraph(const std::string& text, double size = 10, bool bold = false, Rgb color = kInk, bool italic = false,
                 double indent = 0) {
    // Its own layout: the footer drawn by new_page() reuses layout_.
    PangoLayout* layout = pango_cairo_create_layout(cr_);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    set(layout, text, size, bold, italic, kWidth - indent, Align::left);
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    double top = y_;
    double page_offset = 0;  // layout coordinates of the first line on the current page
    do {
      PangoRectangle line;
      pango_layout_iter_get_line_extents(it, nullptr, &line);
      double line_top = line.y / static_cast<double>(PANGO_SCALE);
      double line_height = line.height / static_cast<double>(PANGO_SCALE);
      if (top + line_top - page_offset + line_height > kBottom) {
        new_page();
        top = y_;
        page_offset = line_top;
      }
      int baseline = pango_layout_iter_get_baseline(it);
      cairo_set_source_rgb(cr_, color.r, color.g, color.b);
      cairo_move_to(cr_, kMargin + indent + line.x / static_cast<double>(PANGO_SCALE),
                    top + baseline / static_cast<double>(PANGO_SCALE) - page_offset);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y_ = top + line_top + line_height - page_offset;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(layout);
    y_ += size * 0.5;
  }

  // A section title, kept with the `keep` points that follow it; level 1 titles start a page and enter the
  // document outline.
  void heading(const std::string& text, int level, double keep = 80) {
    double size = level == 1 ? 17 : 12.5;
    if (level == 1 && y_ > kTop) new_page();
    ensure(measure(text, size, true, kWidth) + keep);
    if (level == 1)
      cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, text.c_str(),
                                    ("page=" + std::to_string(page_) + " pos=[0 0]").c_str(),
                                    static_cast<cairo_pdf_outline_flags_t>(0));
    if (level > 1) y_ += 6;
    y_ += draw(kMargin, y_, text, size, true, kWidth, Align::left, kAccent) + (level == 1 ? 12 : 6);
  }

  // A table with a header row, repeated on every page it runs over; `bold_last` for a total row.
  void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
             bool bold_last = false) {
    constexpr double kPad = 3, kSize = 8.5;
    auto row_height = [&](const std::vector<std::string>& cells, bool bold) {
      double h = 0;
      for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i)
        h = std::max(h, measure(cells[i], kSize, bold, columns[i].width - 2 * kPad));
      return h + 2 * kPad;
    };
    auto draw_row = [&](const std::vector<std::string>& cells, bool bold, bool header) {
      double h = row_height(cells, bold);
      if (header) {
        cairo_set_source_rgb(cr_, kHeaderFill.r, kHeaderFill.g, kHeaderFill.b);
        cairo_rectangle(cr_, kMargin, y_, total_width(columns), h);
        cairo_fill(cr_);
      }
      double x = kMargin;
      for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
        draw(x + kPad, y_ + kPad, cells[i], kSize, bold, columns[i].width - 2 * kPad, columns[i].align);
        x += columns[i].width;
      }
      y_ += h;
      cairo_set_source_rgb(cr_, kRule.r, kRule.g, kRule.b);
      cairo_set_line_width(cr_, 0.5);
      cairo_move_to(cr_, kMargin, y_);
      cairo_line_to(cr_, kMargin + total_width(columns), y_);
      cairo_stroke(cr_);
    };
    std::vector<std::string> titles;
    titles.reserve(columns.size());
    for (const auto& c : columns) titles.push_back(c.title);
    double header_height = row_height(titles, true);
    ensure(header_height + (rows.empty() ? 0 : row_height(rows.front(), false)));
    draw_row(titles, true, true);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      bool bold = bold_last && i + 1 == rows.size();
      if (y_ + row_height(rows[i], bold) > kBottom) {
        new_page();
        draw_row(titles, true, true);
      }
      draw_row(rows[i], bold, false);
    }
    y_ += 10;
  }

  // An SVG picture scaled to the text width (or its own width when smaller).
  void svg(const std::string& svg) {
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
    if (!handle) {
      spdlog::warn("report: SVG not rendered: {}", error ? error->message : "?");
      if (error) g_error_free(error);
      paragraph("(graphique indisponible)", 9, false, kMuted);
      return;
    }
    double w = 0, h = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &w, &h) || w <= 0 || h <= 0) {
      gboolean has_viewbox = false;
      RsvgRectangle viewbox{};
      rsvg_handle_get_intrinsic_dimensions(handle, nullptr, nullptr, nullptr, nullptr, &has_viewbox, &viewbox);
      w = has_viewbox ? viewbox.width : kWidth;
      h = has_viewbox ? viewbox.height : kWidth / 2;
    }
    double width = std::min(kWidth, w), height = h * width / w;
    if (height > kBottom - kTop) {  // a tall map: fit the page height instead
      height = kBottom - kTop;
      width = w * height / h;
    }
    ensure(height);
    RsvgRectangle viewport{kMargin + (kWidth - width) / 2, y_, width, height};
    if (!rsvg_handle_render_document(handle, cr_, &viewport, &error)) {
      spdlog::warn("report: SVG not rendered: {}", error ? error->message : "?");
      if (error) g_error_free(error);
    }
    g_object_unref(handle);
    y_ += height + 10;
  }

  void ensure(double height) {
    if (y_ + height > kBottom) new_page();
  }

  void new_page() {
    footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
  }

  cairo_t* cr() { return cr_; }

  std::string finish() {
    footer();
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("pdf: ") + cairo_status_to_string(cairo_surface_status(surface_)));
    return std::move(bytes_);
  }

 private:
  static cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }

  static double total_width(const std::vector<Column>& columns) {
    double w = 0;
    for (const auto& c : columns) w += c.width;
    return w;
  }

  void set(const std::string& text, double size, bool bold, bool italic, double width, Align align) {
    set(layout_, text, size, bold, italic, width, align);
  }
  static void set(PangoLayout* layout, const std::string& text, double size, bool bold, bool italic, double width,
                  Align align) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFont);
    pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_alignment(layout, align == Align::right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_NONE);
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
  }

  void footer() {
    if (page_ == 1) return;  // not on the cover
    draw(kMargin, kPageHeight - 40, footer_, 7.5, false, kWidth - 60, Align::left, kMuted, false, true);
    draw(kMargin, kPageHeight - 40, "Page " + std::to_string(page_), 7.5, false, kWidth, Align::right, kMuted);
  }

  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoLayout* layout_ = nullptr;
  std::string footer_;
  int page_ = 1;
  double y_ = kTop;
};

std::string territory_of(const ReportContext& ctx) {
  return ctx.territory_name.empty() ? "Tous les territoires" : ctx.territory_name;
}

std::string share_text(const std::optional<double>& v) {
  return v ? format_share(*v) : "—";
}

void cover(PdfWriter& pdf, const store::Indicators& ind, const ReportContext& ctx) {
  cairo_t* cr = pdf.cr();
  cairo_set_source_rgb(cr, kAccent.r, kAccent.g, kAccent.b);
  cairo_rectangle(cr, 0, 0, kPageWidth, 14);
  cairo_fill(cr);
  double y = 200;
  y += pdf.draw(kMargin, y, "Passerelles", 13, true, kWidth, Align::left, kAccent) + 14;
  y += pdf.draw(kMargin, y, "Rapport d’activité", 28, true, kWidth) + 10;
  y += pdf.draw(kMargin, y, territory_of(ctx), 18, false, kWidth) + 24;
  y += pdf.draw(kMargin, y, "Période : " + period_label(ind.from_month, ind.to_month), 12, false, kWidth) + 6;
  for (const auto& f : ctx.filters) y += pdf.draw(kMargin, y, f, 11, false, kWidth, Align::left, kMuted) + 4;
  pdf.draw(kMargin, 700, "Édité le " + domain::format_day_fr(domain::paris_day(ctx.generated_at)), 10, false, kWidth,
           Align::left, kMuted);
  pdf.draw(kMargin, 716,
           "Chiffres des actions validées, comptés selon les règles données en annexe. Les mêmes chiffres sont "
           "disponibles en tableur (XLSX, CSV) et par l’API /api/v1/indicators.",
           8.5, false, kWidth, Align::left, kMuted);
}

// Key figures as cards, four per row.
void key_figure_cards(PdfWriter& pdf, const store::Indicators& ind) {
  auto figures = key_figures(ind);
  constexpr double kGap = 8, kValue = 26, kPad = 8;
  double card = (kWidth - 3 * kGap) / 4;
  for (std::size_t i = 0; i < figures.size(); i += 4) {
    double label = 0;
    for (std::size_t j = i; j < std::min(i + 4, figures.size()); ++j)
      label = std::max(label, pdf.measure(figures[j].label, 7.5, false, card - 2 * kPad));
    double height = kPad + kValue + label + kPad + kGap;
    pdf.ensure(height);
    double y = pdf.y();
    for (std::size_t j = i; j < std::min(i + 4, figures.size()); ++j) {
      double x = kMargin + static_cast<double>(j - i) * (card + kGap);
      cairo_set_source_rgb(pdf.cr(), kHeaderFill.r, kHeaderFill.g, kHeaderFill.b);
      cairo_rectangle(pdf.cr(), x, y, card, height - kGap);
      cairo_fill(pdf.cr());
      const auto& k = figures[j];
      std::string value = k.count ? format_count(*k.count) : share_text(k.share);
      pdf.draw(x + kPad, y + kPad, value, 16, true, card - 2 * kPad, Align::left, kAccent);
      pdf.draw(x + kPad, y + kPad + kValue, k.label, 7.5, false, card - 2 * kPad);
    }
    pdf.move_to(y + height);
  }
  pdf.space(6);
}

void targets_table(PdfWriter& pdf, const store::Indicators& ind) {
  if (ind.targets.empty()) {
    pdf.paragraph("Aucun objectif chiffré n’est fixé pour les années de cette période.", 9.5, false, kMuted);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& t : ind.targets)
    rows.push_back({t.label, format_count(t.target), format_count(t.actual),
                    t.target > 0 ? format_share(static_cast<double>(t.actual) / static_cast<double>(t.target)) : "—"});
  pdf.table({{"Indicateur", 215, Align::left}, {"Objectif", 95}, {"Réalisé", 95}, {"Taux d’atteinte", 90}}, rows);
}

std::vector<std::string> count_cells(const std::string& label, const store::Totals& t, bool pupils) {
  std::vector<std::string> cells = {label, format_count(t.actions), format_count(t.people)};
  if (pupils) {
    cells.push_back(format_count(t.audience[0]));
    cells.push_back(format_count(t.audience[1]));
  }
  return cells;
}

// The label of a row as the report shows it: months in words, départements by name ("Doubs (025)").
std::string row_label(const Breakdown& b, const store::Row& r, const ReportContext& ctx) {
  if (b.code == "by_month") return period_label(r.key, r.key);
  if (b.code == "by_department") {
    if (r.key.empty()) return "Sans département";
    std::string name = department_name(ctx.data_dir, r.key);
    return name.empty() ? r.key : name + " (" + r.key + ")";
  }
  return r.label.empty() ? r.key : r.label;
}

// A breakdown's table: label, actions, people (and girls, boys), with the total row when the rows add up.
void breakdown_table(PdfWriter& pdf, const Breakdown& b, const store::Indicators& ind, const ReportContext& ctx) {
  if (b.rows->empty()) {
    pdf.paragraph("Aucune action validée.", 9.5, false, kMuted);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  if (b.audience) {
    for (const auto& r : *b.rows) rows.push_back({r.label, format_count(r.totals.people)});
    pdf.table({{"Public", 315, Align::left}, {"Personnes", 90}}, rows);
    return;
  }
  bool pupils = b.code != "by_kind";
  for (const auto& r : *b.rows) rows.push_back(count_cells(row_label(b, r, ctx), r.totals, pupils));
  if (b.partition) rows.push_back(count_cells("Total", ind.total, pupils));
  std::vector<Column> columns = {{b.section, pupils ? 205.0 : 315.0, Align::left}, {"Actions", 60}, {"Personnes", 80}};
  if (pupils) columns.insert(columns.end(), {{"Filles", 75}, {"Garçons", 75}});
  pdf.table(columns, rows, b.partition);
}

std::vector<Bar> bars(const std::vector<store::Row>& rows, bool actions) {
  std::vector<Bar> out;
  for (const auto& r : rows) {
    long long v = actions ? r.totals.actions : r.totals.people;
    out.push_back({r.label, static_cast<double>(v), format_count(v)});
  }
  return out;
}

// How each breakdown is drawn: its heading, a column chart (months), bars, or no chart (organisations: a
// table only). Départements are on the map page.
struct ChartSpec {
  const char* code;
  const char* title;
  enum { columns, bars, none } chart;
  bool actions;  // the chart shows actions rather than people
};
constexpr ChartSpec kCharts[] = {
    {"by_month", "Personnes touchées par mois", ChartSpec::columns, false},
    {"by_initiative", "Personnes touchées par initiative", ChartSpec::bars, false},
    {"by_kind", "Actions par type", ChartSpec::bars, true},
    {"by_audience", "Personnes touchées par public", ChartSpec::bars, false},
    {"by_territory", "Personnes touchées par territoire", ChartSpec::bars, false},
    {"by_organisation", "Actions par organisation", ChartSpec::none, true},
};

void charts_and_tables(PdfWriter& pdf, const store::Indicators& ind, const ReportContext& ctx) {
  pdf.heading("Répartitions", 1);
  for (const auto& b : breakdowns(ind)) {
    auto spec =
        std::find_if(std::begin(kCharts), std::end(kCharts), [&](const ChartSpec& c) { return b.code == c.code; });
    if (spec == std::end(kCharts)) continue;
    pdf.heading(spec->title, 2, 160);
    if (!b.rows->empty() && spec->chart == ChartSpec::columns)
      pdf.svg(column_chart_svg(spec->title, bars(*b.rows, spec->actions)));
    if (!b.rows->empty() && spec->chart == ChartSpec::bars)
      pdf.svg(bar_chart_svg(spec->title, bars(*b.rows, spec->actions)));
    if (b.code == "by_organisation")
      pdf.paragraph(
          "Une action menée avec plusieurs organisations est créditée à chacune : ce tableau ne s’additionne pas.", 8.5,
          false, kMuted);
    breakdown_table(pdf, b, ind, ctx);
  }
}

void maps(PdfWriter& pdf, const store::Indicators& ind, const ReportContext& ctx) {
  pdf.heading("Cartes", 1);
  std::vector<AreaValue> values;
  for (const auto& r : ind.by_department)
    if (!r.key.empty()) values.push_back({r.key, static_cast<double>(r.totals.people)});
  pdf.heading("Personnes touchées par département", 2, 200);
  pdf.svg(departments_map_svg(ctx.data_dir, "Personnes touchées par département", values, ctx.departments));
  for (const auto& b : breakdowns(ind))
    if (b.code == "by_department") breakdown_table(pdf, b, ind, ctx);
  if (ind.filter.territory_id == 0) return;
  pdf.heading("Établissements touchés", 2, 200);
  std::vector<Point> points;
  for (const auto& s : ind.schools)
    if (s.lat && s.lon) points.push_back({s.name, *s.lat, *s.lon, static_cast<double>(s.actions)});
  if (!ctx.departments.empty())
    pdf.svg(points_map_svg(ctx.data_dir, "Établissements touchés", ctx.departments, points));
  if (ind.schools.empty()) {
    pdf.paragraph("Aucun établissement touché sur la période.", 9.5, false, kMuted);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : ind.schools)
    rows.push_back({s.uai, s.name, s.commune, s.priority_education, format_count(s.actions)});
  pdf.table({{"UAI", 66, Align::left},
             {"Établissement", 190, Align::left},
             {"Commune", 102, Align::left},
             {"Éduc. prioritaire", 79, Align::left},
             {"Actions", 58}},
            rows);
}

// ---- before/after surveys

constexpr const char* kNotShown = "non affiché (moins de 5 réponses)";
static_assert(domain::kMinShownGroup == 5, "kNotShown names the threshold");

std::string answers_fr(long long n) {
  return format_count(n) + (n > 1 ? " réponses" : " réponse");
}

// The section on the pupils' before/after surveys: the answers counted, the chart, a table per statement (phases
// of fewer than 5 answers hidden), then the public quotes. Where nothing was answered, one sentence says so.
void surveys(PdfWriter& pdf, const store::Indicators& ind, const ReportContext& ctx) {
  pdf.heading("Évolution des regards (questionnaires avant/après)", 1);
  if (ctx.survey_answers_pre + ctx.survey_answers_post == 0) {
    pdf.paragraph(
        "Aucune réponse d’élève à un questionnaire avant/après n’a été recueillie lors des actions validées "
        "de cette période.",
        9.5, false, kMuted);
  } else {
    pdf.paragraph(
        "Les élèves ont répondu à un questionnaire anonyme avant et après les actions validées de la période : " +
        answers_fr(ctx.survey_answers_pre) + " avant l’action et " + answers_fr(ctx.survey_answers_post) +
        " après. Pour chaque énoncé, la part d’élèves d’accord (réponse 4 ou 5 sur une échelle de 1 à 5, "
        "«\u00A0je ne sais pas\u00A0» écarté) avant et après.");
    const auto& f = ind.filter;
    if (!f.kind.empty() || !f.audience.empty() || !f.level_group.empty() || f.priority_only)
      pdf.paragraph(
          "Les questionnaires ne connaissent que le territoire, la période et l’initiative : les autres filtres "
          "ne s’y appliquent pas.",
          8.5, false, kMuted);
  }
  if (!ctx.surveys.empty()) {
    std::vector<BeforeAfter> chart;
    std::vector<std::vector<std::string>> rows;
    bool any_small = false;
    for (const auto& statement : ctx.surveys) {
      domain::QuestionStats st = shown_survey_stats(statement.stats);
      chart.push_back({statement.text, st.agree_pre, st.agree_post});
      bool pre = st.n_pre >= domain::kMinShownGroup, post = st.n_post >= domain::kMinShownGroup;
      std::string diff = "—", p = "—";
      if (pre && post) {
        if (st.agree_diff) diff = format_points(*st.agree_diff);
        if (st.agree_diff_ci95)
          diff += "\n[" + format_points(st.agree_diff_ci95->first, false) + " ; " +
                  format_points(st.agree_diff_ci95->second, false) + "]";
        if (st.two_prop_p) p = format_p_value(*st.two_prop_p);
      } else {
        diff = p = "non affiché";
      }
      std::string n = format_count(st.n_pre) + " / " + format_count(st.n_post);
      if (st.small_sample) {
        n += "\npetit échantillon";
        any_small = true;
      }
      rows.push_back({statement.text, pre ? share_text(st.agree_pre) : kNotShown,
                      post ? share_text(st.agree_post) : kNotShown, diff, p, n});
    }
    pdf.heading("Part d’élèves d’accord avant et après l’action", 2, 160);
    pdf.svg(before_after_chart_svg("Part d’élèves d’accord avant et après l’action, par énoncé", chart));
    pdf.table({{"Énoncé", 125, Align::left},
               {"D’accord avant", 66},
               {"D’accord après", 66},
               {"Écart (IC 95\u00A0%)", 96},
               {"p (test z)", 56},
               {"Réponses avant / après", 86}},
              rows);
    std::string note =
        "Écart : part après moins part avant, en points, avec son intervalle de confiance à 95\u00A0% (Newcombe). "
        "p : test z de comparaison de deux proportions ; en dessous de 0,05, l’écart est dit significatif. Les "
        "moyennes, les tests sur les réponses reliées par le code de l’élève et les tailles d’effet sont dans le "
        "tableur (feuille « Questionnaires ») ; les méthodes, en annexe.";
    if (any_small)
      note += " Petit échantillon : moins de " + std::to_string(domain::kSmallSample) +
              " réponses avant ou après, résultats à interpréter avec prudence.";
    pdf.paragraph(note, 8.5, false, kMuted);
  }
  if (ctx.quotes.empty()) return;
  pdf.heading("Paroles recueillies", 2);
  for (const auto& q : ctx.quotes) {
    pdf.ensure(40);
    pdf.paragraph("«\u00A0" + q.text + "\u00A0»", 10, false, kInk, true, 12);
    std::string who = "— " + q.attribution;
    if (!q.day.empty()) who += ", " + domain::format_day_fr(q.day);
    if (ctx.territory_name.empty() && !q.territory_name.empty()) who += " · " + q.territory_name;
    pdf.paragraph(who, 8.5, false, kMuted, false, 12);
    pdf.space(4);
  }
}

// A testimonial is a highlight written as a quotation (« … », “…” or "…").
bool is_quotation(const std::string& text) {
  return text.rfind("«", 0) == 0 || text.rfind("“", 0) == 0 || text.rfind('"', 0) == 0;
}

void highlight_list(PdfWriter& pdf, const std::vector<const store::Highlight*>& items, bool quotations) {
  for (const auto* h : items) {
    std::string where = domain::format_day_fr(h->day) + " · " + std::string(domain::action_kind_label(h->kind));
    if (!h->place.empty()) where += " · " + h->place;
    pdf.ensure(40);
    pdf.paragraph(where, 8.5, true, kMuted);
    if (!h->title.empty()) pdf.paragraph(h->title, 10, true);
    pdf.paragraph(h->text, 10, false, kInk, quotations, quotations ? 12 : 0);
    pdf.space(4);
  }
}

// The highlights of the period; those written as quotations are the testimonials, in their own section.
void highlights(PdfWriter& pdf, const ReportContext& ctx) {
  std::vector<const store::Highlight*> facts, testimonials;
  for (const auto& h : ctx.highlights) (is_quotation(h.text) ? testimonials : facts).push_back(&h);
  pdf.heading("Temps forts et témoignages", 1);
  if (facts.empty() && testimonials.empty())
    pdf.paragraph("Aucun temps fort n’a été saisi pour les actions validées de cette période.", 9.5, false, kMuted);
  if (!facts.empty()) {
    pdf.heading("Temps forts", 2);
    highlight_list(pdf, facts, false);
  }
  if (!testimonials.empty()) {
    pdf.heading("Témoignages", 2);
    highlight_list(pdf, testimonials, true);
  }
}

// The funnel: its chart and its table (domain::funnel_table), then the hires companies reported.
void funnel(PdfWriter& pdf, const ReportContext& ctx) {
  if (!ctx.funnel) return;
  pdf.heading(kFunnelTitle, 1);
  pdf.paragraph(funnel_intro(), 9.5);
  pdf.svg(funnel_svg(*ctx.funnel));
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : domain::funnel_table(*ctx.funnel))
    rows.push_back({l.label, funnel_count_text(l, l.girls), funnel_count_text(l, l.boys), funnel_count_text(l, l.total),
                    funnel_share_text(l, l.girls_share), l.step ? funnel_share_text(l, l.conversion) : "",
                    l.step ? funnel_share_text(l, l.girls_conversion) : ""});
  pdf.table({{"Étape", 150, Align::left},
             {"Filles, femmes", 54},
             {"Garçons, hommes", 58},
             {"Total", 50},
             {"Part des filles", 56},
             {"Part de l’étape précédente", 65},
             {"Filles : part de l’étape préc.", 62}},
            rows);
  pdf.paragraph(
      "Embauches : déclarées par les entreprises pour les années civiles de la période ; « non renseigné » quand "
      "aucune ne l’a fait.",
      8.5, false, kMuted);
}

void annex(PdfWriter& pdf) {
  pdf.heading("Annexe — Règles de comptage", 1);
  for (const auto& rule : counting_rules()) {
    pdf.heading(rule.title, 2, 30);
    for (const auto& p : rule.paragraphs) pdf.paragraph(p, 9.5);
  }
}

}  // namespace

std::string indicators_pdf(const store::Indicators& ind, const ReportContext& ctx) {
  std::string period = period_label(ind.from_month, ind.to_month);
  PdfWriter pdf("Rapport d’activité — " + territory_of(ctx) + " — " + period);
  pdf.set_footer("Passerelles · " + territory_of(ctx) + " · " + period);
  cover(pdf, ind, ctx);
  pdf.new_page();
  pdf.heading("Chiffres clés", 1);
  key_figure_cards(pdf, ind);
  pdf.heading("Objectifs et réalisé", 2);
  targets_table(pdf, ind);
  charts_and_tables(pdf, ind, ctx);
  maps(pdf, ind, ctx);
  surveys(pdf, ind, ctx);
  funnel(pdf, ctx);
  highlights(pdf, ctx);
  annex(pdf);
  return pdf.finish();
}

}  // namespace passerelles::report

// LeakSanitizer (the ASan build of `make test`): fontconfig, under pango, keeps its configuration and font
// patterns for the life of the process — they are freed only by FcFini, which must not run while pango holds
// fonts. The amount is fixed (it does not grow with the number of reports), so it is not reported. Ignored by
// builds without the sanitizer.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier): the sanitizer hook
  return "leak:libfontconfig.so\n";
}
