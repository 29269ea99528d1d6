// The indicators as an .xlsx workbook (libxlsxwriter): a summary sheet, a sheet per breakdown, the schools
// reached, the before/after survey statistics and quotes, the funnel, and the counting rules. Numbers are number cells;
// every text is a string cell, so a name such as "=HYPERLINK(…)" stays text.
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "domain/action.hpp"
#include "domain/plan.hpp"
#include "report/counting_rules.hpp"
#include "report/indicators_export.hpp"

namespace passerelles::report {

namespace {

// libxlsxwriter writes a file: a private temporary one, removed whatever happens.
struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "passerelles-XXXXXX.xlsx").string();
    int fd = mkstemps(pattern.data(), 5);
    if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
    close(fd);
    path = pattern;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

struct Sheet {
  lxw_worksheet* ws;
  lxw_format *bold, *count, *share, *points, *decimal, *day;
  int row = 0;

  void text(int col, const std::string& s, lxw_format* f = nullptr) {
    worksheet_write_string(ws, row, col, s.c_str(), f);
  }
  void number(int col, long long v, lxw_format* f = nullptr) {
    worksheet_write_number(ws, row, col, static_cast<double>(v), f ? f : count);
  }
  void fraction(int col, const std::optional<double>& v) {
    if (v) worksheet_write_number(ws, row, col, *v, share);
  }
  // Any other number; an empty cell for nullopt.
  void real(int col, const std::optional<double>& v, lxw_format* f = nullptr) {
    if (v) worksheet_write_number(ws, row, col, *v, f);
  }
  void header(const std::vector<std::string>& titles) {
    for (std::size_t i = 0; i < titles.size(); ++i) text(static_cast<int>(i), titles[i], bold);
    worksheet_freeze_panes(ws, row + 1, 0);
    ++row;
  }
};

class Workbook {
 public:
  explicit Workbook(const std::string& path) : wb_(workbook_new(path.c_str())) {
    if (!wb_) throw std::runtime_error("xlsx: cannot create the workbook");
    bold_ = workbook_add_format(wb_);
    format_set_bold(bold_);
    count_ = workbook_add_format(wb_);
    format_set_num_format(count_, "#,##0");
    share_ = workbook_add_format(wb_);
    format_set_num_format(share_, "0.0%");
    points_ = workbook_add_format(wb_);
    format_set_num_format(points_, "+0.0;-0.0;0.0");
    decimal_ = workbook_add_format(wb_);
    format_set_num_format(decimal_, "0.00");
    day_ = workbook_add_format(wb_);
    format_set_num_format(day_, "dd/mm/yyyy");
    wrap_ = workbook_add_format(wb_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  }
  ~Workbook() {
    if (wb_) workbook_close(wb_);
  }
  Sheet sheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) throw std::runtime_error("xlsx: cannot add the sheet " + name);
    return Sheet{ws, bold_, count_, share_, points_, decimal_, day_};
  }
  lxw_format* wrap() const { return wrap_; }
  void properties(const std::string& title) {
    // libxlsxwriter takes char* but copies the values.
    std::string t = title, author = "Passerelles";
    lxw_doc_properties p{};
    p.title = t.data();
    p.author = author.data();
    workbook_set_properties(wb_, &p);
  }
  void close() {
    lxw_error e = workbook_close(wb_);
    wb_ = nullptr;
    if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(e));
  }

 private:
  lxw_workbook* wb_;
  lxw_format *bold_, *count_, *share_, *points_, *decimal_, *day_, *wrap_;
};

void summary_sheet(Workbook& wb, const store::Indicators& ind, const ReportContext& ctx) {
  Sheet s = wb.sheet("Synthèse");
  worksheet_set_column(s.ws, 0, 0, 44, nullptr);
  worksheet_set_column(s.ws, 1, 3, 14, nullptr);
  worksheet_set_column(s.ws, 4, 4, 18, nullptr);
  s.text(0, "Passerelles — Rapport d’activité", s.bold);
  ++s.row;
  s.text(0, "Territoire");
  s.text(1, ctx.territory_name.empty() ? "Tous les territoires" : ctx.territory_name);
  ++s.row;
  s.text(0, "Période");
  s.text(1, period_label(ind.from_month, ind.to_month));
  ++s.row;
  s.text(0, "Édité le");
  s.text(1, domain::format_day_fr(domain::paris_day(ctx.generated_at)));
  ++s.row;
  for (const auto& f : ctx.filters) {
    s.text(0, "Filtre");
    s.text(1, f);
    ++s.row;
  }
  ++s.row;
  s.text(0, "Indicateur", s.bold);
  s.text(1, "Valeur", s.bold);
  s.text(4, "Code", s.bold);
  ++s.row;
  for (const auto& k : key_figures(ind)) {
    s.text(0, k.label);
    if (k.count) s.number(1, *k.count);
    s.fraction(1, k.share);
    s.text(4, k.code);
    ++s.row;
  }
  s.text(0, "Durée cumulée (minutes)");
  s.number(1, ind.total.minutes);
  s.text(4, "minutes");
  ++s.row;
  s.text(0, "Réponses d’élèves aux questionnaires, avant l’action");
  s.number(1, ctx.survey_answers_pre);
  s.text(4, "survey_answers_pre");
  ++s.row;
  s.text(0, "Réponses d’élèves aux questionnaires, après l’action");
  s.number(1, ctx.survey_answers_post);
  s.text(4, "survey_answers_post");
  ++s.row;
  if (ind.targets.empty()) return;
  ++s.row;
  s.text(0, "Objectif", s.bold);
  s.text(1, "Cible", s.bold);
  s.text(2, "Réalisé", s.bold);
  s.text(3, "Taux", s.bold);
  s.text(4, "Code", s.bold);
  ++s.row;
  for (const auto& t : ind.targets) {
    s.text(0, t.label);
    s.number(1, t.target);
    s.number(2, t.actual);
    if (t.target > 0) s.fraction(3, static_cast<double>(t.actual) / static_cast<double>(t.target));
    s.text(4, t.indicator);
    ++s.row;
  }
}

void breakdown_sheet(Workbook& wb, const Breakdown& b, const store::Totals& total) {
  Sheet s = wb.sheet(b.sheet);
  worksheet_set_column(s.ws, 0, 0, 12, nullptr);
  worksheet_set_column(s.ws, 1, 1, 40, nullptr);
  worksheet_set_column(s.ws, 2, 3 + static_cast<int>(domain::kAudienceCount), 14, nullptr);
  if (b.audience) {
    s.header({"Clé", "Public", "Personnes"});
    for (const auto& r : *b.rows) {
      s.text(0, r.key);
      s.text(1, r.label);
      s.number(2, r.totals.people);
      ++s.row;
    }
    return;
  }
  std::vector<std::string> titles = {"Clé", b.section, "Actions", "Personnes touchées"};
  for (const auto& c : domain::audience_categories()) titles.emplace_back(c.label);
  titles.emplace_back("Durée (minutes)");
  s.header(titles);
  auto totals = [&](const store::Totals& t) {
    s.number(2, t.actions);
    s.number(3, t.people);
    for (std::size_t i = 0; i < domain::kAudienceCount; ++i) s.number(4 + static_cast<int>(i), t.audience[i]);
    s.number(4 + static_cast<int>(domain::kAudienceCount), t.minutes);
    ++s.row;
  };
  for (const auto& r : *b.rows) {
    s.text(0, r.key);
    s.text(1, r.label);
    totals(r.totals);
  }
  if (b.partition) {
    s.text(0, "total", s.bold);
    s.text(1, "Total", s.bold);
    totals(total);
  }
}

void schools_sheet(Workbook& wb, const store::Indicators& ind) {
  Sheet s = wb.sheet("Établissements");
  worksheet_set_column(s.ws, 0, 0, 11, nullptr);
  worksheet_set_column(s.ws, 1, 2, 36, nullptr);
  worksheet_set_column(s.ws, 3, 5, 14, nullptr);
  s.header({"UAI", "Établissement", "Commune", "Département", "Éducation prioritaire", "Actions"});
  for (const auto& r : ind.schools) {
    s.text(0, r.uai);
    s.text(1, r.name);
    s.text(2, r.commune);
    s.text(3, r.department);
    s.text(4, r.priority_education);
    s.number(5, r.actions);
    ++s.row;
  }
}

// One row per statement of the pupils' before/after surveys. Shares as fractions (percent format), differences and
// their interval in percentage points; a figure that cannot be computed or is hidden (report::shown_survey_stats:
// fewer than 5 answers) is an empty cell. The answer counts are always there.
void surveys_sheet(Workbook& wb, const ReportContext& ctx) {
  Sheet s = wb.sheet("Questionnaires");
  worksheet_set_column(s.ws, 0, 0, 60, wb.wrap());
  worksheet_set_column(s.ws, 1, 18, 12, nullptr);
  worksheet_set_column(s.ws, 19, 19, 24, nullptr);
  s.header({"Énoncé",
            "n avant",
            "n après",
            "% d’accord avant",
            "% d’accord après",
            "Écart (points)",
            "IC 95 % bas (points)",
            "IC 95 % haut (points)",
            "p (test z)",
            "Moyenne avant",
            "Moyenne après",
            "p (Welch)",
            "p (Mann-Whitney)",
            "Paires reliées",
            "p (Wilcoxon)",
            "p (McNemar)",
            "h de Cohen",
            "d de Cohen",
            "Petit échantillon",
            "Code"});
  auto points = [](const std::optional<double>& v) { return v ? std::optional<double>(*v * 100) : std::nullopt; };
  for (const auto& statement : ctx.surveys) {
    domain::QuestionStats st = shown_survey_stats(statement.stats);
    bool compared = st.n_pre >= domain::kMinShownGroup && st.n_post >= domain::kMinShownGroup;
    s.text(0, statement.text, wb.wrap());
    s.number(1, st.n_pre);
    s.number(2, st.n_post);
    s.fraction(3, st.agree_pre);
    s.fraction(4, st.agree_post);
    s.real(5, points(st.agree_diff), s.points);
    if (st.agree_diff_ci95) {
      s.real(6, st.agree_diff_ci95->first * 100, s.points);
      s.real(7, st.agree_diff_ci95->second * 100, s.points);
    }
    s.real(8, st.two_prop_p);
    s.real(9, st.mean_pre, s.decimal);
    s.real(10, st.mean_post, s.decimal);
    s.real(11, st.welch_p);
    s.real(12, st.mannwhitney_p);
    if (compared) s.number(13, st.paired_n);
    s.real(14, st.wilcoxon_p);
    s.real(15, st.mcnemar_p);
    s.real(16, st.cohen_h, s.decimal);
    s.real(17, st.cohen_d, s.decimal);
    s.text(18, st.small_sample ? "oui" : "non");
    s.text(19, st.question);
    ++s.row;
  }
}

// The public quotes of the report's territory (report_context), newest first.
void quotes_sheet(Workbook& wb, const ReportContext& ctx) {
  Sheet s = wb.sheet("Citations");
  bool every_territory = ctx.territory_name.empty();
  worksheet_set_column(s.ws, 0, 0, 80, wb.wrap());
  worksheet_set_column(s.ws, 1, 1, 30, nullptr);
  worksheet_set_column(s.ws, 2, 2, 12, nullptr);
  worksheet_set_column(s.ws, 3, 3, 36, nullptr);
  std::vector<std::string> titles = {"Texte", "Attribution", "Date"};
  if (every_territory) titles.emplace_back("Territoire");
  s.header(titles);
  for (const auto& q : ctx.quotes) {
    s.text(0, q.text, wb.wrap());
    s.text(1, q.attribution);
    if (domain::valid_day(q.day)) {
      lxw_datetime d{
          std::stoi(q.day.substr(0, 4)), std::stoi(q.day.substr(5, 2)), std::stoi(q.day.substr(8, 2)), 0, 0, 0};
      worksheet_write_datetime(s.ws, s.row, 2, &d, s.day);
    } else {
      s.text(2, q.day);
    }
    if (every_territory) s.text(3, q.territory_name);
    ++s.row;
  }
}

// The funnel table (domain::funnel_table): counts as numbers, "< 5" as text where the small-group rule hides one,
// shares as fractions (empty when not shown), « non renseigné » for hires nobody reported.
void funnel_sheet(Workbook& wb, const ReportContext& ctx) {
  if (!ctx.funnel) return;
  Sheet s = wb.sheet("Parcours");
  worksheet_set_column(s.ws, 0, 0, 52, wb.wrap());
  worksheet_set_column(s.ws, 1, 7, 16, nullptr);
  s.header({"Étape", "Filles, femmes", "Garçons, hommes", "Total", "Part des filles", "Part de l’étape précédente",
            "Part des filles de l’étape précédente", "Code"});
  for (const auto& l : domain::funnel_table(*ctx.funnel)) {
    s.text(0, l.label);
    int col = 1;
    for (const auto& n : {l.girls, l.boys, l.total}) {
      if (l.reported && n)
        s.number(col, *n);
      else
        s.text(col, funnel_count_text(l, n));
      ++col;
    }
    if (l.reported) {
      s.fraction(4, l.girls_share);
      s.fraction(5, l.conversion);
      s.fraction(6, l.girls_conversion);
    } else {
      s.text(4, "non renseigné");
    }
    s.text(7, l.code);
    ++s.row;
  }
  ++s.row;
  s.text(0,
         "Un effectif de moins de " + std::to_string(domain::kMinShownGroup) +
             " personnes est écrit « < 5 » ; une part n’est pas donnée quand sa base compte moins de " +
             std::to_string(domain::kMinShownGroup) + " personnes.",
         wb.wrap());
}

void rules_sheet(Workbook& wb) {
  Sheet s = wb.sheet("Règles");
  worksheet_set_column(s.ws, 0, 0, 110, wb.wrap());
  s.text(0, "Règles de comptage", s.bold);
  s.row += 2;
  for (const auto& rule : counting_rules()) {
    s.text(0, rule.title, s.bold);
    ++s.row;
    for (const auto& p : rule.paragraphs) {
      s.text(0, p, wb.wrap());
      ++s.row;
    }
    ++s.row;
  }
}

}  // namespace

std::string indicators_xlsx(const store::Indicators& ind, const ReportContext& ctx) {
  TempFile tmp;
  {
    Workbook wb(tmp.path);
    wb.properties("Passerelles — " +
                  (ctx.territory_name.empty() ? std::string("tous les territoires") : ctx.territory_name) + " — " +
                  period_label(ind.from_month, ind.to_month));
    summary_sheet(wb, ind, ctx);
    for (const auto& b : breakdowns(ind)) breakdown_sheet(wb, b, ind.total);
    schools_sheet(wb, ind);
    surveys_sheet(wb, ctx);
    quotes_sheet(wb, ctx);
    funnel_sheet(wb, ctx);
    rules_sheet(wb);
    wb.close();
  }
  std::ifstream in(tmp.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) throw std::runtime_error("xlsx: the workbook is empty");
  return bytes;
}

}  // namespace passerelles::report
