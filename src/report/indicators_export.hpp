// The indicators written out for funders — CSV, XLSX, the PDF report and JSON — all from one
// store::Indicators, so that the four show the same figures as the dashboard. Formats: docs/reports.md.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"
#include "domain/funnel.hpp"
#include "store/highlights.hpp"
#include "store/indicators.hpp"
#include "store/surveys.hpp"

namespace passerelles::report {

// What the XLSX and the PDF say around the figures.
struct ReportContext {
  std::string territory_name;                // "" = every territory (federation)
  std::vector<std::string> departments;      // the territory's (3 characters), outlined on the maps
  std::string data_dir;                      // reference data folder (map shapes); may be missing
  long long generated_at = 0;                // Unix seconds, shown as a Paris day
  std::vector<std::string> filters;          // French, one per filter other than the period ("Type : Atelier")
  std::vector<store::Highlight> highlights;  // newest first
  // Before/after surveys of pupils at validated actions of the period (docs/surveys.md): one row per statement,
  // statistics as domain::survey_stats computes them; the text of the statement; no figure is shown (PDF, XLSX)
  // for a phase with fewer than domain::kMinShownGroup answers.
  struct SurveyStatement {
    std::string text;
    domain::QuestionStats stats;
  };
  std::vector<SurveyStatement> surveys;
  long long survey_answers_pre = 0, survey_answers_post = 0;
  std::vector<store::SurveyQuote> quotes;  // public quotes of answers of the period and initiative, newest first (≤ 6)
  // The funnel of the same territory and period (store::funnel); absent: the PDF and the XLSX leave it out.
  std::optional<domain::Funnel> funnel;
};

// What the dashboard and the report read of the surveys for an indicator filter: the pupils' before/after answers at
// the validated actions of its territory (0 = all), initiative and months (pass the effective period). The kind,
// audience, level and priority-education filters do not apply to survey answers.
store::SurveyScope survey_scope(const store::IndicatorFilter& f);

// A statement's statistics as the report shows them (PDF, XLSX): a phase with fewer than domain::kMinShownGroup
// answers loses its share and mean; the comparison (difference, interval, tests, effect sizes, linked pairs) needs
// both phases shown (paired_n is 0 otherwise); the tests on linked answers need kMinShownGroup pairs. n_pre, n_post
// and small_sample are kept.
domain::QuestionStats shown_survey_stats(const domain::QuestionStats& st);

// The context of a report: the territory (nullptr = every territory), the filters described in French, the
// highlights of the period (store::highlights_in_period), the survey statistics and quotes.
ReportContext report_context(store::Store& s, const domain::Territory* territory, const store::Indicators& ind,
                             const std::string& data_dir, long long now);

// A funnel table cell as every format writes it as text (domain::funnel_table, docs/counting.md § 11): a count
// "1 234", or "< 5" when hidden by the small-group rule; a share "12,5 %", or "—" when not shown (base under 5, a
// hidden part, the first step's conversion); « non renseigné » in a hires row no company reported.
std::string funnel_count_text(const domain::FunnelLine& l, const std::optional<long long>& n);
std::string funnel_share_text(const domain::FunnelLine& l, const std::optional<double>& share);

// The funnel chart (report::funnel_chart_svg) of the four steps, as the dashboard and the PDF draw it.
std::string funnel_svg(const domain::Funnel& f);
// The funnel's title and the sentence that says how it is counted, shared by the dashboard and the PDF.
constexpr const char* kFunnelTitle = "Du premier contact à l’emploi";
std::string funnel_intro();

// The funnel as JSON: {"steps": [{code, label, girls, boys, total, girls_share, conversion, girls_conversion}],
// "hires": {companies, hires, hires_women, women_share, apprentices, apprentices_women, apprentices_women_share},
// "mentees": {girls, boys, total}, "min_group": 5}; a count under 5 and a share not shown are null.
nlohmann::json funnel_json(const domain::Funnel& f);

// A key figure as every format shows it: its code (JSON key, CSV key), French label, and a count or a share.
struct KeyFigure {
  std::string code;
  std::string label;
  std::optional<long long> count;
  std::optional<double> share;  // in [0,1]
  bool is_share = false;        // a share that may be absent (no pupil counted, no school in the territory)
};
// actions, people_reached, girls, boys, girls_share, schools_reached, territory_schools, schools_share.
std::vector<KeyFigure> key_figures(const store::Indicators& ind);

// A breakdown as the exports list it, in this order: month, initiative, kind, audience, département,
// territory, organisation. `partition`: every counted action is in exactly one row, so the rows add up to the
// total (month, initiative, kind). The audience rows hold one category each (its count in totals.people).
struct Breakdown {
  std::string code;     // JSON key: by_month…
  std::string section;  // CSV "Rubrique": Mois, Initiative…
  std::string sheet;    // XLSX sheet and PDF heading: Par mois…
  const std::vector<store::Row>* rows = nullptr;
  bool partition = false;
  bool audience = false;
};
// Empty breakdowns are left out, except month, initiative and kind.
std::vector<Breakdown> breakdowns(const store::Indicators& ind);

// One long table, one line per figure: columns Rubrique; Clé; Libellé; Actions; Personnes touchées; one per
// audience category; Durée (minutes); Valeur; Objectif. UTF-8 with a BOM, CRLF, `sep` between fields (';' for
// French Excel, or ','); integers plain, shares as fractions with a decimal comma when sep is ';'. Text cells
// starting with = + - @ tab or CR get a leading apostrophe (neutralise_cell).
// With `funnel`, rows « Parcours » (one per line of domain::funnel_table: Personnes touchées = total, Filles, Garçons
// as counts or "< 5", « non renseigné » for hires nobody reported) and « Parcours (part) » (Clé "step:girls_share",
// "step:conversion", "step:girls_conversion"; Valeur the fraction, empty when not shown).
std::string indicators_csv(const store::Indicators& ind, char sep = ';', const domain::Funnel* funnel = nullptr);

// An .xlsx file (bytes): sheets Synthèse, Par mois, Par initiative, Par type, Par public, Par département,
// [Par territoire, Par organisation when not empty,] Établissements, Questionnaires (one row per survey statement),
// Citations, [Parcours (the funnel table) when ctx.funnel is set,] Règles. Numbers are numbers; every text is a string
// cell, never a formula.
std::string indicators_xlsx(const store::Indicators& ind, const ReportContext& ctx);

// The funder report, A4 portrait PDF (bytes): cover, key figures against targets, charts with their tables,
// maps, the before/after surveys with their quotes, the funnel (when ctx.funnel is set), highlights and
// testimonials, the counting rules in an annex.
// Counts as report::format_count ("1 234"), shares as report::format_share ("45,2 %").
std::string indicators_pdf(const store::Indicators& ind, const ReportContext& ctx);

// The figures as JSON: from, to, the key figures (actions, people_reached, girls, boys, …), minutes, audience,
// targets, and the breakdowns by_month, by_initiative, by_kind, by_audience, by_department, by_territory,
// by_organisation, and schools. Documented in src/api/openapi.json.
// With `funnel`, a "funnel" object (funnel_json).
nlohmann::json indicators_json(const store::Indicators& ind, const domain::Funnel* funnel = nullptr);

// Text that a spreadsheet would take for a formula (starting with = + - @, tab or CR) with an apostrophe before.
std::string neutralise_cell(std::string_view text);

// 'YYYY-MM' from 'YYYY-MM' or from a real day 'YYYY-MM-DD' (reduced to its month); nullopt otherwise.
std::optional<std::string> month_of(std::string_view date);

// "septembre 2025 – août 2026", "mars 2026", "jusqu’à août 2026"…, "toute la période" when both are empty.
std::string period_label(const std::string& from_month, const std::string& to_month);

// "passerelles-cmq-msi-bfc-2025-09_2026-08.pdf"; slug "" = "national".
std::string report_file_name(const std::string& slug, const store::Indicators& ind, const std::string& extension);

}  // namespace passerelles::report
