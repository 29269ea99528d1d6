// Unit tests for the before/after survey statistics (figures computed by hand, p-values from scipy/statsmodels) and
// for `passerelles survey-stats` (CSV in, JSON or table out, bad input named by line with exit code 1).
#include "domain/survey_stats.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "support/report_fixture.hpp"

using namespace passerelles::domain;

namespace {

ScaleAnswer pre(std::optional<int> v, std::string code = "", std::string q = "q") {
  return {std::move(q), false, v, std::move(code)};
}
ScaleAnswer post(std::optional<int> v, std::string code = "", std::string q = "q") {
  return {std::move(q), true, v, std::move(code)};
}

// Relative 1e-9 (absolute near zero): the reference values are written with 16 or 17 digits.
void expect_close(const std::optional<double>& got, double want, const char* what) {
  ASSERT_TRUE(got.has_value()) << what << " is null, expected " << want;
  EXPECT_NEAR(*got, want, std::max(1e-9 * std::fabs(want), 1e-12)) << what;
}

QuestionStats only(const std::vector<ScaleAnswer>& answers) {
  auto all = survey_stats(answers);
  EXPECT_EQ(all.size(), 1u);
  return all.empty() ? QuestionStats{} : all.front();
}

}  // namespace

// Five pupils linked by code, before → after: A 1→4, B 2→4, C 2→5, D 3→4, E 4→4; plus a "je ne sais pas" before
// (no code) and one after (code F, which therefore links nothing). By hand:
//   means: pre 12/5 = 2.4, post 21/5 = 4.2; variances (n − 1): pre 5.2/4 = 1.3, post 0.8/4 = 0.2
//   Welch: vn_post = 0.04, vn_pre = 0.26, t = 1.8/√0.3 = 3.2863353450309969, df = 0.09/0.0173 = 5.2023
//     (p = 0.020564170075445014 from scipy.stats.ttest_ind)
//   Mann–Whitney: pooled ranks 1 | 2,2 → 2.5 | 3 → 4 | 4 ×5 → 7 | 5 → 10; R_post = 4·7 + 10 = 38,
//     U_post = 38 − 15 = 23, U_pre = 2; ties 2 and 5: Σ(t³ − t) = 6 + 120 = 126;
//     σ = √(25/12 · (11 − 126/90)) = √20; z = (23 − 12.5 − 0.5)/√20 = √5; p = 2·Φ(−√5) = 0.025347318677468252
//   agreeing (4–5): pre 1/5, post 5/5, difference 0.8; pooled 6/10:
//     z = 0.8/√(0.24·0.4) = 2.5819888974716112, p = 0.009823274507519249;
//     Newcombe interval [0.19259086051089158, 0.9637758913675698] (statsmodels)
//   Cohen: d = 1.8/√((4·0.2 + 4·1.3)/8) = 1.8/√0.75 = 2.0784609690826528; h = π − 2·asin√0.2 = 2.214297435588181
//   pairs: 5; differences 3, 2, 3, 1, 0 → the zero dropped, |d| ranks 1 → 1, 2 → 2, 3,3 → 3.5; R+ = 10, R− = 0;
//     T = 0, mean 4·5/4 = 5, variance (4·5·9 − ½·2·3)/24 = 177/24; z = −5/√7.375; p = 0.06559969214707187
//   McNemar: not agreeing → agreeing 4 (A, B, C, D), agreeing → not 0: p = 2·P(X ≤ 0 | 4, ½) = 2/16 = 0.125
TEST(SurveyStats, TinyDatasetComputedByHand) {
  QuestionStats s =
      only({pre(1, "A"), pre(2, "B"), pre(2, "C"), pre(3, "D"), pre(4, "E"), pre(std::nullopt), post(4, "A"),
            post(4, "B"), post(5, "C"), post(4, "D"), post(4, "E"), post(std::nullopt, "F")});
  EXPECT_EQ(s.question, "q");
  EXPECT_EQ(s.n_pre, 5);
  EXPECT_EQ(s.n_post, 5);
  expect_close(s.mean_pre, 2.4, "mean_pre");
  expect_close(s.mean_post, 4.2, "mean_post");
  expect_close(s.welch_t, 1.8 / std::sqrt(0.3), "welch_t");
  expect_close(s.welch_p, 0.020564170075445014, "welch_p");
  expect_close(s.mannwhitney_u, 23, "mannwhitney_u");
  expect_close(s.mannwhitney_p, 0.025347318677468252, "mannwhitney_p");
  expect_close(s.agree_pre, 0.2, "agree_pre");
  expect_close(s.agree_post, 1.0, "agree_post");
  expect_close(s.agree_diff, 0.8, "agree_diff");
  ASSERT_TRUE(s.agree_diff_ci95.has_value());
  expect_close(s.agree_diff_ci95->first, 0.19259086051089158, "ci low");
  expect_close(s.agree_diff_ci95->second, 0.9637758913675698, "ci high");
  expect_close(s.two_prop_z, 0.8 / std::sqrt(0.096), "two_prop_z");
  expect_close(s.two_prop_p, 0.009823274507519249, "two_prop_p");
  EXPECT_EQ(s.paired_n, 5);
  expect_close(s.wilcoxon_p, 0.06559969214707187, "wilcoxon_p");
  expect_close(s.mcnemar_p, 0.125, "mcnemar_p");
  expect_close(s.cohen_d, 1.8 / std::sqrt(0.75), "cohen_d");
  expect_close(s.cohen_h, std::acos(-1.0) - 2 * std::asin(std::sqrt(0.2)), "cohen_h");
  EXPECT_TRUE(s.small_sample);
}

TEST(SurveyStats, EmptyInputGivesNoQuestion) {
  EXPECT_TRUE(survey_stats({}).empty());
}

TEST(SurveyStats, OnlyDontKnowKeepsTheQuestionWithNothingComputed) {
  QuestionStats s = only({pre(std::nullopt, "A"), post(std::nullopt, "A"), post(std::nullopt)});
  EXPECT_EQ(s.n_pre, 0);
  EXPECT_EQ(s.n_post, 0);
  EXPECT_EQ(s.paired_n, 0);
  for (const auto& f :
       {s.mean_pre, s.mean_post, s.welch_t, s.welch_p, s.mannwhitney_u, s.mannwhitney_p, s.agree_pre, s.agree_post,
        s.agree_diff, s.two_prop_z, s.two_prop_p, s.wilcoxon_p, s.mcnemar_p, s.cohen_d, s.cohen_h})
    EXPECT_FALSE(f.has_value());
  EXPECT_FALSE(s.agree_diff_ci95.has_value());
  EXPECT_TRUE(s.small_sample);
}

TEST(SurveyStats, OneValueEachHasMeansAndRanksButNoTTest) {
  // One answer per phase: 2 before, 4 after. U_post = 2 − 1 = 1 (rank 2), σ = √(1/12 · 3) = ½,
  // z = (1 − ½ − ½)/½ = 0, p = 1. No variance: no Welch, no Cohen's d.
  QuestionStats s = only({pre(2), post(4)});
  expect_close(s.mean_pre, 2, "mean_pre");
  expect_close(s.mean_post, 4, "mean_post");
  EXPECT_FALSE(s.welch_t.has_value());
  EXPECT_FALSE(s.welch_p.has_value());
  EXPECT_FALSE(s.cohen_d.has_value());
  expect_close(s.mannwhitney_u, 1, "mannwhitney_u");
  expect_close(s.mannwhitney_p, 1, "mannwhitney_p");
  expect_close(s.agree_diff, 1, "agree_diff");
  // Pooled share ½: z = 1/√(¼ · 2) = √2, p = 2·Φ(−√2).
  expect_close(s.two_prop_z, std::sqrt(2.0), "two_prop_z");
  expect_close(s.two_prop_p, 0.15729920705028502, "two_prop_p");
}

TEST(SurveyStats, AllEqualAnswersHaveNoVarianceToTest) {
  QuestionStats s = only({pre(3), pre(3), pre(3), post(3), post(3)});
  EXPECT_FALSE(s.welch_t.has_value());
  EXPECT_FALSE(s.welch_p.has_value());
  EXPECT_FALSE(s.cohen_d.has_value());
  expect_close(s.mannwhitney_u, 3, "mannwhitney_u");  // every rank 3: R_post = 6, U = 6 − 3
  EXPECT_FALSE(s.mannwhitney_p.has_value());
  expect_close(s.agree_diff, 0, "agree_diff");
  EXPECT_FALSE(s.two_prop_z.has_value());  // no one agrees: pooled share 0
  EXPECT_FALSE(s.two_prop_p.has_value());
  expect_close(s.cohen_h, 0, "cohen_h");
  ASSERT_TRUE(s.agree_diff_ci95.has_value());  // Wilson intervals exist even at 0 %
  EXPECT_LT(s.agree_diff_ci95->first, 0);
  EXPECT_GT(s.agree_diff_ci95->second, 0);
}

TEST(SurveyStats, WelchWithOneConstantSample) {
  // pre 3,3,3 (variance 0), post 2,4 (variance 2): t = 0/1 = 0, p = 1 (scipy gives the same).
  QuestionStats s = only({pre(3), pre(3), pre(3), post(2), post(4)});
  expect_close(s.welch_t, 0, "welch_t");
  expect_close(s.welch_p, 1, "welch_p");
}

TEST(SurveyStats, EveryoneAgreeingHasNoZTest) {
  QuestionStats s = only({pre(4), pre(5), post(5), post(5)});
  expect_close(s.agree_diff, 0, "agree_diff");
  EXPECT_FALSE(s.two_prop_z.has_value());
  EXPECT_FALSE(s.two_prop_p.has_value());
}

TEST(SurveyStats, DuplicateCodesAreAmbiguousAndLinkNothing) {
  // A twice before: not paired. B once in each phase: paired (2 → 5). C after without a value: not paired.
  // D only before. E after twice: not paired.
  QuestionStats s = only({pre(1, "A"), pre(2, "A"), post(5, "A"), pre(2, "B"), post(5, "B"), pre(3, "C"),
                          post(std::nullopt, "C"), pre(4, "D"), pre(1, "E"), post(4, "E"), post(5, "E")});
  EXPECT_EQ(s.paired_n, 1);
  // One pair, d = 3: R+ = 1, T = 0, mean ½, σ = √(6/24) = ½, z = −1, p = 2·Φ(−1) = 0.31731050786291415.
  expect_close(s.wilcoxon_p, 0.31731050786291415, "wilcoxon_p");
  // Discordant: B (not agreeing → agreeing): b = 0, c = 1, p = min(1, 2·½) = 1.
  expect_close(s.mcnemar_p, 1, "mcnemar_p");
}

TEST(SurveyStats, OnlyZeroDifferencesGiveNoPairedTests) {
  QuestionStats s = only({pre(2, "A"), post(2, "A"), pre(5, "B"), post(5, "B")});
  EXPECT_EQ(s.paired_n, 2);
  EXPECT_FALSE(s.wilcoxon_p.has_value());
  EXPECT_FALSE(s.mcnemar_p.has_value());
}

TEST(SurveyStats, QuestionsInOrderOfFirstAppearanceAndCodesPerQuestion) {
  // The same code in two questions links within each question only; a value outside 1–5 is left out.
  auto all = survey_stats(
      {post(4, "A", "b"), pre(1, "A", "a"), pre(2, "A", "b"), post(5, "A", "a"), pre(9, "", "a"), pre(0, "", "b")});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].question, "b");
  EXPECT_EQ(all[1].question, "a");
  EXPECT_EQ(all[0].paired_n, 1);
  EXPECT_EQ(all[1].paired_n, 1);
  EXPECT_EQ(all[0].n_pre, 1);
  EXPECT_EQ(all[1].n_pre, 1);
}

TEST(SurveyStats, SmallSampleFlagAtThirty) {
  std::vector<ScaleAnswer> answers;
  for (int i = 0; i < 30; ++i) answers.push_back(pre(1 + i % 5));
  for (int i = 0; i < 29; ++i) answers.push_back(post(1 + i % 5));
  EXPECT_TRUE(only(answers).small_sample);
  answers.push_back(post(3));
  EXPECT_FALSE(only(answers).small_sample);
}

// --- passerelles survey-stats ---------------------------------------------------------------------------------

namespace {

passerelles::fixture::ShellResult survey_stats_cli(const std::string& csv, const std::string& flags = "--json") {
  return passerelles::fixture::shell_on_file(csv, "csv",
                                             std::string(PASSERELLES_BINARY) + " survey-stats --in {} " + flags);
}

}  // namespace

TEST(SurveyStatsCli, PrintsTheFiguresAsJson) {
  // Columns in another order, BOM, CRLF, a quoted question with a comma, a "je ne sais pas", upper-case phase.
  auto r = survey_stats_cli(
      "\xEF\xBB\xBF"
      "code,value,question,phase\r\nA,1,\"sales, bruyants\",pre\r\nB,,\"sales, bruyants\",pre\r\n"
      "A,4,\"sales, bruyants\",POST\r\n,5,\"sales, bruyants\",post\r\n");
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["questions"].size(), 1u);
  const auto& q = j["questions"][0];
  EXPECT_EQ(q["question"], "sales, bruyants");
  EXPECT_EQ(q["n_pre"], 1);
  EXPECT_EQ(q["n_post"], 2);
  EXPECT_EQ(q["paired_n"], 1);
  EXPECT_DOUBLE_EQ(q["mean_post"].get<double>(), 4.5);
  EXPECT_DOUBLE_EQ(q["agree_post"].get<double>(), 1.0);
  EXPECT_TRUE(q["welch_t"].is_null());  // one answer before
  EXPECT_TRUE(q["agree_diff_ci95"].is_array());
  EXPECT_EQ(q["small_sample"], true);
  std::vector<std::string> keys;
  for (const auto& [k, v] : q.items()) keys.push_back(k);
  EXPECT_EQ(keys.size(), 21u);
}

TEST(SurveyStatsCli, PrintsAReadableTable) {
  auto r = survey_stats_cli("phase,question,value\npre,q1,1\npre,q1,4\npost,q1,5\npost,q1,4\n", "");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Question : q1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("50,0 %"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("100,0 %"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("petit échantillon"), std::string::npos) << r.out;
}

TEST(SurveyStatsCli, BadInputNamesTheLineAndExitsWithOne) {
  struct Case {
    const char* name;
    std::string csv;
    std::string message;
  } cases[] = {
      {"unknown phase", "phase,question,value,code\npre,q,1,A\n\navant,q,3,B\n",
       "ligne 4 : phase « avant » inconnue (attendu pre ou post)"},
      {"value off the scale", "phase,question,value\npost,q,6\n",
       "ligne 2 : valeur « 6 » invalide (attendu un entier de 1 à 5, ou vide pour « je ne sais pas »)"},
      {"value not a number", "phase,question,value\npost,q,3\npost,q,beaucoup\n", "ligne 3 : valeur « beaucoup »"},
      {"missing column", "phase,question,code\npre,q,A\n", "ligne 1 : colonne « value » absente de l’en-tête"},
      {"empty question", "phase,question,value\npre,  ,2\n", "ligne 2 : question vide"},
      {"unquoted comma", "phase,question,value\npre,sales, bruyants,2\n", "ligne 2 : 4 champs au lieu de 3"},
      {"broken quotes", "phase,question,value\npre,\"q\"x,2\n", "ligne 2 : texte après un guillemet fermant"},
      {"empty file", "", "fichier vide"},
  };
  for (const auto& c : cases) {
    auto r = survey_stats_cli(c.csv);
    EXPECT_EQ(r.code, 1) << c.name << ": " << r.out;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << c.name << ": " << r.out;
    EXPECT_EQ(r.out.find("{"), std::string::npos) << c.name << ": no JSON on bad input";
  }
}

TEST(SurveyStatsCli, MissingFileExitsWithOne) {
  auto r = passerelles::fixture::shell(std::string(PASSERELLES_BINARY) +
                                       " survey-stats --in /nonexistent/answers.csv --json");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("fichier introuvable"), std::string::npos) << r.out;
}
