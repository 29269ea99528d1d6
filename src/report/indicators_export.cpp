// Indicators for funders: what every format shares (key figures, breakdowns, the period, the context), the CSV
// and the JSON. The XLSX and the PDF are in indicators_xlsx.cpp and indicators_pdf.cpp.
#include "report/indicators_export.hpp"

#include <cmath>
#include <cstdio>

#include "domain/action.hpp"
#include "domain/csv.hpp"
#include "domain/plan.hpp"
#include "report/charts.hpp"
#include "store/funnel.hpp"
#include "store/plan.hpp"

namespace passerelles::report {

namespace {

// "septembre 2025" from "2025-09".
std::string month_fr(const std::string& month) {
  std::string day = domain::format_day_fr(month + "-01");  // "1er septembre 2025"
  auto space = day.find(' ');
  return space == std::string::npos ? month : day.substr(space + 1);
}

// A share as a fraction with 4 decimals, written with a decimal comma for French spreadsheets.
std::string fraction(double v, char decimal) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s = buf;
  if (decimal != '.')
    for (auto& c : s)
      if (c == '.') c = decimal;
  return s;
}

}  // namespace

std::vector<KeyFigure> key_figures(const store::Indicators& ind) {
  const auto& a = ind.total.audience;
  std::vector<KeyFigure> k = {
      {"actions", "Actions", ind.total.actions, std::nullopt, false},
      {"people_reached", "Personnes touchées", ind.total.people, std::nullopt, false},
      {"girls", "Filles", a[0], std::nullopt, false},
      {"boys", "Garçons", a[1], std::nullopt, false},
      {"girls_share", "Part des filles parmi les élèves", std::nullopt, ind.total.girls_share(), true},
      {"schools_reached", "Établissements touchés", ind.schools_reached, std::nullopt, false},
  };
  if (ind.filter.territory_id != 0) {
    k.push_back({"territory_schools", "Établissements du territoire", ind.territory_schools, std::nullopt, false});
    k.push_back({"schools_share", "Part des établissements touchés", std::nullopt, ind.schools_share(), true});
  }
  return k;
}

std::vector<Breakdown> breakdowns(const store::Indicators& ind) {
  std::vector<Breakdown> all = {
      {"by_month", "Mois", "Par mois", &ind.by_month, true, false},
      {"by_initiative", "Initiative", "Par initiative", &ind.by_initiative, true, false},
      {"by_kind", "Type", "Par type", &ind.by_kind, true, false},
      {"by_audience", "Public", "Par public", &ind.by_audience, false, true},
      {"by_department", "Département", "Par département", &ind.by_department, false, false},
      {"by_territory", "Territoire", "Par territoire", &ind.by_territory, false, false},
      {"by_organisation", "Organisation", "Par organisation", &ind.by_organisation, false, false},
  };
  std::vector<Breakdown> out;
  for (auto& b : all)
    if (b.partition || b.audience || !b.rows->empty()) out.push_back(b);
  return out;
}

std::string neutralise_cell(std::string_view text) {
  if (!text.empty() &&
      (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r'))
    return "'" + std::string(text);
  return std::string(text);
}

std::optional<std::string> month_of(std::string_view date) {
  if (domain::is_iso_month(date)) return std::string(date);
  if (date.size() == 10 && domain::valid_day(date)) return std::string(date.substr(0, 7));
  return std::nullopt;
}

std::string period_label(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return "toute la période";
  if (from.empty()) return "jusqu’à " + month_fr(to);
  if (to.empty()) return "depuis " + month_fr(from);
  if (from == to) return month_fr(from);
  return month_fr(from) + " – " + month_fr(to);
}

std::string report_file_name(const std::string& slug, const store::Indicators& ind, const std::string& extension) {
  std::string name = "passerelles-" + (slug.empty() ? std::string("national") : slug);
  if (!ind.from_month.empty() || !ind.to_month.empty()) name += "-" + ind.from_month + "_" + ind.to_month;
  return name + "." + extension;
}

ReportContext report_context(store::Store& s, const domain::Territory* territory, const store::Indicators& ind,
                             const std::string& data_dir, long long now) {
  ReportContext c;
  if (territory) {
    c.territory_name = territory->name;
    c.departments = territory->departments;
  }
  c.data_dir = data_dir;
  c.generated_at = now;
  const auto& f = ind.filter;
  if (f.initiative_id) {
    std::string name = "n° " + std::to_string(f.initiative_id);
    if (auto i = store::initiative_by_id(s, f.territory_id, f.initiative_id)) name = i->name;
    c.filters.push_back("Initiative : " + name);
  }
  if (!f.kind.empty()) c.filters.push_back("Type d’action : " + std::string(domain::action_kind_label(f.kind)));
  if (!f.audience.empty()) c.filters.push_back("Public : " + std::string(domain::audience_label(f.audience)));
  if (!f.level_group.empty())
    for (const auto& g : domain::level_groups())
      if (g.code == f.level_group) c.filters.push_back("Niveau : " + std::string(g.label));
  if (f.priority_only) c.filters.push_back("Éducation prioritaire (REP, REP+) uniquement");
  store::IndicatorFilter period = f;
  period.from_month = ind.from_month;
  period.to_month = ind.to_month;
  c.highlights = store::highlights_in_period(s, period);

  auto scope = survey_scope(period);
  auto texts = store::scale_question_texts(s, scope);
  for (auto& st : domain::survey_stats(store::scale_answers(s, scope))) {
    auto text = texts.find(st.question);
    c.surveys.push_back({text == texts.end() ? st.question : text->second, std::move(st)});
  }
  auto counts = store::response_counts(s, scope);
  c.survey_answers_pre = counts.pre;
  c.survey_answers_post = counts.post;
  c.quotes = store::quotes_in_scope(s, scope, /*public_only=*/true, 6);
  c.funnel = store::funnel(s, ind);
  return c;
}

store::SurveyScope survey_scope(const store::IndicatorFilter& f) {
  store::SurveyScope scope;
  scope.territory_id = f.territory_id;
  scope.initiative_id = f.initiative_id;
  scope.from_month = f.from_month;
  scope.to_month = f.to_month;
  scope.audience = "pupils";
  scope.validated_only = true;
  return scope;
}

domain::QuestionStats shown_survey_stats(const domain::QuestionStats& st) {
  domain::QuestionStats out = st;
  bool pre = st.n_pre >= domain::kMinShownGroup, post = st.n_post >= domain::kMinShownGroup;
  if (!pre) out.mean_pre = out.agree_pre = std::nullopt;
  if (!post) out.mean_post = out.agree_post = std::nullopt;
  if (!pre || !post) {
    out.agree_diff = out.two_prop_z = out.two_prop_p = std::nullopt;
    out.agree_diff_ci95 = std::nullopt;
    out.welch_t = out.welch_p = out.mannwhitney_u = out.mannwhitney_p = std::nullopt;
    out.cohen_d = out.cohen_h = std::nullopt;
    out.paired_n = 0;
  }
  if (out.paired_n < domain::kMinShownGroup) out.wilcoxon_p = out.mcnemar_p = std::nullopt;
  return out;
}

std::string funnel_count_text(const domain::FunnelLine& l, const std::optional<long long>& n) {
  if (!l.reported) return "non renseigné";
  return n ? format_count(*n) : std::string(domain::kHiddenCount);
}

std::string funnel_share_text(const domain::FunnelLine& l, const std::optional<double>& share) {
  if (!l.reported) return "non renseigné";
  return share ? format_share(*share) : std::string("—");
}

std::string funnel_svg(const domain::Funnel& f) {
  std::vector<FunnelBar> bars;
  for (const auto& l : domain::funnel_lines(f))
    bars.push_back({l.label, l.girls, l.boys,
                    "Filles " + funnel_count_text(l, l.girls) + " · Garçons " + funnel_count_text(l, l.boys) +
                        " · Total " + funnel_count_text(l, l.total)});
  return funnel_chart_svg(kFunnelTitle, bars);
}

std::string funnel_intro() {
  return "Élèves sensibilisés par les actions validées, puis candidatures envoyées aux offres des entreprises "
         "(hors candidatures retirées), stages effectués, apprentissages et emplois obtenus sur la période, par sexe. "
         "Un effectif de moins de 5 personnes est écrit « < 5 » et aucune part n’est donnée sur moins de 5 "
         "personnes. Les autres filtres du tableau de bord ne s’appliquent qu’aux élèves sensibilisés.";
}

// ---- CSV

std::string indicators_csv(const store::Indicators& ind, char sep, const domain::Funnel* funnel) {
  const auto& categories = domain::audience_categories();
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out += sep;
      out += cells[i];
    }
    out += "\r\n";
  };
  auto text = [&](std::string_view s) { return domain::csv_quote(neutralise_cell(s), sep); };
  constexpr std::size_t kColumns = 5 + domain::kAudienceCount + 3;
  // Rubrique, Clé, Libellé as text; the rest empty until set.
  auto cells = [&](const std::string& section, const std::string& key, const std::string& label) {
    std::vector<std::string> c(kColumns);
    c[0] = text(section);
    c[1] = text(key);
    c[2] = text(label);
    return c;
  };
  auto totals = [&](std::vector<std::string>& c, const store::Totals& t) {
    c[3] = std::to_string(t.actions);
    c[4] = std::to_string(t.people);
    for (std::size_t i = 0; i < domain::kAudienceCount; ++i) c[5 + i] = std::to_string(t.audience[i]);
    c[5 + domain::kAudienceCount] = std::to_string(t.minutes);
  };
  const std::size_t value = 6 + domain::kAudienceCount, target = value + 1;

  std::vector<std::string> header = {"Rubrique", "Clé", "Libellé", "Actions", "Personnes touchées"};
  for (const auto& c : categories) header.emplace_back(c.label);
  header.insert(header.end(), {"Durée (minutes)", "Valeur", "Objectif"});
  for (auto& h : header) h = text(h);
  line(header);

  auto total = cells("Total", "total", "Ensemble");
  totals(total, ind.total);
  line(total);
  for (const auto& k : key_figures(ind)) {
    auto c = cells("Indicateur", k.code, k.label);
    if (k.count) c[value] = std::to_string(*k.count);
    if (k.share) c[value] = fraction(*k.share, sep == ';' ? ',' : '.');
    line(c);
  }
  for (const auto& t : ind.targets) {
    auto c = cells("Objectif", t.indicator, t.label);
    c[value] = std::to_string(t.actual);
    c[target] = std::to_string(t.target);
    line(c);
  }
  for (const auto& b : breakdowns(ind)) {
    for (const auto& r : *b.rows) {
      auto c = cells(b.section, r.key, r.label);
      if (b.audience)
        c[4] = std::to_string(r.totals.people);
      else
        totals(c, r.totals);
      line(c);
    }
  }
  for (const auto& s : ind.schools) {
    auto c = cells("Établissement", s.uai, s.name);
    c[3] = std::to_string(s.actions);
    line(c);
  }
  if (!funnel) return out;
  const char decimal = sep == ';' ? ',' : '.';
  // Counts as plain integers, or the text of the small-group rule.
  auto count = [&](const domain::FunnelLine& l, const std::optional<long long>& n) {
    return l.reported && n ? std::to_string(*n) : text(funnel_count_text(l, n));
  };
  auto lines = domain::funnel_table(*funnel);
  for (const auto& l : lines) {
    auto c = cells("Parcours", l.code, l.label);
    c[4] = count(l, l.total);
    c[5] = count(l, l.girls);
    c[6] = count(l, l.boys);
    line(c);
  }
  for (const auto& l : lines) {
    auto share = [&](const char* what, const std::string& label, const std::optional<double>& v) {
      auto c = cells("Parcours (part)", l.code + ":" + what, l.label + " : " + label);
      if (v) c[value] = fraction(*v, decimal);
      if (!l.reported) c[value] = text("non renseigné");
      line(c);
    };
    share("girls_share", l.step || l.code == "mentees" ? "part des filles" : "part des femmes", l.girls_share);
    if (l.step && l.code != "reached") {
      share("conversion", "part de l’étape précédente", l.conversion);
      share("girls_conversion", "part des filles de l’étape précédente", l.girls_conversion);
    }
  }
  return out;
}

// ---- JSON

namespace {

nlohmann::json totals_json(const store::Totals& t) {
  nlohmann::json audience = nlohmann::json::object();
  const auto& categories = domain::audience_categories();
  for (std::size_t i = 0; i < domain::kAudienceCount; ++i) audience[std::string(categories[i].code)] = t.audience[i];
  return {{"actions", t.actions},  {"people", t.people},   {"girls", t.audience[0]},
          {"boys", t.audience[1]}, {"minutes", t.minutes}, {"audience", audience}};
}

nlohmann::json share_json(const std::optional<double>& v) {
  return v ? nlohmann::json(std::round(*v * 10000) / 10000) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json funnel_json(const domain::Funnel& f) {
  auto count = [](const std::optional<long long>& n) { return n ? nlohmann::json(*n) : nlohmann::json(nullptr); };
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& l : domain::funnel_lines(f))
    steps.push_back({{"code", l.code},
                     {"label", l.label},
                     {"girls", count(l.girls)},
                     {"boys", count(l.boys)},
                     {"total", count(l.total)},
                     {"girls_share", share_json(l.girls_share)},
                     {"conversion", share_json(l.conversion)},
                     {"girls_conversion", share_json(l.girls_conversion)}});
  auto h = domain::hires_line(f.hires);
  nlohmann::json hires = {{"companies", h.companies},
                          {"hires", count(h.hires)},
                          {"hires_women", count(h.hires_women)},
                          {"women_share", share_json(h.women_share)},
                          {"apprentices", count(h.apprentices)},
                          {"apprentices_women", count(h.apprentices_women)},
                          {"apprentices_women_share", share_json(h.apprentices_women_share)}};
  const auto& m = f.mentees;
  nlohmann::json mentees = {{"girls", count(domain::shown_count(m.girls))},
                            {"boys", count(domain::shown_count(m.boys))},
                            {"total", count(domain::shown_count(m.total()))}};
  return {{"steps", steps}, {"hires", hires}, {"mentees", mentees}, {"min_group", domain::kMinShownGroup}};
}

nlohmann::json indicators_json(const store::Indicators& ind, const domain::Funnel* funnel) {
  const auto& f = ind.filter;
  nlohmann::json j;
  j["from"] = ind.from_month;
  j["to"] = ind.to_month;
  j["filters"] = {{"initiative", f.initiative_id},
                  {"type", f.kind},
                  {"public", f.audience},
                  {"niveau", f.level_group},
                  {"rep", f.priority_only}};
  for (const auto& k : key_figures(ind)) j[k.code] = k.is_share ? share_json(k.share) : nlohmann::json(*k.count);
  j["minutes"] = ind.total.minutes;
  j["audience"] = totals_json(ind.total)["audience"];
  j["targets"] = nlohmann::json::array();
  for (const auto& t : ind.targets)
    j["targets"].push_back(
        {{"indicator", t.indicator}, {"label", t.label}, {"target", t.target}, {"actual", t.actual}});
  for (const auto& b : breakdowns(ind)) {
    auto& rows = j[b.code] = nlohmann::json::array();
    for (const auto& r : *b.rows) {
      nlohmann::json row = b.audience ? nlohmann::json{{"people", r.totals.people}} : totals_json(r.totals);
      row["key"] = r.key;
      row["label"] = r.label;
      rows.push_back(row);
    }
  }
  j["schools"] = nlohmann::json::array();
  for (const auto& s : ind.schools) {
    nlohmann::json school = {{"uai", s.uai},
                             {"name", s.name},
                             {"commune", s.commune},
                             {"department", s.department},
                             {"priority_education", s.priority_education},
                             {"actions", s.actions}};
    school["lat"] = s.lat ? nlohmann::json(*s.lat) : nlohmann::json(nullptr);
    school["lon"] = s.lon ? nlohmann::json(*s.lon) : nlohmann::json(nullptr);
    j["schools"].push_back(school);
  }
  if (funnel) j["funnel"] = funnel_json(*funnel);
  return j;
}

}  // namespace passerelles::report
