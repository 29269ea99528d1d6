// Before/after statistics of a perception survey: for each 1–5 agreement statement, the share agreeing (4–5)
// and the mean before and after an action, with the tests funders and evaluators expect. Pure code, no I/O:
// the web results, the dashboard, the funder report and `passerelles survey-stats` all call it.
// Definitions (docs/surveys.md) match scipy/statsmodels to 1e-6 (tests/tools/check_survey_stats.py).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace passerelles::domain {

// Below this many answers in a group, no figure of the group is shown (privacy of pupils and small numbers).
constexpr long kMinShownGroup = 5;
// Below this many answers in either phase, results are flagged as a small sample (interpret with care).
constexpr long kSmallSample = 30;

// One answer to one scale statement. value: 1–5, nullopt for "je ne sais pas" (left out of every statistic).
// code: the link between one pupil's before and after answers ("" when none); it must be unique per phase and
// question within the data set given (callers aggregating several actions prefix it with the action's link).
struct ScaleAnswer {
  std::string question;
  bool post = false;  // false: before the action (pre), true: after (post)
  std::optional<int> value;
  std::string code;
};

struct QuestionStats {
  std::string question;
  long n_pre = 0, n_post = 0;  // answers with a value (1–5)
  std::optional<double> mean_pre, mean_post;
  // scipy.stats.ttest_ind(post, pre, equal_var=False)
  std::optional<double> welch_t, welch_p;
  // scipy.stats.mannwhitneyu(post, pre, alternative='two-sided', method='asymptotic'), U of the post sample
  std::optional<double> mannwhitney_u, mannwhitney_p;
  // Shares agreeing (value 4 or 5) and their difference post − pre.
  std::optional<double> agree_pre, agree_post, agree_diff;
  // Newcombe's hybrid score interval (statsmodels confint_proportions_2indep(method='newcomb', compare='diff')).
  std::optional<std::pair<double, double>> agree_diff_ci95;
  // Pooled two-proportion z test, two-sided (post − pre).
  std::optional<double> two_prop_z, two_prop_p;
  // Linked pairs (same code, a value in both phases).
  long paired_n = 0;
  // scipy.stats.wilcoxon(post − pre, zero_method='wilcox', correction=False, method='approx')
  std::optional<double> wilcoxon_p;
  // scipy.stats.binomtest(b, b + c, 0.5).pvalue on discordant pairs (agreeing before xor after).
  std::optional<double> mcnemar_p;
  // Effect sizes: Cohen's d on the means (pooled standard deviation, post − pre) and Cohen's h on the shares
  // agreeing (2·asin√p_post − 2·asin√p_pre).
  std::optional<double> cohen_d, cohen_h;
  bool small_sample = false;  // n_pre or n_post below kSmallSample
};

// Statistics per question, questions in order of first appearance. Nothing is computed from fewer than two
// values where a test needs them (the field stays nullopt).
std::vector<QuestionStats> survey_stats(const std::vector<ScaleAnswer>& answers);

}  // namespace passerelles::domain
