// The indicators as an .xlsx workbook (libxlsxwriter): a summary sheet, a sheet per breakdown, the schools
// reached and the counting rules. Numbers are number cells; every text is a string cell, so a name such as
// "=HYPERLINK(…)" stays text.
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
  lxw_format *bold, *count, *share;
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
    return Sheet{ws, bold_, count_, share_};
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
  lxw_format *bold_, *count_, *share_, *wrap_;
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
    rules_sheet(wb);
    wb.close();
  }
  std::ifstream in(tmp.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) throw std::runtime_error("xlsx: the workbook is empty");
  return bytes;
}

}  // namespace passerelles::report
