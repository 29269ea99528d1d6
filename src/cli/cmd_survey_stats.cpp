// `passerelles survey-stats --in answers.csv [--json]`: the before/after statistics of survey answers kept in a
// CSV file (format and definitions in docs/surveys.md). Bad input exits with 1, every bad line named on stderr.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "domain/csv.hpp"
#include "domain/survey_stats.hpp"
#include "domain/text.hpp"

namespace passerelles::cli {

namespace {

constexpr const char* kExpectedHeader = "phase,question,value,code ; la colonne code est facultative";
constexpr std::size_t kMaxErrorsShown = 20;

struct Parsed {
  std::vector<domain::ScaleAnswer> answers;
  std::vector<std::string> errors;  // "ligne N : …", in line order
};

std::string lower_ascii(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Physical line of the header: the reader skips blank lines before it.
std::size_t header_line(std::string_view text) {
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size() && (text[i] == '\n' || text[i] == '\r'); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
  return line;
}

// One answer per record; every problem of every line is collected, nothing is guessed.
Parsed parse_answers(std::string text) {
  Parsed out;
  std::size_t first_line = header_line(text.rfind("\xEF\xBB\xBF", 0) == 0 ? std::string_view(text).substr(3) : text);
  domain::CsvReader csv(std::move(text));
  if (csv.header().empty()) {
    out.errors.push_back(fmt::format("fichier vide (en-tête attendu : {})", kExpectedHeader));
    return out;
  }
  auto phase_col = csv.column({"phase"}), question_col = csv.column({"question"}), value_col = csv.column({"value"});
  auto code_col = csv.column({"code"});
  using Column = std::pair<std::optional<std::size_t>, const char*>;
  for (const auto& [col, name] :
       {Column{phase_col, "phase"}, Column{question_col, "question"}, Column{value_col, "value"}})
    if (!col)
      out.errors.push_back(fmt::format("ligne {} : colonne « {} » absente de l’en-tête (en-tête attendu : {})",
                                       first_line, name, kExpectedHeader));
  if (!out.errors.empty()) return out;

  const std::size_t width = csv.header().size();
  domain::CsvRecord r;
  while (csv.next(r)) {
    auto fail = [&](const std::string& why) { out.errors.push_back(fmt::format("ligne {} : {}", r.line, why)); };
    if (!r.error.empty()) {
      fail(r.error);
      continue;
    }
    if (r.fields.size() != width) {
      fail(fmt::format("{} champs au lieu de {} (un texte contenant une virgule doit être entre guillemets)",
                       r.fields.size(), width));
      continue;
    }
    domain::ScaleAnswer a;
    std::string phase = lower_ascii(domain::trim(r.fields[*phase_col]));
    if (phase == "pre" || phase == "post") {
      a.post = phase == "post";
    } else {
      fail(phase.empty()
               ? std::string("phase vide (attendu pre ou post)")
               : fmt::format("phase « {} » inconnue (attendu pre ou post)", domain::trim(r.fields[*phase_col])));
    }
    a.question = domain::trim(r.fields[*question_col]);
    if (a.question.empty()) fail("question vide");
    std::string value = domain::trim(r.fields[*value_col]);
    if (!value.empty()) {
      a.value = domain::parse_integer(value);
      if (!a.value || *a.value < 1 || *a.value > 5)
        fail(
            fmt::format("valeur « {} » invalide (attendu un entier de 1 à 5, ou vide pour « je ne sais pas »)", value));
    }
    if (code_col) a.code = domain::trim(r.fields[*code_col]);
    out.answers.push_back(std::move(a));
  }
  return out;
}

nlohmann::ordered_json number(const std::optional<double>& x) {
  return x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json to_json(const std::vector<domain::QuestionStats>& all) {
  auto questions = nlohmann::ordered_json::array();
  for (const auto& s : all) {
    nlohmann::ordered_json j;
    j["question"] = s.question;
    j["n_pre"] = s.n_pre;
    j["n_post"] = s.n_post;
    j["mean_pre"] = number(s.mean_pre);
    j["mean_post"] = number(s.mean_post);
    j["welch_t"] = number(s.welch_t);
    j["welch_p"] = number(s.welch_p);
    j["mannwhitney_u"] = number(s.mannwhitney_u);
    j["mannwhitney_p"] = number(s.mannwhitney_p);
    j["agree_pre"] = number(s.agree_pre);
    j["agree_post"] = number(s.agree_post);
    j["agree_diff"] = number(s.agree_diff);
    j["agree_diff_ci95"] = s.agree_diff_ci95
                               ? nlohmann::ordered_json::array({s.agree_diff_ci95->first, s.agree_diff_ci95->second})
                               : nlohmann::ordered_json(nullptr);
    j["two_prop_z"] = number(s.two_prop_z);
    j["two_prop_p"] = number(s.two_prop_p);
    j["paired_n"] = s.paired_n;
    j["wilcoxon_p"] = number(s.wilcoxon_p);
    j["mcnemar_p"] = number(s.mcnemar_p);
    j["cohen_d"] = number(s.cohen_d);
    j["cohen_h"] = number(s.cohen_h);
    j["small_sample"] = s.small_sample;
    questions.push_back(std::move(j));
  }
  return nlohmann::ordered_json{{"questions", std::move(questions)}};
}

// French number: decimal comma, "—" when not computable.
std::string fr(const std::optional<double>& x, int decimals, const char* unit = "") {
  if (!x) return "—";
  std::string s = fmt::format("{:.{}f}{}", *x, decimals, unit);
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

std::string fr_p(const std::optional<double>& p) {
  if (p && *p < 0.0001) return "< 0,0001";
  return fr(p, 4);
}

std::optional<double> percent(const std::optional<double>& share) {
  return share ? std::optional<double>(*share * 100) : std::nullopt;
}

void print_table(const std::vector<domain::QuestionStats>& all) {
  if (all.empty()) std::cout << "Aucune réponse.\n";
  for (const auto& s : all) {
    std::cout << "Question : " << s.question << "\n";
    std::cout << fmt::format("  Réponses (1–5)       avant : {:<8} après : {:<8} réponses liées : {}{}\n", s.n_pre,
                             s.n_post, s.paired_n,
                             s.small_sample ? "   petit échantillon (moins de 30 réponses avant ou après)" : "");
    std::cout << fmt::format("  Moyenne              avant : {:<8} après : {:<8} d de Cohen : {}\n", fr(s.mean_pre, 2),
                             fr(s.mean_post, 2), fr(s.cohen_d, 2));
    std::cout << fmt::format("    Welch              t = {:<10} p = {}\n", fr(s.welch_t, 3), fr_p(s.welch_p));
    std::cout << fmt::format("    Mann–Whitney       U = {:<10} p = {}\n", fr(s.mannwhitney_u, 1),
                             fr_p(s.mannwhitney_p));
    std::cout << fmt::format("  D’accord (4–5)       avant : {:<8} après : {:<8} h de Cohen : {}\n",
                             fr(percent(s.agree_pre), 1, " %"), fr(percent(s.agree_post), 1, " %"), fr(s.cohen_h, 2));
    std::string ci = s.agree_diff_ci95 ? fmt::format("[{} ; {}]", fr(s.agree_diff_ci95->first * 100, 1),
                                                     fr(s.agree_diff_ci95->second * 100, 1))
                                       : "—";
    std::cout << fmt::format("    Écart après − avant {} points, IC 95 % (Newcombe) {}\n", fr(percent(s.agree_diff), 1),
                             ci);
    std::cout << fmt::format("    Test z             z = {:<10} p = {}\n", fr(s.two_prop_z, 3), fr_p(s.two_prop_p));
    std::cout << fmt::format("  Réponses liées       Wilcoxon p = {}   McNemar exact p = {}\n\n", fr_p(s.wilcoxon_p),
                             fr_p(s.mcnemar_p));
  }
}

int input_error(const std::string& in, const std::vector<std::string>& errors) {
  for (std::size_t i = 0; i < errors.size() && i < kMaxErrorsShown; ++i)
    std::cerr << "passerelles: survey-stats: " << in << " : " << errors[i] << "\n";
  if (errors.size() > kMaxErrorsShown)
    std::cerr << "passerelles: survey-stats: " << in << " : … et " << errors.size() - kMaxErrorsShown
              << " autres erreurs\n";
  return 1;
}

}  // namespace

int cmd_survey_stats(const SurveyStatsOptions& o) {
  std::ostringstream text;
  if (o.in == "-") {
    text << std::cin.rdbuf();
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(o.in, ec)) return input_error(o.in, {"c’est un dossier, pas un fichier CSV"});
    std::ifstream file(o.in, std::ios::binary);
    if (!file)
      return input_error(o.in, {std::filesystem::exists(o.in, ec) ? "impossible de lire le fichier (droits d’accès ?)"
                                                                  : "fichier introuvable"});
    text << file.rdbuf();
  }
  Parsed parsed = parse_answers(text.str());
  if (!parsed.errors.empty()) return input_error(o.in, parsed.errors);

  auto stats = domain::survey_stats(parsed.answers);
  if (o.json)
    std::cout << to_json(stats).dump(2) << "\n";
  else
    print_table(stats);
  return 0;
}

}  // namespace passerelles::cli
